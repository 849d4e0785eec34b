#include "core/Error.h"
#include "core/Layers.h"
#include "core/SkinTone.h"
#include "gpu/GlInfo.h"
#include "gpu/HeadlessContext.h"
#include "gpu/LayerTextures.h"
#include "gpu/RenderTarget.h"
#include "gpu/ShaderLibrary.h"
#include "gpu/Snapshot.h"
#include "io/MeshLoader.h"
#include "PixelStats.h"

#include <catch2/catch.hpp>

#include <glad/gl.h>

#include <algorithm>
#include <optional>
#include <utility>

using namespace stipple;
using stipple::test::measure;

namespace {

// One context and one uploaded default head for every test in this file.
struct Fixture {
    HeadlessContext context;
    HeadMesh head = loadHeadMesh(defaultHeadPath());
    HeadRenderer renderer{head};
};

Fixture& fixture() {
    static Fixture instance;
    return instance;
}

Image render(StandardView view, const ShadingSettings& settings, int width = 480, int height = 300) {
    Fixture& f = fixture();
    return renderSnapshot(f.renderer, cameraForView(f.head, view, float(width) / float(height)), width, height,
                          settings);
}

double luminance(glm::dvec3 c) { return 0.2126 * c.x + 0.7152 * c.y + 0.0722 * c.z; }

}  // namespace

TEST_CASE("the headless context is OpenGL 4.5+ core, and older versions are refused by name", "[gl]") {
    const std::string description = fixture().context.description();
    CHECK_THAT(description, Catch::StartsWith("OpenGL 4."));
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    CHECK_FALSE(glVersionProblem("headless", major, minor));
    for (const auto& [oldMajor, oldMinor] : {std::pair{3, 3}, std::pair{4, 3}, std::pair{4, 4}}) {
        const std::optional<std::string> problem = glVersionProblem("window", oldMajor, oldMinor);
        REQUIRE(problem);
        CHECK_THAT(*problem, Catch::StartsWith("window: OpenGL 4.5 core"));
        CHECK_THAT(*problem, Catch::Contains("offers " + std::to_string(oldMajor) + "." + std::to_string(oldMinor)));
    }
    CHECK_FALSE(glVersionProblem("window", 4, 6));
    CHECK_FALSE(glVersionProblem("window", 5, 0));
}

TEST_CASE("the default head fills a fair share of the frame in every standard view", "[gl]") {
    const ShadingSettings settings;
    for (const StandardView view : {StandardView::Front, StandardView::Back, StandardView::Left, StandardView::Right,
                                    StandardView::Top, StandardView::ThreeQuarter}) {
        INFO(standardViewName(view));
        const auto stats = measure(render(view, settings), settings.backgroundSrgb);
        CHECK(stats.coverage > 0.12);
        CHECK(stats.coverage < 0.70);
    }
}

TEST_CASE("the head is skin coloured: warm, and darker for darker skin types", "[gl]") {
    ShadingSettings settings;
    settings.useMeshAlbedo = false;
    double previousLuminance = 2.0;
    for (int type = 1; type <= kFitzpatrickTypeCount; ++type) {
        INFO("Fitzpatrick " << type);
        settings.skinAlbedoSrgb = fitzpatrickPreset(type).albedoSrgb;
        const auto stats = measure(render(StandardView::Front, settings), settings.backgroundSrgb);
        CHECK(stats.meanColor.x > stats.meanColor.y);  // red over green over blue: skin, not grey
        CHECK(stats.meanColor.y > stats.meanColor.z);
        CHECK(luminance(stats.meanColor) < previousLuminance);
        previousLuminance = luminance(stats.meanColor);
    }
}

TEST_CASE("the scalp overlay tints the top of the head and not the face", "[gl]") {
    ShadingSettings plain;
    ShadingSettings overlay;
    overlay.showScalpOverlay = true;
    // Seen from the front: the top third holds the scalp, the middle the face.
    const Image without = render(StandardView::Front, plain);
    const Image with = render(StandardView::Front, overlay);
    const int third = without.height / 3;
    const auto topWithout = measure(without, plain.backgroundSrgb, 6, 0, third);
    const auto topWith = measure(with, plain.backgroundSrgb, 6, 0, third);
    CHECK(topWith.meanColor.z > topWithout.meanColor.z + 0.05);
    const int faceFrom = without.height / 2, faceTo = faceFrom + without.height / 10;
    const auto faceWithout = measure(without, plain.backgroundSrgb, 6, faceFrom, faceTo);
    const auto faceWith = measure(with, plain.backgroundSrgb, 6, faceFrom, faceTo);
    CHECK(faceWith.meanColor.z == Approx(faceWithout.meanColor.z).margin(0.01));
}

TEST_CASE("a missing shader file is an internal error naming it", "[gl]") {
    fixture();
    CHECK_THROWS_WITH(buildProgram({"no-such-stage.frag"}), Catch::Contains("no-such-stage.frag"));
}

TEST_CASE("layer overlays colour where the layer says, and only there", "[gl][overlay]") {
    Fixture& f = fixture();
    LayerSet layers(f.head);
    // Erase the hairline mask everywhere but leave the density: the density overlay then shows
    // nothing (no impressions can go anywhere) while the scalp region stays skin-coloured.
    std::fill(layers.layer(LayerKind::Hairline).texels().begin(), layers.layer(LayerKind::Hairline).texels().end(), 0.0f);
    const LayerTextures textures(layers);
    PigmentView view;
    view.layers = &textures;
    ShadingSettings plain, density, hairline;
    density.overlay = ShadingSettings::Overlay::Density;
    hairline.overlay = ShadingSettings::Overlay::Hairline;
    const OrbitCamera camera = cameraForView(f.head, StandardView::Top, 1.6f);
    const auto top = [&](const ShadingSettings& settings) {
        return measure(renderSnapshot(f.renderer, camera, 320, 200, settings, view), settings.backgroundSrgb).meanColor;
    };
    const glm::dvec3 skin = top(plain);
    CHECK(top(density).x == Approx(skin.x).margin(0.01));
    CHECK(top(hairline).x == Approx(skin.x).margin(0.01));

    // Mask back on: the hairline overlay turns the scalp green, the density overlay violet.
    std::fill(layers.layer(LayerKind::Hairline).texels().begin(), layers.layer(LayerKind::Hairline).texels().end(), 1.0f);
    const LayerTextures full(layers);
    view.layers = &full;
    const glm::dvec3 green = top(hairline), violet = top(density);
    CHECK(green.y - green.x > skin.y - skin.x + 0.1);
    CHECK(violet.z - violet.y > skin.z - skin.y + 0.1);
}

TEST_CASE("painted scar tissue is paler than the skin around it, the brush ring shows on the skin", "[gl]") {
    Fixture& f = fixture();
    LayerSet layers(f.head);
    std::fill(layers.layer(LayerKind::Scar).texels().begin(), layers.layer(LayerKind::Scar).texels().end(), 1.0f);
    const LayerTextures scarred(layers), clean(LayerSet(f.head));
    const ShadingSettings settings;
    const OrbitCamera camera = cameraForView(f.head, StandardView::Back, 1.6f);
    const auto mean = [&](const LayerTextures& textures, const ShadingSettings& s) {
        PigmentView view;
        view.layers = &textures;
        return measure(renderSnapshot(f.renderer, camera, 320, 200, s, view), s.backgroundSrgb).meanColor;
    };
    const glm::dvec3 skin = mean(clean, settings), scar = mean(scarred, settings);
    CHECK(luminance(scar) > luminance(skin) + 0.01);

    ShadingSettings withCursor = settings;
    withCursor.brushCursor.visible = true;
    withCursor.brushCursor.centerMm = f.head.landmarks.vertex;
    withCursor.brushCursor.radiusMm = 40.0f;
    PigmentView view;
    view.layers = &clean;
    const OrbitCamera above = cameraForView(f.head, StandardView::Top, 1.6f);
    const Image without = renderSnapshot(f.renderer, above, 320, 200, settings, view);
    const Image with = renderSnapshot(f.renderer, above, 320, 200, withCursor, view);
    // The ring is a thin pale-yellow line: a few hundred pixels turn markedly more yellow.
    int ringPixels = 0;
    for (std::size_t i = 0; i < with.rgba.size(); i += 4)
        if (int(with.rgba[i + 1]) - int(without.rgba[i + 1]) > 20 && with.rgba[i + 2] < with.rgba[i + 1]) ++ringPixels;
    CHECK(ringPixels > 100);
    CHECK(ringPixels < 320 * 200 / 10);
}

TEST_CASE("drawn at half size and scaled up, as the window draws a moving head, the head keeps its place and colour",
          "[gl]") {
    Fixture& f = fixture();
    constexpr int kWidth = 480, kHeight = 300;
    const ShadingSettings settings;
    const OrbitCamera camera = cameraForView(f.head, StandardView::ThreeQuarter, float(kWidth) / float(kHeight));
    const Image full = render(StandardView::ThreeQuarter, settings, kWidth, kHeight);

    const RenderTarget half(kWidth / 2, kHeight / 2, 1), window(kWidth, kHeight, 1);
    half.bind();
    f.renderer.draw(camera, kWidth / 2, kHeight / 2, settings);
    window.bind();
    GLint windowFramebuffer = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &windowFramebuffer);
    half.blitTo(GLuint(windowFramebuffer), kWidth, kHeight);
    const Image scaled = window.readPixels();

    REQUIRE(scaled.width == kWidth);
    CHECK(scaled.rgba != full.rgba);  // a coarser picture, not the same one
    const auto fullStats = measure(full, settings.backgroundSrgb), scaledStats = measure(scaled, settings.backgroundSrgb);
    CHECK(scaledStats.coverage == Approx(fullStats.coverage).epsilon(0.05));
    for (int c = 0; c < 3; ++c) CHECK(scaledStats.meanColor[c] == Approx(fullStats.meanColor[c]).epsilon(0.03));
    // Pixel by pixel it stays close: the head is where it was, only softer at its edge.
    std::size_t near = 0;
    for (std::size_t i = 0; i < full.rgba.size(); i += 4) near += std::abs(int(full.rgba[i + 1]) - int(scaled.rgba[i + 1])) <= 12;
    CHECK(double(near) / double(full.rgba.size() / 4) > 0.97);
}
