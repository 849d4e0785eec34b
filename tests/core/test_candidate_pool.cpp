#include "TestHeads.h"

#include "core/BlueNoiseMetrics.h"
#include "core/CandidatePool.h"
#include "core/Hash.h"
#include "io/MeshLoader.h"
#include "io/PoolCache.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>

using namespace stipple;
using testheads::Head;

namespace {

std::vector<glm::vec3> prefixPositions(const CandidatePool& pool, float densityPerCm2) {
    std::vector<glm::vec3> points;
    for (std::size_t i = 0; i < pool.prefixSize(densityPerCm2); ++i) points.push_back(pool.candidates[i].position);
    return points;
}

bool sameCandidates(const CandidatePool& a, const CandidatePool& b) {
    return a.size() == b.size() && a.areaMm2 == b.areaMm2 &&
           std::memcmp(a.candidates.data(), b.candidates.data(), a.size() * sizeof(Candidate)) == 0;
}

std::filesystem::path freshTempDir(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("stipple-test-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("the test heads are head-sized, closed and face outwards", "[pool]") {
    for (Head head : {Head::Ellipsoid, Head::Bumpy}) {
        const HeadMesh& mesh = testheads::sharedHead(head);
        CHECK_NOTHROW(validateMesh(mesh));
        CHECK(scalpAreaCm2(mesh) > 400.0);
        CHECK(scalpAreaCm2(mesh) < 800.0);
        std::size_t outward = 0;
        const glm::vec3 centre = computeBounds(mesh.positions).center();
        for (std::size_t i = 0; i < mesh.vertexCount(); ++i)
            if (glm::dot(mesh.normals[i], mesh.positions[i] - centre) > 0.0f) ++outward;
        CHECK(outward > mesh.vertexCount() * 99 / 100);
    }
}

TEST_CASE("the pool covers the scalp uniformly by 3D area at the maximum density", "[pool]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Bumpy);
    const CandidatePool& pool = testheads::sharedPool(Head::Bumpy, 100.0f);
    REQUIRE(pool.size() == std::size_t(std::llround(pool.areaMm2 / 100.0 * 100.0)));

    // Area of every triangle the scalp touches, and of those above a horizontal cut.
    const float cut = 40.0f;
    double area = 0.0, areaAbove = 0.0;
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
        const glm::uvec3& tri = mesh.triangles[t];
        if (std::max({mesh.scalpWeight[tri.x], mesh.scalpWeight[tri.y], mesh.scalpWeight[tri.z]}) <= 0.0f) continue;
        area += triangleArea(mesh, t);
        const float y = (mesh.positions[tri.x].y + mesh.positions[tri.y].y + mesh.positions[tri.z].y) / 3.0f;
        if (y > cut) areaAbove += triangleArea(mesh, t);
    }
    CHECK(pool.areaMm2 == Approx(area).epsilon(1e-6));

    std::size_t above = 0;
    for (std::size_t i = 0; i < pool.size(); ++i) {
        const Candidate& c = pool.candidates[i];
        REQUIRE(c.rank >= 0.0f);
        REQUIRE(c.rank < 1.0f);
        if (i > 0) REQUIRE(c.rank > pool.candidates[i - 1].rank);
        // Each candidate lies on its triangle, where its barycentrics say.
        const glm::uvec3& tri = mesh.triangles[c.triangle];
        const glm::vec3 a = mesh.positions[tri.x], b = mesh.positions[tri.y], d = mesh.positions[tri.z];
        const glm::vec3 onTriangle = a + c.barycentric.x * (b - a) + c.barycentric.y * (d - a);
        REQUIRE(glm::length(onTriangle - c.position) < 1e-3f);
        REQUIRE(c.scalpWeight >= 0.0f);
        REQUIRE(c.scalpWeight <= 1.0f);
        REQUIRE(glm::length(c.normal) == Approx(1.0f).epsilon(1e-4));
        const float triangleY = (a.y + b.y + d.y) / 3.0f;
        if (triangleY > cut) ++above;
    }
    // The share of candidates above the cut matches its share of the area (binomial spread ~0.2 %).
    CHECK(double(above) / double(pool.size()) == Approx(areaAbove / area).margin(0.01));
}

TEST_CASE("the pool is not thinned along triangle edges", "[pool]") {
    // Points uniform in a triangle have min(b0, b1, b2) < t with probability 1 - (1 - 3t)^2. Darts
    // pushed against a neighbour cross into the next triangle instead of being dropped, so the
    // strips along the mesh's edges are as full as the rest (dropping them left them ~20 % short).
    for (Head head : {Head::Ellipsoid, Head::Bumpy}) {
        const CandidatePool& pool = testheads::sharedPool(head, 100.0f);
        std::size_t within2 = 0, within5 = 0;
        for (const Candidate& c : pool.candidates) {
            const float nearest = std::min({c.barycentric.x, c.barycentric.y, 1.0f - c.barycentric.x - c.barycentric.y});
            if (nearest < 0.02f) ++within2;
            if (nearest < 0.05f) ++within5;
        }
        INFO("head " << int(head) << ", " << pool.size() << " candidates");
        CHECK(double(within2) / double(pool.size()) == Approx(1.0 - 0.94 * 0.94).margin(0.01));
        CHECK(double(within5) / double(pool.size()) == Approx(1.0 - 0.85 * 0.85).margin(0.012));
    }
}

TEST_CASE("every prefix of the pool is blue noise: rho between 0.70 and 0.85 at every density", "[pool]") {
    struct Case {
        Head head;
        float maxDensity;
    };
    // One full-size case (200 per cm^2 on a ~540 cm^2 surface, ~108k points), one smaller.
    for (const Case& c : {Case{Head::Ellipsoid, 200.0f}, Case{Head::Bumpy, 100.0f}}) {
        const CandidatePool& pool = testheads::sharedPool(c.head, c.maxDensity);
        for (float density : {5.0f, 20.0f, 37.0f, 50.0f, 70.0f, 100.0f, 150.0f, 199.0f, 200.0f}) {
            if (density > c.maxDensity) continue;
            const std::vector<glm::vec3> points = prefixPositions(pool, density);
            INFO("head " << int(c.head) << ", " << density << " per cm^2, " << points.size() << " points");
            REQUIRE(points.size() > 1000);
            const double rho = relativeRadius(points, pool.areaMm2);
            CHECK(rho >= 0.70);
            CHECK(rho <= 0.85);
        }
    }
}

TEST_CASE("at 100 per cm^2 the mean nearest-neighbour distance is 0.80-1.0 mm", "[pool]") {
    for (Head head : {Head::Ellipsoid, Head::Bumpy}) {
        const double meanNN = meanNearestNeighbourMm(prefixPositions(testheads::sharedPool(head, 100.0f), 100.0f));
        INFO("head " << int(head) << ": mean NN " << meanNN << " mm");
        CHECK(meanNN > 0.80);
        CHECK(meanNN < 1.0);
    }
}

TEST_CASE("the metrics tell blue noise from white noise and from a grid", "[pool]") {
    // A hexagonal grid of spacing 1 mm: rho 1 (up to its border), mean NN 1.
    std::vector<glm::vec3> hex;
    const int rows = 60, columns = 60;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            hex.emplace_back(float(c) + 0.5f * float(r % 2), float(r) * std::sqrt(3.0f) / 2.0f, 0.0f);
    const double hexArea = double(rows * columns) * std::sqrt(3.0) / 2.0;
    CHECK(relativeRadius(hex, hexArea) == Approx(1.0).epsilon(0.01));
    CHECK(meanNearestNeighbourMm(hex) == Approx(1.0).epsilon(1e-4));

    // Uniform random on a 100 x 100 mm square at 1 per mm^2: mean NN 0.5 mm, rho near 0.
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> coordinate(0.0f, 100.0f);
    std::vector<glm::vec3> random(10000);
    for (glm::vec3& p : random) p = {coordinate(rng), coordinate(rng), 0.0f};
    CHECK(meanNearestNeighbourMm(random) == Approx(0.5).margin(0.03));
    CHECK(relativeRadius(random, 10000.0) < 0.1);

    // The grid search agrees with brute force.
    std::vector<glm::vec3> few(random.begin(), random.begin() + 300);
    const std::vector<float> fast = nearestNeighbourDistancesMm(few);
    for (std::size_t i = 0; i < few.size(); ++i) {
        float best = std::numeric_limits<float>::infinity();
        for (std::size_t j = 0; j < few.size(); ++j)
            if (j != i) best = std::min(best, glm::length(few[j] - few[i]));
        REQUIRE(fast[i] == Approx(best).epsilon(1e-5));
    }
}

TEST_CASE("the pool is deterministic and depends on its seed", "[pool]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Bumpy);
    PoolParams params;
    params.maxDensityPerCm2 = 20.0f;
    const CandidatePool first = *buildCandidatePool(mesh, params);
    const CandidatePool second = *buildCandidatePool(mesh, params);
    CHECK(sameCandidates(first, second));
    params.seed = 2;
    const CandidatePool other = *buildCandidatePool(mesh, params);
    CHECK(other.size() == first.size());
    CHECK_FALSE(sameCandidates(first, other));
}

TEST_CASE("building reports progress and can be cancelled", "[pool]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    PoolParams params;
    params.maxDensityPerCm2 = 30.0f;
    std::vector<float> reported;
    PoolProgress progress;
    progress.onProgress = [&](float fraction) { reported.push_back(fraction); };
    REQUIRE(buildCandidatePool(mesh, params, progress));
    REQUIRE(reported.size() > 2);
    CHECK(std::is_sorted(reported.begin(), reported.end()));
    CHECK(reported.front() >= 0.0f);
    CHECK(reported.back() == 1.0f);

    std::atomic<bool> cancel{false};
    progress.cancel = &cancel;
    progress.onProgress = [&](float fraction) {
        if (fraction > 0.3f) cancel = true;
    };
    CHECK_FALSE(buildCandidatePool(mesh, params, progress));
}

TEST_CASE("a mesh without a scalp gives an empty pool", "[pool]") {
    HeadMesh mesh = testheads::sharedHead(Head::Bumpy);
    mesh.scalpWeight.assign(mesh.vertexCount(), 0.0f);
    CHECK(buildCandidatePool(mesh)->size() == 0);
    mesh.scalpWeight.clear();
    CHECK(buildCandidatePool(mesh)->size() == 0);
}

TEST_CASE("the hash is lowbias32, bit for bit what the shader computes", "[pool]") {
    // Known answers computed independently (Python, 32-bit wrap-around).
    CHECK(lowbias32(0u) == 0u);
    CHECK(lowbias32(1u) == 0x688990c0u);
    CHECK(lowbias32(0xdeadbeefu) == 0xe628c683u);
    CHECK(hashToUnitFloat(0xffffffffu) < 1.0f);
    CHECK(hashToUnitFloat(0u) == 0.0f);
}

TEST_CASE("pool cache: round trip is bit-exact, bad files read as not cached", "[pool][cache]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Bumpy);
    PoolParams params;
    params.maxDensityPerCm2 = 20.0f;
    const std::filesystem::path dir = freshTempDir("pool-cache");
    const std::uint64_t key = poolCacheKey(mesh, params);

    PoolParams otherParams = params;
    otherParams.seed = 9;
    CHECK(poolCacheKey(mesh, otherParams) != key);
    HeadMesh moved = mesh;
    moved.positions[10].x += 0.001f;
    CHECK(poolCacheKey(moved, params) != key);
    HeadMesh reweighted = mesh;
    reweighted.scalpWeight[10] = 0.5f * reweighted.scalpWeight[10] + 0.25f;
    CHECK(poolCacheKey(reweighted, params) != key);

    const std::filesystem::path file = poolCacheFile(dir, key);
    CHECK_FALSE(loadPoolCache(file, key));  // missing
    const std::optional<CandidatePool> built = loadOrBuildCandidatePool(mesh, params, {}, dir);
    REQUIRE(built);
    REQUIRE(std::filesystem::exists(file));
    const std::optional<CandidatePool> loaded = loadPoolCache(file, key);
    REQUIRE(loaded);
    CHECK(sameCandidates(*built, *loaded));
    CHECK(loaded->params.maxDensityPerCm2 == params.maxDensityPerCm2);
    CHECK(loaded->params.seed == params.seed);
    CHECK(loadPoolCache(file, key + 1) == std::nullopt);  // another mesh or parameters

    // The second open reads the file instead of building: a progress callback sees only 1.
    std::vector<float> reported;
    PoolProgress progress;
    progress.onProgress = [&](float fraction) { reported.push_back(fraction); };
    const std::optional<CandidatePool> again = loadOrBuildCandidatePool(mesh, params, progress, dir);
    REQUIRE(again);
    CHECK(sameCandidates(*built, *again));
    CHECK(reported == std::vector<float>{1.0f});

    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto rewrite = [&](const std::string& content) {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(content.data(), std::streamsize(content.size()));
    };
    for (std::size_t length : {std::size_t(0), std::size_t(5), std::size_t(56), bytes.size() / 2, bytes.size() - 1}) {
        rewrite(bytes.substr(0, length));
        CHECK_FALSE(loadPoolCache(file, key));
    }
    for (std::size_t offset : {std::size_t(3), std::size_t(30), std::size_t(100), bytes.size() - 2}) {
        std::string corrupt = bytes;
        corrupt[offset] = char(corrupt[offset] ^ 0x5a);
        rewrite(corrupt);
        CHECK_FALSE(loadPoolCache(file, key));
    }
    rewrite(bytes + "x");
    CHECK_FALSE(loadPoolCache(file, key));
    rewrite(bytes);
    CHECK(loadPoolCache(file, key));
    std::filesystem::remove_all(dir);
}

TEST_CASE("the default cache folder follows XDG_CACHE_HOME", "[pool][cache]") {
    const char* old = std::getenv("XDG_CACHE_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_CACHE_HOME", "/some/cache", 1);
    CHECK(defaultPoolCacheDir() == std::filesystem::path("/some/cache/stipple"));
    ::setenv("XDG_CACHE_HOME", "", 1);
    CHECK(defaultPoolCacheDir().filename() == "stipple");
    if (old) ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_CACHE_HOME");
}

TEST_CASE("the default head's pool keeps rho 0.70-0.85 at every density", "[pool][default-head]") {
    const HeadMesh mesh = loadHeadMesh(defaultHeadPath());
    PoolParams params;
    params.maxDensityPerCm2 = 200.0f;
    const CandidatePool pool = *buildCandidatePool(mesh, params);
    REQUIRE(pool.areaMm2 / 100.0 > 400.0);
    for (float density : {20.0f, 37.0f, 50.0f, 70.0f, 100.0f, 150.0f, 200.0f}) {
        const std::vector<glm::vec3> points = prefixPositions(pool, density);
        const double rho = relativeRadius(points, pool.areaMm2);
        INFO(density << " per cm^2: " << points.size() << " points, rho " << rho);
        CHECK(rho >= 0.70);
        CHECK(rho <= 0.85);
    }
    const double meanNN = meanNearestNeighbourMm(prefixPositions(pool, 100.0f));
    CHECK(meanNN > 0.80);
    CHECK(meanNN < 1.0);
}

// Prints the figures docs/scatter.md quotes: `stipple_core_tests "[.figures]"`.
TEST_CASE("pool figures", "[.figures]") {
    const auto report = [](const char* name, const HeadMesh& mesh) {
        const auto start = std::chrono::steady_clock::now();
        const CandidatePool pool = *buildCandidatePool(mesh, PoolParams{});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%s: scalp %.1f cm^2, pool area %.1f cm^2, %zu candidates at 200/cm^2 in %.3f s\n", name,
                    scalpAreaCm2(mesh), pool.areaMm2 / 100.0, pool.size(), seconds);
        for (float density : {5.0f, 10.0f, 20.0f, 37.0f, 50.0f, 70.0f, 100.0f, 150.0f, 200.0f}) {
            const std::vector<glm::vec3> points = prefixPositions(pool, density);
            std::printf("  %5.0f /cm^2: %7zu points, rho %.4f, mean NN %.3f mm\n", density, points.size(),
                        relativeRadius(points, pool.areaMm2), meanNearestNeighbourMm(points));
        }
    };
    report("ellipsoid head", testheads::sharedHead(Head::Ellipsoid));
    report("bumpy head", testheads::sharedHead(Head::Bumpy));
    report("default head", loadHeadMesh(defaultHeadPath()));
}
