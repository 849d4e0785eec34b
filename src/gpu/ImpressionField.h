// The impressions on the GPU: the candidate pool, its 3D grid, the density layer, and what the
// scatter pass decided for every candidate. Shaders that draw dots (the viewport's close-up and
// the UV bake) read it through shaders/dots.glsl.
#pragma once

#include "core/CandidateGrid.h"
#include "core/CandidatePool.h"
#include "core/DensityMap.h"
#include "core/Scatter.h"
#include "gpu/GlObject.h"
#include "gpu/LayerTextures.h"

#include <cstdint>
#include <vector>

namespace stipple {

class ImpressionField {
public:
    // Uploads the pool and its grid. Needs a current GL 4.3+ context.
    ImpressionField(const CandidatePool& pool, const CandidateGrid& grid);

    // The density layer, in impressions per cm^2.
    void setDensity(const DensityMap& density);
    // Density x hairline mask over texels [rect], composed on the GPU straight from the layer
    // textures (what designDensity() gives where both layers have the same size, which this
    // requires: it throws std::logic_error otherwise). A density of another size is replaced by
    // the whole composed map.
    void composeDensity(const LayerTextures& layers, const TexelRect& rect);
    // The density the scatter reads (r32f, impressions per cm^2).
    GLuint densityTexture() const { return density_.get(); }

    // Runs the scatter pass over every candidate (one thread each): scatterImpressions() on the
    // GPU, same arithmetic.
    void scatter(const ScatterParams& params);
    // The same pass over only the candidates within `radiusMm` of `centerMm`: enough when the
    // density changed only there, and what keeps a brush dab cheap on a large pool.
    void scatterAround(const ScatterParams& params, const glm::vec3& centerMm, float radiusMm);

    // Number of active impressions (kept by the scatter, read back).
    std::uint32_t activeCount() const;
    // Their candidate ids, ascending: a compaction pass appends them with an atomic counter.
    std::vector<std::uint32_t> activeIds() const;

    // What the scatter decided for every candidate, read back (GpuDotState in candidates.glsl).
    struct DotState {
        float diameterMm;
        float shade;
        std::uint32_t seed;
        std::uint32_t active;
    };
    std::vector<DotState> dotStates() const;

    // Binds the buffers dots.glsl reads and sets its uniforms on `program`.
    void bindForDots(GLuint program) const;

    std::size_t candidateCount() const { return candidateCount_; }
    float maxDensityPerCm2() const { return maxDensityPerCm2_; }
    float maxDotRadiusMm() const { return grid_.maxDotRadiusMm; }

private:
    void dispatchScatter(const ScatterParams& params, GLuint threads, bool useIdList);
    // Keeps the density texture while its size stays (a brush updates it every frame).
    void sizeDensity(int width, int height);

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
    GlTexture density_;
    int densityWidth_ = 0, densityHeight_ = 0;
};

}  // namespace stipple
