#include "gpu/Snapshot.h"

#include "gpu/RenderTarget.h"

namespace stipple {

OrbitCamera cameraForView(const HeadMesh& mesh, StandardView view, float aspect) {
    OrbitCamera camera;
    camera.setView(view);
    camera.frame(computeBounds(mesh.positions), aspect);
    return camera;
}

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
