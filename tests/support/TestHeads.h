// Two synthetic heads for the tests, in model space (mm, +Y up, +Z face), with UVs and a scalp
// region with a soft edge. They stand in for heads the project has not seen.
#pragma once

#include "core/CandidatePool.h"
#include "core/HeadMesh.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <utility>

namespace stipple::testheads {

inline float smoothStep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// A latitude-longitude grid: theta from the crown (+Y) down, phi around Y starting at
// `seamPhi`, where the first and last columns duplicate their vertices (the UV seam).
// `surface` maps (theta, phi) to a point. `alternate` flips the diagonal of every other quad so
// the two heads triangulate differently.
inline HeadMesh makeLatLongHead(int rings, int segments, bool alternate,
                                const std::function<glm::vec3(float, float)>& surface) {
    HeadMesh mesh;
    for (int r = 0; r <= rings; ++r) {
        const float theta = float(M_PI) * float(r) / float(rings);
        for (int s = 0; s <= segments; ++s) {
            const float phi = 2.0f * float(M_PI) * float(s) / float(segments);
            mesh.positions.push_back(surface(theta, phi));
            mesh.uvs.emplace_back(float(s) / float(segments), 1.0f - float(r) / float(rings));
        }
    }
    const unsigned stride = unsigned(segments + 1);
    for (unsigned r = 0; r < unsigned(rings); ++r)
        for (unsigned s = 0; s < unsigned(segments); ++s) {
            const unsigned a = r * stride + s, b = a + stride;  // b is the ring below a
            if (alternate && (r + s) % 2 == 1) {
                mesh.triangles.emplace_back(a, b, b + 1);
                mesh.triangles.emplace_back(a, b + 1, a + 1);
            } else {
                mesh.triangles.emplace_back(a, b, a + 1);
                mesh.triangles.emplace_back(a + 1, b, b + 1);
            }
        }
    // Counter-clockwise seen from outside, whichever way `surface` turns: the enclosed volume
    // comes out positive.
    double volume = 0.0;
    for (const glm::uvec3& t : mesh.triangles)
        volume += double(glm::dot(mesh.positions[t.x], glm::cross(mesh.positions[t.y], mesh.positions[t.z])));
    if (volume < 0.0)
        for (glm::uvec3& t : mesh.triangles) std::swap(t.y, t.z);
    computeNormals(mesh);
    return mesh;
}

// An ellipsoid about the size of an adult head; the seam runs down the back (phi = 0 at -Z).
// Scalp: above a hairline that rises towards the face, with a 15 mm soft edge.
inline HeadMesh makeEllipsoidHead() {
    const glm::vec3 semiAxes(76.0f, 100.0f, 94.0f);
    HeadMesh mesh = makeLatLongHead(128, 192, false, [&](float theta, float phi) {
        return glm::vec3(semiAxes.x * std::sin(theta) * std::sin(phi), semiAxes.y * std::cos(theta),
                         -semiAxes.z * std::sin(theta) * std::cos(phi));
    });
    mesh.sourcePath = "ellipsoid-head (generated)";
    for (const glm::vec3& p : mesh.positions) mesh.scalpWeight.push_back(smoothStep(-5.0f, 10.0f, p.y - 0.3f * p.z));
    return mesh;
}

// A different head: lumpy, asymmetric (fuller on the subject's left, a flatter back), coarser
// and triangulated the other way, with its UV seam down the subject's right side (phi = 0 at -X)
// and a narrower, tilted soft edge.
inline HeadMesh makeBumpyHead() {
    HeadMesh mesh = makeLatLongHead(90, 150, true, [](float theta, float phi) {
        const glm::vec3 dir(-std::sin(theta) * std::cos(phi), std::cos(theta), std::sin(theta) * std::sin(phi));
        const float bumps = 1.0f + 0.035f * std::sin(3.0f * theta + 1.0f) * std::cos(2.0f * phi) +
                            0.025f * std::sin(5.0f * phi + 0.7f) * std::sin(theta) * std::sin(theta) +
                            0.015f * std::cos(7.0f * theta) * std::sin(3.0f * phi + 2.0f);
        glm::vec3 p = dir * glm::vec3(72.0f, 96.0f, 90.0f) * bumps;
        if (p.x > 0.0f) p.x *= 1.07f;
        if (p.z < 0.0f) p.z *= 0.9f;
        return p + glm::vec3(0.0f, 0.0f, 4.0f);
    });
    mesh.sourcePath = "bumpy-head (generated)";
    for (const glm::vec3& p : mesh.positions)
        mesh.scalpWeight.push_back(smoothStep(0.0f, 8.0f, p.y - 0.35f * p.z + 0.12f * p.x + 12.0f));
    return mesh;
}

enum class Head { Ellipsoid, Bumpy };

inline const HeadMesh& sharedHead(Head head) {
    static const HeadMesh ellipsoid = makeEllipsoidHead();
    static const HeadMesh bumpy = makeBumpyHead();
    return head == Head::Ellipsoid ? ellipsoid : bumpy;
}

// Pools take a second or two at full size: each one is built once per test run.
inline const CandidatePool& sharedPool(Head head, float maxDensityPerCm2) {
    static std::map<std::pair<Head, float>, CandidatePool> pools;
    auto found = pools.find({head, maxDensityPerCm2});
    if (found == pools.end()) {
        PoolParams params;
        params.maxDensityPerCm2 = maxDensityPerCm2;
        found = pools.emplace(std::make_pair(head, maxDensityPerCm2), *buildCandidatePool(sharedHead(head), params)).first;
    }
    return found->second;
}

}  // namespace stipple::testheads
