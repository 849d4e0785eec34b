// The pigment map: dot coverage baked into a UV-space texture (red: the impressions' pigment,
// green: the client's stubble, blue: the pigment's halo, its soft shadow in the skin), padded
// across seams and mipmapped. Far views sample it (one texture read a pixel, whatever the impression count);
// export writes it. Close views evaluate dots directly (shaders/dots.glsl) for crisp edges.
#pragma once

#include "core/HeadMesh.h"
#include "core/PigmentMapLayout.h"
#include "gpu/GlObject.h"
#include "gpu/ImpressionField.h"

#include <cstdint>
#include <vector>

namespace stipple {

class PigmentBake {
public:
    // `size` x `size` texels. With `haloSigmaMm` above 0 every bake also writes the halo: the
    // pigment blurred by about that sigma on the skin, a share `haloTail` of it kHaloTailScale
    // times wider (core/SkinDiffusion.h); with 0 the map has no blue (the export blurs its own,
    // and an 8192 map is half the memory). Needs a current GL 4.5 context.
    PigmentBake(const HeadMesh& mesh, int size, float haloSigmaMm = 0.0f, float haloTail = 0.0f);

    // A new halo (another depth or stage), from the next bake on; only for a map made with a
    // halo (throws std::logic_error otherwise, or for a width that is not positive).
    void setHalo(float haloSigmaMm, float haloTail);
    // Whether the map bakes a halo (in blue) at all.
    bool hasHalo() const { return haloSigmaMm_ > 0.0f; }

    // Bakes every texel (after a change everywhere, such as a new density for the whole scalp).
    void bakeAll(const ImpressionField& field);
    // Bakes only the triangles within `radiusMm` of `centerMm` (plus the largest dot's reach):
    // what a brush dab or a local density change needs.
    void bakeAround(const ImpressionField& field, glm::vec3 centerMm, float radiusMm);

    GLuint texture() const { return texture_.get(); }
    int size() const { return size_; }
    // Texel size on the skin, in mm, where the map is densest on the scalp: for the viewport's
    // choice between the map and direct evaluation.
    float scalpTexelMm() const { return scalpTexels_.finestMm; }
    // The median texel on the scalp, by area, in mm: one size for what is blurred over a
    // stretch of skin in texels (the export's halo).
    float scalpMedianTexelMm() const { return scalpTexels_.medianMm; }

    // One level of the map as an image: red = pigment coverage, green = stubble coverage, blue =
    // the halo. Rows from v = 1 down.
    Image readPixels(int level = 0) const;
    // The full map's pigment coverage alone (its red), one byte a texel, rows from v = 1 down:
    // what an export composites, a quarter of readPixels()' memory.
    std::vector<std::uint8_t> readCoverage() const;
    // 1 for every texel inside a UV island, 0 outside; rows from v = 1 down, like readPixels().
    // Known after the first bakeAll().
    const std::vector<std::uint8_t>& islandMask() const { return islands_; }

private:
    // The triangles with a point within `reachMm` of `centerMm`, and their UV bounds.
    struct Region {
        std::vector<glm::uvec3> triangles;
        glm::vec2 uvLow{1.0f}, uvHigh{0.0f};
    };
    Region trianglesNear(glm::vec3 centerMm, float reachMm) const;
    // `program` over the triangles of `region` (or all of them); `field` is bound for the dots.
    void draw(GLuint program, const ImpressionField* field, const Region* region = nullptr);
    void drawHalo(const Region* region = nullptr);
    // Copies each texel just outside an island from its nearest island texel, over the rows
    // `region` can have changed (every row without one).
    void pad(const Region* region = nullptr);
    // Re-filters the mip levels over texels [low, high) of the full-size level.
    void updateMips(glm::ivec2 low, glm::ivec2 high);
    // Reads the islands from the MARK_ISLANDS bake and uploads their padding pairs.
    void computePaddingPairs();
    void uploadMesh(const HeadMesh& mesh);
    // The map's texture, its view of the coarser levels (for the halo) and its framebuffer.
    void createMap();

    int size_;
    float haloSigmaMm_;
    float haloTail_;
    GLenum format_;  // RGBA8 with a halo, RG8 without
    ScalpTexelSizes scalpTexels_;
    std::vector<glm::vec3> positions_;
    std::vector<glm::vec2> uvs_;
    std::vector<glm::uvec3> triangles_;
    GlProgram bakeProgram_, islandsProgram_, haloProgram_, padProgram_, mipProgram_;
    GlVertexArray vertexArray_;
    GlBuffer vertexBuffer_, allTriangles_, regionTriangles_, paddingPairs_;
    std::vector<std::uint32_t> pairRowStart_;  // the first padding pair of each target row, and the count
    std::vector<std::uint8_t> islands_;
    GlTexture texture_;
    GlTexture coarseLevels_;  // a view of texture_ from level 1: what the halo reads
    GlTexture fullLevelCopy_;  // level 0 as the halo pass starts: what a narrow halo reads
    GlFramebuffer framebuffer_;
};

}  // namespace stipple
