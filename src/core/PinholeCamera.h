// PinholeCamera: the camera a photograph was taken with, as the head fit sees it (docs/photo-fit.md).
//
// A pinhole with square pixels and the principal point at the picture's centre: the model a
// phone photo fits well enough at head distance, and exactly the one `stipple render` uses, so a
// render's `--camera-out` file is a photo's camera. Pixel coordinates run from the picture's top
// left corner, x right and y down, in pixels; the top left pixel's centre is (0.5, 0.5).
#pragma once

#include <glm/mat3x3.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace stipple {

struct PinholeCamera {
    // Model space to camera space: x right, y up, the camera looking down -z (OpenGL's view).
    glm::mat3 rotation{1.0f};
    glm::vec3 translation{0.0f};
    float focalPx = 1000.0f;  // pixels per unit of tan(angle off the axis)
    int width = 0, height = 0;

    // A camera at `eye` looking at `target` with `up` upwards, as `stipple render --camera-out`
    // writes it.
    static PinholeCamera lookingAt(const glm::vec3& eye, const glm::vec3& target, const glm::vec3& up,
                                   float verticalFovRadians, int width, int height);

    glm::vec3 toCamera(const glm::vec3& point) const { return rotation * point + translation; }
    glm::vec3 eye() const;
    // Where `point` lands on the picture; nullopt when it lies behind the camera.
    std::optional<glm::vec2> project(const glm::vec3& point) const;
    // Unit direction, in model space, of the line of sight through a pixel position.
    glm::vec3 rayDirection(const glm::vec2& pixel) const;
    // Millimetres one pixel spans on a surface `depthMm` in front of the camera.
    float mmPerPixelAt(float depthMm) const { return depthMm / focalPx; }
    float verticalFovRadians() const;
    // The same camera for the picture resized by `factor` (whole pixels, at least 1).
    PinholeCamera resized(float factor) const;
};

// One landmark seen in one photo: its point on the head (mm) and where it is in the photo (px).
struct PointCorrespondence {
    glm::vec3 model{0.0f};
    glm::vec2 pixel{0.0f};
    float weight = 1.0f;  // how much its pixels count against the others'
};

struct CameraSolve {
    PinholeCamera camera;
    double rmsPixels = 0.0;  // reprojection error at the solution
};

// Camera pose and focal length that project `points` onto their pixels, by Levenberg-Marquardt
// from `initial` (its width and height are kept). A weak prior holds the focal length near the
// initial one: with a handful of points on a head, distance and focal length trade off almost
// exactly, and with 3 points it alone settles the focal length. Needs at least 3 points; nullopt when the solve does not converge to a camera in
// front of the points.
std::optional<CameraSolve> solveCamera(const std::vector<PointCorrespondence>& points, const PinholeCamera& initial);

// The least-squares meeting point of lines of sight (camera, pixel) from two or more cameras.
glm::vec3 triangulate(const std::vector<std::pair<PinholeCamera, glm::vec2>>& sightings);

}  // namespace stipple
