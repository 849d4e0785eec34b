// make_default_head: builds Stipple's default head from MakeHuman's base body as Debian ships it
// (assimp-testmodels, Collada/human.zae) and writes head.glb and head.head.json.
//
//   make_default_head <human.zae> <output folder>
//
// [SECTION] Source: read the body, weld its corners, scale to millimetres
// [SECTION] Cut: keep the head above the upper neck, with a flat cut
// [SECTION] Symmetry: make the head exactly mirror-symmetric about x = 0
// [SECTION] Loop subdivision, UVs carried linearly so seams stay seams
// [SECTION] Landmarks: glabella and vertex from the profile, canthi and ear canals from the ears and eyes
// [SECTION] UV layout: one seamless scalp chart, the rest packed beside it
// [SECTION] Export, re-import, sidecar
#include "core/Error.h"
#include "core/HeadMesh.h"
#include "core/ScalpRegion.h"
#include "io/HeadMetadata.h"
#include "io/MeshLoader.h"

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/scene.h>

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace stipple {
namespace {

// The head is scaled so that vertex to menton (chin) is 230 mm, the middle of the adult range
// (22-24 cm); MakeHuman's default body (1.66 m) has a slightly small head.
constexpr float kVertexToMentonMm = 230.0f;
// The cut runs along the neck's edge loop about 4 cm below the chin (file units: metres).
constexpr float kNeckCutY = 1.40f;
// The scalp gets the texture's left 80 %; the rest of the head is packed in the strip beside it.
constexpr float kScalpShare = 0.80f;
constexpr float kUvPadding = 4.0f / 2048.0f;  // gutter between islands at a 2k texture

// Triangles with a position index and a UV index per corner: UV seams are where two
// triangles share positions but not UVs.
struct Surface {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec2> uvs;
    std::vector<glm::uvec3> triangles;
    std::vector<glm::uvec3> uvTriangles;
    std::vector<std::uint32_t> ancestor;  // triangle of the unsubdivided surface it came from
};

std::uint64_t edgeKey(unsigned a, unsigned b) {
    return (std::uint64_t(std::min(a, b)) << 32) | std::max(a, b);
}

// [SECTION] Source

Surface readBody(const std::string& file) {
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile(file, 0);  // no joining: corners are welded below
    if (!scene) throw InputError(file + ": " + importer.GetErrorString());
    const aiMesh* body = nullptr;
    for (unsigned i = 0; i < scene->mNumMeshes; ++i)
        if (!body || scene->mMeshes[i]->mNumVertices > body->mNumVertices) body = scene->mMeshes[i];
    if (!body || !body->HasTextureCoords(0)) throw InputError(file + ": no textured body mesh");

    Surface surface;
    std::map<std::array<float, 3>, unsigned> positionIndex;
    std::map<std::array<float, 2>, unsigned> uvIndex;
    auto weld = [](auto& index, auto& values, auto key, auto value) {
        const auto [it, inserted] = index.emplace(key, unsigned(values.size()));
        if (inserted) values.push_back(value);
        return it->second;
    };
    for (unsigned f = 0; f < body->mNumFaces; ++f) {
        const aiFace& face = body->mFaces[f];
        if (face.mNumIndices < 3) continue;
        bool inHead = true;
        for (unsigned k = 0; k < face.mNumIndices; ++k) inHead = inHead && body->mVertices[face.mIndices[k]].y >= kNeckCutY;
        if (!inHead) continue;
        std::vector<unsigned> corners, cornerUvs;
        for (unsigned k = 0; k < face.mNumIndices; ++k) {
            const aiVector3D& p = body->mVertices[face.mIndices[k]];
            const aiVector3D& t = body->mTextureCoords[0][face.mIndices[k]];
            corners.push_back(weld(positionIndex, surface.positions, std::array<float, 3>{p.x, p.y, p.z},
                                   glm::vec3(p.x, p.y, p.z)));
            cornerUvs.push_back(weld(uvIndex, surface.uvs, std::array<float, 2>{t.x, t.y}, glm::vec2(t.x, t.y)));
        }
        // Quads split along their shorter diagonal, which mirrored quads share.
        std::size_t start = 0;
        if (corners.size() == 4 && glm::length(surface.positions[corners[1]] - surface.positions[corners[3]]) <
                                       glm::length(surface.positions[corners[0]] - surface.positions[corners[2]]))
            start = 1;
        for (std::size_t k = 1; k + 1 < corners.size(); ++k) {
            const std::size_t a = start, b = (start + k) % corners.size(), c = (start + k + 1) % corners.size();
            surface.triangles.emplace_back(corners[a], corners[b], corners[c]);
            surface.uvTriangles.emplace_back(cornerUvs[a], cornerUvs[b], cornerUvs[c]);
        }
    }
    surface.ancestor.resize(surface.triangles.size());
    std::iota(surface.ancestor.begin(), surface.ancestor.end(), 0u);
    return surface;
}

// [SECTION] Cut

// The neck's boundary loop lies within a few mm of a horizontal plane: put it exactly on one.
void flattenCut(Surface& surface) {
    std::unordered_map<std::uint64_t, int> edgeUse;
    for (const glm::uvec3& t : surface.triangles)
        for (int k = 0; k < 3; ++k) ++edgeUse[edgeKey(t[k], t[(k + 1) % 3])];
    std::vector<unsigned> boundary;
    for (const auto& [key, uses] : edgeUse)
        if (uses == 1) {
            boundary.push_back(unsigned(key >> 32));
            boundary.push_back(unsigned(key & 0xffffffffu));
        }
    float sum = 0.0f;
    for (unsigned v : boundary) sum += surface.positions[v].y;
    const float cutY = sum / float(boundary.size());
    for (unsigned v : boundary) surface.positions[v].y = cutY;
}

// [SECTION] Symmetry

// MakeHuman's base mesh is symmetric to about a micrometre; pairing each vertex with its mirror
// and averaging makes it exact, so that mirrored landmarks and weights come out equal.
void symmetrise(Surface& surface) {
    const std::size_t n = surface.positions.size();
    std::vector<glm::vec3> result(surface.positions);
    float worst = 0.0f;
    for (std::size_t i = 0; i < n; ++i) {
        const glm::vec3 mirrored = surface.positions[i] * glm::vec3(-1.0f, 1.0f, 1.0f);
        std::size_t partner = i;
        float best = std::numeric_limits<float>::max();
        for (std::size_t j = 0; j < n; ++j) {
            const float d = glm::length(surface.positions[j] - mirrored);
            if (d < best) {
                best = d;
                partner = j;
            }
        }
        if (best > 1.0f) throw std::runtime_error("vertex " + std::to_string(i) + " has no mirror partner");
        worst = std::max(worst, best);
        result[i] = 0.5f * (surface.positions[i] + surface.positions[partner] * glm::vec3(-1.0f, 1.0f, 1.0f));
        if (partner == i) result[i].x = 0.0f;
    }
    surface.positions = result;
    std::printf("symmetry: largest mirror mismatch %.4f mm, made exact\n", double(worst));
}

// [SECTION] Loop subdivision

// One step of Loop subdivision (Loop 1987) with the boundary rules (the neck cut stays a flat
// curve). UVs are split at edge midpoints, keyed by UV indices, so a seam stays a seam.
Surface loopSubdivide(const Surface& in) {
    struct Edge {
        unsigned opposite[2] = {0, 0};
        int uses = 0;
        unsigned midpoint = 0;
    };
    std::unordered_map<std::uint64_t, Edge> edges;
    for (const glm::uvec3& t : in.triangles)
        for (int k = 0; k < 3; ++k) {
            Edge& e = edges[edgeKey(t[k], t[(k + 1) % 3])];
            if (e.uses < 2) e.opposite[e.uses] = t[(k + 2) % 3];
            ++e.uses;
        }
    const std::size_t n = in.positions.size();
    std::vector<std::vector<unsigned>> neighbours(n), boundaryNeighbours(n);
    for (const auto& [key, e] : edges) {
        const unsigned a = unsigned(key >> 32), b = unsigned(key & 0xffffffffu);
        neighbours[a].push_back(b);
        neighbours[b].push_back(a);
        if (e.uses == 1) {
            boundaryNeighbours[a].push_back(b);
            boundaryNeighbours[b].push_back(a);
        }
    }
    Surface out;
    out.positions.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        const glm::vec3& p = in.positions[v];
        if (!boundaryNeighbours[v].empty()) {
            glm::vec3 sum(0.0f);
            for (unsigned b : boundaryNeighbours[v]) sum += in.positions[b];
            out.positions[v] = boundaryNeighbours[v].size() == 2 ? 0.75f * p + 0.125f * sum : p;
            continue;
        }
        const float valence = float(neighbours[v].size());
        const float beta = neighbours[v].size() == 3 ? 3.0f / 16.0f : 3.0f / (8.0f * valence);
        glm::vec3 sum(0.0f);
        for (unsigned b : neighbours[v]) sum += in.positions[b];
        out.positions[v] = (1.0f - valence * beta) * p + beta * sum;
    }
    for (auto& [key, e] : edges) {
        const glm::vec3& a = in.positions[key >> 32];
        const glm::vec3& b = in.positions[key & 0xffffffffu];
        e.midpoint = unsigned(out.positions.size());
        out.positions.push_back(e.uses == 2 ? 0.375f * (a + b) + 0.125f * (in.positions[e.opposite[0]] + in.positions[e.opposite[1]])
                                            : 0.5f * (a + b));
    }
    out.uvs = in.uvs;
    std::unordered_map<std::uint64_t, unsigned> uvMidpoints;
    auto uvMidpoint = [&](unsigned a, unsigned b) {
        const auto [it, inserted] = uvMidpoints.emplace(edgeKey(a, b), unsigned(out.uvs.size()));
        if (inserted) out.uvs.push_back(0.5f * (in.uvs[a] + in.uvs[b]));
        return it->second;
    };
    for (std::size_t i = 0; i < in.triangles.size(); ++i) {
        const glm::uvec3& t = in.triangles[i];
        const glm::uvec3& u = in.uvTriangles[i];
        const unsigned ab = edges[edgeKey(t.x, t.y)].midpoint, bc = edges[edgeKey(t.y, t.z)].midpoint,
                       ca = edges[edgeKey(t.z, t.x)].midpoint;
        const unsigned uab = uvMidpoint(u.x, u.y), ubc = uvMidpoint(u.y, u.z), uca = uvMidpoint(u.z, u.x);
        out.triangles.insert(out.triangles.end(), {{t.x, ab, ca}, {ab, t.y, bc}, {ca, bc, t.z}, {ab, bc, ca}});
        out.uvTriangles.insert(out.uvTriangles.end(), {{u.x, uab, uca}, {uab, u.y, ubc}, {uca, ubc, u.z}, {uab, ubc, uca}});
        out.ancestor.insert(out.ancestor.end(), 4, in.ancestor[i]);
    }
    return out;
}

// The surface as Stipple holds it: one vertex per (position, UV) pair, smooth normals shared
// across UV seams.
HeadMesh toHeadMesh(const Surface& surface) {
    HeadMesh welded;
    welded.positions = surface.positions;
    welded.triangles = surface.triangles;
    computeNormals(welded);
    HeadMesh mesh;
    std::unordered_map<std::uint64_t, unsigned> vertexOf;
    for (std::size_t i = 0; i < surface.triangles.size(); ++i) {
        glm::uvec3 triangle;
        for (int k = 0; k < 3; ++k) {
            const unsigned p = surface.triangles[i][k], u = surface.uvTriangles[i][k];
            const auto [it, inserted] = vertexOf.emplace((std::uint64_t(p) << 32) | u, unsigned(mesh.positions.size()));
            if (inserted) {
                mesh.positions.push_back(surface.positions[p]);
                mesh.normals.push_back(welded.normals[p]);
                mesh.uvs.push_back(surface.uvs[u]);
            }
            triangle[k] = it->second;
        }
        mesh.triangles.push_back(triangle);
    }
    return mesh;
}

// [SECTION] Landmarks

// Connected groups of triangles that share UV indices: the source's UV islands.
std::vector<unsigned> uvIslands(const std::vector<glm::uvec3>& uvTriangles, std::size_t uvCount, unsigned& islandCount) {
    std::vector<unsigned> parent(uvCount);
    std::iota(parent.begin(), parent.end(), 0u);
    std::function<unsigned(unsigned)> find = [&](unsigned x) { return parent[x] == x ? x : parent[x] = find(parent[x]); };
    for (const glm::uvec3& t : uvTriangles) {
        parent[find(t.y)] = find(t.x);
        parent[find(t.z)] = find(t.x);
    }
    std::map<unsigned, unsigned> number;
    std::vector<unsigned> island(uvTriangles.size());
    for (std::size_t i = 0; i < uvTriangles.size(); ++i)
        island[i] = number.emplace(find(uvTriangles[i].x), unsigned(number.size())).first->second;
    islandCount = unsigned(number.size());
    return island;
}

// Outer eye corner: MakeHuman closes each eye with an eyeball cap that is a UV island of its
// own, lying wholly on one side; the canthus is where the cap's rim meets the lids furthest out.
glm::vec3 lateralCanthus(const Surface& surface, const std::vector<unsigned>& island, unsigned islandCount, float side) {
    std::vector<float> minX(islandCount, std::numeric_limits<float>::max()), maxX(islandCount, std::numeric_limits<float>::lowest());
    for (std::size_t i = 0; i < surface.triangles.size(); ++i)
        for (int k = 0; k < 3; ++k) {
            minX[island[i]] = std::min(minX[island[i]], surface.positions[surface.triangles[i][k]].x * side);
            maxX[island[i]] = std::max(maxX[island[i]], surface.positions[surface.triangles[i][k]].x * side);
        }
    std::vector<int> touchesEye(surface.positions.size(), 0), touchesRest(surface.positions.size(), 0);
    for (std::size_t i = 0; i < surface.triangles.size(); ++i)
        for (int k = 0; k < 3; ++k)
            ++(minX[island[i]] > 0.0f ? touchesEye : touchesRest)[surface.triangles[i][k]];
    glm::vec3 best(0.0f);
    for (std::size_t v = 0; v < surface.positions.size(); ++v)
        if (touchesEye[v] && touchesRest[v] && surface.positions[v].x * side > best.x * side) best = surface.positions[v];
    if (best.x * side <= 0.0f) throw std::runtime_error("no eyeball cap found on one side");
    return best;
}

// Ear canal: the centre of the concha at the skin. Seen from the side, the ear is the skin that
// stands out furthest; the concha is the deepest bowl of that side view near the ear's middle.
glm::vec3 earCanal(const HeadMesh& mesh, const Landmarks& around, float side) {
    const glm::vec3 guess = side > 0.0f ? around.earCanalLeft : around.earCanalRight;
    constexpr float kCell = 2.0f;
    constexpr float kReach = 14.0f;
    std::map<std::pair<int, int>, glm::vec3> outermost;  // side view height map over (y, z)
    for (const glm::vec3& p : mesh.positions) {
        if (p.x * side < 0.5f * guess.x * side) continue;
        if (std::abs(p.y - guess.y) > kReach || std::abs(p.z - guess.z) > kReach) continue;
        const std::pair<int, int> cell(int(std::floor(p.y / kCell)), int(std::floor(p.z / kCell)));
        const auto [it, inserted] = outermost.emplace(cell, p);
        if (!inserted && p.x * side > it->second.x * side) it->second = p;
    }
    glm::vec3 deepest = guess;
    for (const auto& [cell, p] : outermost)
        if (glm::length(glm::vec2(p.y - guess.y, p.z - guess.z)) < kReach - kCell && p.x * side < deepest.x * side) deepest = p;
    return deepest;
}

std::size_t nearestVertex(const std::vector<glm::vec3>& positions, const glm::vec3& target) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < positions.size(); ++i)
        if (glm::length(positions[i] - target) < glm::length(positions[best] - target)) best = i;
    return best;
}

// [SECTION] UV layout

// The scalp chart: coarse triangles any of whose subdivided descendants touches the scalp, grown
// by one ring so the soft edge lies well inside it.
std::vector<bool> scalpChart(const Surface& coarse, const Surface& fine, const std::vector<float>& fineWeight) {
    std::vector<bool> chart(coarse.triangles.size(), false);
    for (std::size_t i = 0; i < fine.triangles.size(); ++i)
        for (int k = 0; k < 3; ++k)
            if (fineWeight[fine.triangles[i][k]] > 0.0f) chart[fine.ancestor[i]] = true;
    std::vector<bool> nearChart(coarse.positions.size(), false);
    for (std::size_t i = 0; i < coarse.triangles.size(); ++i)
        if (chart[i])
            for (int k = 0; k < 3; ++k) nearChart[coarse.triangles[i][k]] = true;
    for (std::size_t i = 0; i < coarse.triangles.size(); ++i)
        for (int k = 0; k < 3; ++k) chart[i] = chart[i] || nearChart[coarse.triangles[i][k]];
    return chart;
}

// Floater's mean-value parameterisation (2003) of a disk-shaped chart onto a rectangle: always
// one-to-one for a convex boundary, with no UV seam anywhere inside the scalp.
std::map<unsigned, glm::vec2> parameteriseChart(const Surface& surface, const std::vector<bool>& chart, glm::vec2 low, glm::vec2 high) {
    // Boundary: directed edges used once, followed in the triangles' (outward, CCW) order.
    std::unordered_map<std::uint64_t, int> edgeUse;
    for (std::size_t i = 0; i < surface.triangles.size(); ++i)
        if (chart[i])
            for (int k = 0; k < 3; ++k) ++edgeUse[edgeKey(surface.triangles[i][k], surface.triangles[i][(k + 1) % 3])];
    std::map<unsigned, unsigned> next;
    for (std::size_t i = 0; i < surface.triangles.size(); ++i)
        if (chart[i])
            for (int k = 0; k < 3; ++k) {
                const unsigned a = surface.triangles[i][k], b = surface.triangles[i][(k + 1) % 3];
                if (edgeUse[edgeKey(a, b)] == 1) next[a] = b;
            }
    std::vector<unsigned> loop{next.begin()->first};
    while (next.at(loop.back()) != loop.front()) loop.push_back(next.at(loop.back()));
    if (loop.size() != next.size())
        throw std::runtime_error("the scalp chart is not a disk (" + std::to_string(next.size() - loop.size()) +
                                 " boundary vertices off its outer loop)");

    // Corners at 45 degrees off the face and back, seen from above; u follows +x, v runs from
    // the face (v = low) to the back, which keeps the chart's triangles counter-clockwise.
    glm::vec3 centre(0.0f);
    for (unsigned v : loop) centre += surface.positions[v];
    centre /= float(loop.size());
    const std::array<float, 4> cornerAzimuth = {-45.0f, 45.0f, 135.0f, -135.0f};
    const std::array<glm::vec2, 4> cornerUv = {low, glm::vec2(high.x, low.y), high, glm::vec2(low.x, high.y)};
    std::array<std::size_t, 4> cornerAt{};
    for (int c = 0; c < 4; ++c) {
        float best = std::numeric_limits<float>::max();
        for (std::size_t i = 0; i < loop.size(); ++i) {
            const glm::vec3 d = surface.positions[loop[i]] - centre;
            const float azimuth = std::atan2(d.x, d.z) * 180.0f / 3.14159265f;
            const float off = std::abs(std::remainder(azimuth - cornerAzimuth[c], 360.0f));
            if (off < best) {
                best = off;
                cornerAt[c] = i;
            }
        }
    }
    std::rotate(loop.begin(), loop.begin() + std::ptrdiff_t(cornerAt[0]), loop.end());
    for (int c = 3; c >= 0; --c) cornerAt[c] = (cornerAt[c] + loop.size() - cornerAt[0]) % loop.size();
    if (!(cornerAt[1] < cornerAt[2] && cornerAt[2] < cornerAt[3]))
        throw std::runtime_error("the scalp chart's boundary does not run counter-clockwise around the head");
    std::map<unsigned, glm::vec2> uv;
    for (int c = 0; c < 4; ++c) {
        const std::size_t from = cornerAt[c], to = c == 3 ? loop.size() : cornerAt[c + 1];
        std::vector<float> along{0.0f};
        for (std::size_t i = from; i < to; ++i)
            along.push_back(along.back() + glm::length(surface.positions[loop[(i + 1) % loop.size()]] - surface.positions[loop[i]]));
        for (std::size_t i = from; i < to; ++i)
            uv[loop[i]] = glm::mix(cornerUv[c], cornerUv[(c + 1) % 4], along[i - from] / along.back());
    }

    // Mean-value weights: tan(half the angle at v) / edge length, for both triangles of an edge.
    std::map<unsigned, std::map<unsigned, float>> weights;
    for (std::size_t i = 0; i < surface.triangles.size(); ++i) {
        if (!chart[i]) continue;
        for (int k = 0; k < 3; ++k) {
            const unsigned v = surface.triangles[i][k], a = surface.triangles[i][(k + 1) % 3], b = surface.triangles[i][(k + 2) % 3];
            const glm::vec3 ea = surface.positions[a] - surface.positions[v], eb = surface.positions[b] - surface.positions[v];
            const float halfAngle = 0.5f * std::acos(std::clamp(glm::dot(glm::normalize(ea), glm::normalize(eb)), -1.0f, 1.0f));
            weights[v][a] += std::tan(halfAngle) / glm::length(ea);
            weights[v][b] += std::tan(halfAngle) / glm::length(eb);
        }
    }
    std::vector<unsigned> interior;
    for (const auto& [v, w] : weights)
        if (!uv.count(v)) {
            interior.push_back(v);
            uv[v] = 0.5f * (low + high);
        }
    // Successive over-relaxation until nothing moves by more than a thousandth of a texel.
    for (int iteration = 0; iteration < 20000; ++iteration) {
        float largestStep = 0.0f;
        for (unsigned v : interior) {
            glm::vec2 sum(0.0f);
            float total = 0.0f;
            for (const auto& [neighbour, w] : weights[v]) {
                sum += w * uv[neighbour];
                total += w;
            }
            const glm::vec2 step = sum / total - uv[v];
            uv[v] += 1.8f * step;
            largestStep = std::max(largestStep, std::max(std::abs(step.x), std::abs(step.y)));
        }
        if (largestStep < 1e-7f) break;
    }
    return uv;
}

struct Box {
    glm::vec2 min{std::numeric_limits<float>::max()};
    glm::vec2 max{std::numeric_limits<float>::lowest()};
    glm::vec2 size() const { return max - min; }
};

struct Placement {
    glm::vec2 offset{0.0f};
    bool rotated = false;  // a quarter turn, so tall islands fit the narrow strip
};

// Shelf packing into columns of the strip [x0, 1] x [0, 1]; false if `scale` does not fit.
bool packColumns(const std::vector<Box>& boxes, float scale, float x0, std::vector<Placement>& placements) {
    std::vector<std::size_t> order(boxes.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    auto extent = [&](std::size_t i) {
        const glm::vec2 s = boxes[i].size() * scale;
        return s.x > s.y ? glm::vec2(s.y, s.x) : s;
    };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return extent(a).x > extent(b).x; });
    placements.assign(boxes.size(), {});
    float columnX = x0 + kUvPadding, columnWidth = 0.0f, y = kUvPadding;
    for (std::size_t i : order) {
        const glm::vec2 e = extent(i);
        if (y + e.y > 1.0f - kUvPadding) {
            columnX += columnWidth + kUvPadding;
            columnWidth = 0.0f;
            y = kUvPadding;
        }
        if (columnX + e.x > 1.0f - kUvPadding || y + e.y > 1.0f - kUvPadding) return false;
        placements[i] = {glm::vec2(columnX, y), boxes[i].size().x > boxes[i].size().y};
        columnWidth = std::max(columnWidth, e.x);
        y += e.y + kUvPadding;
    }
    return true;
}

// New UVs for the coarse surface: the scalp chart fills [0, kScalpShare] x [0, 1]; every other
// source island keeps its own shape, scaled alike and packed into the strip on the right.
void layOutUvs(Surface& coarse, const std::vector<bool>& chart) {
    const float pad = kUvPadding;
    const std::map<unsigned, glm::vec2> chartUv =
        parameteriseChart(coarse, chart, glm::vec2(pad), glm::vec2(kScalpShare - pad, 1.0f - pad));

    std::vector<glm::uvec3> restTriangles;
    for (std::size_t i = 0; i < coarse.triangles.size(); ++i)
        if (!chart[i]) restTriangles.push_back(coarse.uvTriangles[i]);
    unsigned islandCount = 0;
    const std::vector<unsigned> island = uvIslands(restTriangles, coarse.uvs.size(), islandCount);
    std::vector<Box> boxes(islandCount);
    for (std::size_t i = 0; i < restTriangles.size(); ++i)
        for (int k = 0; k < 3; ++k) {
            boxes[island[i]].min = glm::min(boxes[island[i]].min, coarse.uvs[restTriangles[i][k]]);
            boxes[island[i]].max = glm::max(boxes[island[i]].max, coarse.uvs[restTriangles[i][k]]);
        }
    float fits = 0.0f, fails = 4.0f;
    std::vector<Placement> placements;
    for (int step = 0; step < 40; ++step) {
        const float scale = 0.5f * (fits + fails);
        (packColumns(boxes, scale, kScalpShare, placements) ? fits : fails) = scale;
    }
    packColumns(boxes, fits, kScalpShare, placements);
    std::printf("uv: scalp chart %.0f %% of the texture, %u other islands packed at %.2f x their source size\n",
                double(kScalpShare * 100.0f), islandCount, double(fits));

    std::vector<glm::vec2> uvs;
    std::map<unsigned, unsigned> chartIndex, restIndex;
    std::size_t rest = 0;
    for (std::size_t i = 0; i < coarse.triangles.size(); ++i) {
        glm::uvec3& u = coarse.uvTriangles[i];
        for (int k = 0; k < 3; ++k) {
            if (chart[i]) {
                const unsigned p = coarse.triangles[i][k];
                const auto [it, inserted] = chartIndex.emplace(p, unsigned(uvs.size()));
                if (inserted) uvs.push_back(chartUv.at(p));
                u[k] = it->second;
            } else {
                const Box& box = boxes[island[rest]];
                const Placement& place = placements[island[rest]];
                const auto [it, inserted] = restIndex.emplace(u[k], unsigned(uvs.size()));
                if (inserted) {
                    const glm::vec2 local = (coarse.uvs[u[k]] - box.min) * fits;
                    // A quarter turn counter-clockwise keeps the island's winding.
                    uvs.push_back(place.offset + (place.rotated ? glm::vec2(box.size().y * fits - local.y, local.x) : local));
                }
                u[k] = it->second;
            }
        }
        if (!chart[i]) ++rest;
    }
    coarse.uvs = uvs;
}

// [SECTION] Export

void exportGlb(const HeadMesh& mesh, const std::filesystem::path& path) {
    aiScene scene;
    scene.mRootNode = new aiNode("head");
    scene.mRootNode->mNumMeshes = 1;
    scene.mRootNode->mMeshes = new unsigned[1]{0};
    scene.mNumMaterials = 1;
    scene.mMaterials = new aiMaterial*[1]{new aiMaterial()};
    const aiString materialName("skin");
    scene.mMaterials[0]->AddProperty(&materialName, AI_MATKEY_NAME);
    scene.mNumMeshes = 1;
    scene.mMeshes = new aiMesh*[1]{new aiMesh()};
    aiMesh& out = *scene.mMeshes[0];
    out.mName = "head";
    out.mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    out.mMaterialIndex = 0;
    out.mNumVertices = unsigned(mesh.vertexCount());
    out.mVertices = new aiVector3D[out.mNumVertices];
    out.mNormals = new aiVector3D[out.mNumVertices];
    out.mTextureCoords[0] = new aiVector3D[out.mNumVertices];
    out.mNumUVComponents[0] = 2;
    for (unsigned v = 0; v < out.mNumVertices; ++v) {
        out.mVertices[v] = aiVector3D(mesh.positions[v].x, mesh.positions[v].y, mesh.positions[v].z);
        out.mNormals[v] = aiVector3D(mesh.normals[v].x, mesh.normals[v].y, mesh.normals[v].z);
        out.mTextureCoords[0][v] = aiVector3D(mesh.uvs[v].x, mesh.uvs[v].y, 0.0f);
    }
    out.mNumFaces = unsigned(mesh.triangleCount());
    out.mFaces = new aiFace[out.mNumFaces];
    for (unsigned f = 0; f < out.mNumFaces; ++f) {
        out.mFaces[f].mNumIndices = 3;
        out.mFaces[f].mIndices = new unsigned[3]{mesh.triangles[f].x, mesh.triangles[f].y, mesh.triangles[f].z};
    }
    Assimp::Exporter exporter;
    if (exporter.Export(&scene, "glb2", path.string()) != AI_SUCCESS)
        throw std::runtime_error(path.string() + ": " + exporter.GetErrorString());
}

void run(const std::string& source, const std::filesystem::path& folder) {
    Surface coarse = readBody(source);
    // Metres to millimetres, with the head scaled to the adult vertex-to-menton length.
    // Menton: the lowest midline point of the chin, the front-most fifth of the head.
    float top = std::numeric_limits<float>::lowest(), front = std::numeric_limits<float>::lowest();
    for (const glm::vec3& p : coarse.positions) {
        top = std::max(top, p.y);
        front = std::max(front, p.z);
    }
    float menton = top;
    for (const glm::vec3& p : coarse.positions)
        if (std::abs(p.x) < 1e-4f && p.z > front - 0.06f) menton = std::min(menton, p.y);
    const float scale = kVertexToMentonMm / (top - menton);
    for (glm::vec3& p : coarse.positions) p *= scale;
    std::printf("source: vertex to menton %.1f mm as modelled, scaled by %.4f to %.0f mm (%.1f mm per file unit)\n",
                double((top - menton) * 1000.0f), double(scale / 1000.0f), double(kVertexToMentonMm), double(scale));
    flattenCut(coarse);
    symmetrise(coarse);
    std::printf("coarse head: %zu vertices, %zu triangles\n", coarse.positions.size(), coarse.triangles.size());

    unsigned islandCount = 0;
    const std::vector<unsigned> sourceIsland = uvIslands(coarse.uvTriangles, coarse.uvs.size(), islandCount);
    Surface fine = loopSubdivide(loopSubdivide(coarse));
    HeadMesh welded;
    welded.positions = fine.positions;
    welded.triangles = fine.triangles;

    Landmarks landmarks = estimateLandmarks(welded);
    for (float side : {1.0f, -1.0f}) {
        const glm::vec3 canthus = lateralCanthus(coarse, sourceIsland, islandCount, side);
        (side > 0.0f ? landmarks.lateralCanthusLeft : landmarks.lateralCanthusRight) =
            welded.positions[nearestVertex(welded.positions, canthus)];
        (side > 0.0f ? landmarks.earCanalLeft : landmarks.earCanalRight) = earCanal(welded, landmarks, side);
    }
    landmarks.estimated = false;
    // The origin goes midway between the ear canals (x = 0 stays the mid-sagittal plane), so the
    // head turns about its own middle rather than about the body's feet.
    const glm::vec3 origin(0.0f, 0.5f * (landmarks.earCanalLeft.y + landmarks.earCanalRight.y),
                           0.5f * (landmarks.earCanalLeft.z + landmarks.earCanalRight.z));
    for (std::vector<glm::vec3>* positions : {&coarse.positions, &fine.positions, &welded.positions})
        for (glm::vec3& p : *positions) p -= origin;
    for (glm::vec3* p : {&landmarks.glabella, &landmarks.lateralCanthusLeft, &landmarks.lateralCanthusRight,
                         &landmarks.earCanalLeft, &landmarks.earCanalRight, &landmarks.vertex})
        *p -= origin;
    const std::vector<float> fineWeight = estimateScalpRegion(welded, landmarks);

    layOutUvs(coarse, scalpChart(coarse, fine, fineWeight));
    HeadMesh head = toHeadMesh(loopSubdivide(loopSubdivide(coarse)));
    head.landmarks = landmarks;

    std::filesystem::create_directories(folder);
    const std::filesystem::path glb = folder / "head.glb";
    const std::filesystem::path sidecar = headMetadataPathFor(glb);
    std::filesystem::remove(sidecar);  // a stale sidecar would not match the new mesh
    exportGlb(head, glb);
    // Whatever order the glTF round trip leaves the vertices in, the sidecar follows it.
    LoadReport report;
    HeadMesh loaded = loadHeadMesh(glb, {}, &report);
    loaded.landmarks = landmarks;
    loaded.scalpWeight = estimateScalpRegion(loaded, landmarks);
    writeHeadMetadata(sidecar, loaded);
    const HeadMesh check = loadHeadMesh(glb, {}, &report);
    if (!report.metadataFound || check.vertexCount() != loaded.vertexCount())
        throw std::runtime_error("the sidecar does not load with the mesh");

    const Bounds b = computeBounds(check.positions);
    std::printf("head.glb: %zu vertices, %zu triangles, %.0f KiB; bounds %.1f..%.1f x %.1f..%.1f y %.1f..%.1f z mm\n",
                check.vertexCount(), check.triangleCount(), double(std::filesystem::file_size(glb)) / 1024.0,
                double(b.min.x), double(b.max.x), double(b.min.y), double(b.max.y), double(b.min.z), double(b.max.z));
    std::printf("surface %.0f cm^2, scalp %.0f cm^2\n", surfaceAreaMm2(check) / 100.0, scalpAreaCm2(check));
    const Landmarks& l = check.landmarks;
    for (const auto& [name, p] : std::initializer_list<std::pair<const char*, glm::vec3>>{
             {"glabella", l.glabella}, {"lateral canthus left", l.lateralCanthusLeft},
             {"lateral canthus right", l.lateralCanthusRight}, {"ear canal left", l.earCanalLeft},
             {"ear canal right", l.earCanalRight}, {"vertex", l.vertex}})
        std::printf("  %-22s %7.1f %7.1f %7.1f\n", name, double(p.x), double(p.y), double(p.z));
}

}  // namespace
}  // namespace stipple

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s <human.zae> <output folder>\n", argv[0]);
        return 2;
    }
    try {
        stipple::run(argv[1], argv[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_default_head: %s\n", e.what());
        return 1;
    }
    return 0;
}
