// Landmarks and scalp region of a head that came without metadata, from its geometry alone.
//
// [SECTION] Mid-sagittal profile: the face's outline seen from the side
// [SECTION] Landmarks: vertex, glabella, lateral canthi, ear canals
// [SECTION] Scalp region: a hairline height around the head, ears cut out
#include "core/ScalpRegion.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace stipple {
namespace {

constexpr float kPi = 3.14159265358979f;

float smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// [SECTION] Mid-sagittal profile

// The front-most vertex of each 2 mm slice of the mid-sagittal strip, bottom to top: the
// outline of forehead, brows, nose and chin seen from the side. Empty slices are skipped.
std::vector<glm::vec3> frontProfile(const HeadMesh& mesh) {
    const Bounds bounds = computeBounds(mesh.positions);
    const float halfStrip = std::max(3.0f, 0.03f * bounds.size().x);
    // 2 mm slices, coarser only for a mesh far larger than a head, whose slices must not take
    // memory by the size of its bounding box (the loader refuses such heads; this stays safe).
    constexpr std::size_t kMaxSlices = 4096;
    const float sliceHeight = std::max(2.0f, bounds.size().y / float(kMaxSlices - 1));
    const std::size_t slices = std::min(kMaxSlices, std::size_t(bounds.size().y / sliceHeight) + 1);
    std::vector<glm::vec3> best(slices, glm::vec3(0.0f, 0.0f, std::numeric_limits<float>::lowest()));
    for (const glm::vec3& p : mesh.positions) {
        if (std::abs(p.x) > halfStrip) continue;
        const std::size_t slice = std::min(slices - 1, std::size_t((p.y - bounds.min.y) / sliceHeight));
        if (p.z > best[slice].z) best[slice] = p;
    }
    std::vector<glm::vec3> profile;
    for (const glm::vec3& p : best)
        if (p.z > std::numeric_limits<float>::lowest()) profile.push_back(p);
    return profile;
}

// Walks up the profile from `from` and returns the point `arcLength` mm further along it.
glm::vec3 pointAlongProfile(const std::vector<glm::vec3>& profile, const glm::vec3& from, float arcLength) {
    glm::vec3 previous = from;
    float walked = 0.0f;
    for (const glm::vec3& p : profile) {
        if (p.y <= from.y) continue;
        const float step = glm::length(p - previous);
        if (walked + step >= arcLength) return previous + (p - previous) * ((arcLength - walked) / step);
        walked += step;
        previous = p;
    }
    return previous;
}


// [SECTION] Landmarks

// Glabella: going down the profile from the vertex, the first bulge (brow ridge) that the
// profile dips behind (the nasion) and comes forward from again (the nose). Heads without such
// a bulge (ellipsoids, smooth sculpts) get the proportional height of an adult head instead:
// the brows lie about 40 % of the head's depth below the vertex.
glm::vec3 findGlabella(const std::vector<glm::vec3>& profile, const glm::vec3& vertex, float headDepth) {
    const float lowest = vertex.y - 0.60f * headDepth;
    const float highest = vertex.y - 0.25f * headDepth;
    constexpr float kRelief = 1.0f;  // mm the nasion must lie behind the brow ridge and the nose
    for (std::size_t i = profile.size(); i-- > 0;) {
        const glm::vec3& candidate = profile[i];
        if (candidate.y > highest || candidate.y < lowest) continue;
        if (i + 1 < profile.size() && profile[i + 1].z > candidate.z) continue;  // still climbing
        float nasionZ = candidate.z;
        for (std::size_t j = i; j-- > 0 && profile[j].y > candidate.y - 45.0f;) {
            if (profile[j].z > candidate.z && candidate.z - nasionZ < kRelief) break;  // no dip first
            nasionZ = std::min(nasionZ, profile[j].z);
            if (candidate.z - nasionZ >= kRelief && profile[j].z - nasionZ >= kRelief) return candidate;
        }
    }
    const float browY = vertex.y - 0.40f * headDepth;
    return *std::min_element(profile.begin(), profile.end(), [&](const glm::vec3& a, const glm::vec3& b) {
        return std::abs(a.y - browY) < std::abs(b.y - browY);
    });
}

// Outer eye corner on one side (side = +1 left, -1 right): about 20 mm below the glabella and
// two thirds of the way out to the side of the face at that height, on the front surface.
glm::vec3 findLateralCanthus(const HeadMesh& mesh, const glm::vec3& glabella, float side) {
    const float y = glabella.y - 20.0f;
    const float frontZ = glabella.z - 60.0f;  // only the face, not the ears behind it
    float halfWidth = 0.0f;
    for (const glm::vec3& p : mesh.positions)
        if (std::abs(p.y - y) < 5.0f && p.z > frontZ && p.x * side > halfWidth) halfWidth = p.x * side;
    const float x = side * 0.65f * halfWidth;
    const glm::vec3* front = nullptr;
    for (const glm::vec3& p : mesh.positions)
        if (std::abs(p.y - y) < 4.0f && std::abs(p.x - x) < 4.0f && (!front || p.z > front->z)) front = &p;
    return front ? *front : mesh.positions[nearestVertex(mesh, glm::vec3(x, y, glabella.z))];
}

// Ear canal on one side: the ear sticks out furthest sideways from the lower half of the skull,
// so the centre of the most lateral skin between brow and chin height marks the ear; the
// landmark is the surface point nearest to that centre (the concha's floor or its rim).
glm::vec3 findEarCanal(const HeadMesh& mesh, const glm::vec3& glabella, float headDepth, float side) {
    const float top = glabella.y + 0.05f * headDepth;
    const float bottom = glabella.y - 0.35f * headDepth;
    float widest = 0.0f;
    for (const glm::vec3& p : mesh.positions)
        if (p.y > bottom && p.y < top) widest = std::max(widest, p.x * side);
    glm::vec3 sum(0.0f);
    float count = 0.0f;
    for (const glm::vec3& p : mesh.positions)
        if (p.y > bottom && p.y < top && p.x * side > 0.92f * widest) {
            sum += p;
            count += 1.0f;
        }
    const glm::vec3 centre = count > 0.0f ? sum / count : glm::vec3(side * widest, glabella.y, 0.0f);
    return mesh.positions[nearestVertex(mesh, centre)];
}

// [SECTION] Scalp region

// A head-fixed frame: origin between the ear canals, x across to the subject's left, y up.
struct HeadFrame {
    glm::vec3 origin;
    glm::vec3 across;
    glm::vec3 up;
    glm::vec3 forward;

    explicit HeadFrame(const Landmarks& l) : origin(0.5f * (l.earCanalLeft + l.earCanalRight)) {
        across = l.earCanalLeft - l.earCanalRight;
        across.y = 0.0f;  // keep the model's up axis even when one ear sits lower
        across = glm::length(across) > 1e-3f ? glm::normalize(across) : glm::vec3(1.0f, 0.0f, 0.0f);
        up = glm::vec3(0.0f, 1.0f, 0.0f);
        forward = glm::cross(across, up);
    }
    float height(const glm::vec3& p) const { return glm::dot(p - origin, up); }
    // Degrees around the up axis: 0 at the face, 90 at either side, 180 at the back.
    float azimuth(const glm::vec3& p) const {
        const glm::vec3 d = p - origin;
        return std::atan2(std::abs(glm::dot(d, across)), glm::dot(d, forward)) * 180.0f / kPi;
    }
};

// Piecewise linear in the azimuth.
struct HairlineKnot {
    float azimuth;
    float height;
};

float hairlineHeight(const std::vector<HairlineKnot>& knots, float azimuth) {
    if (azimuth <= knots.front().azimuth) return knots.front().height;
    for (std::size_t i = 1; i < knots.size(); ++i)
        if (azimuth <= knots[i].azimuth) {
            const float t = (azimuth - knots[i - 1].azimuth) / (knots[i].azimuth - knots[i - 1].azimuth);
            return knots[i - 1].height + t * (knots[i].height - knots[i - 1].height);
        }
    return knots.back().height;
}

// 0 on the ear and a margin around it, rising to 1 over `soft` mm. Seen from the side the ear
// is an ellipse about the canal: its helix reaches ~30 mm above, the lobe ~35 mm below, the
// helix ~15 mm behind and the tragus ~10 mm in front; hair stops a few mm short of it.
float earClearance(const HeadFrame& frame, const glm::vec3& p, const glm::vec3& canal, float scale, float soft) {
    const glm::vec3 d = p - canal;
    const float lateral = glm::dot(p - frame.origin, frame.across);
    const float canalLateral = glm::dot(canal - frame.origin, frame.across);
    if (lateral * canalLateral <= 0.0f || std::abs(lateral) < 0.5f * std::abs(canalLateral)) return 1.0f;
    const float up = glm::dot(d, frame.up);
    const float forward = glm::dot(d, frame.forward);
    const float radiusUp = scale * (up > 0.0f ? 37.0f : 45.0f);
    const float radiusForward = scale * (forward > 0.0f ? 16.0f : 24.0f);
    const float r = std::sqrt((up / radiusUp) * (up / radiusUp) + (forward / radiusForward) * (forward / radiusForward));
    // (r - 1) times the ellipse's size in this direction is roughly the distance past its edge.
    const float direction = std::abs(up) > std::abs(forward) ? radiusUp : radiusForward;
    return smoothstep(0.0f, soft, (r - 1.0f) * direction);
}

}  // namespace

Landmarks estimateLandmarks(const HeadMesh& mesh) {
    Landmarks landmarks;
    landmarks.estimated = true;
    if (mesh.positions.empty()) return landmarks;
    const Bounds bounds = computeBounds(mesh.positions);
    const float headDepth = bounds.size().z;
    const std::vector<glm::vec3> profile = frontProfile(mesh);

    // Vertex: the top of the mid-sagittal outline (the highest vertex may sit off the midline).
    const float halfStrip = std::max(3.0f, 0.03f * bounds.size().x);
    const glm::vec3* top = nullptr;
    for (const glm::vec3& p : mesh.positions)
        if (std::abs(p.x) < halfStrip && (!top || p.y > top->y)) top = &p;
    landmarks.vertex = top ? *top : bounds.max;

    // The profile's front-most point may sit just beside the midline: take the skin on it.
    const glm::vec3 brow = profile.empty() ? bounds.max : findGlabella(profile, landmarks.vertex, headDepth);
    landmarks.glabella = mesh.positions[nearestVertex(mesh, glm::vec3(0.0f, brow.y, brow.z))];
    landmarks.lateralCanthusLeft = findLateralCanthus(mesh, landmarks.glabella, 1.0f);
    landmarks.lateralCanthusRight = findLateralCanthus(mesh, landmarks.glabella, -1.0f);
    landmarks.earCanalLeft = findEarCanal(mesh, landmarks.glabella, headDepth, 1.0f);
    landmarks.earCanalRight = findEarCanal(mesh, landmarks.glabella, headDepth, -1.0f);
    return landmarks;
}

std::vector<float> estimateScalpRegion(const HeadMesh& mesh, const Landmarks& landmarks) {
    const HeadFrame frame(landmarks);
    // Anatomical distances below are for a head with the vertex ~140 mm above the ear canals.
    const float scale = std::clamp(frame.height(landmarks.vertex) / 140.0f, 0.5f, 2.0f);

    // Mid-frontal point: 8 cm above the glabella along the forehead (SMP-FACTS, hairline
    // design); the lateral canthi mark the frontotemporal points above them.
    const glm::vec3 midFrontal = pointAlongProfile(frontProfile(mesh), landmarks.glabella, 80.0f * scale);
    const float frontHeight = frame.height(midFrontal);
    const float canthusAzimuth = std::clamp(
        0.5f * (frame.azimuth(landmarks.lateralCanthusLeft) + frame.azimuth(landmarks.lateralCanthusRight)), 15.0f, 60.0f);
    const float canthusHeight =
        0.5f * (frame.height(landmarks.lateralCanthusLeft) + frame.height(landmarks.lateralCanthusRight));
    // Around the head from the face: the frontal hairline holds its height out to the
    // frontotemporal points, the temples slope down to a sideburn ending about level with the
    // ear canal, the ears are cut out separately, and behind them the line drops to the nape
    // at about the level of the ear lobes.
    const std::vector<HairlineKnot> knots = {
        {0.0f, frontHeight},
        {canthusAzimuth, frontHeight - 5.0f * scale},
        {canthusAzimuth + 22.0f, canthusHeight + 12.0f * scale},
        {82.0f, -2.0f * scale},
        {105.0f, -2.0f * scale},
        {130.0f, -26.0f * scale},
        {180.0f, -32.0f * scale},
    };
    constexpr float kSoftEdge = 10.0f;  // mm, from bare skin to full density
    const float soft = kSoftEdge * scale;
    std::vector<float> weights(mesh.positions.size());
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const glm::vec3& p = mesh.positions[i];
        const float aboveHairline = frame.height(p) - hairlineHeight(knots, frame.azimuth(p));
        weights[i] = smoothstep(0.0f, soft, aboveHairline) *
                     earClearance(frame, p, landmarks.earCanalLeft, scale, soft) *
                     earClearance(frame, p, landmarks.earCanalRight, scale, soft);
    }
    return weights;
}

}  // namespace stipple
