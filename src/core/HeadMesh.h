// HeadMesh: the head as the whole product sees it, free of any GL or file format.
//
// Model space is fixed for every head Stipple works with:
//   millimetres, +Y up, +Z out of the face, mid-sagittal plane at x = 0.
// Looking at the face, the subject's left side is at +X.
#pragma once

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace stipple {

// Anatomical points the hairline rules of SMP are measured from (see docs/head-format.md).
struct Landmarks {
    glm::vec3 glabella{0.0f};            // between the brows, on the skin
    glm::vec3 lateralCanthusLeft{0.0f};  // outer eye corner, subject's left (+X)
    glm::vec3 lateralCanthusRight{0.0f};
    glm::vec3 earCanalLeft{0.0f};        // opening of the ear canal, subject's left (+X)
    glm::vec3 earCanalRight{0.0f};
    glm::vec3 vertex{0.0f};              // highest point of the skull
    bool estimated = true;               // true when guessed from the geometry, not placed by hand
};

struct Bounds {
    glm::vec3 min{0.0f};
    glm::vec3 max{0.0f};
    glm::vec3 size() const { return max - min; }
    glm::vec3 center() const { return 0.5f * (min + max); }
};

// An 8-bit RGBA image in memory, rows top to bottom.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
    bool empty() const { return width <= 0 || height <= 0; }
};

struct HeadMesh {
    std::vector<glm::vec3> positions;   // mm
    std::vector<glm::vec3> normals;     // unit, per vertex
    std::vector<glm::vec2> uvs;         // per vertex; a UV seam duplicates the vertex
    std::vector<glm::uvec3> triangles;  // counter-clockwise seen from outside
    // Per-vertex membership of the scalp (hair-bearing area of a shaved head), 0..1 with a
    // soft edge. Empty until a region is loaded or estimated.
    std::vector<float> scalpWeight;
    Landmarks landmarks;
    Image albedo;                       // the mesh's own skin texture, if it has one
    std::string sourcePath;             // where it was loaded from, for messages

    std::size_t vertexCount() const { return positions.size(); }
    std::size_t triangleCount() const { return triangles.size(); }
    bool hasUvs() const { return !uvs.empty(); }
};

Bounds computeBounds(const std::vector<glm::vec3>& positions);

// Area-weighted vertex normals, recomputed from the triangles.
void computeNormals(HeadMesh& mesh);

// 3D surface area of one triangle and of the whole mesh, in mm^2.
float triangleArea(const HeadMesh& mesh, std::size_t triangle);
double surfaceAreaMm2(const HeadMesh& mesh);

// Area of the scalp in cm^2: each triangle weighted by the mean scalp weight of its corners,
// measured on the 3D surface (the UV map stretches, so UV area would be wrong).
double scalpAreaCm2(const HeadMesh& mesh);

// Sum of the triangles' areas in UV space, in units of the texture's square: under 1 for a map
// without overlaps, many times 1 for a map tiled or wrapped across the square. `scalpOnly`
// counts only the triangles of the scalp region (a weight above 0).
double uvFootprint(const HeadMesh& mesh, bool scalpOnly = false);
// The scalp's map may cover the square at most this often: beyond it the map overlaps itself,
// so one texel would hold two places of the scalp and the bakes rasterise the square over and
// over (a map tiled 8 times made a render take 90 s). The rest of the head (eyes, teeth, a body
// sharing the square) may cover it up to kMaxUvFootprint times, which bounds the atlas's cost.
constexpr double kMaxScalpUvFootprint = 2.0;
constexpr double kMaxUvFootprint = 16.0;

// Weight of the scalp at one triangle: mean of its three vertices (0 when no region is set).
float triangleScalpWeight(const HeadMesh& mesh, std::size_t triangle);

// A hash of what the head is made of (positions, normals, UVs, triangles, scalp region): equal
// for the same mesh loaded again, different after any change. For cache keys and references.
std::uint64_t meshContentHash(const HeadMesh& mesh);

// Index of the vertex closest to `point` (0 for an empty mesh).
std::size_t nearestVertex(const HeadMesh& mesh, const glm::vec3& point);

// Throws InputError naming mesh.sourcePath when the mesh cannot be used: no triangles,
// non-finite coordinates, indices out of range, per-vertex arrays of the wrong length, or a UV
// map that covers its square more than kMaxUvFootprint times (the scalp's footprint is checked
// once the scalp region is known: checkScalpUvFootprint).
void validateMesh(const HeadMesh& mesh);

// Throws InputError naming mesh.sourcePath when the scalp's UV map covers its square more than
// kMaxScalpUvFootprint times.
void checkScalpUvFootprint(const HeadMesh& mesh);

}  // namespace stipple
