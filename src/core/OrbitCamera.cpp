#include "core/OrbitCamera.h"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace stipple {
namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kMaxPitch = 0.5f * kPi - 0.01f;  // stay off the pole so "up" is defined
constexpr float kMinDistance = 5.0f;             // mm: close enough to see single 0.15 mm dots
constexpr float kMaxDistance = 5000.0f;

}  // namespace

std::optional<StandardView> parseStandardView(std::string_view name) {
    if (const Choice<StandardView>* choice = findChoice(kViewChoices, name)) return choice->value;
    return std::nullopt;
}

const char* standardViewName(StandardView view) { return choiceFor(kViewChoices, view).name; }

glm::vec3 OrbitCamera::eye() const {
    const glm::vec3 direction(std::cos(pitch) * std::sin(yaw), std::sin(pitch), std::cos(pitch) * std::cos(yaw));
    return target + distance * direction;
}

glm::mat4 OrbitCamera::view() const { return glm::lookAt(eye(), target, glm::vec3(0.0f, 1.0f, 0.0f)); }

glm::mat4 OrbitCamera::projection(float aspect) const {
    // Near plane follows the distance so close-ups keep depth precision.
    const float nearPlane = std::max(0.5f, 0.05f * distance);
    return glm::perspective(verticalFovRadians, aspect, nearPlane, distance + 2000.0f);
}

float OrbitCamera::pixelSizeMm(float depthMm, int viewportHeight) const {
    return 2.0f * depthMm * std::tan(0.5f * verticalFovRadians) / float(std::max(viewportHeight, 1));
}

void OrbitCamera::frame(const Bounds& bounds, float aspect) {
    target = bounds.center();
    const float radius = 0.5f * glm::length(bounds.size());
    const float halfFov = 0.5f * std::min(verticalFovRadians, 2.0f * std::atan(std::tan(0.5f * verticalFovRadians) * aspect));
    // A bounding sphere overestimates a head; 0.85 lets it fill the frame without clipping.
    distance = std::clamp(0.85f * radius / std::sin(halfFov), kMinDistance, kMaxDistance);
}

void OrbitCamera::setView(StandardView view) {
    switch (view) {
    case StandardView::Front: yaw = 0.0f; pitch = 0.0f; break;
    case StandardView::Back: yaw = kPi; pitch = 0.0f; break;
    case StandardView::Left: yaw = 0.5f * kPi; pitch = 0.0f; break;  // the subject's left, +X
    case StandardView::Right: yaw = -0.5f * kPi; pitch = 0.0f; break;
    // From behind, tilted over the top: the forehead at the top of the picture, as hairline
    // photographs are taken.
    case StandardView::Top: yaw = kPi; pitch = kMaxPitch; break;
    case StandardView::ThreeQuarter: yaw = 0.25f * kPi; pitch = 0.3f; break;
    }
}

void OrbitCamera::lookAtSurface(const glm::vec3& point, const glm::vec3& normal, float distanceMm) {
    target = point;
    yaw = std::atan2(normal.x, normal.z);
    pitch = std::clamp(std::asin(std::clamp(normal.y, -1.0f, 1.0f)), -kMaxPitch, kMaxPitch);
    distance = std::clamp(distanceMm, kMinDistance, kMaxDistance);
}

void OrbitCamera::orbit(float deltaYaw, float deltaPitch) {
    yaw = std::remainder(yaw + deltaYaw, 2.0f * kPi);
    pitch = std::clamp(pitch + deltaPitch, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(float rightFraction, float upFraction) {
    const glm::vec3 forward = glm::normalize(target - eye());
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0.0f, 1.0f, 0.0f)));
    const glm::vec3 up = glm::cross(right, forward);
    const float visibleHeight = 2.0f * distance * std::tan(0.5f * verticalFovRadians);
    target += visibleHeight * (rightFraction * right + upFraction * up);
}

void OrbitCamera::zoom(float factor) { distance = std::clamp(distance * factor, kMinDistance, kMaxDistance); }

OrbitCamera cameraForView(const HeadMesh& mesh, StandardView view, float aspect) {
    OrbitCamera camera;
    camera.setView(view);
    camera.frame(computeBounds(mesh.positions), aspect);
    return camera;
}

OrbitCamera closeUpCamera(const HeadMesh& mesh) {
    // The vertex landmark is on the scalp of every head; its nearest vertex gives the normal.
    const std::size_t vertex = nearestVertex(mesh, mesh.landmarks.vertex);
    OrbitCamera camera;
    camera.lookAtSurface(mesh.positions[vertex], mesh.normals[vertex], 30.0f);
    return camera;
}

}  // namespace stipple
