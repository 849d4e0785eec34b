// Everything that puts impressions on one head's skin, on the GPU: the candidate pool's field,
// the density, the dot look and the baked pigment map. The app, `stipple render`,
// `stipple impressions` and the benchmark all drive it the same way.
#pragma once

#include "core/CandidatePool.h"
#include "core/HeadMesh.h"
#include "core/ImpressionLook.h"
#include "core/SessionPlan.h"
#include "core/SkinDiffusion.h"
#include "core/SmpModel.h"
#include "gpu/HeadRenderer.h"
#include "gpu/ImpressionField.h"
#include "gpu/PigmentBake.h"

#include <memory>

namespace stipple {

constexpr int kDefaultPigmentMapSize = 2048;

class ScalpImpressions {
public:
    // Scatters and bakes the first design: `density` (impressions per cm^2), dots as `look`,
    // beside the client's stubble where `nativeHair` (follicular units per cm^2) says. The map
    // bakes the pigment's halo `haloSigmaMm` wide with its tail (PigmentBake; 0: none), and the
    // hair cut `stubbleMm` above the skin with a share `greyHairShare` of it grey.
    ScalpImpressions(const HeadMesh& mesh, CandidatePool pool, const ScatterParams& look = {},
                     const DensityMap& density = DensityMap::uniform(kDefaultDensityPerCm2),
                     int pigmentMapSize = kDefaultPigmentMapSize,
                     const DensityMap& nativeHair = DensityMap::uniform(0.0f),
                     float haloSigmaMm = skinDiffusion(kDefaultDepthMm).haloSigmaMm,
                     float haloTail = skinDiffusion(kDefaultDepthMm).haloTail, float stubbleMm = 0.0f,
                     float greyHairShare = 0.0f);

    // New densities everywhere: scatters and bakes it all.
    void setDensities(const DensityMap& density, const DensityMap& nativeHair);
    // Densities that changed only within the given spheres (a brush stroke, mirrored or not):
    // only the candidates and texels there are scattered and baked again.
    struct Region {
        glm::vec3 centerMm;
        float radiusMm;
    };
    void setDensitiesWithin(const DensityMap& density, const DensityMap& nativeHair, const std::vector<Region>& changed);
    // The same after a stroke painted on the GPU (GpuBrushStroke): the scatter's density is
    // composed from the layer textures over `densityTexels` (density and hairline layers of one
    // size) and the native hair copied over `nativeHairTexels`, on the GPU, without the CPU
    // recomposing or uploading a map. density() and nativeHair() are left behind until
    // adoptDensities().
    void setDensitiesWithin(const LayerTextures& layers, const TexelRect& densityTexels,
                            const TexelRect& nativeHairTexels, const std::vector<Region>& changed);
    // Takes `density` and `nativeHair` as the CPU copies of what the GPU holds (designDensity()
    // and nativeHairDensity() of the layers once the stroke has read them back), so later full
    // re-scatters start from them. Scatters nothing.
    void adoptDensities(const DensityMap& density, const DensityMap& nativeHair) {
        density_ = density;
        nativeHair_ = nativeHair;
    }
    // The dots as `look` has them, and their halo where the map bakes one; scatters and bakes again.
    void setLook(const ImpressionLook& look);
    // How the client's shaved hair is drawn: its length and grey share (the whorl stays the
    // head's); bakes again when it changed.
    void setStubbleLook(float lengthMm, float greyShare);
    // Shows one session of `plan` (1-based) alone or the sessions up to it; 0: the whole design.
    // The impressions take the session's shade.
    void showSession(const SessionPlan& plan, int session, SessionView view);

    const DensityMap& density() const { return density_; }
    const DensityMap& nativeHair() const { return nativeHair_; }
    const ScatterParams& dotLook() const { return look_; }
    std::uint32_t impressionCount() const { return count_; }

    const CandidatePool& pool() const { return pool_; }
    const ImpressionField& field() const { return *field_; }
    const PigmentBake& bake() const { return *bake_; }
    PigmentView view() const { return {field_.get(), bake_.get()}; }

private:
    ScatterParams shownLook() const;
    void update();
    void scatterAndBake(const std::vector<Region>& changed);

    DensityMap density_;
    DensityMap nativeHair_;
    ScatterParams look_;
    float sessionShade_ = 1.0f;  // times look_.shade while a session is shown
    std::uint32_t count_ = 0;
    CandidatePool pool_;
    std::unique_ptr<ImpressionField> field_;
    std::unique_ptr<PigmentBake> bake_;
};

}  // namespace stipple
