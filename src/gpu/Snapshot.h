// One picture of the head, drawn offscreen: what `stipple render` and the GL tests use.
#pragma once

#include "core/HeadMesh.h"
#include "core/OrbitCamera.h"
#include "gpu/HeadRenderer.h"

namespace stipple {

// Renders with 4x multisampling into an offscreen target; needs a current GL context.
Image renderSnapshot(const HeadRenderer& renderer, const OrbitCamera& camera, int width, int height,
                     const ShadingSettings& settings, const PigmentView& pigment = {});

}  // namespace stipple
