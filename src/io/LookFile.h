// A named look measured from the practitioner's own healed work (core/DotCalibration.h), kept as
// JSON so the healed stage can show it: `stipple calibrate` writes it, docs/calibration.md gives
// the format.
#pragma once

#include "core/DotCalibration.h"

#include <filesystem>
#include <string>

namespace stipple {

struct CalibratedLook {
    std::string name;    // letters, digits, spaces, '-' and '_', 1-64 of them
    std::string photo;   // the photo's file name, for the record
    float mmPerPixel = 0.0f;
    DotMeasurement measurement;
};

// Throws InputError when `name` is empty, longer than 64 characters or holds other characters
// (it names a file).
void checkLookName(const std::string& name);

// Reads `photo` (PNG or JPEG), measures its dots at `mmPerPixel` and names the look `name`.
// Throws InputError naming the photo, or the name, and the problem.
CalibratedLook calibrateFromPhoto(const std::filesystem::path& photo, float mmPerPixel, const std::string& name);

// Writes `look` atomically, making its folder; throws InputError naming the file when it cannot be written.
void writeLookFile(const std::filesystem::path& path, const CalibratedLook& look);

}  // namespace stipple
