// What `stipple export` writes, built on the CPU from the baked pigment map and the design's
// layers (docs/export.md). Every image is in UV space, square, rows from v = 1 down (the usual
// image orientation for OpenGL-style UVs, and what glTF viewers expect).
#pragma once

#include "core/DensityMap.h"
#include "core/HeadMesh.h"
#include "core/ImpressionLook.h"
#include "core/Layers.h"
#include "io/ImageFile.h"

#include <glm/vec3.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace stipple {

struct ExportLook {
    glm::vec3 skinAlbedoSrgb{0.0f};  // used where the mesh has no albedo texture of its own
    glm::vec3 inkAlbedoSrgb{0.0f};
    // The pigment's soft shadow (core/SkinDiffusion.h): its gain per channel, its sigma in
    // texels of the pigment map and its tail's share.
    glm::vec3 haloGain{1.0f};
    float haloSigmaTexels = 0.0f;
    float haloTail = 0.0f;
    float dotCrisp = 1.0f;  // how much of a dot shows crisp where it lies
};

// The composite of impressions that look as `look` says; haloSigmaTexels is left for the
// caller, who knows the pigment map's texel size.
ExportLook exportLookFor(const ImpressionLook& look);

// The skin with the pigment composited as shaders/head.frag does it (ink albedo; the dots with
// their soft shadow; shading dilutes the ink; scar pales the skin and takes ink less), sRGB,
// alpha 1, `size` square. `coverage` is a PigmentBake's readCoverage() of that size, already
// padded across seams. `islands` is that bake's islandMask(): the shadow blurs the coverage
// within the UV islands only, so a seam never pulls the empty background in (empty: nothing was
// baked, no shadow). The layers and the skin are defined over the whole UV square, so the result
// is padded wherever the pigment map is. Worked out at 16 bits a channel; the 8-bit image is that
// rounded.
Image compositeAlbedo(const HeadMesh& mesh, const LayerSet& layers, const std::vector<std::uint8_t>& coverage, int size,
                      const std::vector<std::uint8_t>& islands, const ExportLook& look);
Image16 compositeAlbedo16(const HeadMesh& mesh, const LayerSet& layers, const std::vector<std::uint8_t>& coverage, int size,
                          const std::vector<std::uint8_t>& islands, const ExportLook& look);
// 16 bits to 8, rounded as compositeAlbedo rounds.
Image toEightBit(const Image16& image);

// The pigment to lay over any skin, as a PNG written row by row: RGB = the ink's colour (sRGB),
// A = `coverage` (as above).
void writeCoveragePng(const std::filesystem::path& path, const std::vector<std::uint8_t>& coverage, int size,
                      glm::vec3 inkAlbedoSrgb);

// `density` (where impressions go: placedDensity() in io/Design.h) as a colour ramp (the
// viewport's density overlay) on grey skin, the hairline mask's 0.5 contour in red, UV islands
// lighter than the background, as a PNG written row by row. `islands` holds 1 for every texel
// inside a UV island, rows from v = 1 down (PigmentBake::islandMask()); empty when nothing was
// baked, and then nothing is designed anywhere: the guide is plain background.
void writeDesignGuidePng(const std::filesystem::path& path, const LayerSet& layers, const DensityMap& density,
                         const std::vector<std::uint8_t>& islands, int size);

// OpenEXR bytes: one float32 channel "Y", impressions per cm^2, at the map's own resolution.
std::string densityExr(const DensityMap& density);

// Binary glTF bytes: the head in metres (+Y up, +Z out of the face, as glTF wants), with
// normals, UVs and `albedoPng` embedded as the base colour texture.
std::string headGlb(const HeadMesh& mesh, const std::string& albedoPng);

}  // namespace stipple
