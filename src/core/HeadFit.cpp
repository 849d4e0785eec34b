// [SECTION] Landmarks on the head
// [SECTION] The deformation field
// [SECTION] Cameras
// [SECTION] Constraints from landmarks and silhouettes
// [SECTION] The fit
// [SECTION] Circumference
#include "core/HeadFit.h"

#include "core/DenseSolve.h"
#include "core/Error.h"

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace stipple {
namespace {

constexpr float kPi = 3.14159265358979f;

std::string landmarkName(FitLandmark landmark) { return choiceFor(kFitLandmarkChoices, landmark).name; }

// [SECTION] Landmarks on the head

// Midline vertices (within 3 mm of x = 0) whose normals face `zSign` (+1 the face, -1 the back).
std::vector<glm::vec3> midline(const HeadMesh& mesh, float zSign) {
    std::vector<glm::vec3> points;
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3& p = mesh.positions[i];
        if (std::abs(p.x) < 3.0f && mesh.normals[i].z * zSign > 0.0f) points.push_back(p);
    }
    return points;
}

// The point of `points` with y in [lo, hi] that reaches furthest along `zSign`.
std::optional<glm::vec3> furthest(const std::vector<glm::vec3>& points, float lo, float hi, float zSign) {
    std::optional<glm::vec3> best;
    for (const glm::vec3& p : points)
        if (p.y >= lo && p.y <= hi && (!best || p.z * zSign > best->z * zSign)) best = p;
    return best;
}

}  // namespace

FitLandmarkPoints fitLandmarkPoints(const HeadMesh& mesh) {
    const Landmarks& l = mesh.landmarks;
    FitLandmarkPoints points;
    points[std::size_t(FitLandmark::Glabella)] = l.glabella;
    points[std::size_t(FitLandmark::LateralCanthusLeft)] = l.lateralCanthusLeft;
    points[std::size_t(FitLandmark::LateralCanthusRight)] = l.lateralCanthusRight;
    points[std::size_t(FitLandmark::EarCanalLeft)] = l.earCanalLeft;
    points[std::size_t(FitLandmark::EarCanalRight)] = l.earCanalRight;
    points[std::size_t(FitLandmark::Vertex)] = l.vertex;
    // Heights relative to the brow and the ears, from adult proportions: the nose tip lies
    // 35-60 mm below the glabella; the chin's most forward point lies below the fold under the
    // lower lip, which is the profile's deepest point 40-60 mm below the nose tip; the back of the
    // skull's most prominent point lies between ear-canal height and 45 mm above it.
    const std::vector<glm::vec3> face = midline(mesh, 1.0f), back = midline(mesh, -1.0f);
    const float earY = 0.5f * (l.earCanalLeft.y + l.earCanalRight.y);
    const glm::vec3 noseTip = furthest(face, l.glabella.y - 65.0f, l.glabella.y - 20.0f, 1.0f).value_or(l.glabella);
    glm::vec3 chin = noseTip - glm::vec3(0.0f, 55.0f, 0.0f);
    std::optional<glm::vec3> fold;
    for (const glm::vec3& p : face)
        if (p.y < noseTip.y - 40.0f && p.y > noseTip.y - 60.0f && p.z > 0.0f && (!fold || p.z < fold->z)) fold = p;
    if (fold) chin = furthest(face, fold->y - 20.0f, fold->y - 3.0f, 1.0f).value_or(*fold);
    points[std::size_t(FitLandmark::NoseTip)] = noseTip;
    points[std::size_t(FitLandmark::Chin)] = chin;
    points[std::size_t(FitLandmark::Inion)] = furthest(back, earY, earY + 45.0f, -1.0f).value_or(l.vertex);
    return points;
}

// [SECTION] The deformation field

std::optional<RbfField> RbfField::fit(const std::vector<Constraint>& constraints, float smoothingMm) {
    const std::size_t n = constraints.size(), size = n + 4;
    if (n < 4) return std::nullopt;
    std::vector<double> a(size * size, 0.0), b(size * 3, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const glm::vec3& ci = constraints[i].at;
        // The kernel -r: conditionally positive definite, so the smoothing on the diagonal adds
        // to a positive form (with +r it would cancel it and the system blows up).
        for (std::size_t j = 0; j < n; ++j) a[i * size + j] = -double(glm::distance(ci, constraints[j].at));
        a[i * size + i] += double(smoothingMm / std::max(constraints[i].weight, 1e-3f));
        const double row[4] = {1.0, ci.x, ci.y, ci.z};
        for (int k = 0; k < 4; ++k) a[i * size + n + std::size_t(k)] = a[(n + std::size_t(k)) * size + i] = row[k];
        for (int c = 0; c < 3; ++c) b[i * 3 + std::size_t(c)] = double(constraints[i].displacement[c]);
    }
    if (!solveDense(a, b, size, 3)) return std::nullopt;
    RbfField field;
    for (std::size_t i = 0; i < n; ++i) {
        field.centres_.push_back(constraints[i].at);
        field.weights_.emplace_back(float(b[i * 3]), float(b[i * 3 + 1]), float(b[i * 3 + 2]));
    }
    field.constant_ = glm::vec3(float(b[n * 3]), float(b[n * 3 + 1]), float(b[n * 3 + 2]));
    for (int axis = 0; axis < 3; ++axis)
        field.linear_[axis] = glm::vec3(float(b[(n + 1 + std::size_t(axis)) * 3]),
                                        float(b[(n + 1 + std::size_t(axis)) * 3 + 1]),
                                        float(b[(n + 1 + std::size_t(axis)) * 3 + 2]));
    return field;
}

glm::vec3 RbfField::operator()(const glm::vec3& p) const {
    glm::vec3 sum = constant_ + linear_ * p;
    for (std::size_t i = 0; i < centres_.size(); ++i) sum -= glm::distance(p, centres_[i]) * weights_[i];
    return sum;
}

namespace {

// [SECTION] Cameras

// Where a camera roughly stood for a photo of `view`, aimed so the landmarks' centre falls where
// the placed ones' centre is and at a distance that makes them as large: the solve's start.
PinholeCamera initialCamera(const FitPhoto& photo, const FitLandmarkPoints& points) {
    OrbitCamera orbit;
    orbit.setView(photo.view);
    glm::vec3 centre3(0.0f);
    glm::vec2 centre2(0.0f);
    for (const auto& [landmark, pixel] : photo.landmarks) {
        centre3 += points[std::size_t(landmark)];
        centre2 += pixel;
    }
    const float count = float(std::max<std::size_t>(photo.landmarks.size(), 1));
    centre3 /= count;
    centre2 /= count;
    // A 35 mm frame's diagonal is 43.27 mm. Without the lens's figure: a phone's main camera,
    // about 26 mm, seeing about 70 degrees across the long side.
    const float diagonal = std::hypot(float(photo.width), float(photo.height));
    const float focal = diagonal * photo.focal35mm.value_or(26.0f) / 43.27f;
    orbit.target = centre3;
    orbit.verticalFovRadians = 2.0f * std::atan(0.5f * float(photo.height) / focal);
    PinholeCamera camera = PinholeCamera::lookingAt(orbit.eye(), orbit.target, glm::vec3(0.0f, 1.0f, 0.0f),
                                                    orbit.verticalFovRadians, photo.width, photo.height);
    float spread3 = 0.0f, spread2 = 0.0f;
    for (const auto& [landmark, pixel] : photo.landmarks) {
        glm::vec3 c = camera.rotation * (points[std::size_t(landmark)] - centre3);
        spread3 += glm::length(glm::vec2(c.x, c.y));
        spread2 += glm::distance(pixel, centre2);
    }
    orbit.distance = spread2 > 1.0f && spread3 > 1.0f ? focal * spread3 / spread2 : 600.0f;
    camera = PinholeCamera::lookingAt(orbit.eye(), orbit.target, glm::vec3(0.0f, 1.0f, 0.0f), orbit.verticalFovRadians,
                                      photo.width, photo.height);
    // Slide the camera sideways so the centres meet.
    const glm::vec2 offset = centre2 - glm::vec2(0.5f * float(photo.width), 0.5f * float(photo.height));
    camera.translation -= glm::vec3(offset.x, -offset.y, 0.0f) * (orbit.distance / focal);
    return camera;
}

std::vector<PointCorrespondence> correspondences(const FitPhoto& photo, const FitLandmarkPoints& points) {
    std::vector<PointCorrespondence> list;
    for (const auto& [landmark, pixel] : photo.landmarks) list.push_back({points[std::size_t(landmark)], pixel});
    return list;
}

double landmarkRms(const FitPhoto& photo, const PinholeCamera& camera, const FitLandmarkPoints& points) {
    double squared = 0.0;
    for (const auto& [landmark, pixel] : photo.landmarks) {
        const auto projected = camera.project(points[std::size_t(landmark)]);
        if (!projected) return std::numeric_limits<double>::infinity();
        squared += double(glm::dot(*projected - pixel, *projected - pixel));
    }
    return photo.landmarks.empty() ? 0.0 : std::sqrt(squared / double(photo.landmarks.size()));
}

// Three points fix a camera's pose when the focal length is held by its prior; four or more
// measure the focal length too.
constexpr std::size_t kMinLandmarksToSolve = 3;
// The solved camera must explain the landmarks to within this share of the picture's diagonal.
constexpr double kMaxLandmarkRmsShare = 0.03;

// [SECTION] Constraints from landmarks and silhouettes

// The silhouette is followed at most this many pixels (on the long side) of work resolution.
constexpr int kWorkPixels = 512;
// Landmarks, placed by hand on features, count for more than a point of an outline.
constexpr float kLandmarkWeight = 4.0f;
// An outline point counts for less than a landmark in a camera's solve: it says only where the
// edge is across the outline, not along it.
constexpr float kOutlineCameraWeight = 0.25f;
// Outline points per photo: enough to shape a skull, few enough for a quick solve.
constexpr std::size_t kMaxOutlinePoints = 120;

// The vertices whose outline the silhouettes shape: the skull above the ears' level, the ears
// themselves left out (hair and the ears' own shape would pull them), a few thousand of them.
std::vector<std::uint32_t> outlineCandidates(const HeadMesh& mesh, const FitLandmarkPoints& points) {
    const glm::vec3 left = points[std::size_t(FitLandmark::EarCanalLeft)],
                    right = points[std::size_t(FitLandmark::EarCanalRight)];
    const float earY = 0.5f * (left.y + right.y);
    std::vector<std::uint32_t> all;
    for (std::uint32_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3& p = mesh.positions[i];
        if (p.y > earY - 25.0f && glm::distance(p, left) > 45.0f && glm::distance(p, right) > 45.0f) all.push_back(i);
    }
    const std::size_t stride = std::max<std::size_t>(1, all.size() / 8000);
    std::vector<std::uint32_t> kept;
    for (std::size_t i = 0; i < all.size(); i += stride) kept.push_back(all[i]);
    return kept;
}

struct OutlineMatch {
    std::vector<RbfField::Constraint> constraints;
    std::vector<PointCorrespondence> pixels;  // each outline point and where the silhouette's edge is
    double meanPixels = 0.0;  // at the photo's own resolution
};

// The mesh's outer outline in the photo, each point with how far it must move, along the
// outline's normal, to reach the silhouette's edge. A silhouette says nothing of how a point
// moves along the outline or along the line of sight: there each point moves as `landmarksMove`
// says (the field through the landmarks alone), so the outline does not hold the head's
// stretch back.
OutlineMatch matchOutline(const HeadMesh& head, const std::vector<std::uint32_t>& candidates, const FitPhoto& photo,
                          const PinholeCamera& camera, const std::optional<RbfField>& landmarksMove) {
    const float scale = std::min(1.0f, float(kWorkPixels) / float(std::max(photo.width, photo.height)));
    const PinholeCamera work = camera.resized(scale);
    const MeshView view = rasterizeMesh(head, work);
    const PixelMask target = resampled(photo.silhouette, work.width, work.height);
    const glm::vec3 eye = work.eye();
    const float searchPixels = 0.08f * float(std::max(work.width, work.height));
    const glm::mat3 toModel = glm::transpose(work.rotation);
    std::map<std::pair<int, int>, RbfField::Constraint> byCell;  // one point per 6-pixel cell
    std::map<std::pair<int, int>, PointCorrespondence> edges;
    double sumPixels = 0.0;
    std::size_t count = 0;
    for (const std::uint32_t v : candidates) {
        const glm::vec3 p = head.positions[v], n = head.normals[v];
        if (std::abs(glm::dot(n, glm::normalize(eye - p))) > 0.35f) continue;  // not grazing: not on an outline
        const auto q = work.project(p), q2 = work.project(p + 2.0f * n);
        if (!q || !q2 || glm::distance(*q, *q2) < 1e-3f) continue;
        const glm::vec2 out = glm::normalize(*q2 - *q);
        if (view.mask.at(*q + 2.5f * out) || !view.mask.at(*q - 2.5f * out)) continue;  // inner or hidden edge
        std::optional<float> offset;
        const bool startsInside = target.at(*q);
        for (float t = 0.5f; t <= searchPixels && !offset; t += 0.5f)
            if (startsInside ? !target.at(*q + t * out) : target.at(*q - t * out))
                offset = startsInside ? t - 0.25f : -(t - 0.25f);
        if (!offset) continue;
        const float depth = -work.toCamera(p).z;
        const glm::vec3 sideways = glm::normalize(toModel * glm::vec3(out.x, -out.y, 0.0f));
        const std::pair<int, int> cell{int(q->x / 6.0f), int(q->y / 6.0f)};
        if (byCell.count(cell)) continue;
        glm::vec3 along(0.0f);
        if (landmarksMove) {
            along = (*landmarksMove)(p);
            along -= glm::dot(along, sideways) * sideways;
        }
        byCell[cell] = {p, along + sideways * (*offset * depth / work.focalPx), 1.0f};
        edges[cell] = {p, (*q + *offset * out) / scale, kOutlineCameraWeight};
        sumPixels += std::abs(*offset) / scale;
        ++count;
    }
    OutlineMatch match;
    match.meanPixels = count ? sumPixels / double(count) : 0.0;
    const std::size_t stride = std::max<std::size_t>(1, (byCell.size() + kMaxOutlinePoints - 1) / kMaxOutlinePoints);
    std::size_t i = 0;
    for (const auto& entry : byCell)
        if (i++ % stride == 0) {
            match.constraints.push_back(entry.second);
            match.pixels.push_back(edges[entry.first]);
        }
    return match;
}

// [SECTION] The fit

void checkPhotos(const std::vector<FitPhoto>& photos) {
    if (photos.size() < 2)
        throw InputError("the fit needs at least two photos (a front and a side view), " + std::to_string(photos.size()) +
                         " given");
    bool front = false, side = false;
    std::array<int, kFitLandmarkCount> seen{};
    for (const FitPhoto& photo : photos) {
        front = front || photo.view == StandardView::Front || photo.view == StandardView::ThreeQuarter;
        side = side || photo.view == StandardView::Left || photo.view == StandardView::Right;
        if (!photo.camera && photo.landmarks.size() < kMinLandmarksToSolve)
            throw InputError(photo.name + ": " + std::to_string(photo.landmarks.size()) + " landmarks; solving a photo's camera needs at least " +
                             std::to_string(kMinLandmarksToSolve) + " (or give its \"camera\")");
        for (const auto& entry : photo.landmarks) ++seen[std::size_t(entry.first)];
    }
    if (!front || !side)
        throw InputError(std::string("missing views: the fit needs a front (or three-quarter) photo and a side photo "
                                     "(left or right); the photos give ") + (front ? "no side" : "no front"));
    if (std::count_if(seen.begin(), seen.end(), [](int n) { return n > 0; }) < 4)
        throw InputError("too few landmarks: the photos name fewer than 4 different ones");
}

std::string pixels(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

}  // namespace

FitResult fitHeadToPhotos(const HeadMesh& base, const std::vector<FitPhoto>& photos, const FitScale& scale,
                          const FitOptions& options, const FitProgress& progress) {
    checkPhotos(photos);
    const auto report = [&](float fraction, const std::string& stage) {
        if (progress) progress(fraction, stage);
    };
    HeadMesh head = base;
    if (head.normals.size() != head.positions.size()) computeNormals(head);
    // Each landmark rides on its nearest vertex, keeping its small offset from it.
    const FitLandmarkPoints basePoints = fitLandmarkPoints(base);
    std::array<std::size_t, kFitLandmarkCount> anchor{};
    std::array<glm::vec3, kFitLandmarkCount> offset{};
    for (std::size_t k = 0; k < kFitLandmarkCount; ++k) {
        anchor[k] = nearestVertex(base, basePoints[k]);
        offset[k] = basePoints[k] - base.positions[anchor[k]];
    }
    const auto landmarksOf = [&](const HeadMesh& mesh) {
        FitLandmarkPoints points;
        for (std::size_t k = 0; k < kFitLandmarkCount; ++k) points[k] = mesh.positions[anchor[k]] + offset[k];
        return points;
    };
    const std::vector<std::uint32_t> candidates = outlineCandidates(base, basePoints);

    std::vector<PinholeCamera> cameras;
    for (const FitPhoto& photo : photos) {
        if (photo.width <= 0 || photo.height <= 0) throw InputError(photo.name + ": the photo has no pixels");
        cameras.push_back(photo.camera.value_or(initialCamera(photo, basePoints)));
    }
    // Each camera from the landmarks; then, once the head has its rough shape, from the outline
    // too: a pose that three or four landmarks leave loose is held by the head's silhouette.
    const auto solveCameras = [&](const FitLandmarkPoints& points, bool withOutline) {
        for (std::size_t i = 0; i < photos.size(); ++i) {
            if (photos[i].camera) continue;
            std::vector<PointCorrespondence> pairs = correspondences(photos[i], points);
            if (withOutline && !photos[i].silhouette.empty()) {
                const OutlineMatch match = matchOutline(head, candidates, photos[i], cameras[i], std::nullopt);
                pairs.insert(pairs.end(), match.pixels.begin(), match.pixels.end());
            }
            const std::optional<CameraSolve> solve = solveCamera(pairs, cameras[i]);
            if (!solve)
                throw InputError(photos[i].name + ": no camera explains its landmarks (is a landmark in the wrong place, "
                                 "or the photo's \"view\" wrong?)");
            cameras[i] = solve->camera;
        }
    };

    for (int iteration = 0; iteration < options.iterations; ++iteration) {
        report(float(iteration) / float(options.iterations + 1), "fitting the head to the photos");
        const FitLandmarkPoints points = landmarksOf(head);
        solveCameras(points, iteration > 0);
        std::vector<RbfField::Constraint> constraints;
        // Landmarks: where the lines of sight meet, or the nearest point on the only one.
        for (std::size_t k = 0; k < kFitLandmarkCount; ++k) {
            std::vector<std::pair<PinholeCamera, glm::vec2>> sightings;
            for (std::size_t i = 0; i < photos.size(); ++i)
                for (const auto& [landmark, pixel] : photos[i].landmarks)
                    if (std::size_t(landmark) == k) sightings.emplace_back(cameras[i], pixel);
            if (sightings.empty()) continue;
            glm::vec3 target;
            if (sightings.size() >= 2) {
                target = triangulate(sightings);
            } else {
                const glm::vec3 origin = sightings[0].first.eye(), direction = sightings[0].first.rayDirection(sightings[0].second);
                target = origin + direction * glm::dot(points[k] - origin, direction);
            }
            constraints.push_back({points[k], target - points[k], kLandmarkWeight * float(sightings.size())});
        }
        const std::optional<RbfField> landmarksMove = RbfField::fit(constraints, options.smoothingMm);
        for (std::size_t i = 0; i < photos.size(); ++i) {
            if (photos[i].silhouette.empty()) continue;
            const OutlineMatch match = matchOutline(head, candidates, photos[i], cameras[i], landmarksMove);
            constraints.insert(constraints.end(), match.constraints.begin(), match.constraints.end());
        }
        const std::optional<RbfField> field = RbfField::fit(constraints, options.smoothingMm);
        if (!field) break;
        for (glm::vec3& p : head.positions) p += (*field)(p);
        computeNormals(head);
    }
    report(float(options.iterations) / float(options.iterations + 1), "measuring the fitted head");

    FitResult result;
    FitLandmarkPoints points = landmarksOf(head);
    solveCameras(points, true);
    for (std::size_t i = 0; i < photos.size(); ++i) {
        FitPhotoReport photoReport;
        photoReport.name = photos[i].name;
        photoReport.camera = cameras[i];
        photoReport.cameraSolved = !photos[i].camera;
        photoReport.landmarkRmsPixels = landmarkRms(photos[i], cameras[i], points);
        if (!photos[i].silhouette.empty())
            photoReport.silhouetteMeanPixels = matchOutline(head, candidates, photos[i], cameras[i], std::nullopt).meanPixels;
        const double diagonal = std::hypot(double(photos[i].width), double(photos[i].height));
        if (photoReport.cameraSolved && photoReport.landmarkRmsPixels > kMaxLandmarkRmsShare * diagonal)
            throw InputError(photos[i].name + ": its landmarks lie " + pixels(photoReport.landmarkRmsPixels) +
                             " px (rms) from where any head seen by one camera puts them; is a landmark misplaced, or "
                             "left and right swapped?");
        result.photos.push_back(photoReport);
    }

    const auto placeLandmarks = [&] {
        head.landmarks.glabella = points[std::size_t(FitLandmark::Glabella)];
        head.landmarks.lateralCanthusLeft = points[std::size_t(FitLandmark::LateralCanthusLeft)];
        head.landmarks.lateralCanthusRight = points[std::size_t(FitLandmark::LateralCanthusRight)];
        head.landmarks.earCanalLeft = points[std::size_t(FitLandmark::EarCanalLeft)];
        head.landmarks.earCanalRight = points[std::size_t(FitLandmark::EarCanalRight)];
        head.landmarks.vertex = points[std::size_t(FitLandmark::Vertex)];
        head.landmarks.estimated = false;
    };
    placeLandmarks();
    // Scale about the origin (between the ear canals), then centre the mid-sagittal plane.
    const float unscaledCircumference = headCircumferenceMm(head);
    if (scale.circumferenceMm) {
        result.scale = *scale.circumferenceMm / unscaledCircumference;
    } else if (scale.between) {
        const float measured = glm::distance(points[std::size_t(scale.between->first)],
                                             points[std::size_t(scale.between->second)]);
        if (!(measured > 1.0f))
            throw InputError("the scale's landmarks " + landmarkName(scale.between->first) + " and " +
                             landmarkName(scale.between->second) + " lie on top of each other on the fitted head");
        result.scale = scale.betweenMm / measured;
    }
    for (glm::vec3& p : head.positions) p *= result.scale;
    for (glm::vec3& p : points) p *= result.scale;
    for (FitPhotoReport& photo : result.photos) photo.camera.translation *= result.scale;
    placeLandmarks();
    // The girth scales with the head (measured before: at a wrong scale the measure's fixed
    // margins would not fit the head).
    result.circumferenceMm = unscaledCircumference * result.scale;
    if (!(result.circumferenceMm >= kMinCircumferenceMm && result.circumferenceMm <= kMaxCircumferenceMm))
        throw InputError("the fitted head measures " + pixels(result.circumferenceMm / 10.0f) +
                         " cm around, but a head measures " + pixels(kMinCircumferenceMm / 10.0f) + "-" +
                         pixels(kMaxCircumferenceMm / 10.0f) + " cm; check the scale and the cameras");
    const float centreX = computeBounds(head.positions).center().x;
    const glm::vec3 shift(-centreX, 0.0f, 0.0f);
    for (glm::vec3& p : head.positions) p += shift;
    Landmarks& l = head.landmarks;
    for (glm::vec3* p : {&l.glabella, &l.lateralCanthusLeft, &l.lateralCanthusRight, &l.earCanalLeft, &l.earCanalRight, &l.vertex})
        *p += shift;
    for (FitPhotoReport& photo : result.photos) photo.camera.translation -= photo.camera.rotation * shift;
    result.head = std::move(head);
    report(1.0f, "done");
    return result;
}

// [SECTION] Circumference

namespace {

float convexPerimeter(std::vector<glm::vec2> points) {
    if (points.size() < 3) return 0.0f;
    std::sort(points.begin(), points.end(), [](const glm::vec2& a, const glm::vec2& b) {
        return a.x < b.x || (a.x == b.x && a.y < b.y);
    });
    const auto cross = [](const glm::vec2& o, const glm::vec2& a, const glm::vec2& b) {
        return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    };
    std::vector<glm::vec2> hull(2 * points.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], points[i]) <= 0.0f) --k;
        hull[k++] = points[i];
    }
    for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {
        while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0.0f) --k;
        hull[k++] = points[i];
    }
    float perimeter = 0.0f;
    for (std::size_t i = 0; i + 1 < k; ++i) perimeter += glm::distance(hull[i], hull[i + 1]);
    return perimeter;
}

}  // namespace

float headCircumferenceMm(const HeadMesh& mesh) {
    const Landmarks& l = mesh.landmarks;
    // The margins grow with the head (the default head's ear canals lie 139 mm apart), so a
    // head scaled by s measures s times as much.
    const float size = glm::distance(l.earCanalLeft, l.earCanalRight) / 139.4f;
    const glm::vec3 front = l.glabella + glm::vec3(0.0f, 10.0f * size, 0.0f);
    const float earMargin = 35.0f * size;
    float best = 0.0f;
    for (float degrees = -15.0f; degrees <= 15.0f; degrees += 2.5f) {
        const float tilt = degrees * kPi / 180.0f;
        const glm::vec3 normal(0.0f, std::cos(tilt), std::sin(tilt));
        const glm::vec3 across = glm::cross(normal, glm::vec3(1.0f, 0.0f, 0.0f));
        std::vector<glm::vec2> ring;
        for (const glm::uvec3& t : mesh.triangles) {
            // Where the triangle's edges cross the plane.
            const glm::vec3 corners[3] = {mesh.positions[t.x], mesh.positions[t.y], mesh.positions[t.z]};
            for (int e = 0; e < 3; ++e) {
                const glm::vec3 a = corners[e], b = corners[(e + 1) % 3];
                const float da = glm::dot(a - front, normal), db = glm::dot(b - front, normal);
                if ((da < 0.0f) == (db < 0.0f)) continue;
                const glm::vec3 p = a + (b - a) * (da / (da - db));
                if (glm::distance(p, l.earCanalLeft) < earMargin || glm::distance(p, l.earCanalRight) < earMargin) continue;
                ring.emplace_back(p.x, glm::dot(p, across));
            }
        }
        best = std::max(best, convexPerimeter(std::move(ring)));
    }
    return best;
}

}  // namespace stipple
