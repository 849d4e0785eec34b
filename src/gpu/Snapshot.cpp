#include "gpu/Snapshot.h"

#include "gpu/RenderTarget.h"

namespace stipple {

Image renderSnapshot(const HeadRenderer& renderer, const OrbitCamera& camera, int width, int height,
                     const ShadingSettings& settings, const PigmentView& pigment) {
    RenderTarget target(width, height);
    target.bind();
    renderer.draw(camera, width, height, settings, pigment);
    Image image = target.readPixels();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return image;
}

}  // namespace stipple
