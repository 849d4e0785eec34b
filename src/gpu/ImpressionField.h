// The impressions on the GPU: the candidate pool, its 3D grid, the density layer, and what the
// scatter pass decided for every candidate. Shaders that draw dots (the viewport's close-up and
// the UV bake) read it through shaders/dots.glsl.
#pragma once

#include "core/CandidateGrid.h"
#include "core/CandidatePool.h"
#include "core/DensityMap.h"
#include "core/NativeHair.h"
#include "core/Scatter.h"
#include "gpu/GlObject.h"
#include "gpu/LayerTextures.h"

#include <cstdint>
#include <vector>

namespace stipple {

class ImpressionField {
public:
    // Uploads the pool and its grid. Needs a current GL 4.5 context.
    ImpressionField(const CandidatePool& pool, const CandidateGrid& grid);

    // The density layer, in impressions per cm^2.
    void setDensity(const DensityMap& density);
    // The client's own hair, follicular units per cm^2, and how its stubble looks
    // (core/NativeHair.h). None until set.
    void setNativeHair(const DensityMap& hair, const ScatterParams& stubble);
    // How the shaved hair is drawn (its length, grey share and growth), from the next bake or
    // frame on. The default: freshly shaved, no grey, growing from the origin.
    void setStubbleLook(const StubbleLook& look) { stubbleLook_ = look; }
    const StubbleLook& stubbleLook() const { return stubbleLook_; }
    // Density x hairline mask over texels [rect], composed on the GPU straight from the layer
    // textures (what designDensity() gives where both layers have the same size, which this
    // requires: it throws std::logic_error otherwise). A density of another size is replaced by
    // the whole composed map.
    void composeDensity(const LayerTextures& layers, const TexelRect& rect);
    // The native-hair layer's texels [rect], copied on the GPU straight from its layer texture
    // (a texture of another size is replaced by the whole layer).
    void copyNativeHair(const LayerTextures& layers, const TexelRect& rect);
    // The density the scatter reads (r32f, impressions per cm^2).
    GLuint densityTexture() const { return density_.texture.get(); }

    // Only the impressions with from * threshold <= rank < to * threshold: what a session of
    // the plan places alone (from = the previous session's fraction) or so far (from = 0)
    // (core/SessionPlan.h). (0, 1), the whole design, until set; follicles are not windowed.
    void setRankWindow(float fromFraction, float toFraction);

    // Runs the scatter pass over every candidate (one thread each): scatterImpressions() and
    // scatterFollicles() on the GPU, same arithmetic.
    void scatter(const ScatterParams& params);
    // The same pass over only the candidates within `radiusMm` of `centerMm`: enough when the
    // density changed only there, and what keeps a brush dab cheap on a large pool.
    void scatterAround(const ScatterParams& params, const glm::vec3& centerMm, float radiusMm);

    // Number of impressions (kept by the scatter, read back); follicles do not count.
    std::uint32_t activeCount() const;
    // The impressions' candidate ids, ascending: a compaction pass appends them with an atomic
    // counter.
    std::vector<std::uint32_t> activeIds() const;

    // What the scatter decided for every candidate, read back (GpuDotState in candidates.glsl).
    enum DotKind : std::uint32_t { kNoDot = 0, kImpressionDot = 1, kFollicleDot = 2 };
    struct DotState {
        float diameterMm;
        float shade;
        std::uint32_t seed;
        std::uint32_t kind;  // DotKind
    };
    std::vector<DotState> dotStates() const;

    // Binds the buffers dots.glsl reads and sets its uniforms on `program`.
    void bindForDots(GLuint program) const;

    std::size_t candidateCount() const { return candidateCount_; }
    float maxDensityPerCm2() const { return maxDensityPerCm2_; }
    float maxDotRadiusMm() const { return grid_.maxDotRadiusMm; }
    // How far from a candidate what it draws can reach: its dot, or its unit's hairs.
    float maxDotReachMm() const;

private:
    void dispatchScatter(const ScatterParams& params, GLuint threads, bool useIdList);

    std::size_t candidateCount_;
    float maxDensityPerCm2_;
    std::uint32_t poolSeed_;
    struct {
        float cellSizeMm;
        float maxDotRadiusMm;
        std::uint32_t bucketMask;
    } grid_;
    std::vector<glm::vec3> positions_;  // for finding the candidates a local change reaches
    GlProgram scatterProgram_, compactProgram_, composeProgram_;
    GlBuffer candidates_, dotStates_, activeCount_, activeList_, scatterIds_, bucketStart_, gridEntries_;
    struct DensityTexture {
        GlTexture texture;
        int width = 0, height = 0;
    };
    // Keeps a density texture while its size stays (a brush updates it every frame).
    static void sizeDensity(DensityTexture& target, int width, int height);
    static void upload(DensityTexture& target, const DensityMap& map);
    DensityTexture density_, hair_;
    ScatterParams stubble_;
    StubbleLook stubbleLook_;
    bool hasHair_ = false;  // some follicle may be placed: the stubble's search is worth its cost
    glm::vec2 rankWindow_{0.0f, 1.0f};
};

}  // namespace stipple
