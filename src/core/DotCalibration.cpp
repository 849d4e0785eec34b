// [SECTION] The skin behind the dots
// [SECTION] Finding and measuring the dots
#include "core/DotCalibration.h"

#include "core/Error.h"
#include "core/SkinTone.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

namespace stipple {
namespace {

// [SECTION] The skin behind the dots

// One channel of the photo as floats, rows top to bottom.
struct Plane {
    int width = 0, height = 0;
    std::vector<float> values;
    float& at(int x, int y) { return values[std::size_t(y) * std::size_t(width) + std::size_t(x)]; }
    float at(int x, int y) const { return values[std::size_t(y) * std::size_t(width) + std::size_t(x)]; }
};

Plane planeLike(const Plane& other) { return {other.width, other.height, std::vector<float>(other.values.size(), 0.0f)}; }

// The mean of `values` over the pixels where `weights` is 1, in a (2 radius + 1)² window around
// each pixel (clipped at the edges): summed-area tables keep it linear in the photo's size.
Plane maskedBoxMean(const Plane& values, const Plane& weights, int radius) {
    const int w = values.width, h = values.height;
    std::vector<double> sumValues(std::size_t(w + 1) * std::size_t(h + 1), 0.0), sumWeights(sumValues.size(), 0.0);
    const auto index = [w](int x, int y) { return std::size_t(y) * std::size_t(w + 1) + std::size_t(x); };
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            sumValues[index(x + 1, y + 1)] = double(values.at(x, y)) * weights.at(x, y) + sumValues[index(x, y + 1)] +
                                             sumValues[index(x + 1, y)] - sumValues[index(x, y)];
            sumWeights[index(x + 1, y + 1)] = double(weights.at(x, y)) + sumWeights[index(x, y + 1)] +
                                              sumWeights[index(x + 1, y)] - sumWeights[index(x, y)];
        }
    Plane mean = planeLike(values);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int x0 = std::max(0, x - radius), x1 = std::min(w, x + radius + 1);
            const int y0 = std::max(0, y - radius), y1 = std::min(h, y + radius + 1);
            const auto box = [&](const std::vector<double>& sums) {
                return sums[index(x1, y1)] - sums[index(x0, y1)] - sums[index(x1, y0)] + sums[index(x0, y0)];
            };
            const double weight = box(sumWeights);
            mean.at(x, y) = weight > 0.5 ? float(box(sumValues) / weight) : values.at(x, y);
        }
    return mean;
}

float median(std::vector<float> values) {
    if (values.empty()) return 0.0f;
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

// [SECTION] Finding and measuring the dots

// The dots are found in the luminance's contrast against the skin around them.
constexpr float kLuminance[3] = {0.2126f, 0.7152f, 0.0722f};
// The skin is estimated over about two dot spacings (1 mm at full density), so that it follows
// shading and skin tone but not single dots.
constexpr float kSkinWindowMm = 1.5f;
// A dot stands out by five times the skin's own variation, and by at least 7 %: the skin's own
// relief (pores, the junctions of its fine lines) darkens round spots by up to about 6 % in a
// close-up, as much as a faint healed dot.
constexpr float kNoiseMultiple = 5.0f;
constexpr float kMinContrast = 0.07f;
// Two dots' darkest points are at least this far apart (impressions are about 1 mm apart).
constexpr float kMinSeparationMm = 0.15f;
// A dot's half-contrast area is looked for within this distance of its centre.
constexpr float kMaxDotRadiusMm = 0.8f;
// Narrower dark spots are the skin's own: pores (0.08-0.14 mm across, darkest at their bottom)
// show a smaller half-contrast area than any healed impression, whose apparent width is at
// least 0.13 mm (docs/skin-optics.md: the shallowest healed deposit, 0.3 mm deep).
constexpr float kMinDotDiameterMm = 0.11f;
// A dot's half-contrast area is round; the skin's fine lines give long ones.
constexpr float kMaxElongation = 2.0f;

}  // namespace

DotMeasurement measureDots(const Image& photo, float mmPerPixel) {
    if (!(mmPerPixel >= kMinCalibrationMmPerPixel && mmPerPixel <= kMaxCalibrationMmPerPixel)) {
        char message[160];
        std::snprintf(message, sizeof message, "a scale of %g mm a pixel is outside %g..%g: measure it on a ruler in the photo",
                      double(mmPerPixel), double(kMinCalibrationMmPerPixel), double(kMaxCalibrationMmPerPixel));
        throw InputError(message);
    }
    const int w = photo.width, h = photo.height;
    const int window = std::max(4, int(std::lround(kSkinWindowMm / mmPerPixel)));
    // The edge band, where the skin's window is cut short, is searched but not counted.
    const int border = std::min(window, std::min(w, h) / 4);
    if (w < 16 || h < 16 || float(std::min(w, h)) * mmPerPixel < 2.0f * kSkinWindowMm)
        throw InputError("the photo covers " + std::to_string(float(w) * mmPerPixel) + " x " +
                         std::to_string(float(h) * mmPerPixel) + " mm; a calibration needs at least 3 x 3 mm of scalp");

    std::array<Plane, 3> channels;
    Plane luminance{w, h, std::vector<float>(std::size_t(w) * std::size_t(h))};
    for (Plane& channel : channels) channel = planeLike(luminance);
    for (std::size_t i = 0; i < luminance.values.size(); ++i) {
        const glm::vec3 linear = srgbToLinear(glm::vec3(photo.rgba[i * 4], photo.rgba[i * 4 + 1], photo.rgba[i * 4 + 2]) / 255.0f);
        luminance.values[i] = 0.0f;
        for (int c = 0; c < 3; ++c) {
            channels[std::size_t(c)].values[i] = linear[c];
            luminance.values[i] += kLuminance[c] * linear[c];
        }
    }

    // The skin: a local mean, then again over the pixels clearly not darkened by a dot.
    Plane skinWeights = planeLike(luminance);
    std::fill(skinWeights.values.begin(), skinWeights.values.end(), 1.0f);
    Plane skin = maskedBoxMean(luminance, skinWeights, window);
    Plane contrast = planeLike(luminance);
    float threshold = kMinContrast;
    for (int pass = 0; pass < 3; ++pass) {
        std::vector<float> skinContrasts;
        for (std::size_t i = 0; i < luminance.values.size(); ++i) {
            contrast.values[i] = 1.0f - luminance.values[i] / std::max(skin.values[i], 1e-6f);
            skinWeights.values[i] = contrast.values[i] < 0.5f * threshold ? 1.0f : 0.0f;
            if (skinWeights.values[i] > 0.0f) skinContrasts.push_back(contrast.values[i]);
        }
        // The skin's own variation, robustly: 1.4826 median absolute deviations is one sigma.
        const float centre = median(skinContrasts);
        for (float& value : skinContrasts) value = std::fabs(value - centre);
        threshold = std::max(kMinContrast, kNoiseMultiple * 1.4826f * median(skinContrasts));
        skin = maskedBoxMean(luminance, skinWeights, window);
    }
    for (std::size_t i = 0; i < luminance.values.size(); ++i)
        contrast.values[i] = 1.0f - luminance.values[i] / std::max(skin.values[i], 1e-6f);
    std::array<Plane, 3> channelSkin;
    for (int c = 0; c < 3; ++c) channelSkin[std::size_t(c)] = maskedBoxMean(channels[std::size_t(c)], skinWeights, window);

    DotMeasurement result;
    const int separation = std::max(1, int(std::lround(kMinSeparationMm / mmPerPixel)));
    const int reach = std::max(2, int(std::lround(kMaxDotRadiusMm / mmPerPixel)));
    std::vector<int> visited(luminance.values.size(), -1);
    std::vector<glm::ivec2> stack;
    int floods = 0;  // each flood marks the pixels it reached with its own number
    std::array<std::vector<float>, 3> inks, skins;
    for (int y = border; y < h - border; ++y)
        for (int x = border; x < w - border; ++x) {
            const float peak = contrast.at(x, y);
            if (peak < threshold) continue;
            // The darkest point within the separation; ties go to the first in reading order.
            bool darkest = true;
            for (int dy = -separation; dy <= separation && darkest; ++dy)
                for (int dx = -separation; dx <= separation; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                    const float other = contrast.at(nx, ny);
                    if (other > peak || (other == peak && (dy < 0 || (dy == 0 && dx < 0)))) {
                        darkest = false;
                        break;
                    }
                }
            if (!darkest) continue;
            // The connected part darker than half the peak, within reach of the centre.
            const int label = floods++;
            int area = 0;
            glm::dvec2 sum(0.0);
            glm::dvec3 squares(0.0);  // xx, xy, yy
            stack.assign(1, {x, y});
            visited[std::size_t(y) * std::size_t(w) + std::size_t(x)] = label;
            while (!stack.empty()) {
                const glm::ivec2 p = stack.back();
                stack.pop_back();
                ++area;
                sum += glm::dvec2(p);
                squares += glm::dvec3(double(p.x) * p.x, double(p.x) * p.y, double(p.y) * p.y);
                for (const glm::ivec2 step : {glm::ivec2(1, 0), glm::ivec2(-1, 0), glm::ivec2(0, 1), glm::ivec2(0, -1)}) {
                    const glm::ivec2 q = p + step;
                    if (q.x < 0 || q.y < 0 || q.x >= w || q.y >= h || std::abs(q.x - x) > reach || std::abs(q.y - y) > reach) continue;
                    int& seen = visited[std::size_t(q.y) * std::size_t(w) + std::size_t(q.x)];
                    if (seen == label || contrast.at(q.x, q.y) < 0.5f * peak) continue;
                    seen = label;
                    stack.push_back(q);
                }
            }
            MeasuredDot dot;
            dot.centrePx = glm::vec2(float(x) + 0.5f, float(y) + 0.5f);
            dot.diameterMm = 2.0f * std::sqrt(float(area) / 3.14159265f) * mmPerPixel;
            if (dot.diameterMm < kMinDotDiameterMm) continue;
            // The area's longest and shortest spread, from its second moments.
            const glm::dvec2 mean = sum / double(area);
            const double xx = squares.x / area - mean.x * mean.x, xy = squares.y / area - mean.x * mean.y,
                         yy = squares.z / area - mean.y * mean.y;
            const double half = 0.5 * (xx + yy), spread = std::sqrt(0.25 * (xx - yy) * (xx - yy) + xy * xy);
            if (std::sqrt((half + spread) / std::max(half - spread, 1e-9)) > kMaxElongation) continue;
            for (int c = 0; c < 3; ++c) {
                const float ink = channels[std::size_t(c)].at(x, y), around = channelSkin[std::size_t(c)].at(x, y);
                dot.contrast[c] = 1.0f - ink / std::max(around, 1e-6f);
                inks[std::size_t(c)].push_back(ink);
                skins[std::size_t(c)].push_back(around);
            }
            result.dots.push_back(dot);
        }
    result.searchedAreaMm2 = float(w - 2 * border) * float(h - 2 * border) * mmPerPixel * mmPerPixel;
    if (result.dots.size() < 3)
        throw InputError("no dots stand out from the skin (" + std::to_string(result.dots.size()) +
                         " found): is the photo a sharp close-up of healed work, and the scale right?");
    std::vector<float> diameters;
    std::array<std::vector<float>, 3> contrasts;
    for (const MeasuredDot& dot : result.dots) {
        diameters.push_back(dot.diameterMm);
        for (int c = 0; c < 3; ++c) contrasts[std::size_t(c)].push_back(dot.contrast[c]);
    }
    result.apparentDiameterMm = median(diameters);
    for (int c = 0; c < 3; ++c) {
        result.peakContrast[c] = median(contrasts[std::size_t(c)]);
        result.inkLinear[c] = median(inks[std::size_t(c)]);
        result.skinLinear[c] = median(skins[std::size_t(c)]);
    }
    result.densityPerCm2 = float(result.dots.size()) / result.searchedAreaMm2 * 100.0f;
    return result;
}

}  // namespace stipple
