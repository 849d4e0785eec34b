// The impressions on the GPU: the candidate pool, its 3D grid, the density layer, and what the
// scatter pass decided for every candidate. Shaders that draw dots (the viewport's close-up and
// the UV bake) read it through shaders/dots.glsl.
#pragma once

#include "core/CandidateGrid.h"
#include "core/CandidatePool.h"
#include "gpu/GlObject.h"

#include <cstdint>
#include <vector>

namespace stipple {

// How a scattered candidate looks; the CPU twin (core/Scatter.h) takes the same numbers.
struct DotLook {
    float needleDiameterMm = 0.20f;  // 1RL "06" cartridge, docs/smp-facts.md
    float diameterJitter = 0.08f;    // relative: hand pressure and depth vary a little
    float shade = 0.85f;             // pigment opacity of a dot
    float shadeJitter = 0.15f;       // relative darkening spread
};

class ImpressionField {
public:
    // Uploads the pool and its grid. Needs a current GL 4.3+ context.
    ImpressionField(const CandidatePool& pool, const CandidateGrid& grid);

    // The density layer: `width` x `height` values in impressions per cm^2, rows from v = 0 up.
    void setDensity(int width, int height, const float* values);

    // Runs the scatter pass over every candidate (one thread each).
    void scatter(const DotLook& look);

    // Number of active impressions and their candidate ids (ascending), read back from the GPU.
    std::uint32_t activeCount() const;
    std::vector<std::uint32_t> activeIds() const;

    // Binds the buffers dots.glsl reads and sets its uniforms on `program`.
    void bindForDots(GLuint program) const;

    std::size_t candidateCount() const { return candidateCount_; }
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
