// [SECTION] Random numbers      a seeded generator, the same on every machine
// [SECTION] Area sampling       triangles picked in proportion to their 3D area (alias table)
// [SECTION] Neighbour grid      a hashed 3D grid that grows finer as the conflict radius shrinks
// [SECTION] Ordering            decreasing-radius dart throwing, darts pushed against their neighbours
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
// at about 0.70; pushing a dart out of the disc it hit and then against a second neighbour (see
// placeDart) sustains 0.72 at about 7 darts (19 neighbour queries) per point. 0.72 keeps a margin
// over the 0.70 the pattern needs.
constexpr double kTargetRho = 0.72;
// How often one dart may be moved out of discs it landed in before it is thrown away.
constexpr int kPushes = 2;
// How many triangle edges a pushed dart may cross on its way.
constexpr int kMaxHops = 2;
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

// Vose's alias method: O(1) per sample, built once in O(n). Sampling is split in two steps (the
// column, then the entry) so that a caller can prefetch the entry in between.
class AliasTable {
public:
    explicit AliasTable(const std::vector<double>& weights) : entries_(weights.size()) {
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
            entries_[s] = {scaled[s], l};
            scaled[l] -= 1.0 - scaled[s];
            if (scaled[l] < 1.0) {
                large.pop_back();
                small.push_back(l);
            }
        }
        // What is left is 1 up to rounding.
        for (std::uint32_t i : small) entries_[i] = {1.0, i};
        for (std::uint32_t i : large) entries_[i] = {1.0, i};
    }

    std::uint32_t column(std::uint64_t bits) const {
        return std::uint32_t(((bits & 0xffffffffULL) * entries_.size()) >> 32);
    }
    void prefetch(std::uint32_t column) const { __builtin_prefetch(&entries_[column]); }
    std::uint32_t sample(std::uint32_t column, std::uint64_t bits) const {
        const double coin = double(bits >> 32) * (1.0 / 4294967296.0);
        const Entry& e = entries_[column];
        return coin < e.probability ? column : e.alias;
    }

private:
    struct Entry {
        double probability = 1.0;
        std::uint32_t alias = 0;
    };
    std::vector<Entry> entries_;
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

    // Starts loading the slot of the cell p lies in (a hint only: it may have to probe further).
    void prefetch(const glm::vec3& p) const {
        const glm::ivec3 c = cellOf(p);
        const std::uint64_t column = (std::uint64_t(std::uint32_t(c.x)) << 32) | std::uint32_t(c.y);
        __builtin_prefetch(&slots_[(std::size_t((column * 0x9e3779b97f4a7c15ULL) >> 24) + std::size_t(c.z)) & mask_]);
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
    glm::vec3 unitNormal;
    float g11, g12, g22, inverseDet;      // Gram matrix of the edges, for barycentrics
    std::uint32_t neighbour[3];           // pool triangle across the edge opposite corner i
};

constexpr std::uint32_t kNoTriangle = ~std::uint32_t(0);

struct Dart {
    std::uint32_t poolTriangle;
    glm::vec2 barycentric;
    glm::vec3 position;
};

// Darts in the order the generator draws them: a triangle picked by area, a point uniform in it.
// Each dart is prepared a few darts ahead in stages (pick the alias column, look up the triangle,
// compute the point), each stage prefetching what the next one reads, so that the memory reads
// of one dart overlap the work on the darts before it. The darts are the same as drawn one by one.
class DartStream {
public:
    DartStream(std::uint64_t seed, const AliasTable& areas, const std::vector<PoolTriangle>& triangles,
               const PointGrid& grid)
        : rng_(seed), areas_(areas), triangles_(triangles), grid_(grid) {
        for (std::size_t i = 0; i < 3 * kStage; ++i) advance(i);
    }

    Dart next() {
        const Dart dart = ring_[head_ & kMask].dart;
        advance(head_ + 3 * kStage);
        ++head_;
        return dart;
    }

private:
    static constexpr std::size_t kStage = 4;
    static constexpr std::size_t kMask = 4 * kStage - 1;
    struct Pending {
        std::uint64_t pick, point;
        std::uint32_t column, triangle;
        Dart dart;
    };

    // Draws dart i, looks up the triangle of dart i - kStage and places dart i - 2 kStage.
    void advance(std::size_t i) {
        Pending& drawn = ring_[i & kMask];
        drawn.pick = rng_.next();
        drawn.point = rng_.next();
        drawn.column = areas_.column(drawn.pick);
        areas_.prefetch(drawn.column);
        if (i < kStage) return;
        Pending& picked = ring_[(i - kStage) & kMask];
        picked.triangle = areas_.sample(picked.column, picked.pick);
        __builtin_prefetch(&triangles_[picked.triangle]);
        if (i < 2 * kStage) return;
        Pending& placed = ring_[(i - 2 * kStage) & kMask];
        // Uniform over the triangle: the square root undoes the area growing towards the far edge.
        const float s = std::sqrt(unitFloat(std::uint32_t(placed.point)));
        const float r = unitFloat(std::uint32_t(placed.point >> 32));
        const glm::vec2 b(s * (1.0f - r), s * r);
        const PoolTriangle& tri = triangles_[placed.triangle];
        placed.dart = {placed.triangle, b, tri.corner + b.x * tri.edge1 + b.y * tri.edge2};
        grid_.prefetch(placed.dart.position);
    }

    SplitMix64 rng_;
    const AliasTable& areas_;
    const std::vector<PoolTriangle>& triangles_;
    const PointGrid& grid_;
    Pending ring_[kMask + 1] = {};
    std::size_t head_ = 0;
};

// Barycentrics (of the 2nd and 3rd corner) of p's orthogonal projection onto the triangle's plane.
glm::vec2 barycentricOf(const PoolTriangle& tri, const glm::vec3& p) {
    const glm::vec3 w = p - tri.corner;
    const float r1 = glm::dot(tri.edge1, w), r2 = glm::dot(tri.edge2, w);
    return {(r1 * tri.g22 - r2 * tri.g12) * tri.inverseDet, (tri.g11 * r2 - tri.g12 * r1) * tri.inverseDet};
}

// Moves the dart on the surface towards target (a point in or near the plane of the dart's
// triangle): where the straight path leaves the triangle it carries on in the neighbour across
// that edge, projected onto the neighbour's plane, for at most kMaxHops edges. False when the
// target lies beyond the scalp's border or too far away.
bool moveDart(Dart& dart, const glm::vec3& target, const std::vector<PoolTriangle>& triangles) {
    std::uint32_t t = dart.poolTriangle;
    glm::vec2 from = dart.barycentric;
    for (int hop = 0;; ++hop) {
        const PoolTriangle& tri = triangles[t];
        const glm::vec2 to = barycentricOf(tri, target);
        const float to0 = 1.0f - to.x - to.y;
        if (to.x >= 0.0f && to.y >= 0.0f && to0 >= 0.0f) {
            dart = {t, to, tri.corner + to.x * tri.edge1 + to.y * tri.edge2};
            return true;
        }
        if (hop == kMaxHops) return false;
        // The edge the path from -> to crosses first: the coordinate that reaches 0 first.
        const float f[3] = {std::max(1.0f - from.x - from.y, 0.0f), std::max(from.x, 0.0f), std::max(from.y, 0.0f)};
        const float g[3] = {to0, to.x, to.y};
        int edge = -1;
        float first = 2.0f;
        for (int i = 0; i < 3; ++i) {
            if (!(g[i] < 0.0f)) continue;
            const float s = f[i] / (f[i] - g[i]);
            if (s < first) first = s, edge = i;
        }
        if (edge < 0 || tri.neighbour[edge] == kNoTriangle) return false;
        const glm::vec2 crossing = from + first * (to - from);
        const glm::vec3 point = tri.corner + crossing.x * tri.edge1 + crossing.y * tri.edge2;
        t = tri.neighbour[edge];
        from = barycentricOf(triangles[t], point);
    }
}

// A dart that lands inside the disc of an earlier point q is pushed straight away from q, in its
// triangle's plane, to the edge of that disc; if it lands in the disc of another point q2 there,
// it is moved to where the edges of both discs cross (the crossing nearer the dart). Darts that
// barely miss then still count, and a point sits snugly against its neighbours, which packs
// tighter than landing anywhere at random. Returns false when the dart cannot be placed (it would
// leave the scalp, or still conflicts after kPushes moves).
bool placeDart(Dart& dart, float radius2, const PointGrid& grid, const std::vector<PoolTriangle>& triangles) {
    std::uint32_t previous = PointGrid::kNone;
    const float target2 = radius2 * 1.0004f;  // slightly over, so rounding cannot land it inside
    for (int push = 0;; ++push) {
        const std::uint32_t q = grid.anyWithin(dart.position, radius2);
        if (q == PointGrid::kNone) return true;
        if (push == kPushes) return false;
        const glm::vec3& n = triangles[dart.poolTriangle].unitNormal;
        glm::vec3 target;
        if (previous != PointGrid::kNone && previous != q) {
            // Both discs cut the plane in circles; take the crossing of the circles nearer the dart.
            const glm::vec3 qa = grid.position(previous), qb = grid.position(q);
            const float ha = glm::dot(qa - dart.position, n), hb = glm::dot(qb - dart.position, n);
            const glm::vec3 a = qa - ha * n, ab = (qb - hb * n) - a;
            const float ra2 = target2 - ha * ha, rb2 = target2 - hb * hb;
            const float l2 = glm::dot(ab, ab);
            if (!(l2 > 0.0f && ra2 > 0.0f && rb2 > 0.0f)) return false;
            const float along = 0.5f * (l2 + ra2 - rb2) / l2;  // of ab, from a
            const float h2 = ra2 - along * along * l2;
            if (!(h2 >= 0.0f)) return false;  // the circles do not meet
            const glm::vec3 middle = a + along * ab;
            const glm::vec3 side = glm::cross(n, ab) / std::sqrt(l2);
            target = middle + (glm::dot(dart.position - middle, side) >= 0.0f ? 1.0f : -1.0f) * std::sqrt(h2) * side;
        } else {
            // Solve |fromQ + t u| = radius along the in-plane direction u away from q.
            const glm::vec3 fromQ = dart.position - grid.position(q);
            const glm::vec3 along = fromQ - n * glm::dot(n, fromQ);
            const float length = glm::length(along);
            if (!(length > 0.0f)) return false;
            const glm::vec3 u = along / length;
            const float b = glm::dot(fromQ, u);
            const float c = glm::dot(fromQ, fromQ) - target2;
            target = dart.position + (-b + std::sqrt(std::max(b * b - c, 0.0f))) * u;
        }
        previous = q;
        if (!moveDart(dart, target, triangles)) return false;
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
    // d_k^2 = scale / (k + 1), from r_max^2 = A / (2 sqrt(3) k).
    const double scale = 4.0 * kTargetRho * kTargetRho * areaMm2 / (2.0 * std::sqrt(3.0));
    grid.rebuild(float(std::sqrt(scale)));
    DartStream stream(0x5eed0000ULL ^ (std::uint64_t(seed) << 32), areas, triangles, grid);
    for (std::size_t k = 0; k < count; ++k) {
        if (k % kProgressInterval == 0) {
            if (progress.cancel && progress.cancel->load(std::memory_order_relaxed)) return std::nullopt;
            if (progress.onProgress) progress.onProgress(float(double(k) / double(count)));
        }
        float radius2 = float(scale / double(k + 1));
        // Finer cells once the radius halves keep a query at 2-3 cells per axis.
        if (4.0f * radius2 < grid.cellSize() * grid.cellSize()) grid.rebuild(std::sqrt(radius2));
        for (int misses = 1;; ++misses) {
            Dart dart = stream.next();
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

// Finds each pool triangle's neighbours across its edges. Corners are matched by position, so
// that a UV seam (the same point twice, with two uvs) does not cut the surface.
void linkNeighbours(const HeadMesh& mesh, std::vector<PoolTriangle>& triangles) {
    const auto corners = [&](std::size_t pool) { return mesh.triangles[triangles[pool].meshTriangle]; };
    // Welded vertex ids: the first vertex at each position.
    std::vector<std::uint32_t> order(mesh.positions.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto less = [&](std::uint32_t a, std::uint32_t b) {
        const glm::vec3 &p = mesh.positions[a], &q = mesh.positions[b];
        if (p.x != q.x) return p.x < q.x;
        if (p.y != q.y) return p.y < q.y;
        if (p.z != q.z) return p.z < q.z;
        return a < b;
    };
    std::sort(order.begin(), order.end(), less);
    std::vector<std::uint32_t> weld(mesh.positions.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        weld[order[i]] = i > 0 && mesh.positions[order[i]] == mesh.positions[order[i - 1]] ? weld[order[i - 1]] : order[i];
    // Every edge as (smaller welded corner, larger welded corner, triangle, edge), sorted: the two
    // sides of an edge end up next to each other.
    struct HalfEdge {
        std::uint32_t lo, hi, triangle, edge;
    };
    std::vector<HalfEdge> edges;
    edges.reserve(3 * triangles.size());
    for (std::uint32_t t = 0; t < triangles.size(); ++t) {
        const glm::uvec3 c = corners(t);
        const std::uint32_t v[3] = {weld[c.x], weld[c.y], weld[c.z]};
        for (std::uint32_t e = 0; e < 3; ++e) {
            triangles[t].neighbour[e] = kNoTriangle;
            const std::uint32_t a = v[(e + 1) % 3], b = v[(e + 2) % 3];  // the edge opposite corner e
            edges.push_back({std::min(a, b), std::max(a, b), t, e});
        }
    }
    std::sort(edges.begin(), edges.end(), [](const HalfEdge& a, const HalfEdge& b) {
        return a.lo != b.lo ? a.lo < b.lo : a.hi != b.hi ? a.hi < b.hi : a.triangle < b.triangle;
    });
    for (std::size_t i = 0; i < edges.size();) {
        std::size_t j = i + 1;
        while (j < edges.size() && edges[j].lo == edges[i].lo && edges[j].hi == edges[i].hi) ++j;
        if (j == i + 2) {  // a manifold edge; a border or a non-manifold edge stops darts
            triangles[edges[i].triangle].neighbour[edges[i].edge] = edges[i + 1].triangle;
            triangles[edges[i + 1].triangle].neighbour[edges[i + 1].edge] = edges[i].triangle;
        }
        i = j;
    }
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
        PoolTriangle tri{};
        tri.meshTriangle = std::uint32_t(i);
        tri.corner = a;
        tri.edge1 = mesh.positions[t.y] - a;
        tri.edge2 = mesh.positions[t.z] - a;
        tri.unitNormal = glm::normalize(glm::cross(tri.edge1, tri.edge2));
        tri.g11 = glm::dot(tri.edge1, tri.edge1);
        tri.g12 = glm::dot(tri.edge1, tri.edge2);
        tri.g22 = glm::dot(tri.edge2, tri.edge2);
        tri.inverseDet = 1.0f / (tri.g11 * tri.g22 - tri.g12 * tri.g12);
        triangles.push_back(tri);
        areas.push_back(area);
        pool.areaMm2 += area;
    }
    const std::size_t count = std::size_t(std::llround(pool.areaMm2 / 100.0 * double(params.maxDensityPerCm2)));
    if (triangles.empty() || count == 0) {
        if (progress.onProgress) progress.onProgress(1.0f);
        return pool;
    }

    linkNeighbours(mesh, triangles);

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
