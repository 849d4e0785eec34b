// Brush strokes on the 3D skin: the maths against a brute-force reference, speed independence,
// seams, symmetry, the eraser and scars, and what a stroke does to the impressions.
#include "PaintSupport.h"
#include "TestHeads.h"

#include "core/Brush.h"
#include "core/Layers.h"
#include "core/MeshRaycaster.h"
#include "core/NativeHair.h"
#include "core/Scatter.h"
#include "io/MeshLoader.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

using namespace stipple;
using testheads::Head;
using painttest::skinArc;
using painttest::strokeDistance;

namespace {

const HeadMesh& defaultHead() {
    static const HeadMesh head = loadHeadMesh(defaultHeadPath());
    return head;
}

LayerSizes sizes(int density, int others) {
    LayerSizes result;
    result.size = {density, others, others, others, others};
    return result;
}

// Every texel of `layer` against the reference for one stroke from a uniform `before`; returns
// the largest difference. Padded texels must hold their source's value.
double compareWithReference(const Layer& layer, const SurfaceAtlas& atlas, const BrushSettings& brush, float before,
                            const std::vector<glm::vec3>& points) {
    const LayerSpec& spec = layer.spec();
    double worst = 0.0;
    for (std::size_t texel = 0; texel < atlas.texelCount(); ++texel) {
        if (atlas.source(texel) == SurfaceAtlas::kNone) continue;
        if (!atlas.covered(texel)) {
            REQUIRE(layer.texels()[texel] == layer.texels()[atlas.source(texel)]);
            continue;
        }
        const double expected = painttest::referenceValue(brush, before, atlas.position(texel), points, spec.minValue, spec.maxValue);
        worst = std::max(worst, std::abs(double(layer.texels()[texel]) - expected));
    }
    return worst;
}

}  // namespace

TEST_CASE("falloff: full inside the hardness, smooth down to zero at the radius", "[paint][brush]") {
    CHECK(brushFalloff(0.0f, 10.0f, 0.0f) == 1.0f);
    CHECK(brushFalloff(3.0f, 10.0f, 0.3f) == 1.0f);
    CHECK(brushFalloff(10.0f, 10.0f, 0.3f) == 0.0f);
    CHECK(brushFalloff(12.0f, 10.0f, 0.3f) == 0.0f);
    CHECK(brushFalloff(6.5f, 10.0f, 0.3f) == Approx(0.5f));  // halfway down the smoothstep
    CHECK(brushFalloff(5.0f, 10.0f, 1.0f) == 1.0f);           // hardness 1: a hard disc
    float previous = 1.0f;
    for (float d = 0.0f; d <= 10.0f; d += 0.1f) {
        const float f = brushFalloff(d, 10.0f, 0.2f);
        CHECK(f <= previous);
        previous = f;
    }
}

TEST_CASE("strokes match a brute-force reference in every mode, with and without symmetry", "[paint][brush]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Bumpy);
    const MeshRaycaster raycaster(mesh);
    const glm::vec3 centre(0.0f, 0.0f, 4.0f);
    std::mt19937 rng(17);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (int trial = 0; trial < 8; ++trial) {
        LayerSet layers(mesh, sizes(256, 128));
        BrushSettings brush;
        brush.mode = trial % 3 == 0 ? BrushMode::Set : trial % 3 == 1 ? BrushMode::Add : BrushMode::Subtract;
        brush.value = 10.0f + 90.0f * unit(rng);
        brush.radiusMm = 4.0f + 20.0f * unit(rng);
        brush.strength = 0.3f + 0.7f * unit(rng);
        brush.hardness = 0.6f * unit(rng);
        brush.symmetry = trial % 2 == 0;
        const float theta = 0.3f + unit(rng), phi = 6.28f * unit(rng);
        // A wiggly stroke that crosses itself, so a per-stroke maximum matters.
        std::vector<glm::vec3> points;
        for (int k = 0; k < 12; ++k)
            points.push_back(painttest::skinPoint(raycaster, centre, painttest::direction(theta + 0.3f * std::sin(float(k)), phi + 0.08f * float(k))));
        paintStroke(layers, brush, points);
        INFO("trial " << trial);
        CHECK(compareWithReference(layers.layer(LayerKind::Density), layers.atlas(LayerKind::Density), brush, 80.0f, points) < 1e-3);
        // The other layers are untouched.
        for (float v : layers.layer(LayerKind::Hairline).texels()) REQUIRE(v == 1.0f);
    }
}

TEST_CASE("a stroke never piles up on itself: each texel takes its peak influence once", "[paint][brush]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    const MeshRaycaster raycaster(mesh);
    LayerSet layers(mesh, sizes(256, 64));
    BrushSettings brush = defaultBrush(BrushTool::Shading);
    brush.value = 0.3f;
    // Back and forth over the same path five times.
    std::vector<glm::vec3> points;
    for (int pass = 0; pass < 5; ++pass)
        for (int k = 0; k <= 10; ++k) points.push_back(painttest::skinPoint(raycaster, {}, painttest::direction(0.5f, 0.1f * float(pass % 2 ? 10 - k : k))));
    paintStroke(layers, brush, points);
    float largest = 0.0f;
    for (float v : layers.layer(LayerKind::Shading).texels()) largest = std::max(largest, v);
    CHECK(largest <= 0.3f);
    CHECK(largest > 0.29f);
}

TEST_CASE("painting point by point gives exactly what painting the stroke at once gives", "[paint][brush]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Bumpy);
    const MeshRaycaster raycaster(mesh);
    const std::vector<glm::vec3> points = skinArc(raycaster, {0.0f, 0.0f, 4.0f}, 0.4f, -1.0f, 0.9f, 1.2f, 40);
    for (BrushMode mode : {BrushMode::Set, BrushMode::Add, BrushMode::Smooth}) {
        LayerSet once(mesh, sizes(256, 64)), incremental(mesh, sizes(256, 64));
        // Something to smooth: a stripe of higher density first.
        BrushSettings stripe;
        stripe.value = 150.0f;
        stripe.radiusMm = 6.0f;
        const std::vector<glm::vec3> across = skinArc(raycaster, {0.0f, 0.0f, 4.0f}, 0.2f, 0.0f, 1.2f, 0.0f, 10);
        paintStroke(once, stripe, across);
        paintStroke(incremental, stripe, across);
        BrushSettings brush;
        brush.mode = mode;
        brush.value = 40.0f;
        brush.radiusMm = 12.0f;
        brush.symmetry = true;
        paintStroke(once, brush, points);
        BrushStroke stroke(incremental, brush);
        for (const glm::vec3& p : points) stroke.addPoint(p);
        REQUIRE(stroke.finish());
        CHECK(once.layer(LayerKind::Density).texels() == incremental.layer(LayerKind::Density).texels());
    }
}

TEST_CASE("the same stroke sampled at 10 and at 1000 input events gives the same layer", "[paint][brush]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    const MeshRaycaster raycaster(mesh);
    BrushSettings brush;
    brush.mode = BrushMode::Set;
    brush.value = 100.0f;
    brush.radiusMm = 15.0f;
    auto paint = [&](int events) {
        LayerSet layers(mesh, sizes(512, 64));
        // About 150 mm over the crown, curving.
        paintStroke(layers, brush, skinArc(raycaster, {}, 0.9f, -0.6f, 0.7f, 0.9f, events));
        return layers.layer(LayerKind::Density).texels();
    };
    const std::vector<float> slow = paint(1000), fast = paint(10);
    double worst = 0.0, changed = 0.0;
    for (std::size_t k = 0; k < slow.size(); ++k) {
        worst = std::max(worst, double(std::abs(slow[k] - fast[k])));
        changed = std::max(changed, double(slow[k]) - 80.0);
    }
    CHECK(changed == Approx(20.0));
    // Ten events cut the curve's corners by ~0.3 mm, which moves the edge of a 15 mm falloff by
    // 2.4 % of the change (measured); separate dabs at the same events leave dips between them
    // of more than 8 %.
    CHECK(worst < 0.03 * 20.0);

    LayerSet dabs(mesh, sizes(512, 64));
    for (const glm::vec3& p : skinArc(raycaster, {}, 0.9f, -0.6f, 0.7f, 0.9f, 10)) paintStroke(dabs, brush, {p});
    double dabWorst = 0.0;
    for (std::size_t k = 0; k < slow.size(); ++k) dabWorst = std::max(dabWorst, double(std::abs(slow[k] - dabs.layer(LayerKind::Density).texels()[k])));
    CHECK(dabWorst > 0.08 * 20.0);
}

TEST_CASE("a stroke across the UV seam paints continuously, never twice", "[paint][brush][seam]") {
    // The bumpy head's seam runs down its right side (-X): u = 0 meets u = 1 there.
    const HeadMesh& mesh = testheads::sharedHead(Head::Bumpy);
    const MeshRaycaster raycaster(mesh);
    LayerSet layers(mesh, sizes(512, 64));
    const Layer& density = layers.layer(LayerKind::Density);
    const SurfaceAtlas& atlas = layers.atlas(LayerKind::Density);
    BrushSettings brush;
    brush.mode = BrushMode::Add;
    brush.value = 30.0f;
    brush.radiusMm = 12.0f;
    // Along a circle of latitude from the back, across -X, to the front-right.
    const std::vector<glm::vec3> points = skinArc(raycaster, {0.0f, 0.0f, 4.0f}, 1.2f, 3.6f, 1.1f, 5.2f, 30);
    REQUIRE(points.front().x < 0.0f);
    paintStroke(layers, brush, points);
    CHECK(compareWithReference(density, atlas, brush, 80.0f, points) < 1e-3);

    // The columns on both sides of the seam: equally far from the stroke means equal values, and
    // nothing exceeds one stroke's worth.
    const int w = atlas.width();
    std::vector<std::pair<double, float>> left, right;  // (distance, value)
    for (int j = 0; j < atlas.height(); ++j) {
        for (int i : {0, 1}) left.emplace_back(strokeDistance(atlas.position(atlas.index(i, j)), points, false), density.at(i, j));
        for (int i : {w - 1, w - 2}) right.emplace_back(strokeDistance(atlas.position(atlas.index(i, j)), points, false), density.at(i, j));
    }
    int painted = 0, pairs = 0;
    for (const auto& [d, v] : left) {
        if (d < 12.0) ++painted;
        REQUIRE(v <= 110.0f + 1e-3f);
        for (const auto& [d2, v2] : right)
            if (std::abs(d - d2) < 0.01) {
                ++pairs;
                REQUIRE(std::abs(v - v2) < 30.0f * 1.5f * 0.01f / 12.0f + 1e-3f);
            }
    }
    CHECK(painted > 20);  // the stroke did reach the seam
    CHECK(pairs > 20);
    // No gap: every seam texel well inside the stroke got the full amount.
    for (const auto& [d, v] : left)
        if (d < 0.3 * 12.0) REQUIRE(v == Approx(110.0f));
    for (const auto& [d, v] : right)
        if (d < 0.3 * 12.0) REQUIRE(v == Approx(110.0f));
}

TEST_CASE("symmetry is exact: the mirrored head gets the mirrored design, bit for bit", "[paint][brush][symmetry][default-head]") {
    const HeadMesh& mesh = defaultHead();
    HeadMesh mirroredMesh = mesh;
    for (glm::vec3& p : mirroredMesh.positions) p.x = -p.x;
    const MeshRaycaster raycaster(mesh);
    const glm::vec3 centre(0.0f, 60.0f, 0.0f);
    // A hairline-like stroke from the left temple across the front, over the midline.
    const std::vector<glm::vec3> points = skinArc(raycaster, centre, 0.9f, 0.9f, 0.7f, -0.2f, 25);
    BrushSettings brush = defaultBrush(BrushTool::Hairline);
    brush.mode = BrushMode::Subtract;
    REQUIRE(brush.symmetry);
    LayerSizes layerSizes = sizes(64, 512);
    LayerSet layers(mesh, layerSizes), mirrored(mirroredMesh, layerSizes);
    paintStroke(layers, brush, points);
    paintStroke(mirrored, brush, points);
    CHECK(layers.layer(LayerKind::Hairline).texels() == mirrored.layer(LayerKind::Hairline).texels());
    // Painting the mirrored stroke instead changes nothing.
    LayerSet other(mesh, layerSizes);
    std::vector<glm::vec3> flipped;
    for (const glm::vec3& p : points) flipped.push_back(mirrorX(p));
    paintStroke(other, brush, flipped);
    CHECK(layers.layer(LayerKind::Hairline).texels() == other.layer(LayerKind::Hairline).texels());
    // No doubling where the stroke and its image overlap at the midline: erasing from 1 by 1 at
    // most reaches 0, and the reference (min distance over both) matches.
    CHECK(compareWithReference(layers.layer(LayerKind::Hairline), layers.atlas(LayerKind::Hairline), brush, 1.0f, points) < 1e-4);
}

TEST_CASE("symmetry on the default head: mirror texels of the scalp chart hold equal values", "[paint][brush][symmetry][default-head]") {
    // The scalp chart spans u in [0, 0.8], mirrored about u = 0.4: in a 640 x 512 layer, texel
    // (i, j) and texel (511 - i, j) are mirror images on the skin.
    const HeadMesh& mesh = defaultHead();
    const MeshRaycaster raycaster(mesh);
    const std::vector<glm::vec3> points = skinArc(raycaster, {0.0f, 60.0f, 0.0f}, 0.3f, 0.5f, 1.0f, 1.5f, 20);
    BrushSettings brush;
    brush.mode = BrushMode::Add;
    brush.value = 50.0f;
    brush.radiusMm = 15.0f;
    brush.symmetry = true;
    LayerSet layers(mesh, sizes(640, 64));
    paintStroke(layers, brush, points);
    const SurfaceAtlas& atlas = layers.atlas(LayerKind::Density);
    const Layer& painted = layers.layer(LayerKind::Density);
    int pairs = 0, nonzero = 0;
    for (int j = 0; j < 512; ++j)
        for (int i = 0; i < 256; ++i) {
            const std::size_t a = atlas.index(i, j), b = atlas.index(511 - i, j);
            if (!atlas.covered(a) || !atlas.covered(b)) continue;
            const glm::vec3 pa = atlas.position(a), pb = atlas.position(b);
            if (glm::length(mirrorX(pa) - pb) > 0.01f) continue;  // the chart's rim, where rounding picks other triangles
            ++pairs;
            if (painted.at(i, j) != 80.0f) ++nonzero;
            REQUIRE(std::abs(painted.at(i, j) - painted.at(511 - i, j)) < 50.0f * 1.5f * 0.01f / 15.0f + 1e-3f);
        }
    CHECK(pairs > 50000);
    CHECK(nonzero > 500);
}

TEST_CASE("the eraser restores the design's defaults and leaves native hair, scars are lines and dots of their width",
          "[paint][brush]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    const MeshRaycaster raycaster(mesh);
    LayerSet layers(mesh, sizes(256, 512));
    const std::vector<glm::vec3> line = skinArc(raycaster, {}, 0.6f, 2.6f, 0.6f, 3.6f, 20);  // over the back
    paintStroke(layers, defaultBrush(BrushTool::Density), line);
    paintStroke(layers, defaultBrush(BrushTool::Shading), line);
    BrushSettings hairline = defaultBrush(BrushTool::Hairline);
    hairline.mode = BrushMode::Subtract;
    paintStroke(layers, hairline, line);
    paintStroke(layers, defaultBrush(BrushTool::NativeHair), line);
    const std::vector<float> hairBefore = layers.layer(LayerKind::NativeHair).texels();

    // An FUT strip scar 2 mm wide along the line: scar only within 1 mm, full within 0.6 mm.
    const BrushSettings scar = scarLineBrush(2.0f);
    paintStroke(layers, scar, line);
    const SurfaceAtlas& scarAtlas = layers.atlas(LayerKind::Scar);
    const Layer& scarLayer = layers.layer(LayerKind::Scar);
    int full = 0;
    for (std::size_t texel = 0; texel < scarAtlas.texelCount(); ++texel) {
        const double d = strokeDistance(scarAtlas.position(texel), line, false);
        if (d >= 1.0) REQUIRE(scarLayer.texels()[texel] == 0.0f);
        if (d <= 0.6) {
            REQUIRE(scarLayer.texels()[texel] == 1.0f);
            ++full;
        }
    }
    CHECK(full > 50);
    // An FUE dot scar of 0.9 mm on the crown: a few texels of a 512 layer, all within 0.45 mm.
    const glm::vec3 crown = painttest::skinPoint(raycaster, {}, {0.1f, 1.0f, 0.2f});
    paintStroke(layers, dotScarBrush(0.9f), {crown});
    int dot = 0;
    for (std::size_t texel = 0; texel < scarAtlas.texelCount(); ++texel) {
        const float distance = glm::length(scarAtlas.position(texel) - crown);
        if (scarLayer.texels()[texel] > 0.0f && distance < 5.0f) {
            REQUIRE(distance < 0.45f);
            ++dot;
        }
    }
    CHECK(dot >= 2);

    // A hard eraser along the same line brings the design within its radius back to the
    // defaults; the client's own hair is not the design's to erase.
    BrushSettings eraser = defaultBrush(BrushTool::Eraser);
    eraser.hardness = 1.0f;
    eraser.radiusMm = 20.0f;
    paintStroke(layers, eraser, line);
    CHECK(layers.layer(LayerKind::NativeHair).texels() == hairBefore);
    CHECK(*std::max_element(hairBefore.begin(), hairBefore.end()) == kDefaultNativeHairPerCm2);
    for (LayerKind kind : {LayerKind::Density, LayerKind::Hairline, LayerKind::Shading, LayerKind::Scar}) {
        const SurfaceAtlas& atlas = layers.atlas(kind);
        const Layer& layer = layers.layer(kind);
        for (std::size_t texel = 0; texel < atlas.texelCount(); ++texel)
            if (atlas.source(texel) != SurfaceAtlas::kNone && strokeDistance(atlas.position(texel), line, false) < 19.0)
                REQUIRE(layer.texels()[texel] == layer.spec().defaultValue);
    }
}

TEST_CASE("bad brush settings are refused with a clear message", "[paint][brush]") {
    LayerSet layers(testheads::sharedHead(Head::Bumpy), sizes(16, 16));
    BrushSettings brush;
    brush.radiusMm = 0.0f;
    CHECK_THROWS_WITH(BrushStroke(layers, brush), Catch::Contains("radius"));
    brush.radiusMm = 5.0f;
    brush.strength = 1.5f;
    CHECK_THROWS_WITH(BrushStroke(layers, brush), Catch::Contains("strength"));
}

TEST_CASE("the density layer converts to and from a DensityMap bit for bit", "[paint][layers]") {
    DensityMap map(37, 23);
    std::mt19937 rng(2);
    std::uniform_real_distribution<float> value(0.0f, 200.0f);
    for (int j = 0; j < 23; ++j)
        for (int i = 0; i < 37; ++i) map.set(i, j, value(rng));
    const Layer layer = Layer::fromDensityMap(map);
    CHECK(layer.kind() == LayerKind::Density);
    CHECK(layer.at(5, 7) == map.at(5, 7));
    CHECK(layer.toDensityMap().texels() == map.texels());
    CHECK(Layer(LayerKind::Hairline, 4, 4).at(3, 3) == 1.0f);
    CHECK(Layer(LayerKind::Density, 4, 4).at(0, 0) == 80.0f);
}

TEST_CASE("a painted density changes the impressions only within the stroke's reach", "[paint][brush][scatter]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    const CandidatePool& pool = testheads::sharedPool(Head::Ellipsoid, 100.0f);
    const MeshRaycaster raycaster(mesh);
    LayerSet layers(mesh, sizes(512, 16));
    std::fill(layers.layer(LayerKind::Density).texels().begin(), layers.layer(LayerKind::Density).texels().end(), 40.0f);
    const std::vector<Impression> before = scatterImpressions(pool, layers.layer(LayerKind::Density).toDensityMap());
    // Across the UV seam at the back, then a raise on the crown with symmetry.
    struct Case {
        BrushMode mode;
        float value;
        bool symmetry;
        std::vector<glm::vec3> points;
    };
    const std::vector<Case> cases = {
        {BrushMode::Set, 90.0f, false, skinArc(raycaster, {}, 1.2f, 2.8f, 1.3f, 3.5f, 12)},
        {BrushMode::Subtract, 30.0f, true, skinArc(raycaster, {}, 0.4f, 0.5f, 0.6f, 1.2f, 8)},
    };
    for (const Case& c : cases) {
        LayerSet painted = layers;
        BrushSettings brush;
        brush.mode = c.mode;
        brush.value = c.value;
        brush.radiusMm = 15.0f;
        brush.symmetry = c.symmetry;
        const StrokeChange change = paintStroke(painted, brush, c.points);
        REQUIRE(change.reach.size() == (c.symmetry ? 2u : 1u));
        const std::vector<Impression> after = scatterImpressions(pool, painted.layer(LayerKind::Density).toDensityMap());
        // One spacing at the lower of the densities before and after: 10 mm / sqrt(per cm^2).
        const double lowest = c.mode == BrushMode::Subtract ? 40.0 - double(c.value) : 40.0;
        const double spacing = 10.0 / std::sqrt(lowest);
        auto far = [&](const Impression& impression) {
            return strokeDistance(impression.position, c.points, c.symmetry) > double(brush.radiusMm) + spacing;
        };
        auto outsideReach = [&](const Impression& impression) {
            for (const SurfaceSphere& sphere : change.reach)
                if (glm::length(impression.position - sphere.centreMm) <= sphere.radiusMm) return false;
            return true;
        };
        std::vector<std::pair<std::uint32_t, glm::vec3>> farBefore, farAfter, outBefore, outAfter;
        for (const Impression& impression : before) {
            if (far(impression)) farBefore.emplace_back(impression.id, impression.position);
            if (outsideReach(impression)) outBefore.emplace_back(impression.id, impression.position);
        }
        for (const Impression& impression : after) {
            if (far(impression)) farAfter.emplace_back(impression.id, impression.position);
            if (outsideReach(impression)) outAfter.emplace_back(impression.id, impression.position);
        }
        INFO("mode " << int(c.mode));
        CHECK(farBefore == farAfter);
        CHECK(outBefore == outAfter);
        CHECK(before.size() != after.size());  // it did something
    }
}

TEST_CASE("painting figures", "[.figures]") {
    const HeadMesh& mesh = defaultHead();
    auto seconds = [](auto start) { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    auto t0 = std::chrono::steady_clock::now();
    LayerSet layers(mesh);
    WARN("LayerSet on the default head (atlases 512 and 1024): " << seconds(t0) << " s");
    t0 = std::chrono::steady_clock::now();
    const MeshRaycaster raycaster(mesh);
    WARN("raycaster build: " << seconds(t0) << " s");
    const std::vector<glm::vec3> points = skinArc(raycaster, {0.0f, 60.0f, 0.0f}, 0.5f, -0.8f, 0.6f, 0.8f, 50);
    t0 = std::chrono::steady_clock::now();
    for (int k = 0; k < 100; ++k) (void)skinArc(raycaster, {0.0f, 60.0f, 0.0f}, 0.5f, -0.8f, 0.6f, 0.8f, 50);
    WARN("raycast: " << seconds(t0) / 5000.0 * 1e6 << " us a ray");
    for (BrushMode mode : {BrushMode::Set, BrushMode::Smooth}) {
        BrushSettings brush;
        brush.mode = mode;
        brush.radiusMm = 15.0f;
        t0 = std::chrono::steady_clock::now();
        const int repeats = 20;
        std::size_t bytes = 0;
        for (int k = 0; k < repeats; ++k) {
            BrushStroke stroke(layers, brush);
            stroke.addPoints(points);
            bytes = stroke.finish()->memoryBytes();
        }
        WARN("15 mm stroke of 50 points on the 512 density layer, mode " << int(mode) << ": " << seconds(t0) / repeats * 1e3
                                                                          << " ms; undo step " << bytes / 1024 << " KiB");
    }
    BrushSettings brush;
    brush.radiusMm = 15.0f;
    BrushStroke stroke(layers, brush);
    t0 = std::chrono::steady_clock::now();
    stroke.addPoint(points[0]);
    const double first = seconds(t0);
    t0 = std::chrono::steady_clock::now();
    for (std::size_t k = 1; k < points.size(); ++k) stroke.addPoint(points[k]);
    WARN("one dab (a new segment): first " << first * 1e3 << " ms, then " << seconds(t0) / double(points.size() - 1) * 1e3 << " ms each");
}
