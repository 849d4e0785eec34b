#include "core/HeadMesh.h"

#include "core/ContentHash.h"
#include "core/Error.h"

#include <glm/geometric.hpp>

#include <cmath>
#include <cstdio>
#include <limits>

namespace stipple {

Bounds computeBounds(const std::vector<glm::vec3>& positions) {
    Bounds bounds;
    if (positions.empty()) return bounds;
    bounds.min = glm::vec3(std::numeric_limits<float>::max());
    bounds.max = glm::vec3(std::numeric_limits<float>::lowest());
    for (const glm::vec3& p : positions) {
        bounds.min = glm::min(bounds.min, p);
        bounds.max = glm::max(bounds.max, p);
    }
    return bounds;
}

void computeNormals(HeadMesh& mesh) {
    mesh.normals.assign(mesh.positions.size(), glm::vec3(0.0f));
    for (const glm::uvec3& t : mesh.triangles) {
        const glm::vec3& a = mesh.positions[t.x];
        const glm::vec3& b = mesh.positions[t.y];
        const glm::vec3& c = mesh.positions[t.z];
        // The unnormalised cross product weights each face by its area.
        const glm::vec3 faceNormal = glm::cross(b - a, c - a);
        mesh.normals[t.x] += faceNormal;
        mesh.normals[t.y] += faceNormal;
        mesh.normals[t.z] += faceNormal;
    }
    for (glm::vec3& n : mesh.normals) {
        const float length = glm::length(n);
        n = length > 0.0f ? n / length : glm::vec3(0.0f, 1.0f, 0.0f);
    }
}

float triangleArea(const HeadMesh& mesh, std::size_t triangle) {
    const glm::uvec3& t = mesh.triangles[triangle];
    const glm::vec3& a = mesh.positions[t.x];
    return 0.5f * glm::length(glm::cross(mesh.positions[t.y] - a, mesh.positions[t.z] - a));
}

double surfaceAreaMm2(const HeadMesh& mesh) {
    double area = 0.0;
    for (std::size_t i = 0; i < mesh.triangles.size(); ++i) area += triangleArea(mesh, i);
    return area;
}

float triangleScalpWeight(const HeadMesh& mesh, std::size_t triangle) {
    if (mesh.scalpWeight.empty()) return 0.0f;
    const glm::uvec3& t = mesh.triangles[triangle];
    return (mesh.scalpWeight[t.x] + mesh.scalpWeight[t.y] + mesh.scalpWeight[t.z]) / 3.0f;
}

double scalpAreaCm2(const HeadMesh& mesh) {
    double areaMm2 = 0.0;
    for (std::size_t i = 0; i < mesh.triangles.size(); ++i)
        areaMm2 += double(triangleArea(mesh, i)) * triangleScalpWeight(mesh, i);
    return areaMm2 / 100.0;
}

std::uint64_t meshContentHash(const HeadMesh& mesh) {
    ContentHash hash;
    hash.addVector(mesh.positions);
    hash.addVector(mesh.normals);
    hash.addVector(mesh.uvs);
    hash.addVector(mesh.triangles);
    hash.addVector(mesh.scalpWeight);
    return hash.value();
}

std::size_t nearestVertex(const HeadMesh& mesh, const glm::vec3& point) {
    std::size_t nearest = 0;
    float nearestDistance = std::numeric_limits<float>::max();
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const float d = glm::distance(mesh.positions[i], point);
        if (d < nearestDistance) {
            nearestDistance = d;
            nearest = i;
        }
    }
    return nearest;
}

double uvFootprint(const HeadMesh& mesh, bool scalpOnly) {
    if (mesh.uvs.size() != mesh.positions.size()) return 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < mesh.triangles.size(); ++i) {
        if (scalpOnly && !(triangleScalpWeight(mesh, i) > 0.0f)) continue;
        const glm::uvec3& t = mesh.triangles[i];
        const glm::dvec2 a(mesh.uvs[t.x]), b(mesh.uvs[t.y]), c(mesh.uvs[t.z]);
        sum += 0.5 * std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y));
    }
    return sum;
}

namespace {

[[noreturn]] void refuseFootprint(const HeadMesh& mesh, const char* whose, double footprint) {
    char times[32];
    std::snprintf(times, sizeof times, "%.1f", footprint);
    throw InputError(mesh.sourcePath + ": " + whose + " UV map covers the texture's square " + times +
                     " times over (tiled or overlapping texture coordinates); Stipple keeps the design in one "
                     "texture, where each place on the scalp needs a texel of its own: unwrap the head without "
                     "overlaps, inside 0..1");
}

}  // namespace

void checkScalpUvFootprint(const HeadMesh& mesh) {
    if (const double footprint = uvFootprint(mesh, true); footprint > kMaxScalpUvFootprint)
        refuseFootprint(mesh, "the scalp's", footprint);
}

void validateMesh(const HeadMesh& mesh) {
    const std::string& file = mesh.sourcePath;
    if (mesh.triangles.empty()) throw InputError(file + ": the mesh has no triangles");
    if (mesh.positions.empty()) throw InputError(file + ": the mesh has no vertices");
    for (const glm::vec3& p : mesh.positions)
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
            throw InputError(file + ": the mesh has non-finite (NaN or infinite) coordinates");
    const std::size_t n = mesh.positions.size();
    for (const glm::uvec3& t : mesh.triangles)
        if (t.x >= n || t.y >= n || t.z >= n)
            throw InputError(file + ": a triangle refers to a vertex that does not exist");
    if (!mesh.uvs.empty() && mesh.uvs.size() != n)
        throw InputError(file + ": texture coordinates do not match the vertices");
    for (const glm::vec2& uv : mesh.uvs)
        if (!std::isfinite(uv.x) || !std::isfinite(uv.y))
            throw InputError(file + ": the mesh has non-finite texture coordinates");
    if (const double footprint = uvFootprint(mesh); footprint > kMaxUvFootprint) refuseFootprint(mesh, "the", footprint);
    if (!mesh.normals.empty() && mesh.normals.size() != n)
        throw InputError(file + ": normals do not match the vertices");
    if (!mesh.scalpWeight.empty() && mesh.scalpWeight.size() != n)
        throw InputError(file + ": the scalp region does not match the vertices");
}

}  // namespace stipple
