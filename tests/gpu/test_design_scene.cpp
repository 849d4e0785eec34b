// The design's GPU scene against a scene made afresh from the same design: whatever strokes,
// fills and looks it followed, its layer textures, its impressions and its bake are what the
// design makes from scratch.
#include "PaintSupport.h"
#include "TestHeads.h"
#include "core/Brush.h"
#include "core/DesignChange.h"
#include "core/MeshRaycaster.h"
#include "core/NativeHair.h"
#include "gpu/DesignScene.h"
#include "gpu/HeadlessContext.h"

#include <catch2/catch.hpp>

#include <random>

using namespace stipple;
using testheads::Head;

namespace {

HeadlessContext& context() {
    static HeadlessContext instance;
    return instance;
}

// `scene` shows what a scene made now from its design shows: the same impressions and layer
// textures, and, after a change everywhere (`fullBake`), the same pigment map. After local
// re-bakes the map is not compared: it is not bit for bit a full bake's over the whole map
// (test_impressions.cpp checks a local re-bake near the change).
void checkAsFresh(const DesignScene& scene, const HeadMesh& mesh, const LayerSet& layers, const DesignSettings& settings,
                  const CandidatePool& pool, const SceneDots& dots, bool fullBake) {
    DesignScene fresh(mesh, layers, settings);
    fresh.makeImpressions(pool, dots);
    REQUIRE(scene.impressions());
    REQUIRE(fresh.impressions());
    CHECK(scene.impressions()->impressionCount() == fresh.impressions()->impressionCount());
    CHECK(scene.impressions()->field().activeIds() == fresh.impressions()->field().activeIds());
    if (fullBake) CHECK(scene.impressions()->bake().readPixels().rgba == fresh.impressions()->bake().readPixels().rgba);
    CHECK(scene.look().dots.needleDiameterMm == fresh.look().dots.needleDiameterMm);
    CHECK(scene.look().diffusion.haloSigmaMm == fresh.look().diffusion.haloSigmaMm);
    // The layer textures hold the CPU layers.
    LayerSet readBack(mesh, LayerSizes{{256, 256, 64, 64, 64}});
    for (LayerKind kind : kLayerKinds) {
        scene.layerTextures().read(readBack, kind, {0, 0, layers.layer(kind).width(), layers.layer(kind).height()});
        CHECK(readBack.layer(kind).texels() == layers.layer(kind).texels());
    }
}

}  // namespace

TEST_CASE("the design scene follows strokes, fills and looks to what the design makes afresh", "[gl][scene]") {
    context();
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    const CandidatePool& pool = testheads::sharedPool(Head::Ellipsoid, 60.0f);
    const MeshRaycaster raycaster(mesh);
    LayerSet layers(mesh, LayerSizes{{256, 256, 64, 64, 64}});
    DesignSettings settings;
    const SceneDots dots{true, true, true, 256};
    DesignScene scene(mesh, layers, settings);
    scene.makeImpressions(pool, dots);
    REQUIRE(scene.impressions());
    REQUIRE(scene.impressions()->impressionCount() > 500);

    std::mt19937 random(15);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    // What the scatter reads (density, native hair, the eraser over both), and a layer it does not.
    const BrushTool tools[] = {BrushTool::Density, BrushTool::NativeHair, BrushTool::Scar, BrushTool::Eraser};
    for (BrushTool tool : tools) {
        BrushSettings brush = defaultBrush(tool);
        brush.radiusMm = 8.0f + 12.0f * unit(random);
        brush.symmetry = unit(random) < 0.5f;
        if (tool == BrushTool::Density) brush.value = 20.0f + 40.0f * unit(random);
        if (tool == BrushTool::NativeHair) brush.value = 30.0f + 60.0f * unit(random);
        INFO("tool " << int(tool) << ", radius " << brush.radiusMm);
        BrushStroke stroke(layers, brush);
        const float theta = 0.3f + 0.8f * unit(random), phi = 6.2832f * unit(random);
        const std::vector<glm::vec3> points =
            painttest::skinArc(raycaster, glm::vec3(0.0f), theta, phi, theta + 0.3f, phi + 0.6f, 6);
        // Two batches, as two mouse events bring them.
        scene.apply(DesignChange::ofStroke(stroke.addPoints({points.begin(), points.begin() + 3}), false));
        scene.apply(DesignChange::ofStroke(stroke.addPoints({points.begin() + 3, points.end()}), false));
        stroke.finish();
        scene.strokeEnded();
    }
    checkAsFresh(scene, mesh, layers, settings, pool, dots, false);

    // A fill of a whole layer, as the window's "Native hair everywhere" and undo change layers.
    for (float& value : layers.layer(LayerKind::NativeHair).texels()) value = 55.0f;
    scene.apply(DesignChange::ofEveryLayer());
    checkAsFresh(scene, mesh, layers, settings, pool, dots, true);

    // Another look: a stage, a depth, a skin and a needle.
    const ScatterParams before = scene.impressions()->dotLook();
    settings.stage = SmpStage::Aged10y;
    settings.depthMm = 1.2f;
    settings.skinType = 5;
    settings.needlePreset = 2;
    scene.apply(DesignChange::ofLook());
    CHECK(scene.impressions()->dotLook().needleDiameterMm == impressionLook(settings, SmpStage::Aged10y).dots.needleDiameterMm);
    CHECK(scene.impressions()->dotLook().needleDiameterMm != before.needleDiameterMm);
    checkAsFresh(scene, mesh, layers, settings, pool, dots, true);
}
