// SurfaceGeodesic: shortest paths along the skin, for readouts a practitioner checks with a tape.
//
// Dijkstra over the mesh's edges (vertices that a UV seam split are joined by position first,
// or no path would cross a seam) gives a path that zigzags along the triangles: on a regular
// grid up to ~8 % too long. The path is then pulled tight on the skin: resampled at 8, 4, 2 and
// finally 1 mm, each point moved to the midpoint of its neighbours and put back on the skin
// along its normal, until it stops shrinking. What is left is a locally shortest path; its
// length (sum of 1 mm chords) is the readout. docs/hairline.md gives the error against the
// mid-sagittal section.
#pragma once

#include "core/SurfaceProjector.h"

#include <cstdint>
#include <vector>

namespace stipple {

class SurfaceGeodesic {
public:
    // Keeps a reference to the projector (and through it the mesh), which must outlive this.
    explicit SurfaceGeodesic(const SurfaceProjector& projector);

    // The shortest path found from a to b; `edgeLengthMm`, when given, receives the length of
    // the Dijkstra path along the edges before it was pulled tight.
    SkinPath shortestPath(const SkinPoint& a, const SkinPoint& b, float* edgeLengthMm = nullptr) const;
    float distanceMm(const SkinPoint& a, const SkinPoint& b) const { return shortestPath(a, b).lengthMm; }

private:
    std::vector<std::uint32_t> edgePath(std::uint32_t from, std::uint32_t to) const;

    const SurfaceProjector& projector_;
    std::vector<std::uint32_t> weld_;        // mesh vertex -> welded vertex
    std::vector<glm::vec3> positions_;       // per welded vertex
    std::vector<glm::vec3> normals_;
    std::vector<std::uint32_t> edgeStart_;   // CSR adjacency of the welded vertices
    std::vector<std::uint32_t> edgeTarget_;
};

}  // namespace stipple
