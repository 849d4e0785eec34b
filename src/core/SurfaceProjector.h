// SurfaceProjector: puts points back on the skin and walks along it, for the hairline editor.
//
// A hairline's control points, its smoothed curve and the tape measures of hairline design
// (SMP-FACTS: "8 cm above the glabella", "8 cm sideways") all live on the skin. Points that
// left it (a spline between two skin points cuts under a convex forehead) come back by a ray
// cast along the local normal from just outside, which finds the outermost skin within reach:
// the forehead under the point, not the far side of the head.
#pragma once

#include "core/HeadMesh.h"
#include "core/MeshRaycaster.h"

#include <glm/vec3.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace stipple {

struct SkinPoint {
    glm::vec3 position{0.0f};        // mm, model space, on the skin
    glm::vec3 normal{0.0f, 0.0f, 1.0f};  // unit, interpolated from the vertex normals
    std::uint32_t triangle = 0;
};

// A path along the skin and its length (sum of the chords between its points).
struct SkinPath {
    std::vector<SkinPoint> points;
    float lengthMm = 0.0f;
};

class SurfaceProjector {
public:
    // Keeps a reference to `mesh`, which must outlive the projector and not change.
    explicit SurfaceProjector(const HeadMesh& mesh);

    const HeadMesh& mesh() const { return mesh_; }

    // The skin under `point` along `normal` (unit): a ray from reachMm outside the point inwards,
    // at most 2 reachMm long. Nothing when the skin lies farther than that.
    std::optional<SkinPoint> project(const glm::vec3& point, const glm::vec3& normal, float reachMm = 20.0f) const;
    // The skin near `point` when no normal is known: projected along the normal of the nearest
    // vertex, or that vertex itself when the ray misses.
    SkinPoint snap(const glm::vec3& point) const;

    // A tape measure laid on the skin: from `start`, within the plane through it with normal
    // `planeNormal`, setting off along `direction` (projected into the plane and onto the skin),
    // for lengthMm measured along the skin. The path ends exactly lengthMm along, or earlier
    // where the skin runs out; steps of stepMm.
    SkinPath walkInPlane(const SkinPoint& start, const glm::vec3& planeNormal, const glm::vec3& direction, float lengthMm,
                         float stepMm = 1.0f) const;

private:
    const HeadMesh& mesh_;
    MeshRaycaster raycaster_;
};

}  // namespace stipple
