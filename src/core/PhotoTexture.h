// The client's skin from the photos: each texel of the head's UV map takes the colour the photos
// show at its point on the skin (docs/photo-fit.md, "The skin"). GL-free.
#pragma once

#include "core/HeadMesh.h"
#include "core/PhotoSilhouette.h"
#include "core/PinholeCamera.h"

#include <optional>
#include <vector>

namespace stipple {

struct TexturePhoto {
    const Image* image = nullptr;  // the photo, RGBA8 sRGB, rows from the top
    PinholeCamera camera;          // as the fit left it (the fitted head's model space)
};

struct PhotoTextureReport {
    std::vector<glm::vec3> gains;  // per photo, per channel (linear): its exposure matched to the first photo's
    double seenShare = 0.0;        // of the texels inside the UV islands, those some photo sees
};

// A `size` x `size` albedo (sRGB, rows from v = 1 down, as mesh.albedo) for `head`: each texel
// the photos' colours at its point, each photo weighted by how squarely it sees the skin there
// (nothing where the skin faces away or something nearer hides it), so seams between photos
// fade over the surface's turn; each photo's exposure scaled to agree with the others where
// they overlap; texels no photo sees, inside the UV islands and around them, take the colours
// around them (so filtering never reaches a background).
Image projectPhotosToAlbedo(const HeadMesh& head, const std::vector<TexturePhoto>& photos, int size,
                            PhotoTextureReport* report = nullptr);

// The client's remaining hair as a first guess of the native-hair layer, read from the fitted
// head's skin (`head.albedo`): where the scalp is darker than the forehead's bare skin, hair
// grows there. Less than 15 % darker is taken for the photos' shading and a shaved scalp's faint
// stubble (none), 60 % darker or more for full density; the colour is the darkest part's mean.
struct NativeHairGuess {
    int size = 0;
    std::vector<float> perCm2;      // size x size, row 0 at v = 0 (as the layers), follicular units per cm^2
    std::optional<glm::vec3> colourSrgb;  // where hair was found on at least 1 % of the scalp
    double coveredShare = 0.0;      // of the scalp's vertices, those with some hair
};
NativeHairGuess guessNativeHair(const HeadMesh& head, int size);

}  // namespace stipple
