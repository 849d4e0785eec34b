#include "core/PigmentMapLayout.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <random>

using namespace stipple;

namespace {

// A square of skin `sideMm` wide at height `z`, on the UV square from `uvLow`, `uvSide` wide.
void addSquare(HeadMesh& mesh, float sideMm, float z, glm::vec2 uvLow, float uvSide, float scalpWeight) {
    const auto first = std::uint32_t(mesh.positions.size());
    for (const glm::vec2 corner : {glm::vec2(0, 0), glm::vec2(1, 0), glm::vec2(1, 1), glm::vec2(0, 1)}) {
        mesh.positions.emplace_back(corner * sideMm, z);
        mesh.normals.emplace_back(0.0f, 0.0f, 1.0f);
        mesh.uvs.push_back(uvLow + corner * uvSide);
        mesh.scalpWeight.push_back(scalpWeight);
    }
    mesh.triangles.emplace_back(first, first + 1, first + 2);
    mesh.triangles.emplace_back(first, first + 2, first + 3);
}

// Islands of random discs and rectangles on a `size` square, row by row.
std::vector<std::uint8_t> randomIslands(std::mt19937& random, int size) {
    std::vector<std::uint8_t> covered(std::size_t(size * size), 0);
    std::uniform_int_distribution<int> position(0, size - 1), extent(0, size / 6);
    for (int shape = 0; shape < 6; ++shape) {
        const int cx = position(random), cy = position(random), rx = extent(random), ry = extent(random);
        const bool disc = shape % 2 == 0;
        for (int y = std::max(0, cy - ry); y <= std::min(size - 1, cy + ry); ++y)
            for (int x = std::max(0, cx - rx); x <= std::min(size - 1, cx + rx); ++x) {
                const float dx = float(x - cx) / float(rx + 1), dy = float(y - cy) / float(ry + 1);
                if (!disc || dx * dx + dy * dy <= 1.0f) covered[std::size_t(y * size + x)] = 1;
            }
    }
    return covered;
}

}  // namespace

TEST_CASE("scalp texel sizes: the finest, the median by area and the coarsest, scalp only", "[pigment-map]") {
    HeadMesh mesh;
    constexpr int size = 512;
    addSquare(mesh, 10.0f, 0.0f, {0.0f, 0.0f}, 0.5f, 1.0f);   // 20 mm per UV unit
    addSquare(mesh, 30.0f, 1.0f, {0.5f, 0.0f}, 0.5f, 1.0f);   // 60: nine times the area
    addSquare(mesh, 100.0f, 2.0f, {0.0f, 0.5f}, 0.5f, 0.0f);  // off the scalp: not counted
    const ScalpTexelSizes sizes = scalpTexelSizes(mesh, size);
    CHECK(sizes.finestMm == Approx(20.0f / size));
    CHECK(sizes.medianMm == Approx(60.0f / size));
    CHECK(sizes.coarsestMm == Approx(60.0f / size));
}

TEST_CASE("padding pairs every texel near an island with its nearest island texel, grouped by row", "[pigment-map]") {
    std::mt19937 random(11);
    for (int trial = 0; trial < 12; ++trial) {
        const int size = 48 + 8 * (trial % 3), padding = 1 + trial % 8;
        const std::vector<std::uint8_t> covered = randomIslands(random, size);
        const PaddingPairs result = paddingPairs(covered, size, padding);
        INFO("trial " << trial << ", size " << size << ", padding " << padding);

        // The brute-force twin: each texel's Manhattan distance to the nearest island texel.
        std::vector<int> nearest(covered.size(), 1 << 20);
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x)
                for (int sy = 0; sy < size; ++sy)
                    for (int sx = 0; sx < size; ++sx)
                        if (covered[std::size_t(sy * size + sx)])
                            nearest[std::size_t(y * size + x)] =
                                std::min(nearest[std::size_t(y * size + x)], std::abs(x - sx) + std::abs(y - sy));

        REQUIRE(result.rowStart.size() == std::size_t(size) + 1);
        REQUIRE(result.rowStart.back() == result.pairs.size());
        std::vector<int> timesTarget(covered.size(), 0);
        for (int row = 0; row < size; ++row)
            for (std::uint32_t i = result.rowStart[std::size_t(row)]; i < result.rowStart[std::size_t(row) + 1]; ++i) {
                const glm::uvec2 pair = result.pairs[i];
                const int tx = int(pair.x & 0xffffu), ty = int(pair.x >> 16);
                const int sx = int(pair.y & 0xffffu), sy = int(pair.y >> 16);
                REQUIRE(ty == row);
                const std::size_t target = std::size_t(ty * size + tx);
                CHECK_FALSE(covered[target]);
                CHECK(covered[std::size_t(sy * size + sx)]);
                CHECK(std::abs(tx - sx) + std::abs(ty - sy) == nearest[target]);
                ++timesTarget[target];
            }
        // Exactly the texels within `padding` steps are targets, each once.
        int wrong = 0;
        for (std::size_t texel = 0; texel < covered.size(); ++texel) {
            const bool shouldPad = !covered[texel] && nearest[texel] <= padding;
            wrong += timesTarget[texel] != (shouldPad ? 1 : 0);
        }
        CHECK(wrong == 0);
    }
}
