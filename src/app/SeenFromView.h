// The viewport as an eye sees the head from a distance (core/SeenFrom.h): the view rendered
// supersampled offscreen, filtered by the eye's point-spread function on the CPU and shown until
// the camera or the design changes. Making it takes a moment on software GL, so while the camera
// moves the plain view is drawn from the same place, and the filtered one follows once it rests.
#pragma once

#include "core/OrbitCamera.h"
#include "gpu/GlObject.h"
#include "gpu/HeadRenderer.h"

#include <cstddef>

namespace stipple::window {

class SeenFromView {
public:
    // Draws `camera`'s view of the head, seen from `metres`, into the default framebuffer's
    // (0, 0, width, height). `designGeneration` changes whenever the design or its look does;
    // `resting` says the camera has stopped, so a filtered picture may be made now.
    void draw(const HeadRenderer& renderer, const OrbitCamera& camera, int width, int height,
              const ShadingSettings& settings, const PigmentView& pigment, float metres,
              std::size_t designGeneration, bool resting);

private:
    // What the filtered picture shows; a different key makes a new one.
    struct Key {
        OrbitCamera camera;
        int width = 0, height = 0;
        float metres = 0.0f;
        std::size_t designGeneration = 0;
        bool operator==(const Key& other) const;
    };
    bool sameLook(const ShadingSettings& settings) const;

    Key shown_;
    ShadingSettings shownSettings_;
    bool valid_ = false;
    GlTexture picture_;
    GlFramebuffer pictureFramebuffer_;
};

}  // namespace stipple::window
