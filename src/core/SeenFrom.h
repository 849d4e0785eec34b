// SeenFrom: pictures as a person sees the head, either from a distance across the room or at its
// true size on the screen. GL-free: the command line, the sheet and the window render the head
// with these cameras and filter the picture with eyeFilter.
//
// Seen from M metres: the camera stands M metres from what it looks at, its field of view
// narrowed so the head keeps its place in the frame; the picture is rendered supersampled and
// filtered by the eye's point-spread function at that distance, so it holds no detail the eye
// would not resolve from there, and every detail it would.
//
// Life-size: the camera's field of view makes one pixel of the picture cover 25.4 / dpi mm of
// skin at the look-at point, so on a display of that pixel density the head appears at its real
// size (the viewer's own eye does the filtering).
//
// docs/seen-from.md gives the sources and the arithmetic.
#pragma once

#include "core/HeadMesh.h"
#include "core/MeshRaycaster.h"
#include "core/OrbitCamera.h"

#include <optional>

namespace stipple {

// The eye's point-spread function, taken as a Gaussian of 1 arcminute full width at half
// maximum: the optics of a normal eye with a 3 mm pupil in daylight (Campbell & Gubisch 1966;
// Westheimer 1986), and the 1-arcminute detail of 20/20 acuity (Snellen).
constexpr float kEyePsfFwhmArcmin = 1.0f;

// The distances the app offers; the command line takes any in kSeenFromMinMetres..kSeenFromMaxMetres.
constexpr float kSeenFromDistancesMetres[] = {0.5f, 1.0f, 2.0f, 3.0f};
constexpr float kSeenFromMinMetres = 0.25f;
constexpr float kSeenFromMaxMetres = 5.0f;

// Each side of a seen-from picture is rendered up to this many times larger, then filtered down.
constexpr int kSeenFromSupersampling = 3;
// The supersampled picture stays within the GL's usual largest target and 64 megapixels.
int seenFromSupersampling(int width, int height);

// The usual display densities bound what --dpi and the calibration accept.
constexpr float kMinDisplayDpi = 50.0f;
constexpr float kMaxDisplayDpi = 800.0f;
// ISO/IEC 7810 ID-1: a bank or ID card, the calibration's reference of known width.
constexpr float kCalibrationCardWidthMm = 85.60f;
constexpr float kCalibrationCardHeightMm = 53.98f;
constexpr float kCalibrationCardCornerMm = 3.18f;

// `framed` moved to `metres` from its target along its own direction, its field of view
// narrowed (or widened) so the target's surroundings fill the frame as before.
OrbitCamera seenFromCamera(const OrbitCamera& framed, float metres);

// The angle one pixel of a `heightPx` picture spans at its centre, in arcminutes.
float arcminutesPerPixel(const OrbitCamera& camera, int heightPx);

// `camera` with its field of view set so a pixel of a `heightPx` picture covers 25.4 / dpi mm at
// `depthMm` in front of it (the skin at the look-at point, see skinDepthAtTarget).
OrbitCamera lifeSizeCamera(const OrbitCamera& camera, int heightPx, float dpi, float depthMm);

// The distance from the camera to the skin along its line of sight through the target, or the
// camera's distance where that line misses the head.
float skinDepthAtTarget(const MeshRaycaster& head, const OrbitCamera& camera);

// Millimetres of skin a pixel of a `heightPx` picture covers where the line of sight through its
// centre meets the head, when it meets it within `maxDegrees` of square on; else none (a view at
// a slant has no one scale).
std::optional<float> squareOnMmPerPixel(const MeshRaycaster& head, const OrbitCamera& camera, int heightPx,
                                        float maxDegrees);

// The picture an eye sees: `supersampled` (sRGB, rows top to bottom, `factor` times the output's
// size on each side) blurred by the eye's point-spread function in linear light, then averaged
// down by `factor`. `arcminPerSupersampledPixel` converts the PSF's width into pixels. Alpha is
// filtered like the colours.
Image eyeFilter(const Image& supersampled, int factor, float arcminPerSupersampledPixel);

}  // namespace stipple
