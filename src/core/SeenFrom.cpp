#include "core/SeenFrom.h"

#include "core/SkinTone.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace stipple {
namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kArcminPerRadian = 180.0f * 60.0f / kPi;
// A Gaussian's full width at half maximum over its sigma.
constexpr float kFwhmPerSigma = 2.35482f;

// The normalised Gaussian taps from -radius to +radius.
std::vector<float> gaussianTaps(float sigma) {
    const int radius = std::max(1, int(std::ceil(3.0f * sigma)));
    std::vector<float> taps(std::size_t(2 * radius + 1));
    float sum = 0.0f;
    for (int i = -radius; i <= radius; ++i) {
        // Each tap integrates the Gaussian over its pixel, so a sigma well under a pixel is a
        // clean identity rather than an aliased spike.
        const float lo = (float(i) - 0.5f) / (std::sqrt(2.0f) * sigma);
        const float hi = (float(i) + 0.5f) / (std::sqrt(2.0f) * sigma);
        taps[std::size_t(i + radius)] = 0.5f * (std::erf(hi) - std::erf(lo));
        sum += taps[std::size_t(i + radius)];
    }
    for (float& tap : taps) tap /= sum;
    return taps;
}

// 8-bit sRGB to linear, one entry per code.
const std::array<float, 256>& srgbToLinearTable() {
    static const std::array<float, 256> table = [] {
        std::array<float, 256> values{};
        for (int code = 0; code < 256; ++code) values[std::size_t(code)] = srgbToLinear(glm::vec3(float(code) / 255.0f)).x;
        return values;
    }();
    return table;
}

}  // namespace

int seenFromSupersampling(int width, int height) {
    constexpr long long kMaxSide = 16384, kMaxPixels = 64ll << 20;
    int factor = kSeenFromSupersampling;
    while (factor > 1 && (std::max(width, height) * factor > kMaxSide ||
                          (long long)width * height * factor * factor > kMaxPixels))
        --factor;
    return factor;
}

OrbitCamera seenFromCamera(const OrbitCamera& framed, float metres) {
    OrbitCamera camera = framed;
    camera.distance = metres * 1000.0f;
    // The visible height at the target stays: distance x tan(fov / 2) is kept.
    const float halfHeight = framed.distance * std::tan(0.5f * framed.verticalFovRadians);
    camera.verticalFovRadians = 2.0f * std::atan(halfHeight / camera.distance);
    return camera;
}

float arcminutesPerPixel(const OrbitCamera& camera, int heightPx) {
    // At the centre a pixel spans d(angle) = 2 tan(fov/2) / height, in radians.
    return 2.0f * std::tan(0.5f * camera.verticalFovRadians) / float(std::max(heightPx, 1)) * kArcminPerRadian;
}

OrbitCamera lifeSizeCamera(const OrbitCamera& camera, int heightPx, float dpi, float depthMm) {
    OrbitCamera lifeSize = camera;
    const float pixelMm = 25.4f / dpi;
    lifeSize.verticalFovRadians = 2.0f * std::atan(0.5f * pixelMm * float(heightPx) / depthMm);
    return lifeSize;
}

float skinDepthAtTarget(const MeshRaycaster& head, const OrbitCamera& camera) {
    const glm::vec3 eye = camera.eye();
    const std::optional<RayHit> hit = head.intersect(eye, camera.target - eye);
    return hit ? hit->distanceMm : camera.distance;
}

std::optional<float> squareOnMmPerPixel(const MeshRaycaster& head, const OrbitCamera& camera, int heightPx,
                                        float maxDegrees) {
    const glm::vec3 eye = camera.eye();
    const glm::vec3 sight = glm::normalize(camera.target - eye);
    const std::optional<RayHit> hit = head.intersect(eye, sight);
    if (!hit || -glm::dot(sight, hit->normal) < std::cos(maxDegrees * kPi / 180.0f)) return std::nullopt;
    return camera.pixelSizeMm(hit->distanceMm, heightPx);
}

Image eyeFilter(const Image& supersampled, int factor, float arcminPerSupersampledPixel) {
    factor = std::max(factor, 1);
    const int inWidth = supersampled.width, inHeight = supersampled.height;
    Image out;
    out.width = inWidth / factor;
    out.height = inHeight / factor;
    out.rgba.assign(std::size_t(out.width) * std::size_t(out.height) * 4, 0);
    if (out.width == 0 || out.height == 0) return out;

    const float sigma = kEyePsfFwhmArcmin / kFwhmPerSigma / std::max(arcminPerSupersampledPixel, 1e-6f);
    const std::vector<float> taps = gaussianTaps(sigma);
    const int radius = int(taps.size() / 2);
    const std::array<float, 256>& toLinear = srgbToLinearTable();

    // Pass 1, each row: linear light, blurred along the row, then summed over `factor` columns.
    const int outWidth = out.width;
    std::vector<float> rows(std::size_t(outWidth) * std::size_t(inHeight) * 4, 0.0f);
    std::vector<float> linear(std::size_t(inWidth) * 4), blurred(std::size_t(inWidth) * 4);
    for (int y = 0; y < inHeight; ++y) {
        const std::uint8_t* source = &supersampled.rgba[std::size_t(y) * std::size_t(inWidth) * 4];
        for (int x = 0; x < inWidth * 4; ++x)
            linear[std::size_t(x)] = x % 4 == 3 ? float(source[x]) / 255.0f : toLinear[source[x]];
        for (int x = 0; x < inWidth; ++x) {
            float sum[4] = {0.0f, 0.0f, 0.0f, 0.0f};
            for (int t = -radius; t <= radius; ++t) {
                const std::size_t at = std::size_t(std::clamp(x + t, 0, inWidth - 1)) * 4;
                const float weight = taps[std::size_t(t + radius)];
                for (int c = 0; c < 4; ++c) sum[c] += weight * linear[at + std::size_t(c)];
            }
            for (int c = 0; c < 4; ++c) blurred[std::size_t(x) * 4 + std::size_t(c)] = sum[c];
        }
        float* row = &rows[std::size_t(y) * std::size_t(outWidth) * 4];
        for (int x = 0; x < outWidth * factor; ++x)
            for (int c = 0; c < 4; ++c) row[std::size_t(x / factor) * 4 + std::size_t(c)] += blurred[std::size_t(x) * 4 + std::size_t(c)];
    }

    // Pass 2, each output pixel: blurred down the columns, averaged over `factor` rows, back to sRGB.
    const float boxWeight = 1.0f / float(factor * factor);
    for (int outY = 0; outY < out.height; ++outY) {
        for (int x = 0; x < outWidth; ++x) {
            float sum[4] = {0.0f, 0.0f, 0.0f, 0.0f};
            for (int sub = 0; sub < factor; ++sub) {
                const int y = outY * factor + sub;
                for (int t = -radius; t <= radius; ++t) {
                    const std::size_t at = (std::size_t(std::clamp(y + t, 0, inHeight - 1)) * std::size_t(outWidth) + std::size_t(x)) * 4;
                    const float weight = taps[std::size_t(t + radius)];
                    for (int c = 0; c < 4; ++c) sum[c] += weight * rows[at + std::size_t(c)];
                }
            }
            const glm::vec3 srgb = linearToSrgb(glm::vec3(sum[0], sum[1], sum[2]) * boxWeight);
            std::uint8_t* pixel = &out.rgba[(std::size_t(outY) * std::size_t(outWidth) + std::size_t(x)) * 4];
            for (int c = 0; c < 3; ++c) pixel[c] = std::uint8_t(std::lround(std::clamp(srgb[c], 0.0f, 1.0f) * 255.0f));
            pixel[3] = std::uint8_t(std::lround(std::clamp(sum[3] * boxWeight, 0.0f, 1.0f) * 255.0f));
        }
    }
    return out;
}

}  // namespace stipple
