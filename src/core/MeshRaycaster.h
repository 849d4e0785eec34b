// MeshRaycaster: the nearest point where a ray meets the head, for placing brush dabs under the
// cursor (and for snapping scripted stroke points). Möller–Trumbore over a bounding volume
// hierarchy of the triangles: well under a microsecond a ray on the default head's 137k triangles.
#pragma once

#include "core/HeadMesh.h"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace stipple {

struct RayHit {
    float distanceMm = 0.0f;     // along the normalised ray direction
    std::uint32_t triangle = 0;
    glm::vec2 barycentric{0.0f}; // weights of the triangle's second and third corners
    glm::vec3 point{0.0f};       // mm, model space
    glm::vec3 normal{0.0f};      // unit, interpolated from the vertex normals (what shading shows)
    glm::vec3 faceNormal{0.0f};  // unit, of the triangle as wound (outwards)
};

class MeshRaycaster {
public:
    // Keeps a reference to `mesh`, which must outlive the raycaster and not change.
    explicit MeshRaycaster(const HeadMesh& mesh);

    // The nearest hit within maxDistanceMm of origin along direction (any length but zero),
    // from either side of a triangle: whether a back-facing hit may be painted is the caller's
    // question (see dabAllowed in Brush.h).
    std::optional<RayHit> intersect(const glm::vec3& origin, const glm::vec3& direction,
                                    float maxDistanceMm = std::numeric_limits<float>::max()) const;

private:
    struct Node {
        glm::vec3 lo{0.0f}, hi{0.0f};
        std::uint32_t first = 0;  // leaf: first index into order_; inner: index of the second child
        std::uint32_t count = 0;  // triangles in a leaf, 0 for an inner node (its first child follows it)
    };
    std::uint32_t build(std::uint32_t begin, std::uint32_t end, std::vector<glm::vec3>& centroids);

    const HeadMesh& mesh_;
    std::vector<Node> nodes_;
    std::vector<std::uint32_t> order_;  // triangle indices, leaves' ranges contiguous
};

}  // namespace stipple
