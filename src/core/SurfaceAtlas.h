// SurfaceAtlas: where each texel of a UV-space layer lies on the skin.
//
// Layers are painted in UV space but brushes measure in 3D, on the skin: the UV map stretches
// (about 2.4x across the default head's scalp chart) and has seams, and a brush must not see
// either. The atlas rasterises the mesh in UV space once per layer resolution, with the same
// texel layout as DensityMap (texel (i, j) at index j * width + i, centre at
// ((i + 0.5) / width, (j + 0.5) / height), row 0 at v = 0), and keeps for every texel whose
// centre a triangle covers its 3D point and triangle. Texels no triangle covers, within
// `padTexels` of a covered one, are padded: they copy their nearest covered texel, so bilinear
// sampling near a seam or an island's border never reads the empty background.
//
// A 3D grid over the covered texels answers "which texels lie within R of this segment" in time
// proportional to the answer: that is what a brush stroke asks, segment by segment.
#pragma once

#include "core/HeadMesh.h"
#include "core/Segment.h"

#include <glm/common.hpp>
#include <glm/vec3.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace stipple {

class SurfaceAtlas {
public:
    static constexpr std::uint32_t kNone = 0xffffffffu;

    SurfaceAtlas(const HeadMesh& mesh, int width, int height, int padTexels = 4);

    int width() const { return width_; }
    int height() const { return height_; }
    std::size_t texelCount() const { return source_.size(); }
    std::size_t index(int i, int j) const { return std::size_t(j) * std::size_t(width_) + std::size_t(i); }

    // The texel a texel takes its value from: itself when covered, its nearest covered texel
    // when padded, kNone when it lies farther than `padTexels` from every triangle.
    std::uint32_t source(std::size_t texel) const { return source_[texel]; }
    bool covered(std::size_t texel) const { return source_[texel] == texel; }
    std::size_t coveredCount() const { return coveredCount_; }
    // 3D point (mm) and triangle under a covered texel's centre; a padded texel reports its
    // source's. Meaningless for texels whose source is kNone.
    const glm::vec3& position(std::size_t texel) const { return positions_[texel]; }
    std::uint32_t triangle(std::size_t texel) const { return triangles_[texel]; }
    // 3D length of one texel step along u plus one along v at this texel (its triangle's
    // Jacobian): how far on the skin a bilinear sample reaches from the texel's centre.
    float footprintMm(std::size_t texel) const { return footprints_[texel]; }

    // The padded texels that copy `texel` (none unless it is covered).
    const std::uint32_t* padsBegin(std::size_t texel) const { return padList_.data() + padStart_[texel]; }
    const std::uint32_t* padsEnd(std::size_t texel) const { return padList_.data() + padStart_[texel + 1]; }
    // Copies every covered texel's value into its pads: for values that came from elsewhere
    // (a loaded map). `texels` has this atlas's layout.
    void pad(std::vector<float>& texels) const;

    // Calls visit(texel, squaredDistanceMm2) for every covered texel whose 3D point lies closer
    // than radiusMm to the segment [a, b] (a == b: a point). Order: by grid cell, unspecified.
    template <class Visit>
    void forEachTexelNear(const glm::vec3& a, const glm::vec3& b, float radiusMm, Visit&& visit) const;

    // The grid behind forEachTexelNear, for the GPU twin of the query (shaders/paint.comp):
    // gridCells() cells of cellSizeMm() from gridOriginMm(); cell (x, y, z), at index
    // (z * cells.y + y) * cells.x + x, holds entries [cellStart()[cell], cellStart()[cell + 1])
    // of cellTexels() and cellPositions().
    const glm::vec3& gridOriginMm() const { return gridOrigin_; }
    float cellSizeMm() const { return cellSizeMm_; }
    const glm::ivec3& gridCells() const { return gridCells_; }
    const std::vector<std::uint32_t>& cellStart() const { return cellStart_; }
    const std::vector<std::uint32_t>& cellTexels() const { return cellTexels_; }
    const std::vector<glm::vec3>& cellPositions() const { return cellPositions_; }

private:
    void rasterise(const HeadMesh& mesh);
    void padBorders(int padTexels);
    void buildGrid();

    int width_;
    int height_;
    std::size_t coveredCount_ = 0;
    std::vector<std::uint32_t> source_;
    std::vector<glm::vec3> positions_;
    std::vector<std::uint32_t> triangles_;
    std::vector<float> footprints_;
    std::vector<std::uint32_t> padStart_;  // CSR: pads of texel t are padList_[padStart_[t] .. padStart_[t + 1])
    std::vector<std::uint32_t> padList_;

    // Dense grid over the covered texels' bounding box; cell c holds cellTexels_[cellStart_[c] ..
    // cellStart_[c + 1]), with their positions copied alongside so a query reads memory in order.
    glm::vec3 gridOrigin_{0.0f};
    float cellSizeMm_ = 3.0f;
    glm::ivec3 gridCells_{0};
    std::vector<std::uint32_t> cellStart_;
    std::vector<std::uint32_t> cellTexels_;
    std::vector<glm::vec3> cellPositions_;
};

template <class Visit>
void SurfaceAtlas::forEachTexelNear(const glm::vec3& a, const glm::vec3& b, float radiusMm, Visit&& visit) const {
    if (cellTexels_.empty() || !(radiusMm > 0.0f)) return;
    const float radius2 = radiusMm * radiusMm;
    const glm::vec3 lo = (glm::min(a, b) - radiusMm - gridOrigin_) / cellSizeMm_;
    const glm::vec3 hi = (glm::max(a, b) + radiusMm - gridOrigin_) / cellSizeMm_;
    // Clamp as floats first: a segment far outside the grid must not overflow the int conversion.
    glm::ivec3 c0, c1;
    for (int k = 0; k < 3; ++k) {
        const float top = float(gridCells_[k] - 1);
        c0[k] = int(std::clamp(std::floor(lo[k]), 0.0f, top));
        c1[k] = int(std::clamp(std::floor(hi[k]), -1.0f, top));
    }
    // A cell can hold a texel within the radius only if its centre lies within the radius plus
    // half its diagonal.
    const float cellReach = radiusMm + 0.8661f * cellSizeMm_;
    const float cellReach2 = cellReach * cellReach;
    for (int z = c0.z; z <= c1.z; ++z)
        for (int y = c0.y; y <= c1.y; ++y)
            for (int x = c0.x; x <= c1.x; ++x) {
                const std::size_t cell = (std::size_t(z) * std::size_t(gridCells_.y) + std::size_t(y)) * std::size_t(gridCells_.x) + std::size_t(x);
                const std::uint32_t begin = cellStart_[cell], end = cellStart_[cell + 1];
                if (begin == end) continue;
                const glm::vec3 centre = gridOrigin_ + (glm::vec3(x, y, z) + 0.5f) * cellSizeMm_;
                if (squaredDistanceToSegment(centre, a, b) > cellReach2) continue;
                for (std::uint32_t e = begin; e < end; ++e) {
                    const float d2 = squaredDistanceToSegment(cellPositions_[e], a, b);
                    if (d2 < radius2) visit(std::size_t(cellTexels_[e]), d2);
                }
            }
}

}  // namespace stipple
