#include "core/LevelsOfDetail.h"
#include "io/MeshLoader.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <random>

using namespace stipple;

TEST_CASE("levels of detail halve the triangles and stay close to the full surface", "[lod]") {
    const HeadMesh head = loadHeadMesh(defaultHeadPath());
    const std::vector<DetailLevel> levels = buildDetailLevels(head);
    REQUIRE(levels.size() >= 3);
    CHECK(levels[0].triangles.size() == head.triangleCount());
    CHECK(levels[0].maxErrorMm == 0.0f);
    for (std::size_t i = 1; i < levels.size(); ++i) {
        INFO("level " << i);
        CHECK(levels[i].triangles.size() < levels[i - 1].triangles.size() * 6 / 10);
        CHECK(levels[i].maxErrorMm >= levels[i - 1].maxErrorMm);
        CHECK(levels[i].maxErrorMm < 2.0f);  // a head simplified to 8k+ triangles stays within 2 mm
        for (const glm::uvec3& t : levels[i].triangles) {
            REQUIRE(t.x < head.vertexCount());
            REQUIRE(t.y < head.vertexCount());
            REQUIRE(t.z < head.vertexCount());
        }
    }
    // The coarse surface covers as much area as the full one: no holes were punched.
    HeadMesh coarse = head;
    coarse.triangles = levels.back().triangles;
    CHECK(surfaceAreaMm2(coarse) == Approx(surfaceAreaMm2(head)).epsilon(0.02));
}

TEST_CASE("the coarsest level within the allowed error is chosen", "[lod]") {
    const std::vector<float> errors = {0.0f, 0.05f, 0.2f, 0.6f};
    CHECK(chooseDetailLevel(errors, 0.0f) == 0);
    CHECK(chooseDetailLevel(errors, 0.1f) == 1);
    CHECK(chooseDetailLevel(errors, 0.2f) == 2);
    CHECK(chooseDetailLevel(errors, 5.0f) == 3);
}
