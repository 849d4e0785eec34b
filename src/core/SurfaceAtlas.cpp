#include "core/SurfaceAtlas.h"

#include "core/Error.h"

#include <glm/geometric.hpp>

#include <limits>

namespace stipple {

SurfaceAtlas::SurfaceAtlas(const HeadMesh& mesh, int width, int height, int padTexels)
    : width_(width), height_(height) {
    if (width <= 0 || height <= 0) throw InputError("a surface atlas needs at least one texel");
    if (!mesh.hasUvs()) throw InputError(mesh.sourcePath + ": the mesh has no UVs to paint in");
    const std::size_t count = std::size_t(width) * std::size_t(height);
    source_.assign(count, kNone);
    positions_.assign(count, glm::vec3(0.0f));
    triangles_.assign(count, kNone);
    footprints_.assign(count, 0.0f);
    rasterise(mesh);
    padBorders(padTexels);
    buildGrid();
}

void SurfaceAtlas::rasterise(const HeadMesh& mesh) {
    const glm::vec2 scale{float(width_), float(height_)};
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
        const glm::uvec3& tri = mesh.triangles[t];
        // Texel units: texel (i, j) has its centre at (i + 0.5, j + 0.5).
        const glm::vec2 a = mesh.uvs[tri.x] * scale, b = mesh.uvs[tri.y] * scale, c = mesh.uvs[tri.z] * scale;
        const glm::vec2 e1 = b - a, e2 = c - a;
        const float det = e1.x * e2.y - e2.x * e1.y;
        if (!(std::abs(det) > 0.0f)) continue;  // no area in UV: nothing to paint there
        const glm::vec3 &pa = mesh.positions[tri.x], &pb = mesh.positions[tri.y], &pc = mesh.positions[tri.z];
        // One texel step along u and along v, in mm on the skin (the inverse of the UV Jacobian).
        const glm::vec3 dPdi = ((pb - pa) * e2.y - (pc - pa) * e1.y) / det;
        const glm::vec3 dPdj = ((pc - pa) * e1.x - (pb - pa) * e2.x) / det;
        const float footprint = glm::length(dPdi) + glm::length(dPdj);

        const int i0 = std::max(0, int(std::ceil(std::min({a.x, b.x, c.x}) - 0.5f)));
        const int i1 = std::min(width_ - 1, int(std::floor(std::max({a.x, b.x, c.x}) - 0.5f)));
        const int j0 = std::max(0, int(std::ceil(std::min({a.y, b.y, c.y}) - 0.5f)));
        const int j1 = std::min(height_ - 1, int(std::floor(std::max({a.y, b.y, c.y}) - 0.5f)));
        // A texel centre on an edge shared by two triangles must land in one of them despite
        // rounding, hence the small tolerance; either triangle gives the same point.
        const float tolerance = -1e-6f;
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i) {
                const glm::vec2 p(float(i) + 0.5f, float(j) + 0.5f);
                const glm::vec2 ap = p - a;
                const float s = (ap.x * e2.y - e2.x * ap.y) / det;
                const float u = (e1.x * ap.y - ap.x * e1.y) / det;
                if (s < tolerance || u < tolerance || s + u > 1.0f - tolerance) continue;
                const std::size_t texel = index(i, j);
                if (source_[texel] == kNone) ++coveredCount_;
                source_[texel] = std::uint32_t(texel);
                positions_[texel] = (1.0f - s - u) * pa + s * pb + u * pc;
                triangles_[texel] = std::uint32_t(t);
                footprints_[texel] = footprint;
            }
    }
}

void SurfaceAtlas::padBorders(int padTexels) {
    // Nearest covered texel by distance in texels, within a square window; ties go to the first
    // in scan order so the result does not depend on anything but the coverage.
    std::vector<std::uint32_t> padded(source_.size(), kNone);
    for (int j = 0; j < height_; ++j)
        for (int i = 0; i < width_; ++i) {
            if (source_[index(i, j)] != kNone) continue;
            int best = std::numeric_limits<int>::max();
            std::uint32_t bestTexel = kNone;
            for (int y = std::max(0, j - padTexels); y <= std::min(height_ - 1, j + padTexels); ++y)
                for (int x = std::max(0, i - padTexels); x <= std::min(width_ - 1, i + padTexels); ++x) {
                    const std::size_t other = index(x, y);
                    const int d2 = (x - i) * (x - i) + (y - j) * (y - j);
                    if (source_[other] == other && d2 < best) {
                        best = d2;
                        bestTexel = std::uint32_t(other);
                    }
                }
            padded[index(i, j)] = bestTexel;
        }
    padStart_.assign(source_.size() + 1, 0);
    for (std::size_t texel = 0; texel < source_.size(); ++texel)
        if (padded[texel] != kNone) ++padStart_[padded[texel] + 1];
    for (std::size_t texel = 0; texel < source_.size(); ++texel) padStart_[texel + 1] += padStart_[texel];
    padList_.resize(padStart_.back());
    std::vector<std::uint32_t> fill(padStart_.begin(), padStart_.end() - 1);
    for (std::size_t texel = 0; texel < source_.size(); ++texel) {
        const std::uint32_t from = padded[texel];
        if (from == kNone) continue;
        padList_[fill[from]++] = std::uint32_t(texel);
        source_[texel] = from;
        positions_[texel] = positions_[from];
        triangles_[texel] = triangles_[from];
        footprints_[texel] = footprints_[from];
    }
}

void SurfaceAtlas::buildGrid() {
    if (coveredCount_ == 0) return;
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
    for (std::size_t texel = 0; texel < source_.size(); ++texel)
        if (covered(texel)) {
            lo = glm::min(lo, positions_[texel]);
            hi = glm::max(hi, positions_[texel]);
        }
    // 3 mm cells hold ~30 texels of a 512 layer on a head; the cell count stays bounded for
    // meshes of any size by growing the cell.
    cellSizeMm_ = 3.0f;
    const glm::vec3 extent = hi - lo;
    while ((extent.x / cellSizeMm_ + 1.0f) * (extent.y / cellSizeMm_ + 1.0f) * (extent.z / cellSizeMm_ + 1.0f) > 4.0e6f)
        cellSizeMm_ *= 2.0f;
    gridOrigin_ = lo;
    gridCells_ = glm::ivec3(glm::floor(extent / cellSizeMm_)) + 1;
    auto cellOf = [&](const glm::vec3& p) {
        const glm::ivec3 c = glm::clamp(glm::ivec3(glm::floor((p - gridOrigin_) / cellSizeMm_)), glm::ivec3(0), gridCells_ - 1);
        return (std::size_t(c.z) * std::size_t(gridCells_.y) + std::size_t(c.y)) * std::size_t(gridCells_.x) + std::size_t(c.x);
    };
    cellStart_.assign(std::size_t(gridCells_.x) * std::size_t(gridCells_.y) * std::size_t(gridCells_.z) + 1, 0);
    for (std::size_t texel = 0; texel < source_.size(); ++texel)
        if (covered(texel)) ++cellStart_[cellOf(positions_[texel]) + 1];
    for (std::size_t cell = 0; cell + 1 < cellStart_.size(); ++cell) cellStart_[cell + 1] += cellStart_[cell];
    cellTexels_.resize(coveredCount_);
    cellPositions_.resize(coveredCount_);
    std::vector<std::uint32_t> fill(cellStart_.begin(), cellStart_.end() - 1);
    for (std::size_t texel = 0; texel < source_.size(); ++texel)
        if (covered(texel)) {
            const std::uint32_t slot = fill[cellOf(positions_[texel])]++;
            cellTexels_[slot] = std::uint32_t(texel);
            cellPositions_[slot] = positions_[texel];
        }
}

void SurfaceAtlas::pad(std::vector<float>& texels) const {
    for (std::size_t texel = 0; texel < source_.size(); ++texel)
        if (source_[texel] != kNone && !covered(texel)) texels[texel] = texels[source_[texel]];
}

}  // namespace stipple
