#include "io/CameraFile.h"

#include "core/Error.h"
#include "io/JsonField.h"
#include "io/WholeFile.h"

#include <glm/geometric.hpp>

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

PinholeCamera readCamera(const JsonField& field) {
    if (const auto format = field.optional("format"))
        if (format->text(64) != "stipple-camera") format->refuse("\"stipple-camera\"");
    if (const auto version = field.optional("version")) version->integer(1, 1);
    // Ten metres is far beyond any photo of a head; the bound keeps every later sum finite.
    constexpr float kReachMm = 10000.0f;
    const glm::vec3 eye = field["eye_mm"].vec3(kReachMm);
    const JsonField targetField = field["target_mm"];
    const glm::vec3 target = targetField.vec3(kReachMm);
    const JsonField upField = field["up"];
    const glm::vec3 up = upField.vec3(kReachMm);
    const float fovDegrees = field["vertical_fov_degrees"].real(1.0f, 150.0f);
    const int width = int(field["width_px"].integer(1, 65536));
    const int height = int(field["height_px"].integer(1, 65536));
    if (!(glm::distance(eye, target) > 1.0f))
        targetField.refuse("a point at least 1 mm from eye_mm (the camera must look somewhere)");
    const glm::vec3 forward = glm::normalize(target - eye);
    if (!(glm::length(up) > 0.0f) || !(glm::length(glm::cross(forward, glm::normalize(up))) > 1e-4f))
        upField.refuse("a direction that is not along the line of sight");
    return PinholeCamera::lookingAt(eye, target, glm::normalize(up), glm::radians(fovDegrees), width, height);
}

PinholeCamera readCameraFile(const std::filesystem::path& path) {
    const std::string file = path.string();
    const std::string text = readFileBytes(path, 1u << 20, "a camera file");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(file + ": not valid JSON (" + e.what() + ")");
    }
    return readCamera(JsonField(json, file));
}

}  // namespace stipple
