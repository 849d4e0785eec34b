// The viewport camera: orbits a target point, GL-free so views can be tested without a context.
#pragma once

#include "core/Choice.h"
#include "core/HeadMesh.h"

#include <glm/mat4x4.hpp>

#include <optional>
#include <string_view>

namespace stipple {

enum class StandardView { Front, Back, Left, Right, Top, ThreeQuarter };
// In the View menu's order (keys 1-6); the View menu shows the names, the consultation mode the labels.
inline constexpr Choice<StandardView> kViewChoices[] = {
    {StandardView::Front, "front", "Front"}, {StandardView::Back, "back", "Back"},
    {StandardView::Left, "left", "Left"},    {StandardView::Right, "right", "Right"},
    {StandardView::Top, "top", "Top"},       {StandardView::ThreeQuarter, "three-quarter", "3/4"},
};

// nullopt for a name not in kViewChoices.
std::optional<StandardView> parseStandardView(std::string_view name);
const char* standardViewName(StandardView view);

class OrbitCamera {
public:
    // Yaw 0 looks at the face (camera on +Z); positive yaw swings the camera towards +X, the
    // subject's left. Pitch is the elevation above the horizon, in radians.
    glm::vec3 target{0.0f};
    float yaw = 0.0f;
    float pitch = 0.0f;
    float distance = 600.0f;                 // mm
    float verticalFovRadians = 0.5236f;      // 30 degrees: little perspective distortion on a face

    bool operator==(const OrbitCamera& other) const {
        return target == other.target && yaw == other.yaw && pitch == other.pitch && distance == other.distance &&
               verticalFovRadians == other.verticalFovRadians;
    }
    bool operator!=(const OrbitCamera& other) const { return !(*this == other); }

    glm::vec3 eye() const;
    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const;

    // Height of one pixel, in mm, on a surface `depthMm` in front of the camera.
    float pixelSizeMm(float depthMm, int viewportHeight) const;

    // Looks at the whole of `bounds` from the current direction, filling most of the frame.
    void frame(const Bounds& bounds, float aspect);
    void setView(StandardView view);
    // Looks at `point` along -`normal` from `distanceMm` away: straight down onto the skin.
    void lookAtSurface(const glm::vec3& point, const glm::vec3& normal, float distanceMm);

    void orbit(float deltaYaw, float deltaPitch);
    // Moves the target in the view plane by a fraction of the visible height.
    void pan(float rightFraction, float upFraction);
    // factor < 1 moves closer. Clamped so the camera can reach a few mm from the skin.
    void zoom(float factor);
};

// The camera framed on the head from a standard view, for a picture of the given aspect.
OrbitCamera cameraForView(const HeadMesh& mesh, StandardView view, float aspect);

// Looking straight down at the skin from 30 mm near the vertex: single dots at their true size.
OrbitCamera closeUpCamera(const HeadMesh& mesh);

}  // namespace stipple
