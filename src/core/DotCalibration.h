// DotCalibration: a practitioner's own healed work, measured from a close-up photograph of known
// scale: where the dots are, how large they look (full width at half their contrast), how dark
// and what colour against the skin around them, and how many there are per cm². GL-free: the
// command line (`stipple calibrate`) and the app read a photo and save what this measures as a
// named look (io/LookFile.h). docs/calibration.md gives the method and its limits.
#pragma once

#include "core/HeadMesh.h"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <vector>

namespace stipple {

// Close-up photos from a phone's macro to a loupe camera: 0.002-0.2 mm a pixel.
constexpr float kMinCalibrationMmPerPixel = 0.002f;
constexpr float kMaxCalibrationMmPerPixel = 0.2f;

struct MeasuredDot {
    glm::vec2 centrePx{0.0f};      // the darkest point, pixels from the photo's top left
    float diameterMm = 0.0f;       // of the round area as large as the part darker than half its peak
    glm::vec3 contrast{0.0f};      // 1 - dot / skin at its centre, per linear RGB channel
};

struct DotMeasurement {
    std::vector<MeasuredDot> dots;     // those counted: away from the photo's edge
    float apparentDiameterMm = 0.0f;   // the median dot's
    glm::vec3 peakContrast{0.0f};      // the median of each channel's
    float densityPerCm2 = 0.0f;        // the dots counted over the area they were looked for in
    glm::vec3 skinLinear{0.0f};        // the skin's median colour, linear RGB
    glm::vec3 inkLinear{0.0f};         // the dots' median colour at their centres, linear RGB
    float searchedAreaMm2 = 0.0f;
};

// Measures the dots of `photo` (sRGB, filled with scalp) at `mmPerPixel`. Throws InputError when
// the scale is outside kMinCalibrationMmPerPixel..kMaxCalibrationMmPerPixel, the photo is too
// small to hold a few dots, or no dots stand out from the skin.
DotMeasurement measureDots(const Image& photo, float mmPerPixel);

}  // namespace stipple
