#include "io/CameraFile.h"

#include "io/WholeFile.h"

#include <glm/trigonometric.hpp>
#include <nlohmann/json.hpp>

namespace stipple {

void writeCameraFile(const std::filesystem::path& path, const CameraRecord& record) {
    const OrbitCamera& camera = record.camera;
    const glm::vec3 eye = camera.eye();
    nlohmann::json json = {
        {"format", "stipple-camera"},
        {"version", 1},
        {"eye_mm", {eye.x, eye.y, eye.z}},
        {"target_mm", {camera.target.x, camera.target.y, camera.target.z}},
        {"up", {0.0, 1.0, 0.0}},
        {"vertical_fov_degrees", glm::degrees(camera.verticalFovRadians)},
        {"width_px", record.width},
        {"height_px", record.height},
        {"mm_per_px", record.mmPerPixel ? nlohmann::json(*record.mmPerPixel) : nlohmann::json(nullptr)},
    };
    writeFileAtomically(path, json.dump(2) + "\n");
}

}  // namespace stipple
