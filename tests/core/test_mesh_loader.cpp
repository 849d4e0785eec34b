#include "core/Error.h"
#include "io/MeshLoader.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

#include <random>
#include <sstream>

using namespace stipple;
using stipple::test::TempFolder;

namespace {

// A small closed box with UVs, `size` units wide, as OBJ text.
std::string boxObj(float size, bool withUvs = true) {
    std::ostringstream obj;
    for (int i = 0; i < 8; ++i)
        obj << "v " << (i & 1 ? size : 0.0f) << ' ' << (i & 2 ? size : 0.0f) << ' ' << (i & 4 ? size : 0.0f) << '\n';
    if (withUvs) obj << "vt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\n";
    const int quads[6][4] = {{1, 3, 4, 2}, {5, 6, 8, 7}, {1, 2, 6, 5}, {3, 7, 8, 4}, {1, 5, 7, 3}, {2, 4, 8, 6}};
    for (const auto& q : quads) {
        obj << 'f';
        for (int c = 0; c < 4; ++c) {
            obj << ' ' << q[c];
            if (withUvs) obj << '/' << c + 1;
        }
        obj << '\n';
    }
    return obj.str();
}

// The same box as an ASCII PLY with texture coordinates, read through Assimp.
std::string boxPly(float size) {
    std::ostringstream ply;
    ply << "ply\nformat ascii 1.0\nelement vertex 8\nproperty float x\nproperty float y\nproperty float z\n"
           "property float s\nproperty float t\nelement face 12\nproperty list uchar int vertex_indices\nend_header\n";
    for (int i = 0; i < 8; ++i)
        ply << (i & 1 ? size : 0.0f) << ' ' << (i & 2 ? size : 0.0f) << ' ' << (i & 4 ? size : 0.0f) << ' '
            << (i & 1) << ' ' << ((i >> 1) & 1) << '\n';
    const int triangles[12][3] = {{0, 2, 3}, {0, 3, 1}, {4, 5, 7}, {4, 7, 6}, {0, 1, 5}, {0, 5, 4},
                                  {2, 6, 7}, {2, 7, 3}, {0, 4, 6}, {0, 6, 2}, {1, 3, 7}, {1, 7, 5}};
    for (const auto& t : triangles) ply << "3 " << t[0] << ' ' << t[1] << ' ' << t[2] << '\n';
    return ply.str();
}

std::string loadError(const std::filesystem::path& file) {
    try {
        loadHeadMesh(file);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("an OBJ head loads into millimetres with UVs, normals and an estimated scalp", "[loader]") {
    TempFolder folder;
    // 0.23 units across: a head modelled in metres.
    LoadReport report;
    const HeadMesh mesh = loadHeadMesh(folder.write("box.obj", boxObj(0.23f)), {}, &report);
    CHECK(mesh.triangleCount() == 12);
    CHECK(mesh.hasUvs());
    CHECK(mesh.normals.size() == mesh.vertexCount());
    CHECK(mesh.scalpWeight.size() == mesh.vertexCount());
    CHECK(report.millimetresPerUnit == 1000.0f);
    CHECK_FALSE(report.metadataFound);
    const Bounds bounds = computeBounds(mesh.positions);
    CHECK(bounds.size().x == Approx(230.0f));
    CHECK(bounds.center().x == Approx(0.0f).margin(1e-3));  // mid-sagittal plane at x = 0
}

TEST_CASE("the user's unit overrides detection", "[loader]") {
    TempFolder folder;
    LoadOptions options;
    options.millimetresPerUnit = 10.0f;
    LoadReport report;
    const HeadMesh mesh = loadHeadMesh(folder.write("box.obj", boxObj(0.23f)), options, &report);
    CHECK_FALSE(report.unitsDetected);
    CHECK(computeBounds(mesh.positions).size().x == Approx(2.3f));
}

TEST_CASE("Assimp formats load through the same path", "[loader]") {
    TempFolder folder;
    const HeadMesh mesh = loadHeadMesh(folder.write("box.ply", boxPly(23.0f)));
    CHECK(mesh.triangleCount() == 12);
    CHECK(mesh.hasUvs());
    CHECK(computeBounds(mesh.positions).size().y == Approx(230.0f));  // centimetres detected
}

TEST_CASE("bad files get a clear error naming the file and the problem", "[loader]") {
    TempFolder folder;
    struct Case {
        const char* name;
        std::string bytes;
        const char* problem;
    };
    std::string truncated = boxObj(0.2f);
    truncated = truncated.substr(0, truncated.find("v 0 0.2 0.2"));  // vertices cut, faces gone
    truncated += "f 1/1 2/2 30/3\n";                                  // a face past the end
    std::mt19937 random(1234);
    std::string noise(4096, '\0');
    for (char& c : noise) c = char(random() & 0xff);

    const Case cases[] = {
        {"empty.obj", "", "empty"},
        {"truncated.obj", truncated, "truncated"},
        {"nan.obj", "v 0 0 0\nv 1 nan 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\nf 1/1 2/2 3/3\n", "non-finite"},
        {"no-uvs.obj", boxObj(0.2f, false), "no texture coordinates"},
        {"no-triangles.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\n", "no triangles"},
        {"noise.obj", noise, "not an OBJ file"},
        {"noise.glb", noise, "not a readable mesh file"},
        {"text.fbx", "this is not an FBX file at all\n", "not a readable mesh file"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const std::filesystem::path file = folder.write(c.name, c.bytes);
        const std::string message = loadError(file);
        CHECK_THAT(message, Catch::Contains(file.string()) && Catch::Contains(c.problem));
    }
    CHECK_THAT(loadError(folder.path() / "missing.obj"), Catch::Contains("no such file"));
    CHECK_THAT(loadError(folder.path()), Catch::Contains("folder"));
}
