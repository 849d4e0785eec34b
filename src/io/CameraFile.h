// The camera a picture was rendered from, as JSON (`stipple render --camera-out`), so a render
// can stand in for a photograph: a calibration photo of known scale, or a view to fit a head to.
// docs/seen-from.md gives the format.
#pragma once

#include "core/OrbitCamera.h"

#include <filesystem>
#include <optional>

namespace stipple {

struct CameraRecord {
    OrbitCamera camera;
    int width = 0, height = 0;  // the picture's pixels
    // Millimetres of skin one pixel covers where the line of sight through the picture's centre
    // meets the head, when it meets it nearly square on (within kSquareOnDegrees); else none.
    std::optional<float> mmPerPixel;
};

constexpr float kSquareOnDegrees = 15.0f;

// Writes `record` atomically; throws InputError naming the file when it cannot be written.
void writeCameraFile(const std::filesystem::path& path, const CameraRecord& record);

}  // namespace stipple
