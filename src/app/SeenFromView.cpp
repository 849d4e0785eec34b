#include "app/SeenFromView.h"

#include "core/SeenFrom.h"
#include "gpu/RenderTarget.h"

namespace stipple::window {

bool SeenFromView::Key::operator==(const Key& other) const {
    return camera == other.camera && width == other.width &&
           height == other.height && metres == other.metres && designGeneration == other.designGeneration;
}

// Everything in the settings that the picture shows; the brush's outline is not drawn in it.
bool SeenFromView::sameLook(const ShadingSettings& settings) const {
    const ShadingSettings& shown = shownSettings_;
    return settings.skinAlbedoSrgb == shown.skinAlbedoSrgb && settings.useMeshAlbedo == shown.useMeshAlbedo &&
           settings.showScalpOverlay == shown.showScalpOverlay && settings.overlay == shown.overlay &&
           settings.backgroundSrgb == shown.backgroundSrgb && settings.inkAlbedoSrgb == shown.inkAlbedoSrgb &&
           settings.hairAlbedoSrgb == shown.hairAlbedoSrgb && settings.showDesign == shown.showDesign &&
           settings.diffusionGain == shown.diffusionGain && settings.longHair == shown.longHair &&
           settings.stubbleMm == shown.stubbleMm && settings.greyHairShare == shown.greyHairShare &&
           settings.lighting == shown.lighting;
}

void SeenFromView::draw(const HeadRenderer& renderer, const OrbitCamera& camera, int width, int height,
                        const ShadingSettings& settings, const PigmentView& pigment, float metres,
                        std::size_t designGeneration, bool resting) {
    const OrbitCamera seen = seenFromCamera(camera, metres);
    const Key key{camera, width, height, metres, designGeneration};
    const bool current = valid_ && key == shown_ && sameLook(settings);
    if (!current && !resting) {
        renderer.draw(seen, width, height, settings, pigment);
        return;
    }
    if (!current) {
        // Supersampling is the antialiasing here: no multisampling on top of it.
        const int factor = seenFromSupersampling(width, height);
        const RenderTarget target(width * factor, height * factor, 0);
        target.bind();
        ShadingSettings withoutCursor = settings;
        withoutCursor.brushCursor.visible = false;
        renderer.draw(seen, width * factor, height * factor, withoutCursor, pigment);
        const Image filtered = eyeFilter(target.readPixels(), factor, arcminutesPerPixel(seen, height * factor));
        picture_ = createTexture(GL_TEXTURE_2D);
        glTextureStorage2D(picture_.get(), 1, GL_RGBA8, filtered.width, filtered.height);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTextureSubImage2D(picture_.get(), 0, 0, 0, filtered.width, filtered.height, GL_RGBA, GL_UNSIGNED_BYTE,
                            filtered.rgba.data());
        pictureFramebuffer_ = createFramebuffer();
        glNamedFramebufferTexture(pictureFramebuffer_.get(), GL_COLOR_ATTACHMENT0, picture_.get(), 0);
        shown_ = key;
        shownSettings_ = settings;
        valid_ = true;
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, width, height);
    }
    // The picture's rows run top to bottom, GL's bottom to top: the blit turns it over.
    glBlitNamedFramebuffer(pictureFramebuffer_.get(), 0, 0, height, width, 0, 0, 0, width, height,
                           GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

}  // namespace stipple::window
