// The camera a picture was rendered from, as JSON (`stipple render --camera-out`), so a render
// can stand in for a photograph: a calibration photo of known scale, or a view to fit a head to.
// docs/seen-from.md gives the format; docs/photo-fit.md how the fit reads it.
#pragma once

#include "core/OrbitCamera.h"
#include "core/PinholeCamera.h"

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

class JsonField;
// A camera in that format, from a file of its own or from a field of another file (a photo's
// "camera" in a landmark file, docs/photo-fit.md). Throws InputError naming the file and the field
// for a camera that cannot be: eye on the target, up along the line of sight, a field of view
// outside 1-150 degrees, no pixels.
PinholeCamera readCameraFile(const std::filesystem::path& path);
PinholeCamera readCamera(const JsonField& field);

}  // namespace stipple
