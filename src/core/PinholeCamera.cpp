#include "core/PinholeCamera.h"

#include "core/DenseSolve.h"

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace stipple {
namespace {

// Rotation by the vector `w` (axis times angle in radians), Rodrigues' formula.
glm::mat3 rotationFromVector(const glm::vec3& w) {
    const float angle = glm::length(w);
    if (angle < 1e-12f) return glm::mat3(1.0f);
    const glm::vec3 k = w / angle;
    const glm::mat3 cross(0.0f, k.z, -k.y, -k.z, 0.0f, k.x, k.y, -k.x, 0.0f);  // columns
    return glm::mat3(1.0f) + std::sin(angle) * cross + (1.0f - std::cos(angle)) * (cross * cross);
}

// Seven unknowns: a small rotation applied before the current one, the translation and the
// logarithm of the focal length.
struct Pose {
    glm::mat3 rotation;
    glm::vec3 translation;
    double logFocal;
};
using Step = std::array<double, 7>;

PinholeCamera applied(const Pose& pose, const Step& step, const PinholeCamera& shape) {
    PinholeCamera camera = shape;
    camera.rotation = rotationFromVector(glm::vec3(float(step[0]), float(step[1]), float(step[2]))) * pose.rotation;
    camera.translation = pose.translation + glm::vec3(float(step[3]), float(step[4]), float(step[5]));
    camera.focalPx = float(std::exp(pose.logFocal + step[6]));
    return camera;
}

// A 10 % change of focal length costs about half a pixel: enough to settle the distance-focal
// trade-off of a flat set of points, too little to outweigh what the points say.
constexpr double kFocalPriorPx = 5.0;
// A point behind the camera, or nearly in its plane, costs this many pixels.
constexpr double kBehindPenaltyPx = 1e4;

std::vector<double> residuals(const PinholeCamera& camera, const std::vector<PointCorrespondence>& points,
                              double logFocal0) {
    std::vector<double> r;
    r.reserve(2 * points.size() + 1);
    for (const PointCorrespondence& p : points) {
        const glm::vec3 c = camera.toCamera(p.model);
        if (c.z > -1.0f) {
            r.push_back(kBehindPenaltyPx * (1.0 + double(c.z)));
            r.push_back(kBehindPenaltyPx);
            continue;
        }
        const std::optional<glm::vec2> pixel = camera.project(p.model);
        const double w = std::sqrt(double(p.weight));
        r.push_back(w * double(pixel->x - p.pixel.x));
        r.push_back(w * double(pixel->y - p.pixel.y));
    }
    r.push_back(kFocalPriorPx * (std::log(double(camera.focalPx)) - logFocal0));
    return r;
}

double sumOfSquares(const std::vector<double>& r) {
    double sum = 0.0;
    for (double v : r) sum += v * v;
    return sum;
}

}  // namespace

PinholeCamera PinholeCamera::lookingAt(const glm::vec3& eye, const glm::vec3& target, const glm::vec3& up,
                                       float verticalFovRadians, int width, int height) {
    const glm::vec3 forward = glm::normalize(target - eye);
    const glm::vec3 right = glm::normalize(glm::cross(forward, up));
    const glm::vec3 cameraUp = glm::cross(right, forward);
    PinholeCamera camera;
    // Rows are the camera's axes in model space (glm matrices are built column by column).
    camera.rotation = glm::transpose(glm::mat3(right, cameraUp, -forward));
    camera.translation = -(camera.rotation * eye);
    camera.focalPx = 0.5f * float(height) / std::tan(0.5f * verticalFovRadians);
    camera.width = width;
    camera.height = height;
    return camera;
}

glm::vec3 PinholeCamera::eye() const { return -(glm::transpose(rotation) * translation); }

std::optional<glm::vec2> PinholeCamera::project(const glm::vec3& point) const {
    const glm::vec3 c = toCamera(point);
    if (!(c.z < 0.0f)) return std::nullopt;
    const float inverseDepth = 1.0f / -c.z;
    return glm::vec2(0.5f * float(width) + focalPx * c.x * inverseDepth,
                     0.5f * float(height) - focalPx * c.y * inverseDepth);
}

glm::vec3 PinholeCamera::rayDirection(const glm::vec2& pixel) const {
    const glm::vec3 inCamera((pixel.x - 0.5f * float(width)) / focalPx, -(pixel.y - 0.5f * float(height)) / focalPx, -1.0f);
    return glm::normalize(glm::transpose(rotation) * inCamera);
}

PinholeCamera PinholeCamera::resized(float factor) const {
    PinholeCamera scaled = *this;
    scaled.width = std::max(1, int(std::lround(float(width) * factor)));
    scaled.height = std::max(1, int(std::lround(float(height) * factor)));
    scaled.focalPx = focalPx * float(scaled.height) / float(height);
    return scaled;
}

float PinholeCamera::verticalFovRadians() const { return 2.0f * std::atan(0.5f * float(height) / focalPx); }

std::optional<CameraSolve> solveCamera(const std::vector<PointCorrespondence>& points, const PinholeCamera& initial) {
    if (points.size() < 3) return std::nullopt;
    Pose pose{initial.rotation, initial.translation, std::log(double(initial.focalPx))};
    const double logFocal0 = pose.logFocal;
    const Step zero{};
    std::vector<double> r = residuals(applied(pose, zero, initial), points, logFocal0);
    double cost = sumOfSquares(r);
    double damping = 1e-3;
    // Finite-difference steps: radians, mm and log units.
    const Step h{1e-4, 1e-4, 1e-4, 1e-2, 1e-2, 1e-2, 1e-4};
    for (int iteration = 0; iteration < 200; ++iteration) {
        std::vector<std::array<double, 7>> jacobian(r.size());
        for (int k = 0; k < 7; ++k) {
            Step plus{}, minus{};
            plus[k] = h[k];
            minus[k] = -h[k];
            const std::vector<double> rp = residuals(applied(pose, plus, initial), points, logFocal0);
            const std::vector<double> rm = residuals(applied(pose, minus, initial), points, logFocal0);
            for (std::size_t i = 0; i < r.size(); ++i) jacobian[i][k] = (rp[i] - rm[i]) / (2.0 * h[k]);
        }
        std::vector<double> jtj(49, 0.0), jtr(7, 0.0);
        for (std::size_t i = 0; i < r.size(); ++i)
            for (int a = 0; a < 7; ++a) {
                jtr[a] -= jacobian[i][a] * r[i];
                for (int b = 0; b < 7; ++b) jtj[a * 7 + b] += jacobian[i][a] * jacobian[i][b];
            }
        bool improved = false;
        for (int attempt = 0; attempt < 12 && !improved; ++attempt) {
            std::vector<double> a = jtj, b = jtr;
            for (int k = 0; k < 7; ++k) a[k * 7 + k] += damping * (jtj[k * 7 + k] + 1e-9);
            if (!solveDense(a, b, 7, 1)) {
                damping *= 10.0;
                continue;
            }
            Step step;
            for (int k = 0; k < 7; ++k) step[k] = b[k];
            const PinholeCamera trial = applied(pose, step, initial);
            const std::vector<double> rTrial = residuals(trial, points, logFocal0);
            const double trialCost = sumOfSquares(rTrial);
            if (trialCost < cost) {
                const double gain = cost - trialCost;
                pose = {trial.rotation, trial.translation, std::log(double(trial.focalPx))};
                r = rTrial;
                cost = trialCost;
                damping = std::max(1e-9, damping * 0.3);
                improved = true;
                if (gain < 1e-10 * (1.0 + cost)) iteration = 1000;  // converged
            } else {
                damping *= 10.0;
            }
        }
        if (!improved) break;
    }
    CameraSolve solve;
    solve.camera = applied(pose, zero, initial);
    double squared = 0.0, weights = 0.0;
    for (const PointCorrespondence& p : points) {
        const std::optional<glm::vec2> pixel = solve.camera.project(p.model);
        if (!pixel || solve.camera.toCamera(p.model).z > -1.0f) return std::nullopt;
        const glm::vec2 d = *pixel - p.pixel;
        squared += double(p.weight) * double(glm::dot(d, d));
        weights += double(p.weight);
    }
    solve.rmsPixels = std::sqrt(squared / std::max(weights, 1e-9));
    if (!std::isfinite(solve.rmsPixels) || !(solve.camera.focalPx > 1.0f)) return std::nullopt;
    return solve;
}

glm::vec3 triangulate(const std::vector<std::pair<PinholeCamera, glm::vec2>>& sightings) {
    // Minimises the summed squared distance to each line: sum (I - d d^T)(x - o) = 0.
    std::vector<double> a(9, 0.0), b(3, 0.0);
    for (const auto& [camera, pixel] : sightings) {
        const glm::vec3 o = camera.eye();
        const glm::vec3 d = camera.rayDirection(pixel);
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) {
                const double m = (i == j ? 1.0 : 0.0) - double(d[i]) * double(d[j]);
                a[i * 3 + j] += m;
                b[i] += m * double(o[j]);
            }
    }
    if (!solveDense(a, b, 3, 1, 1e-9)) return sightings.empty() ? glm::vec3(0.0f) : sightings.front().first.eye();
    return glm::vec3(float(b[0]), float(b[1]), float(b[2]));
}

}  // namespace stipple
