// The impressions on the GPU: the candidate pool, its 3D grid, the density layer, and what the
// scatter pass decided for every candidate. Shaders that draw dots (the viewport's close-up and
// the UV bake) read it through shaders/dots.glsl.
#pragma once

#include "core/CandidateGrid.h"
#include "core/CandidatePool.h"
#include "core/DensityMap.h"
#include "core/Scatter.h"
#include "gpu/GlObject.h"

#include <cstdint>
#include <vector>

namespace stipple {

class ImpressionField {
public:
    // Uploads the pool and its grid. Needs a current GL 4.3+ context.
    ImpressionField(const CandidatePool& pool, const CandidateGrid& grid);

    // The density layer, in impressions per cm^2.
    void setDensity(const DensityMap& density);

    // Runs the scatter pass over every candidate (one thread each): scatterImpressions() on the
    // GPU, same arithmetic.
    void scatter(const ScatterParams& params);

    // Number of active impressions and their candidate ids (ascending), read back from the GPU.
    std::uint32_t activeCount() const;
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
    std::size_t candidateCount_;
    float maxDensityPerCm2_;
    std::uint32_t poolSeed_;
    struct {
        float cellSizeMm;
        float maxDotRadiusMm;
        std::uint32_t bucketMask;
    } grid_;
    GlProgram scatterProgram_;
    GlBuffer candidates_, dotStates_, activeList_, bucketStart_, gridEntries_;
    GlTexture density_;
};

}  // namespace stipple
