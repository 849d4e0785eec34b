// The GPU paint pass against its CPU twin on random strokes: the layers texel by texel, the
// changes each batch of points reports, the undo step, and what the scatter and the bake make of
// a stroke when the density is composed on the GPU.
#include "PaintSupport.h"
#include "TestHeads.h"

#include "core/Brush.h"
#include "core/MeshRaycaster.h"
#include "core/NativeHair.h"
#include "gpu/GpuBrushStroke.h"
#include "gpu/HeadlessContext.h"
#include "gpu/LayerTextures.h"
#include "gpu/PaintPass.h"
#include "gpu/ScalpImpressions.h"
#include "io/Design.h"
#include "io/MeshLoader.h"
#include "io/StrokeScript.h"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <optional>
#include <random>
#include <stdexcept>

using namespace stipple;
using testheads::Head;

namespace {

HeadlessContext& context() {
    static HeadlessContext instance;
    return instance;
}

const HeadMesh& defaultHead() {
    static const HeadMesh head = loadHeadMesh(defaultHeadPath());
    return head;
}

// The largest difference allowed between a GPU and a CPU texel, per unit of the layer's scale
// (200 impressions per cm^2 for density, 150 units per cm^2 for native hair, 1 for the others):
// a few float roundings, far below
// anything a stroke changes. On Mesa's llvmpipe the two agree bit for bit.
constexpr double kTolerance = 1e-5;

double layerScale(LayerKind kind) {
    return kind == LayerKind::Density ? 200.0 : kind == LayerKind::NativeHair ? double(kMaxNativeHairPerCm2) : 1.0;
}

// Every texel random over the layer's working range, padding included (so a padded texel's
// value differs from its source's until a stroke reaches it).
void randomise(LayerSet& layers, std::mt19937& random) {
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (LayerKind kind : kLayerKinds)
        for (float& value : layers.layer(kind).texels()) value = float(layerScale(kind)) * unit(random);
}

std::vector<float> textureTexels(const LayerTextures& textures, LayerKind kind) {
    std::vector<float> texels(std::size_t(textures.width(kind)) * std::size_t(textures.height(kind)));
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glGetTextureImage(textures.texture(kind), 0, GL_RED, GL_FLOAT, GLsizei(texels.size() * sizeof(float)), texels.data());
    return texels;
}

std::vector<float> densityTexels(const ScalpImpressions& impressions, const DensityMap& like) {
    std::vector<float> texels(like.texels().size());
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glGetTextureImage(impressions.field().densityTexture(), 0, GL_RED, GL_FLOAT, GLsizei(texels.size() * sizeof(float)),
                      texels.data());
    return texels;
}

// What the comparisons saw over a whole test: the tolerance is only meaningful if the strokes
// changed many texels by much more than it.
struct Comparison {
    double worst = 0.0;        // largest GPU - CPU difference, in units of the layer's scale
    std::size_t compared = 0;  // texel comparisons
    std::size_t changed = 0;   // those of texels a stroke had changed by more than 1000 tolerances
    void add(const std::vector<float>& gpu, const std::vector<float>& cpu, const std::vector<float>& before, double scale) {
        REQUIRE(gpu.size() == cpu.size());
        double layerWorst = 0.0;
        for (std::size_t texel = 0; texel < gpu.size(); ++texel) {
            layerWorst = std::max(layerWorst, std::abs(double(gpu[texel]) - double(cpu[texel])) / scale);
            if (std::abs(double(cpu[texel]) - double(before[texel])) / scale > 1000.0 * kTolerance) ++changed;
        }
        compared += gpu.size();
        worst = std::max(worst, layerWorst);
        REQUIRE(layerWorst <= kTolerance);
    }
};

bool sameChange(const StrokeChange& a, const StrokeChange& b) {
    if (a.reach.size() != b.reach.size()) return false;
    for (std::size_t k = 0; k < a.reach.size(); ++k)
        if (a.reach[k].centreMm != b.reach[k].centreMm || a.reach[k].radiusMm != b.reach[k].radiusMm) return false;
    for (std::size_t k = 0; k < a.texels.size(); ++k) {
        const TexelRect &r = a.texels[k], &s = b.texels[k];
        if (r.x0 != s.x0 || r.y0 != s.y0 || r.x1 != s.x1 || r.y1 != s.y1) return false;
    }
    return true;
}

// A head to paint, with a point inside it to shoot rays from and its seam's azimuth (phi as
// painttest::direction() counts it: 0 at +Z, the face; pi at the back).
struct PaintedHead {
    const HeadMesh* mesh;
    glm::vec3 centre;
    float seamPhi;
    const char* name;
};

// The skin seen from outside in direction (theta, phi) from the head's centre; where the ray
// finds none (through the neck), the skin nearest to a point out there.
glm::vec3 skinPoint(const PaintedHead& head, const MeshRaycaster& raycaster, float theta, float phi) {
    const glm::vec3 d = painttest::direction(theta, phi);
    if (const std::optional<RayHit> hit = raycaster.intersect(head.centre + 1000.0f * d, -d)) return hit->point;
    return snapToSurface(*head.mesh, head.centre + 150.0f * d);
}

// Random settings of a tool in a mode: a value over the layer's scale, radius 1-40 mm, any
// strength and hardness, symmetry or not.
BrushSettings randomBrush(std::mt19937& random, BrushTool tool, BrushMode mode) {
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    BrushSettings brush;
    brush.tool = tool;
    brush.mode = mode;
    brush.value = (brush.tool == BrushTool::Density ? 200.0f : brush.tool == BrushTool::NativeHair ? kMaxNativeHairPerCm2 : 1.0f) *
                  unit(random);
    brush.radiusMm = 1.0f + 39.0f * unit(random);
    brush.strength = 0.1f + 0.9f * unit(random);
    brush.hardness = unit(random);
    brush.symmetry = unit(random) < 0.5f;
    return brush;
}

// A random stroke of 1-12 points on the skin: anywhere, across the UV seam, or across the
// midline at the front or the back; split into batches as mouse events would bring them.
std::vector<std::vector<glm::vec3>> randomStroke(const PaintedHead& head, const MeshRaycaster& raycaster, std::mt19937& random) {
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    const int kind = std::uniform_int_distribution<int>(0, 3)(random);
    const float theta0 = 0.2f + 0.9f * unit(random);
    const float span = 0.2f + 0.6f * unit(random);
    // The azimuth the stroke is centred on and crosses, or a random one it wanders from.
    const float across[] = {6.2832f * unit(random), head.seamPhi, 0.0f, 3.1416f};
    const float phi0 = across[kind] - 0.5f * span;
    const float phi1 = kind == 0 ? phi0 + span * (unit(random) - 0.5f) : across[kind] + 0.5f * span;
    const float theta1 = theta0 + 0.4f * (unit(random) - 0.5f);
    const int count = std::uniform_int_distribution<int>(1, 12)(random);
    std::vector<std::vector<glm::vec3>> batches(1);
    for (int k = 0; k < count; ++k) {
        const float t = count > 1 ? float(k) / float(count - 1) : 0.0f;
        // A wiggle across the path, so the stroke's segments turn and overlap.
        const float theta = theta0 + t * (theta1 - theta0) + 0.05f * std::sin(7.0f * t + unit(random));
        batches.back().push_back(skinPoint(head, raycaster, theta, phi0 + t * (phi1 - phi0)));
        if (k + 1 < count && unit(random) < 0.3f) batches.emplace_back();
    }
    return batches;
}

}  // namespace

TEST_CASE("the GPU brush paints what the CPU brush paints, on random strokes", "[gl][paint][gpu-brush]") {
    context();
    const PaintedHead heads[] = {
        {&defaultHead(), {0.0f, 60.0f, 0.0f}, 3.1416f, "default head"},
        {&testheads::sharedHead(Head::Ellipsoid), {0.0f, 0.0f, 0.0f}, 3.1416f, "ellipsoid head"},
        {&testheads::sharedHead(Head::Bumpy), {0.0f, 0.0f, 4.0f}, -1.5708f, "bumpy head"},
    };
    std::mt19937 random(20260415);
    Comparison comparison;
    int strokes = 0, smoothed = 0, symmetric = 0;
    for (const PaintedHead& head : heads) {
        const MeshRaycaster raycaster(*head.mesh);
        // The default head at the app's sizes (three layers share one atlas); the others at
        // random sizes, each layer with an atlas of its own.
        LayerSizes sizes;
        if (head.mesh != &defaultHead()) {
            std::uniform_int_distribution<int> size(48, 320);
            sizes.size = {size(random), size(random), size(random), size(random), size(random)};
        }
        LayerSet cpu(*head.mesh, sizes);
        randomise(cpu, random);
        LayerSet gpu = cpu;
        LayerTextures textures(gpu);
        PaintPass pass(gpu, textures);
        // Every tool in every mode twice on every head (the eraser ignores the mode).
        for (int trial = 0; trial < 48; ++trial) {
            const BrushSettings brush = randomBrush(random, BrushTool(trial % 6), BrushMode(trial / 6 % 4));
            const std::vector<std::vector<glm::vec3>> batches = randomStroke(head, raycaster, random);
            INFO(head.name << ", stroke " << trial << ": tool " << int(brush.tool) << ", mode " << int(brush.mode) << ", radius "
                           << brush.radiusMm << " mm, symmetry " << brush.symmetry << ", " << batches.size() << " batches");
            // Both strokes start from the same layers: what the previous GPU stroke left.
            std::array<std::vector<float>, kLayerKindCount> start;
            for (LayerKind kind : kLayerKinds) start[std::size_t(kind)] = cpu.layer(kind).texels() = gpu.layer(kind).texels();

            BrushStroke cpuStroke(cpu, brush);
            GpuBrushStroke gpuStroke(pass, brush);
            for (const std::vector<glm::vec3>& batch : batches) {
                const StrokeChange cpuChange = cpuStroke.addPoints(batch);
                const StrokeChange gpuChange = gpuStroke.addPoints(batch);
                REQUIRE(sameChange(cpuChange, gpuChange));
                // Until the stroke ends, the CPU layers the GPU stroke paints stay as they were.
                for (LayerKind kind : kLayerKinds) {
                    comparison.add(textureTexels(textures, kind), cpu.layer(kind).texels(), start[std::size_t(kind)], layerScale(kind));
                    REQUIRE(gpu.layer(kind).texels() == start[std::size_t(kind)]);
                }
            }
            REQUIRE(sameChange(cpuStroke.change(), gpuStroke.change()));
            const std::unique_ptr<LayerEdit> cpuStep = cpuStroke.finish();
            const std::unique_ptr<LayerEdit> gpuStep = gpuStroke.finish();
            REQUIRE(bool(cpuStep) == bool(gpuStep));
            for (LayerKind kind : kLayerKinds) REQUIRE(gpu.layer(kind).texels() == textureTexels(textures, kind));
            if (!gpuStep) continue;
            CHECK(gpuStep->name() == cpuStep->name());
            CHECK(gpuStep->tileCount() == cpuStep->tileCount());
            CHECK(gpuStep->memoryBytes() == cpuStep->memoryBytes());
            std::array<std::vector<float>, kLayerKindCount> after;
            for (LayerKind kind : kLayerKinds) after[std::size_t(kind)] = gpu.layer(kind).texels();
            gpuStep->undo();
            for (LayerKind kind : kLayerKinds) REQUIRE(gpu.layer(kind).texels() == start[std::size_t(kind)]);
            gpuStep->redo();
            for (LayerKind kind : kLayerKinds) REQUIRE(gpu.layer(kind).texels() == after[std::size_t(kind)]);
            ++strokes;
            smoothed += brush.mode == BrushMode::Smooth && brush.tool != BrushTool::Eraser;
            symmetric += brush.symmetry;
        }
    }
    WARN("GPU vs CPU paint: largest difference " << comparison.worst << " of the layer's scale in " << comparison.compared
                                                 << " texel comparisons, " << comparison.changed << " of them of painted texels");
    CHECK(strokes >= 100);
    CHECK(smoothed >= 20);
    CHECK(symmetric >= 30);
    // The strokes changed many texels by far more than the tolerance.
    CHECK(comparison.changed > 200000);
}

TEST_CASE("a GPU stroke composes the scatter's density and leaves the impressions the CPU path leaves",
          "[gl][paint][gpu-brush][scatter]") {
    context();
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    const CandidatePool& pool = testheads::sharedPool(Head::Ellipsoid, 120.0f);
    const MeshRaycaster raycaster(mesh);
    const PaintedHead head{&mesh, {0.0f, 0.0f, 0.0f}, 3.1416f, "ellipsoid head"};
    std::mt19937 random(77);
    LayerSizes sizes;
    sizes.size = {256, 256, 64, 64, 64};
    LayerSet cpu(mesh, sizes);
    randomise(cpu, random);
    for (float& value : cpu.layer(LayerKind::Density).texels()) value *= 0.6f;  // up to 120 per cm^2, the pool's maximum
    LayerSet gpu = cpu;
    LayerTextures textures(gpu);
    PaintPass pass(gpu, textures);
    const ScatterParams look;
    constexpr int kPigmentSize = 512;
    ScalpImpressions cpuImpressions(mesh, pool, look, designDensity(cpu), kPigmentSize);
    ScalpImpressions gpuImpressions(mesh, pool, look, designDensity(gpu), kPigmentSize);
    REQUIRE(cpuImpressions.impressionCount() > 1000);
    const std::vector<std::uint32_t> unpainted = gpuImpressions.field().activeIds();

    const BrushTool tools[] = {BrushTool::Density, BrushTool::Hairline, BrushTool::Eraser, BrushTool::Density, BrushTool::Hairline};
    std::size_t composedTexels = 0;
    for (BrushTool tool : tools) {
        BrushSettings brush = randomBrush(random, tool, BrushMode(std::uniform_int_distribution<int>(0, 3)(random)));
        brush.radiusMm = std::max(brush.radiusMm, 10.0f);  // reaching many impressions
        if (tool == BrushTool::Density) brush.value *= 0.6f;
        INFO("tool " << int(tool) << ", mode " << int(brush.mode) << ", radius " << brush.radiusMm);
        BrushStroke cpuStroke(cpu, brush);
        GpuBrushStroke gpuStroke(pass, brush);
        for (const std::vector<glm::vec3>& batch : randomStroke(head, raycaster, random)) {
            const StrokeChange cpuChange = cpuStroke.addPoints(batch);
            const StrokeChange gpuChange = gpuStroke.addPoints(batch);
            std::vector<ScalpImpressions::Region> regions;
            for (const SurfaceSphere& sphere : cpuChange.reach) regions.push_back({sphere.centreMm, sphere.radiusMm});
            cpuImpressions.setDensitiesWithin(designDensity(cpu), cpuImpressions.nativeHair(), regions);
            TexelRect texels = gpuChange.texels[std::size_t(LayerKind::Density)];
            texels.include(gpuChange.texels[std::size_t(LayerKind::Hairline)]);
            gpuImpressions.setDensitiesWithin(textures, texels, TexelRect{}, regions);
            // The composed density is the CPU path's, everywhere (outside the rectangle nothing changed).
            const DensityMap expected = designDensity(cpu);
            const std::vector<float> composed = densityTexels(gpuImpressions, expected);
            double worst = 0.0;
            for (std::size_t texel = 0; texel < composed.size(); ++texel)
                worst = std::max(worst, std::abs(double(composed[texel]) - double(expected.texels()[texel])));
            CHECK(worst <= 200.0 * kTolerance);
            composedTexels += std::size_t(texels.x1 - texels.x0) * std::size_t(texels.y1 - texels.y0);
            REQUIRE(gpuImpressions.field().activeIds() == cpuImpressions.field().activeIds());
            CHECK(gpuImpressions.impressionCount() == cpuImpressions.impressionCount());
        }
        cpuStroke.finish();
        gpuStroke.finish();
        gpuImpressions.adoptDensities(designDensity(gpu), nativeHairDensity(gpu));
        // After the read-back the GPU's density is exactly the CPU copy's.
        CHECK(densityTexels(gpuImpressions, gpuImpressions.density()) == gpuImpressions.density().texels());
        CHECK(gpuImpressions.bake().readPixels().rgba == cpuImpressions.bake().readPixels().rgba);
        // The next stroke starts both paths from the same layers (they agree to the tolerance).
        for (LayerKind kind : kLayerKinds) cpu.layer(kind).texels() = gpu.layer(kind).texels();
        cpuImpressions.setDensitiesWithin(designDensity(cpu), cpuImpressions.nativeHair(), {});
    }
    CHECK(composedTexels > 5000);
    // A full re-scatter from the adopted copy changes nothing.
    const std::vector<std::uint32_t> painted = gpuImpressions.field().activeIds();
    CHECK(painted != unpainted);
    gpuImpressions.setDensities(gpuImpressions.density(), gpuImpressions.nativeHair());
    CHECK(gpuImpressions.field().activeIds() == painted);

    // Layers of different sizes are not composed on the GPU: the caller paints on the CPU.
    LayerSizes unequal;
    unequal.size = {256, 128, 64, 64, 64};
    const LayerSet mismatched(mesh, unequal);
    const LayerTextures mismatchedTextures(mismatched);
    CHECK_THROWS_AS(gpuImpressions.setDensitiesWithin(mismatchedTextures, TexelRect{0, 0, 8, 8}, TexelRect{}, {}), std::logic_error);
}
