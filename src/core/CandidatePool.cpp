// [SECTION] Random numbers      a seeded generator, the same on every machine
// [SECTION] Area sampling       triangles picked in proportion to their 3D area (alias table)
// [SECTION] Neighbour grid      a hashed 3D grid that grows finer as the conflict radius shrinks
// [SECTION] Ordering            decreasing-radius dart throwing
// [SECTION] Building the pool   candidates with their triangle, uv, normal, scalp weight, rank
#include "core/CandidatePool.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace stipple {

namespace {

// Every prefix of k points keeps its smallest distance at or above 2 * kTargetRho * r_max(k).
// Measured on head-sized surfaces: with a continuously shrinking radius, plain random darts jam
// at about 0.70; pushing a dart out of the disc it hit (see placeDart) sustains 0.72 at about 45
// darts per point, while 0.75 jams again. 0.72 keeps a margin over the 0.70 the pattern needs.
constexpr double kTargetRho = 0.72;
// How often one dart may be pushed out of a disc it landed in before it is thrown away.
constexpr int kPushes = 2;
// After this many misses in a row the conflict radius of the current point is relaxed a little,
// so that a surface whose 3D distances pinch (folds closer than a spacing) cannot stall the build.
constexpr int kMissesBeforeRelaxing = 4096;
constexpr std::size_t kProgressInterval = 4096;

// [SECTION] Random numbers

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t state_;
};

// 32 random bits as a float in [0, 1), exact: 24 bits of mantissa.
float unitFloat(std::uint32_t bits) { return float(bits >> 8) * (1.0f / 16777216.0f); }

// [SECTION] Area sampling

// Vose's alias method: O(1) per sample, built once in O(n).
class AliasTable {
public:
    explicit AliasTable(const std::vector<double>& weights) : probability_(weights.size()), alias_(weights.size()) {
        const std::size_t n = weights.size();
        double total = 0.0;
        for (double w : weights) total += w;
        std::vector<double> scaled(n);
        std::vector<std::uint32_t> small, large;
        for (std::size_t i = 0; i < n; ++i) {
            scaled[i] = weights[i] * double(n) / total;
            (scaled[i] < 1.0 ? small : large).push_back(std::uint32_t(i));
        }
        while (!small.empty() && !large.empty()) {
            const std::uint32_t s = small.back(), l = large.back();
            small.pop_back();
            probability_[s] = scaled[s];
            alias_[s] = l;
            scaled[l] -= 1.0 - scaled[s];
            if (scaled[l] < 1.0) {
                large.pop_back();
                small.push_back(l);
            }
        }
        // What is left is 1 up to rounding.
        for (std::uint32_t i : small) probability_[i] = 1.0, alias_[i] = i;
        for (std::uint32_t i : large) probability_[i] = 1.0, alias_[i] = i;
    }

    std::uint32_t sample(std::uint64_t bits) const {
        const std::uint64_t column = ((bits & 0xffffffffULL) * probability_.size()) >> 32;
        const double coin = double(bits >> 32) * (1.0 / 4294967296.0);
        return coin < probability_[column] ? std::uint32_t(column) : alias_[column];
    }

private:
    std::vector<double> probability_;
    std::vector<std::uint32_t> alias_;
};

// [SECTION] Neighbour grid

// Points in cells of a fixed size, each cell a linked list of nodes that carry the position, so
// a query touches few cache lines. Cells are found by open addressing on their integer
// coordinates (the points lie on a surface, so a dense 3D array would be mostly empty); the slot
// of cell (x, y, z) is hash(x, y) + z, which keeps the three cells of a column side by side.
class PointGrid {
public:
    static constexpr std::uint32_t kNone = ~std::uint32_t(0);

    PointGrid(const glm::vec3& origin, std::size_t maxPoints) : origin_(origin) {
        std::size_t capacity = 16;
        while (capacity < 2 * maxPoints) capacity *= 2;  // a cell holds at least one point
        slots_.resize(capacity);
        mask_ = capacity - 1;
        nodes_.reserve(maxPoints);
    }

    float cellSize() const { return cellSize_; }
    const glm::vec3& position(std::uint32_t index) const { return nodes_[index].position; }

    // Starts over with a new cell size, keeping the points.
    void rebuild(float cellSize) {
        cellSize_ = cellSize;
        inverse_ = 1.0f / cellSize;
        std::fill(slots_.begin(), slots_.end(), Slot{});
        for (std::size_t i = 0; i < nodes_.size(); ++i) link(std::uint32_t(i));
    }

    // Adds a point; its index is the number of points before it.
    void insert(const glm::vec3& p) {
        nodes_.push_back({p, kNone});
        link(std::uint32_t(nodes_.size() - 1));
    }

    // A point closer than sqrt(radius2) to p, or kNone; radius must not exceed the cell size.
    // p's own cell goes first: a hit there ends most queries early.
    std::uint32_t anyWithin(const glm::vec3& p, float radius2) const {
        const glm::ivec3 own = cellOf(p);
        const std::uint32_t hit = scanCell(own, p, radius2);
        if (hit != kNone) return hit;
        const float radius = std::sqrt(radius2);
        const glm::ivec3 lo = cellOf(p - glm::vec3(radius)), hi = cellOf(p + glm::vec3(radius));
        for (int x = lo.x; x <= hi.x; ++x)
            for (int y = lo.y; y <= hi.y; ++y)
                for (int z = lo.z; z <= hi.z; ++z) {
                    if (x == own.x && y == own.y && z == own.z) continue;
                    const std::uint32_t found = scanCell({x, y, z}, p, radius2);
                    if (found != kNone) return found;
                }
        return kNone;
    }

private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);
    struct Slot {
        std::uint64_t key = kEmpty;
        std::uint32_t head = kNone;
    };
    struct Node {
        glm::vec3 position;
        std::uint32_t next;
    };

    void link(std::uint32_t index) {
        const glm::ivec3 cell = cellOf(nodes_[index].position);
        Slot& slot = slots_[findSlot(cell)];
        slot.key = keyOf(cell);
        nodes_[index].next = slot.head;
        slot.head = index;
    }

    std::uint32_t scanCell(const glm::ivec3& cell, const glm::vec3& p, float radius2) const {
        const Slot& slot = slots_[findSlot(cell)];
        if (slot.key == kEmpty) return kNone;
        for (std::uint32_t i = slot.head; i != kNone; i = nodes_[i].next) {
            const glm::vec3 d = nodes_[i].position - p;
            if (glm::dot(d, d) < radius2) return i;
        }
        return kNone;
    }

    glm::ivec3 cellOf(const glm::vec3& p) const { return glm::ivec3(glm::floor((p - origin_) * inverse_)); }
    // 21 bits per axis; the origin sits a margin below the mesh, so coordinates are non-negative.
    static std::uint64_t keyOf(const glm::ivec3& c) {
        return (std::uint64_t(std::uint32_t(c.x) & 0x1fffffU) << 42) |
               (std::uint64_t(std::uint32_t(c.y) & 0x1fffffU) << 21) | (std::uint32_t(c.z) & 0x1fffffU);
    }
    std::size_t findSlot(const glm::ivec3& cell) const {
        const std::uint64_t key = keyOf(cell);
        const std::uint64_t column = (std::uint64_t(std::uint32_t(cell.x)) << 32) | std::uint32_t(cell.y);
        std::size_t slot = std::size_t((column * 0x9e3779b97f4a7c15ULL) >> 24) + std::size_t(cell.z);
        for (slot &= mask_; slots_[slot].key != kEmpty && slots_[slot].key != key;) slot = (slot + 1) & mask_;
        return slot;
    }

    glm::vec3 origin_;
    float cellSize_ = 1.0f;
    float inverse_ = 1.0f;
    std::vector<Slot> slots_;
    std::vector<Node> nodes_;
    std::size_t mask_ = 0;
};

// [SECTION] Ordering

struct PoolTriangle {
    std::uint32_t meshTriangle;
    glm::vec3 corner, edge1, edge2;
};

struct Dart {
    std::uint32_t poolTriangle;
    glm::vec2 barycentric;
    glm::vec3 position;
};

Dart throwDart(SplitMix64& rng, const AliasTable& areas, const std::vector<PoolTriangle>& triangles) {
    const std::uint32_t t = areas.sample(rng.next());
    const std::uint64_t bits = rng.next();
    // Uniform over the triangle: the square root undoes the area growing towards the far edge.
    const float s = std::sqrt(unitFloat(std::uint32_t(bits)));
    const float r = unitFloat(std::uint32_t(bits >> 32));
    const glm::vec2 b(s * (1.0f - r), s * r);
    const PoolTriangle& tri = triangles[t];
    return {t, b, tri.corner + b.x * tri.edge1 + b.y * tri.edge2};
}

// A dart that lands inside the disc of an earlier point q is pushed straight away from q, in its
// triangle's plane, to the edge of that disc: darts that barely miss still count, and a point
// then sits snugly against its neighbours, which packs tighter than landing anywhere at random.
// Returns false when the dart cannot be placed (it would leave its triangle, or still conflicts
// after kPushes pushes).
bool placeDart(Dart& dart, float radius2, const PointGrid& grid, const std::vector<PoolTriangle>& triangles) {
    const PoolTriangle& tri = triangles[dart.poolTriangle];
    for (int push = 0;; ++push) {
        const std::uint32_t q = grid.anyWithin(dart.position, radius2);
        if (q == PointGrid::kNone) return true;
        if (push == kPushes) return false;
        const glm::vec3 normal = glm::cross(tri.edge1, tri.edge2);
        const glm::vec3 fromQ = dart.position - grid.position(q);
        const glm::vec3 along = fromQ - normal * (glm::dot(normal, fromQ) / glm::dot(normal, normal));
        const float length = glm::length(along);
        if (!(length > 0.0f)) return false;
        // Solve |fromQ + t u| = radius (slightly over, so rounding cannot land it inside).
        const glm::vec3 u = along / length;
        const float b = glm::dot(fromQ, u);
        const float c = glm::dot(fromQ, fromQ) - radius2 * 1.0004f;
        const float t = -b + std::sqrt(std::max(b * b - c, 0.0f));
        // Barycentrics of the moved point in the triangle's plane (2x2 normal equations).
        const glm::vec3 w = dart.position + t * u - tri.corner;
        const float g11 = glm::dot(tri.edge1, tri.edge1), g12 = glm::dot(tri.edge1, tri.edge2);
        const float g22 = glm::dot(tri.edge2, tri.edge2);
        const float r1 = glm::dot(tri.edge1, w), r2 = glm::dot(tri.edge2, w);
        const float det = g11 * g22 - g12 * g12;
        const glm::vec2 bary((r1 * g22 - r2 * g12) / det, (g11 * r2 - g12 * r1) / det);
        if (!(bary.x >= 0.0f && bary.y >= 0.0f && bary.x + bary.y <= 1.0f)) return false;
        dart.barycentric = bary;
        dart.position = tri.corner + bary.x * tri.edge1 + bary.y * tri.edge2;
    }
}

// Decreasing-radius dart throwing with a continuous schedule: point k (0-based) lands only where
// no earlier point is closer than d_k = 2 * rho * r_max(k + 1). d_k falls as 1/sqrt(k + 1), so the
// smallest distance inside any prefix of m points is at least d_(m-1): every prefix keeps rho.
// Returns the darts in order, or nothing when cancelled.
std::optional<std::vector<Dart>> orderDarts(const std::vector<PoolTriangle>& triangles, const AliasTable& areas,
                                            double areaMm2, std::size_t count, std::uint32_t seed,
                                            const PoolProgress& progress, const glm::vec3& origin) {
    std::vector<Dart> darts;
    darts.reserve(count);
    PointGrid grid(origin, count);
    SplitMix64 rng(0x5eed0000ULL ^ (std::uint64_t(seed) << 32));
    // d_k^2 = scale / (k + 1), from r_max^2 = A / (2 sqrt(3) k).
    const double scale = 4.0 * kTargetRho * kTargetRho * areaMm2 / (2.0 * std::sqrt(3.0));
    grid.rebuild(float(std::sqrt(scale)));
    for (std::size_t k = 0; k < count; ++k) {
        if (k % kProgressInterval == 0) {
            if (progress.cancel && progress.cancel->load(std::memory_order_relaxed)) return std::nullopt;
            if (progress.onProgress) progress.onProgress(float(double(k) / double(count)));
        }
        float radius2 = float(scale / double(k + 1));
        // Finer cells once the radius halves keep a query at 2-3 cells per axis.
        if (4.0f * radius2 < grid.cellSize() * grid.cellSize()) grid.rebuild(std::sqrt(radius2));
        for (int misses = 1;; ++misses) {
            Dart dart = throwDart(rng, areas, triangles);
            if (placeDart(dart, radius2, grid, triangles)) {
                grid.insert(dart.position);
                darts.push_back(dart);
                break;
            }
            if (misses % kMissesBeforeRelaxing == 0) radius2 *= 0.9f;
        }
    }
    return darts;
}

}  // namespace

std::size_t CandidatePool::prefixSize(float densityPerCm2) const {
    if (!(densityPerCm2 > 0.0f) || params.maxDensityPerCm2 <= 0.0f) return 0;
    // The scatter's comparison with a scalp weight of 1 (Scatter.h).
    const auto active = [&](const Candidate& c) { return c.rank < densityPerCm2 / params.maxDensityPerCm2; };
    return std::size_t(std::partition_point(candidates.begin(), candidates.end(), active) - candidates.begin());
}

// [SECTION] Building the pool

std::optional<CandidatePool> buildCandidatePool(const HeadMesh& mesh, const PoolParams& params,
                                                const PoolProgress& progress) {
    CandidatePool pool;
    pool.params = params;
    if (mesh.scalpWeight.size() != mesh.positions.size()) {
        if (progress.onProgress) progress.onProgress(1.0f);
        return pool;
    }

    // Every triangle the scalp touches at all: the soft edge thins impressions later, through
    // the scalp weight each candidate carries.
    std::vector<PoolTriangle> triangles;
    std::vector<double> areas;
    for (std::size_t i = 0; i < mesh.triangles.size(); ++i) {
        const glm::uvec3& t = mesh.triangles[i];
        const float weight = std::max({mesh.scalpWeight[t.x], mesh.scalpWeight[t.y], mesh.scalpWeight[t.z]});
        const double area = double(triangleArea(mesh, i));
        if (!(weight > 0.0f) || !(area > 0.0)) continue;
        const glm::vec3& a = mesh.positions[t.x];
        triangles.push_back({std::uint32_t(i), a, mesh.positions[t.y] - a, mesh.positions[t.z] - a});
        areas.push_back(area);
        pool.areaMm2 += area;
    }
    const std::size_t count = std::size_t(std::llround(pool.areaMm2 / 100.0 * double(params.maxDensityPerCm2)));
    if (triangles.empty() || count == 0) {
        if (progress.onProgress) progress.onProgress(1.0f);
        return pool;
    }

    const Bounds bounds = computeBounds(mesh.positions);
    const glm::vec3 origin = bounds.min - glm::vec3(1.0f) - 0.01f * bounds.size();
    const AliasTable sampler(areas);
    std::optional<std::vector<Dart>> darts =
        orderDarts(triangles, sampler, pool.areaMm2, count, params.seed, progress, origin);
    if (!darts) return std::nullopt;

    pool.candidates.resize(count);
    const bool hasNormals = mesh.normals.size() == mesh.positions.size();
    for (std::size_t i = 0; i < count; ++i) {
        const Dart& dart = (*darts)[i];
        const PoolTriangle& tri = triangles[dart.poolTriangle];
        const glm::uvec3& t = mesh.triangles[tri.meshTriangle];
        const float b1 = dart.barycentric.x, b2 = dart.barycentric.y, b0 = 1.0f - b1 - b2;
        Candidate& c = pool.candidates[i];
        c.triangle = tri.meshTriangle;
        c.barycentric = dart.barycentric;
        c.position = dart.position;
        if (mesh.hasUvs()) c.uv = b0 * mesh.uvs[t.x] + b1 * mesh.uvs[t.y] + b2 * mesh.uvs[t.z];
        const glm::vec3 n = hasNormals ? b0 * mesh.normals[t.x] + b1 * mesh.normals[t.y] + b2 * mesh.normals[t.z]
                                       : glm::cross(tri.edge1, tri.edge2);
        const float length = glm::length(n);
        c.normal = length > 0.0f ? n / length : glm::vec3(0.0f, 1.0f, 0.0f);
        c.scalpWeight = std::clamp(b0 * mesh.scalpWeight[t.x] + b1 * mesh.scalpWeight[t.y] + b2 * mesh.scalpWeight[t.z],
                                   0.0f, 1.0f);
        // Below 1 even where float rounding of i / count would reach it.
        c.rank = std::min(float(double(i) / double(count)), 0x1.fffffep-1f);
    }
    if (progress.onProgress) progress.onProgress(1.0f);
    return pool;
}

}  // namespace stipple
