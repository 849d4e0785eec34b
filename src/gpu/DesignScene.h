// The GPU's copy of one design, and the only place that turns the design's changes into GPU
// work: its layers as textures (for the overlays and the GPU brush), the impressions' scatter,
// their baked pigment map and its halo. The window, the headless pictures (`stipple render`,
// the sheet), the export, the shared page and the benchmark all drive it: an edit reports a
// DesignChange (core/DesignChange.h) and apply() does what it needs, and no more.
#pragma once

#include "core/CandidatePool.h"
#include "core/DesignChange.h"
#include "core/DesignSettings.h"
#include "core/HeadMesh.h"
#include "core/ImpressionLook.h"
#include "core/Layers.h"
#include "core/SessionPlan.h"
#include "gpu/HeadRenderer.h"
#include "gpu/LayerTextures.h"
#include "gpu/ScalpImpressions.h"

#include <memory>
#include <optional>

namespace stipple {

// Which dots the impressions put on the skin, and how large the map they are baked into is.
struct SceneDots {
    bool design = true;      // the design's impressions
    bool nativeHair = true;  // the client's stubble
    bool halo = true;        // the map bakes the impressions' halo (the viewport's; the export blurs its own)
    int pigmentMapSize = kDefaultPigmentMapSize;
};

// The stage the impressions show: the design's own preview stage (DesignSettings::stage, as the
// window shows it), or a stage of the picture's own (none: as designed).
struct ShownStage {
    bool followsSettings = true;
    std::optional<SmpStage> stage;
};
inline ShownStage fixedStage(std::optional<SmpStage> stage) { return {false, stage}; }

class DesignScene {
public:
    // Uploads the layers. `mesh`, `layers` and `settings` must outlive the scene; a current GL
    // context is needed for its life.
    DesignScene(const HeadMesh& mesh, const LayerSet& layers, const DesignSettings& settings,
                const ShownStage& stage = {});

    // Whether `dots` put any dot on the skin of this design (a design or stubble to show).
    bool showsDots(const SceneDots& dots) const;
    // Makes the impressions on `pool` (once the pool is built): scatters and bakes. Nothing is
    // made where showsDots() says there is nothing to show.
    void makeImpressions(CandidatePool pool, const SceneDots& dots = {});

    // Follows one edit of the design: uploads the layers' changed texels, scatters and bakes
    // again where the density or the client's hair changed, takes a new look.
    void apply(const DesignChange& change);
    // The CPU layers hold what strokes painted on the GPU now (the stroke ended): the
    // impressions take their densities as their own.
    void strokeEnded();
    // Shows the impressions at another stage (none: as designed), in place of the settings'.
    void showStage(std::optional<SmpStage> stage);
    // Shows one session of `plan` alone or so far (core/SessionPlan.h); 0: the whole design.
    void showSession(const SessionPlan& plan, int session, SessionView view);

    // How the impressions look now: the dots, the ink, the halo, the skin.
    const ImpressionLook& look() const { return look_; }
    LayerTextures& layerTextures() { return textures_; }
    const LayerTextures& layerTextures() const { return textures_; }
    // Null until makeImpressions(), and where there are none to make.
    ScalpImpressions* impressions() { return impressions_.get(); }
    const ScalpImpressions* impressions() const { return impressions_.get(); }
    // What the head renderer draws: the impressions, if any, and the layers for the overlays.
    PigmentView view() const;

private:
    ImpressionLook currentLook() const;

    const HeadMesh& mesh_;
    const LayerSet& layers_;
    const DesignSettings& settings_;
    ShownStage stage_;
    ImpressionLook look_;
    LayerTextures textures_;
    std::unique_ptr<ScalpImpressions> impressions_;
};

}  // namespace stipple
