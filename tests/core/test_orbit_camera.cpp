#include "core/OrbitCamera.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

using namespace stipple;

namespace {

// Where a model-space point lands in normalised device coordinates.
glm::vec3 project(const OrbitCamera& camera, float aspect, glm::vec3 point) {
    const glm::vec4 clip = camera.projection(aspect) * camera.view() * glm::vec4(point, 1.0f);
    return glm::vec3(clip) / clip.w;
}

}  // namespace

TEST_CASE("standard views look from the named side", "[camera]") {
    OrbitCamera camera;
    const struct {
        StandardView view;
        glm::vec3 eyeDirection;
    } expected[] = {{StandardView::Front, {0, 0, 1}}, {StandardView::Back, {0, 0, -1}},
                    {StandardView::Left, {1, 0, 0}},  {StandardView::Right, {-1, 0, 0}},
                    {StandardView::Top, {0, 1, 0}}};
    for (const auto& e : expected) {
        INFO(standardViewName(e.view));
        camera.setView(e.view);
        const glm::vec3 direction = glm::normalize(camera.eye() - camera.target);
        CHECK(glm::dot(direction, e.eyeDirection) > 0.99f);
        CHECK(parseStandardView(standardViewName(e.view)) == e.view);
    }
    CHECK_FALSE(parseStandardView("sideways"));
}

TEST_CASE("framing keeps the whole head in view and fills the frame", "[camera]") {
    Bounds head;
    head.min = {-80, -20, -100};
    head.max = {80, 210, 100};
    for (const float aspect : {1.6f, 0.6f}) {
        for (const StandardView view : {StandardView::Front, StandardView::Left, StandardView::ThreeQuarter}) {
            OrbitCamera camera;
            camera.setView(view);
            camera.frame(head, aspect);
            float extent = 0.0f;
            for (int corner = 0; corner < 8; ++corner) {
                const glm::vec3 p(corner & 1 ? head.max.x : head.min.x, corner & 2 ? head.max.y : head.min.y,
                                  corner & 4 ? head.max.z : head.min.z);
                const glm::vec3 ndc = project(camera, aspect, p);
                extent = std::max({extent, std::abs(ndc.x), std::abs(ndc.y)});
                // Corners of the box may poke out a little; the head inside it must not.
                CHECK(std::abs(ndc.x) < 1.35f);
                CHECK(std::abs(ndc.y) < 1.35f);
            }
            CHECK(extent > 0.6f);
        }
    }
}

TEST_CASE("zoom reaches a few millimetres from the skin and pan moves the target", "[camera]") {
    OrbitCamera camera;
    for (int i = 0; i < 200; ++i) camera.zoom(0.5f);
    CHECK(camera.distance <= 5.0f);
    CHECK(camera.distance > 0.0f);
    const glm::vec3 before = camera.target;
    camera.pan(0.1f, 0.0f);
    CHECK(glm::length(camera.target - before) > 0.0f);
    camera.orbit(0.0f, 10.0f);
    CHECK(camera.pitch < 1.5708f);  // never flips over the pole
}
