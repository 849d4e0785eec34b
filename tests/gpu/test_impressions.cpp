// The GPU passes against their CPU twins, on random inputs.
#include "core/CandidateGrid.h"
#include "core/DotCoverage.h"
#include "core/NativeHair.h"
#include "core/Scatter.h"
#include "core/SessionPlan.h"
#include "gpu/HeadlessContext.h"
#include "gpu/ImpressionField.h"
#include "gpu/PigmentBake.h"
#include "TestHeads.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>

using namespace stipple;
using namespace stipple::testheads;

namespace {

HeadlessContext& context() {
    static HeadlessContext instance;
    return instance;
}

// A density map of random size with random values over the whole range, smooth or not.
DensityMap randomDensity(std::mt19937& random, float maxDensity) {
    std::uniform_int_distribution<int> size(1, 64);
    DensityMap map(size(random), size(random));
    std::uniform_real_distribution<float> value(0.0f, maxDensity);
    for (int j = 0; j < map.height(); ++j)
        for (int i = 0; i < map.width(); ++i) map.set(i, j, value(random));
    return map;
}

ScatterParams randomLook(std::mt19937& random) {
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    ScatterParams look;
    look.needleDiameterMm = 0.18f + 0.3f * unit(random);
    look.diameterJitter = 0.1f * unit(random);
    look.shade = 0.5f + 0.5f * unit(random);
    look.shadeJitter = 0.3f * unit(random);
    return look;
}

}  // namespace

TEST_CASE("the GPU scatter activates exactly the candidates its CPU twin does", "[gl][scatter]") {
    context();
    std::mt19937 random(20261127);
    for (const Head head : {Head::Ellipsoid, Head::Bumpy}) {
        const CandidatePool& pool = sharedPool(head, 120.0f);
        ImpressionField field(pool, buildCandidateGrid(pool));
        for (int trial = 0; trial < 4; ++trial) {
            const DensityMap density = randomDensity(random, pool.params.maxDensityPerCm2);
            // The client's hair too: where the two together pass the pool's maximum, they compete.
            const DensityMap hair = randomDensity(random, pool.params.maxDensityPerCm2);
            const ScatterParams look = randomLook(random), stubble = randomLook(random);
            field.setDensity(density);
            field.setNativeHair(hair, stubble);
            field.scatter(look);
            const std::vector<Impression> cpu = scatterImpressions(pool, density, look);
            const std::vector<Impression> cpuFollicles = scatterFollicles(pool, density, hair, stubble);
            const std::vector<std::uint32_t> gpuIds = field.activeIds();
            const std::vector<ImpressionField::DotState> states = field.dotStates();
            INFO("trial " << trial << ", density map " << density.width() << "x" << density.height());
            REQUIRE(cpu.size() > 100);
            REQUIRE(gpuIds.size() == cpu.size());
            for (std::size_t k = 0; k < cpu.size(); ++k) {
                REQUIRE(gpuIds[k] == cpu[k].id);
                const ImpressionField::DotState& state = states[cpu[k].id];
                CHECK(state.seed == cpu[k].seed);
                CHECK(state.diameterMm == Approx(cpu[k].diameterMm).epsilon(1e-6));
                CHECK(state.shade == Approx(cpu[k].shade).epsilon(1e-6));
            }
            std::vector<std::uint32_t> gpuFollicles;
            for (std::uint32_t id = 0; id < states.size(); ++id)
                if (states[id].kind == ImpressionField::kFollicleDot) gpuFollicles.push_back(id);
            REQUIRE(cpuFollicles.size() > 100);
            REQUIRE(gpuFollicles.size() == cpuFollicles.size());
            for (std::size_t k = 0; k < cpuFollicles.size(); ++k) {
                REQUIRE(gpuFollicles[k] == cpuFollicles[k].id);
                const ImpressionField::DotState& state = states[cpuFollicles[k].id];
                CHECK(state.diameterMm == Approx(cpuFollicles[k].diameterMm).epsilon(1e-6));
                CHECK(state.shade == Approx(cpuFollicles[k].shade).epsilon(1e-6));
            }
        }
    }
}

TEST_CASE("follicles take the candidates impressions leave: from the top of the ranks down", "[scatter]") {
    const CandidatePool& pool = sharedPool(Head::Ellipsoid, 120.0f);
    const float max = pool.params.maxDensityPerCm2;
    const ScatterParams look;
    // Together under the maximum: disjoint, and each as many as alone.
    const std::vector<Impression> design = scatterImpressions(pool, DensityMap::uniform(0.5f * max), look);
    const std::vector<Impression> hair =
        scatterFollicles(pool, DensityMap::uniform(0.5f * max), DensityMap::uniform(0.4f * max), look);
    const std::vector<Impression> hairAlone =
        scatterFollicles(pool, DensityMap::uniform(0.0f), DensityMap::uniform(0.4f * max), look);
    REQUIRE(hair.size() > 1000);
    CHECK(hair.size() == hairAlone.size());
    std::vector<bool> isImpression(pool.size(), false);
    for (const Impression& impression : design) isImpression[impression.id] = true;
    for (const Impression& follicle : hair) {
        CHECK_FALSE(isImpression[follicle.id]);
        CHECK(pool.candidates[follicle.id].rank > 0.5f);
    }
    // Together over the maximum: the impressions keep their places, the hair gives way.
    const std::vector<Impression> crowded =
        scatterFollicles(pool, DensityMap::uniform(0.8f * max), DensityMap::uniform(0.4f * max), look);
    CHECK(crowded.size() < hairAlone.size());
    const std::vector<Impression> crowdedDesign = scatterImpressions(pool, DensityMap::uniform(0.8f * max), look);
    std::fill(isImpression.begin(), isImpression.end(), false);
    for (const Impression& impression : crowdedDesign) isImpression[impression.id] = true;
    for (const Impression& follicle : crowded) CHECK_FALSE(isImpression[follicle.id]);
}

TEST_CASE("the baked pigment map equals the CPU coverage at random texels", "[gl][bake]") {
    context();
    const HeadMesh& mesh = sharedHead(Head::Bumpy);
    const CandidatePool& pool = sharedPool(Head::Bumpy, 120.0f);
    const CandidateGrid grid = buildCandidateGrid(pool);
    ImpressionField field(pool, grid);
    const DensityMap density = DensityMap::uniform(90.0f), hair = DensityMap::uniform(60.0f);
    ScatterParams look, stubble;
    look.needleDiameterMm = 0.45f;  // wide dots so texels often fall inside one
    stubble.needleDiameterMm = 0.15f;  // thick hairs, for the same reason
    stubble.shade = 0.7f;
    field.setDensity(density);
    field.setNativeHair(hair, stubble);
    // Stubble with grey hairs among the dark: both kinds of hair, above the skin and under it.
    StubbleLook hairLook;
    hairLook.lengthMm = 1.0f;
    hairLook.greyShare = 0.3f;
    hairLook.whorlMm = crownWhorl(mesh.landmarks);
    field.setStubbleLook(hairLook);
    field.scatter(look);
    constexpr int kSize = 2048;
    PigmentBake bake(mesh, kSize, 0.3f, 0.0f);  // with a halo: the map then holds the grey hair too
    bake.bakeAll(field);
    const Image map = bake.readPixels();
    const std::vector<Impression> impressions = scatterImpressions(pool, density, look);
    const std::vector<Impression> follicles = scatterFollicles(pool, density, hair, stubble);
    const DotCoverage cpu(pool, grid, impressions);
    const StubbleCoverage cpuStubble(pool, grid, follicles, hairLook);

    // Texel centres inside random scalp triangles: their point on the skin by barycentrics.
    std::mt19937 random(7);
    std::uniform_int_distribution<std::size_t> anyCandidate(0, pool.size() - 1);
    int compared = 0, inked = 0, stubbled = 0, greyed = 0;
    double worst = 0.0;
    for (int sample = 0; sample < 4000; ++sample) {
        const glm::uvec3 t = mesh.triangles[pool.candidates[anyCandidate(random)].triangle];
        const glm::vec2 a = mesh.uvs[t.x] * float(kSize), b = mesh.uvs[t.y] * float(kSize), c = mesh.uvs[t.z] * float(kSize);
        const glm::vec2 texel = glm::floor((a + b + c) / 3.0f) + 0.5f;
        const float area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        const float wb = ((texel.x - a.x) * (c.y - a.y) - (texel.y - a.y) * (c.x - a.x)) / area;
        const float wc = ((b.x - a.x) * (texel.y - a.y) - (b.y - a.y) * (texel.x - a.x)) / area;
        if (wb < 0.01f || wc < 0.01f || wb + wc > 0.99f) continue;  // keep off the edges
        const glm::vec3 p = mesh.positions[t.x] * (1.0f - wb - wc) + mesh.positions[t.y] * wb + mesh.positions[t.z] * wc;
        // The texel's footprint on the skin, as the fragment derivatives see it.
        const glm::vec3 dpdx = ((mesh.positions[t.y] - mesh.positions[t.x]) * (c.y - a.y) -
                                (mesh.positions[t.z] - mesh.positions[t.x]) * (b.y - a.y)) / area;
        const glm::vec3 dpdy = ((mesh.positions[t.z] - mesh.positions[t.x]) * (b.x - a.x) -
                                (mesh.positions[t.y] - mesh.positions[t.x]) * (c.x - a.x)) / area;
        const float footprint = std::max(glm::length(dpdx), glm::length(dpdy));
        const float expected = cpu.at(p, footprint);
        // Image rows run from v = 1 down.
        const int x = int(texel.x), y = kSize - 1 - int(texel.y);
        const std::size_t at = (std::size_t(y) * kSize + std::size_t(x)) * 4;
        const float baked = map.rgba[at] / 255.0f, bakedStubble = map.rgba[at + 1] / 255.0f;
        const float bakedGrey = map.rgba[at + 3] / 255.0f;
        const glm::vec3 faceNormal = glm::normalize(glm::cross(dpdx, dpdy));
        const glm::vec2 expectedHair = cpuStubble.at(p, faceNormal, footprint);
        worst = std::max({worst, double(std::abs(baked - expected)), double(std::abs(bakedStubble - expectedHair.x)),
                          double(std::abs(bakedGrey - expectedHair.y))});
        CHECK(baked == Approx(expected).margin(2.5 / 255.0));
        CHECK(bakedStubble == Approx(expectedHair.x).margin(2.5 / 255.0));
        CHECK(bakedGrey == Approx(expectedHair.y).margin(2.5 / 255.0));
        ++compared;
        if (expected > 0.1f) ++inked;
        if (expectedHair.x > 0.1f) ++stubbled;
        if (expectedHair.y > 0.1f) ++greyed;
    }
    INFO("worst difference " << worst);
    CHECK(compared > 1000);
    CHECK(inked > 20);  // the comparison saw dots, not only bare skin
    CHECK(stubbled > 20);
    CHECK(greyed > 5);
}

TEST_CASE("a local re-bake changes only texels near the change, and seams are padded", "[gl][bake]") {
    context();
    const HeadMesh& mesh = sharedHead(Head::Ellipsoid);
    const CandidatePool& pool = sharedPool(Head::Ellipsoid, 120.0f);
    ImpressionField field(pool, buildCandidateGrid(pool));
    field.setDensity(DensityMap::uniform(60.0f));
    ScatterParams look;
    look.needleDiameterMm = 0.4f;
    field.scatter(look);
    PigmentBake bake(mesh, 1024);
    bake.bakeAll(field);
    const Image before = bake.readPixels();

    // Everything denser, but only the region around one point re-baked: texels whose skin lies
    // far from that point must not change.
    field.setDensity(DensityMap::uniform(120.0f));
    field.scatter(look);
    const glm::vec3 center = pool.candidates[pool.size() / 2].position;
    bake.bakeAround(field, center, 10.0f);
    const Image after = bake.readPixels();
    std::size_t changed = 0;
    for (std::size_t i = 0; i < before.rgba.size(); i += 4)
        if (before.rgba[i] != after.rgba[i]) ++changed;
    CHECK(changed > 0);
    // A 10 mm disc of a ~500 cm2 scalp is well under 5 % of the texels.
    CHECK(changed < before.rgba.size() / 4 / 20);
    // What changed is what a full bake of the new state holds there.
    PigmentBake full(mesh, 1024);
    full.bakeAll(field);
    const Image whole = full.readPixels();
    for (std::size_t i = 0; i < before.rgba.size(); i += 4)
        if (before.rgba[i] != after.rgba[i]) REQUIRE(after.rgba[i] == whole.rgba[i]);
    // Every mip level still filters the level above it, inside the re-baked region and out.
    for (int level = 1; level <= 4; ++level) {
        const Image finer = bake.readPixels(level - 1), coarser = bake.readPixels(level);
        int worst = 0;
        for (int y = 0; y < coarser.height; ++y)
            for (int x = 0; x < coarser.width; ++x) {
                int sum = 0;
                for (int dy = 0; dy < 2; ++dy)
                    for (int dx = 0; dx < 2; ++dx)
                        sum += finer.rgba[(std::size_t(2 * y + dy) * std::size_t(finer.width) + std::size_t(2 * x + dx)) * 4];
                worst = std::max(worst, std::abs(sum / 4 - int(coarser.rgba[(std::size_t(y) * std::size_t(coarser.width) + std::size_t(x)) * 4])));
            }
        INFO("mip level " << level);
        CHECK(worst <= 1);
    }
    bake.bakeAll(field);
    CHECK(bake.readPixels().rgba != before.rgba);
}

TEST_CASE("texels just outside a UV island copy the island's edge, so filtering shows no seam", "[gl][bake]") {
    context();
    // A 100 mm square of scalp, mapped to the middle of the texture: dots reach its UV border.
    HeadMesh patch;
    constexpr int kSteps = 40;
    for (int j = 0; j <= kSteps; ++j)
        for (int i = 0; i <= kSteps; ++i) {
            const glm::vec2 f(float(i) / kSteps, float(j) / kSteps);
            patch.positions.emplace_back(100.0f * f.x, 100.0f * f.y, 0.0f);
            patch.normals.emplace_back(0.0f, 0.0f, 1.0f);
            patch.uvs.push_back(0.25f + 0.5f * f);
            patch.scalpWeight.push_back(1.0f);
        }
    for (unsigned j = 0; j < kSteps; ++j)
        for (unsigned i = 0; i < kSteps; ++i) {
            const unsigned a = j * (kSteps + 1) + i, b = a + kSteps + 1;
            patch.triangles.emplace_back(a, a + 1, b + 1);
            patch.triangles.emplace_back(a, b + 1, b);
        }
    PoolParams params;
    params.maxDensityPerCm2 = 120.0f;
    const CandidatePool pool = *buildCandidatePool(patch, params);
    ImpressionField field(pool, buildCandidateGrid(pool));
    field.setDensity(DensityMap::uniform(120.0f));
    ScatterParams look;
    look.needleDiameterMm = 0.5f;
    field.scatter(look);
    constexpr int kSize = 512;
    PigmentBake bake(patch, kSize);
    bake.bakeAll(field);
    const Image map = bake.readPixels();
    const auto red = [&](int x, int y) { return map.rgba[(std::size_t(y) * kSize + std::size_t(x)) * 4]; };
    const auto inside = [&](int x, int y) { return bake.islandMask()[std::size_t(y) * kSize + std::size_t(x)] != 0; };
    int ring = 0, inked = 0;
    for (int y = 1; y < kSize - 1; ++y)
        for (int x = 1; x < kSize - 1; ++x) {
            if (inside(x, y)) continue;
            // A texel outside the island next to one inside it: it holds a neighbour's value.
            const int neighbours[4][2] = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
            bool bordering = false, matches = false;
            for (const auto& n : neighbours)
                if (inside(n[0], n[1])) {
                    bordering = true;
                    matches = matches || red(n[0], n[1]) == red(x, y);
                }
            if (!bordering) continue;
            ++ring;
            CHECK(matches);
            if (red(x, y) > 0) ++inked;
        }
    CHECK(ring > 4 * 200);  // the whole outline of a 256-texel square
    CHECK(inked > 20);      // and dots crossed it
    // Far from the island nothing is painted.
    CHECK(red(5, 5) == 0);

    // A local re-bake by the island's edge pads only the rows it can reach, and pads them as a
    // full bake of the new state does.
    field.setDensity(DensityMap::uniform(40.0f));
    field.scatter(look);
    bake.bakeAround(field, glm::vec3(1.0f, 50.0f, 0.0f), 6.0f);
    const Image local = bake.readPixels();
    PigmentBake full(patch, kSize);
    full.bakeAll(field);
    const Image whole = full.readPixels();
    const auto at = [](int x, int y) { return (std::size_t(y) * kSize + std::size_t(x)) * 4; };
    int repadded = 0;
    for (int y = 1; y < kSize - 1; ++y)
        for (int x = 1; x < kSize - 1; ++x) {
            if (inside(x, y)) continue;
            // Beside an island texel the re-bake changed, the padding must hold the new value.
            const int neighbours[4][2] = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
            const bool besideChange = std::any_of(std::begin(neighbours), std::end(neighbours), [&](const int* n) {
                return inside(n[0], n[1]) && local.rgba[at(n[0], n[1])] != map.rgba[at(n[0], n[1])];
            });
            if (!besideChange) continue;
            CHECK(local.rgba[at(x, y)] == whole.rgba[at(x, y)]);
            ++repadded;
        }
    CHECK(repadded > 10);
}

TEST_CASE("a local re-scatter gives what a full scatter gives, and keeps the count exact", "[gl][scatter]") {
    context();
    const CandidatePool& pool = sharedPool(Head::Bumpy, 120.0f);
    ImpressionField local(pool, buildCandidateGrid(pool));
    ImpressionField full(pool, buildCandidateGrid(pool));
    const ScatterParams look;
    DensityMap density(64, 64, 40.0f);
    local.setDensity(density);
    local.scatter(look);
    std::mt19937 random(99);
    std::uniform_int_distribution<std::size_t> anyCandidate(0, pool.size() - 1);
    for (int dab = 0; dab < 6; ++dab) {
        // Raise or lower density in the texels under a 12 mm disc.
        const glm::vec3 center = pool.candidates[anyCandidate(random)].position;
        const float value = dab % 2 ? 5.0f : 110.0f;
        const DensityMap before = density;
        for (const Candidate& c : pool.candidates)
            if (glm::distance(c.position, center) < 12.0f)
                density.set(std::min(63, int(c.uv.x * 64.0f)), std::min(63, int(c.uv.y * 64.0f)), value);
        // Bilinear sampling spreads the change over whole texels: re-scatter as far as any
        // candidate's sampled density moved.
        float reach = 0.0f;
        for (const Candidate& c : pool.candidates)
            if (before.sample(c.uv) != density.sample(c.uv)) reach = std::max(reach, glm::distance(c.position, center));
        local.setDensity(density);
        local.scatterAround(look, center, reach);
        full.setDensity(density);
        full.scatter(look);
        INFO("dab " << dab);
        CHECK(local.activeIds() == full.activeIds());
        CHECK(local.activeCount() == full.activeCount());
        CHECK(local.activeCount() == scatterImpressions(pool, density, look).size());
    }
}

TEST_CASE("the GPU shows each session alone and so far exactly as the session plan places it", "[gl][scatter][smp]") {
    context();
    std::mt19937 random(27);
    const CandidatePool& pool = sharedPool(Head::Bumpy, 120.0f);
    ImpressionField field(pool, buildCandidateGrid(pool));
    for (const int sessionCount : {2, 3, 4}) {
        const SessionPlan plan = defaultSessionPlan(sessionCount);
        const DensityMap density = randomDensity(random, pool.params.maxDensityPerCm2);
        const ScatterParams look = randomLook(random);
        field.setDensity(density);
        for (int session = 1; session <= plan.count(); ++session)
            for (const SessionView view : {SessionView::Alone, SessionView::SoFar}) {
                const std::size_t k = std::size_t(session - 1);
                field.setRankWindow(view == SessionView::Alone && k > 0 ? plan.fractions[k - 1] : 0.0f, plan.fractions[k]);
                field.scatter(look);
                const std::vector<Impression> cpu = sessionImpressions(pool, density, plan, session, view, look);
                std::vector<std::uint32_t> cpuIds;
                for (const Impression& impression : cpu) cpuIds.push_back(impression.id);
                INFO(sessionCount << " sessions, session " << session << (view == SessionView::Alone ? " alone" : " so far"));
                CHECK(cpuIds.size() > 50);
                CHECK(field.activeIds() == cpuIds);
                CHECK(field.activeCount() == cpuIds.size());
            }
    }
}

TEST_CASE("each dot's baked halo centres on the dot and is as wide on the skin as its sigma", "[gl][bake][halo]") {
    context();
    const HeadMesh& mesh = sharedHead(Head::Bumpy);
    const CandidatePool& pool = sharedPool(Head::Bumpy, 120.0f);
    ImpressionField field(pool, buildCandidateGrid(pool));
    // Few, wide, dark dots: each halo stands alone and well above the map's 8-bit steps.
    const DensityMap density = DensityMap::uniform(1.5f);
    ScatterParams look;
    look.needleDiameterMm = 0.55f;
    look.diameterJitter = 0.0f;
    look.shade = 1.0f;
    look.shadeJitter = 0.0f;
    field.setDensity(density);
    field.scatter(look);
    // A sigma of the map's coarser texels, and one finer than its level 1.
    const float kSigmaMm = GENERATE(0.6f, 0.25f);
    constexpr int kSize = 2048;
    PigmentBake bake(mesh, kSize, kSigmaMm, 0.0f);
    bake.bakeAll(field);
    const Image map = bake.readPixels();
    const std::vector<Impression> dots = scatterImpressions(pool, density, look);
    REQUIRE(dots.size() > 100);

    // The dots by 3 mm cell, to find the one near a point.
    const auto cellOf = [](const glm::vec3& p) {
        const glm::ivec3 c(glm::floor(p / 3.0f));
        return (std::int64_t(c.x) * 73856093) ^ (std::int64_t(c.y) * 19349663) ^ (std::int64_t(c.z) * 83492791);
    };
    std::unordered_map<std::int64_t, std::vector<std::size_t>> cells;
    for (std::size_t i = 0; i < dots.size(); ++i) cells[cellOf(dots[i].position)].push_back(i);
    const auto near = [&](const glm::vec3& p, float reach) {
        std::vector<std::size_t> found;
        for (int dz = -1; dz <= 1; ++dz)
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const auto it = cells.find(cellOf(p + 3.0f * glm::vec3(dx, dy, dz)));
                    if (it == cells.end()) continue;
                    for (std::size_t i : it->second)
                        if (glm::distance(dots[i].position, p) < reach) found.push_back(i);
                }
        return found;
    };
    // Per dot: the halo's weight, its first and second moments about the dot, on the skin.
    struct Moments {
        double weight = 0.0, squaredRadius = 0.0;
        glm::dvec3 offset{0.0};
    };
    std::vector<Moments> moments(dots.size());
    for (const glm::uvec3& t : mesh.triangles) {
        const glm::vec2 a = mesh.uvs[t.x] * float(kSize), b = mesh.uvs[t.y] * float(kSize), c = mesh.uvs[t.z] * float(kSize);
        const float area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        if (std::abs(area) < 1e-6f) continue;
        const glm::ivec2 low(glm::floor(glm::min(a, glm::min(b, c)))), high(glm::ceil(glm::max(a, glm::max(b, c))));
        for (int y = std::max(low.y, 0); y < std::min(high.y, kSize); ++y)
            for (int x = std::max(low.x, 0); x < std::min(high.x, kSize); ++x) {
                const glm::vec2 texel(float(x) + 0.5f, float(y) + 0.5f);
                const float wb = ((texel.x - a.x) * (c.y - a.y) - (texel.y - a.y) * (c.x - a.x)) / area;
                const float wc = ((b.x - a.x) * (texel.y - a.y) - (b.y - a.y) * (texel.x - a.x)) / area;
                if (wb < 0.0f || wc < 0.0f || wb + wc > 1.0f) continue;
                const float halo = map.rgba[(std::size_t(kSize - 1 - y) * kSize + std::size_t(x)) * 4 + 2] / 255.0f;
                if (halo <= 0.0f) continue;
                const glm::vec3 p =
                    mesh.positions[t.x] * (1.0f - wb - wc) + mesh.positions[t.y] * wb + mesh.positions[t.z] * wc;
                const std::vector<std::size_t> owners = near(p, 3.0f);
                if (owners.size() != 1) continue;
                Moments& m = moments[owners[0]];
                const glm::dvec3 d = glm::dvec3(p - dots[owners[0]].position);
                m.weight += halo;
                m.offset += double(halo) * d;
                m.squaredRadius += double(halo) * glm::dot(d, d);
            }
    }
    // Dots with no neighbour within 6 mm: their halo is theirs alone.
    std::vector<double> offsets, radii;
    for (std::size_t i = 0; i < dots.size(); ++i)
        if (near(dots[i].position, 6.0f).size() == 1 && moments[i].weight > 0.0) {
            offsets.push_back(glm::length(moments[i].offset / moments[i].weight));
            radii.push_back(std::sqrt(moments[i].squaredRadius / moments[i].weight));
        }
    REQUIRE(offsets.size() > 30);
    const auto median = [](std::vector<double> values) {
        std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(values.size() / 2), values.end());
        return values[values.size() / 2];
    };
    // A disc of radius r blurred by a Gaussian of sigma: mean squared radius 2 sigma^2 + r^2 / 2.
    const double expectedRadius = std::sqrt(2.0 * kSigmaMm * kSigmaMm + 0.5 * 0.275 * 0.275);
    INFO("dots " << offsets.size() << ", median offset " << median(offsets) << " mm, median radius "
                 << median(radii) << " mm against " << expectedRadius);
    CHECK(median(offsets) < 0.15 * kSigmaMm);
    CHECK(median(radii) > 0.75 * expectedRadius);
    CHECK(median(radii) < 1.25 * expectedRadius);
}
