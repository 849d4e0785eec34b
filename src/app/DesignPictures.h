// A design drawn headless, as `stipple render` and the consultation sheet draw it: the head
// uploaded and the impressions scattered and baked once, at one look, then any number of
// pictures from any camera, with the impressions or without them (the client's scalp today).
#pragma once

#include "core/Lighting.h"
#include "core/OrbitCamera.h"
#include "core/SmpModel.h"
#include "gpu/HeadRenderer.h"
#include "gpu/DesignScene.h"
#include "gpu/ScalpImpressions.h"
#include "io/Design.h"

#include <memory>
#include <optional>

namespace stipple {

// How the pictures show the design (`--stage` and `--light` on the command line); the skin, the
// hair, the needle and the depth are the design's own settings.
struct PictureLook {
    std::optional<SmpStage> stage;  // none: the dots as the design's needle leaves them
    Lighting lighting = Lighting::Clinic;
};

class DesignPictures {
public:
    // Needs a current GL context; `design` must outlive this. Without `withImpressions` every
    // picture shows the scalp as it is: the client's own stubble, no impressions.
    DesignPictures(const Design& design, const PictureLook& look, bool withImpressions = true);

    // The look's skin, light and ink; overlays and the background are the caller's to add.
    const ShadingSettings& shading() const { return shading_; }
    // The design's impressions (and the client's stubble) on the GPU; null when there are none.
    const ScalpImpressions* impressions() const { return scene_->impressions(); }
    // Shows session `session` of `plan` alone or so far (core/SessionPlan.h); 0: the whole design.
    void showSession(const SessionPlan& plan, int session, SessionView view);

    // One picture; `before` leaves the impressions out and keeps the client's stubble.
    Image render(const OrbitCamera& camera, int width, int height, const ShadingSettings& settings,
                 bool before = false) const;
    // The same picture as an eye sees it from `metres` (core/SeenFrom.h): `camera` moved there,
    // rendered supersampled and filtered by the eye's point-spread function. `seenCamera`, when
    // given, receives the camera used.
    Image renderSeenFrom(const OrbitCamera& camera, float metres, int width, int height,
                         const ShadingSettings& settings, bool before = false, OrbitCamera* seenCamera = nullptr) const;

private:
    HeadRenderer renderer_;
    std::unique_ptr<DesignScene> scene_;
    ShadingSettings shading_;
};

}  // namespace stipple
