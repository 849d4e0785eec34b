#include "core/Error.h"
#include "io/MeshFileLimits.h"
#include "io/MeshLoader.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <new>
#include <random>
#include <sstream>

using namespace stipple;
using stipple::test::TempFolder;

namespace {

// A small closed box with UVs, `size` units wide, as OBJ text; `uvScale` stretches its UV map.
std::string boxObj(float size, bool withUvs = true, float uvScale = 1.0f) {
    std::ostringstream obj;
    for (int i = 0; i < 8; ++i)
        obj << "v " << (i & 1 ? size : 0.0f) << ' ' << (i & 2 ? size : 0.0f) << ' ' << (i & 4 ? size : 0.0f) << '\n';
    // Each face shares one small square of the map: the map covers 0.54 of it, as a real
    // unwrap would stay under 1.
    const float uv = 0.3f * uvScale;
    if (withUvs) obj << "vt 0 0\nvt " << uv << " 0\nvt " << uv << ' ' << uv << "\nvt 0 " << uv << '\n';
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
            << 0.3f * float(i & 1) << ' ' << 0.3f * float((i >> 1) & 1) << '\n';
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
    const std::filesystem::path box = folder.write("box.obj", boxObj(9.0f));
    LoadReport detected;
    loadHeadMesh(box, {}, &detected);
    CHECK(detected.millimetresPerUnit == 25.4f);  // 9 units: 229 mm in inches, the closest to a head
    LoadOptions options;
    options.millimetresPerUnit = 10.0f;
    LoadReport report;
    const HeadMesh mesh = loadHeadMesh(box, options, &report);
    CHECK_FALSE(report.unitsDetected);
    CHECK(computeBounds(mesh.positions).size().x == Approx(90.0f));
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

TEST_CASE("a count a file declares must fit in the file, checked before any parser allocates", "[loader]") {
    TempFolder folder;
    struct Case {
        const char* name;
        std::string bytes;
    };
    // Assimp's test model invalid/OutOfMemory.off: 309 bytes declaring 353,535,235,358 vertices
    // took 15.8 GB and 40 s before its error.
    const Case cases[] = {
        {"huge.off", "OFF\n353535235358 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"},
        {"comment.off", "# a comment first\nCOFF\n8 900000000 0\n0 0 0\n"},
        {"huge.ply", "ply\nformat binary_little_endian 1.0\nelement vertex 1000000000\nproperty float x\n"
                     "property float y\nproperty float z\nelement face 1\nproperty list uchar int vertex_indices\n"
                     "end_header\n" + std::string(64, '\0')},
        {"huge-ascii.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                           "property float z\nelement face 40000000\nproperty list uchar int vertex_indices\n"
                           "end_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"},
        {"huge.ase", "*3DSMAX_ASCIIEXPORT 200\n*GEOMOBJECT {\n*MESH {\n*MESH_NUMVERTEX 2000000000\n"
                     "*MESH_NUMFACES 1\n}\n}\n"},
        {"huge.ac", "AC3Db\nOBJECT world\nkids 1\nOBJECT poly\nnumvert 123456789\n0 0 0\n"},
        {"huge.md5mesh", "MD5Version 10\nnumJoints 1\nnumMeshes 1\nmesh {\nnumverts 99999999\n}\n"},
        {"huge.dae", "<?xml version=\"1.0\"?>\n<COLLADA><float_array id=\"p\" count=\"4000000000\">0 0 0"
                     "</float_array></COLLADA>\n"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const std::filesystem::path file = folder.write(c.name, c.bytes);
        CHECK_THAT(loadError(file), Catch::Contains(file.string()) && Catch::Contains("declares") &&
                                        Catch::Contains("bytes"));
    }
    // A PLY header that never ends made Assimp's reader search for ever.
    std::string unended = boxPly(23.0f);
    unended.replace(unended.find("end_header"), 10, "end_hea");
    const std::filesystem::path unendedFile = folder.write("unended.ply", unended);
    CHECK_THAT(loadError(unendedFile), Catch::Contains(unendedFile.string()) && Catch::Contains("no \"end_header\""));
    // A PLY face line that reads as a face of no vertices made Assimp's triangulation abort.
    std::string faceless = boxPly(23.0f);
    const std::size_t lastFace = faceless.rfind("3 ");
    faceless.replace(lastFace, faceless.size() - lastFace, "0\n");
    const std::filesystem::path facelessFile = folder.write("faceless.ply", faceless);
    CHECK_THAT(loadError(facelessFile), Catch::Contains(facelessFile.string()) && Catch::Contains("has no vertices"));
    // A Collada accessor without its count made Assimp ask for 2.4 GB at once.
    const std::filesystem::path uncounted = folder.write("uncounted.dae",
        "<?xml version=\"1.0\"?>\n<COLLADA><float_array id=\"p\" count=\"3\">0 0 0</float_array>\n"
        "<accessor source=\"#p\" stride=\"3\"><param name=\"X\" type=\"float\"/></accessor></COLLADA>\n");
    CHECK_THAT(loadError(uncounted), Catch::Contains(uncounted.string()) && Catch::Contains("<accessor> has no count"));
    // A Collada array without its count made Debian's Assimp read through a null pointer (found by
    // fuzzing; the input is fuzz/corpus/mesh/dae-array-without-count).
    const std::filesystem::path uncountedArray = folder.write("uncounted-array.dae",
        "<?xml version=\"1.0\"?>\n<COLLADA><float_array id=\"p\">0 0 0</float_array>\n"
        "<accessor source=\"#p\" count=\"1\" stride=\"3\"><param name=\"X\" type=\"float\"/></accessor></COLLADA>\n");
    CHECK_THAT(loadError(uncountedArray), Catch::Contains(uncountedArray.string()) && Catch::Contains("<float_array> has no count"));
    // So did a count that is no whole number (fuzz/corpus/mesh/dae-count-not-a-number).
    const std::filesystem::path garbledCount = folder.write("garbled-count.dae",
        "<?xml version=\"1.0\"?>\n<COLLADA><float_array id=\"p\" count=\"\xff" "3\">0 0 0</float_array></COLLADA>\n");
    CHECK_THAT(loadError(garbledCount), Catch::Contains(garbledCount.string()) && Catch::Contains("is not a whole number"));
    // Counts that fit pass on to the parser: the box's PLY loads.
    CHECK_NOTHROW(checkDeclaredCounts(folder.write("box.ply", boxPly(23.0f))));
    CHECK_NOTHROW(checkDeclaredCounts(folder.write("box.off", "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n")));
}

namespace {

// The box's PLY in a binary format: little- or big-endian floats and int indices.
std::string boxPlyBinary(float size, bool bigEndian) {
    std::string ply = std::string("ply\nformat ") + (bigEndian ? "binary_big_endian" : "binary_little_endian") +
                      " 1.0\nelement vertex 8\nproperty float x\nproperty float y\nproperty float z\n"
                      "property float s\nproperty float t\nelement face 12\nproperty list uchar int vertex_indices\n"
                      "end_header\n";
    const auto append = [&](const void* value, std::size_t bytes) {
        std::string raw(static_cast<const char*>(value), bytes);
        if (bigEndian) std::reverse(raw.begin(), raw.end());
        ply += raw;
    };
    for (int i = 0; i < 8; ++i) {
        const float values[5] = {i & 1 ? size : 0.0f, i & 2 ? size : 0.0f, i & 4 ? size : 0.0f, 0.3f * float(i & 1),
                                 0.3f * float((i >> 1) & 1)};
        for (float value : values) append(&value, 4);
    }
    const int triangles[12][3] = {{0, 2, 3}, {0, 3, 1}, {4, 5, 7}, {4, 7, 6}, {0, 1, 5}, {0, 5, 4},
                                  {2, 6, 7}, {2, 7, 3}, {0, 4, 6}, {0, 6, 2}, {1, 3, 7}, {1, 7, 5}};
    for (const auto& t : triangles) {
        ply += char(3);
        for (int index : t) append(&index, 4);
    }
    return ply;
}

}  // namespace

TEST_CASE("a PLY file is walked against its header before Assimp reads it", "[loader]") {
    TempFolder folder;
    // The fuzzer's input that crashed Debian's Assimp PLY reader (a read past its buffer): its
    // header has an element without a count. The corpus keeps it with the harness's extension byte.
    std::ifstream finding(STIPPLE_FUZZ_CORPUS_DIR "/mesh/ply-assimp-segv", std::ios::binary);
    const std::string crashing((std::istreambuf_iterator<char>(finding)), {});
    REQUIRE(crashing.size() > 1);
    const std::filesystem::path crashingFile = folder.write("crashing.ply", crashing.substr(1));
    CHECK_THAT(loadError(crashingFile), Catch::Contains(crashingFile.string()) &&
                                            Catch::Contains("header line 3") && Catch::Contains("element NAME COUNT"));

    // Each damage is named with its place; the same PLY undamaged loads.
    const std::string box = boxPly(23.0f);
    const auto damaged = [&](const std::string& from, const std::string& to) {
        std::string text = box;
        const std::size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };
    struct Case {
        const char* name;
        std::string bytes;
        const char* expected;
    };
    const Case cases[] = {
        {"no-format.ply", damaged("format ascii 1.0\n", ""), "no \"format\" line"},
        {"version.ply", damaged("ascii 1.0", "ascii 2.0"), "header line 2"},
        {"type.ply", damaged("property float y", "property vec3 y"), "unknown type \"vec3\""},
        {"float-length.ply", damaged("list uchar int", "list float int"), "length type must be an integer"},
        {"no-properties.ply", damaged("element face 12\nproperty list uchar int vertex_indices\n", "element face 0\n"),
         "element \"face\" has no properties"},
        {"twice.ply", damaged("element face 12", "element vertex 12"), "declared twice"},
        {"short-line.ply", damaged("23 23 23 0.3 0.3\n", "23 23 23 0.3\n"), "line 19 (element \"vertex\" 8 of 8) has too few values"},
        {"long-line.ply", damaged("0 0 0 0 0\n", "0 0 0 0 0 7\n"), "more values than its properties"},
        {"not-a-number.ply", damaged("0 0 0 0 0\n", "0 0 zero 0 0\n"), "\"zero\" is not a number"},
        {"index.ply", damaged("3 1 7 5\n", "3 1 7 8\n"), "vertex index 8 is outside the 8 vertices"},
        {"negative-index.ply", damaged("3 1 7 5\n", "3 1 -1 5\n"), "vertex index -1 is outside"},
        {"length-range.ply", damaged("3 1 7 5\n", "300 1 7 5\n"), "\"300\" is not a list length"},
        {"ends-early.ply", damaged("3 1 7 5\n", ""), "the file ends before element \"face\" 12 of 12"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const std::filesystem::path file = folder.write(c.name, c.bytes);
        CHECK_THAT(loadError(file), Catch::Contains(file.string()) && Catch::Contains(c.expected));
    }

    // Binary bodies are walked in their byte order; one cut short or pointing past the vertices
    // is refused.
    for (bool bigEndian : {false, true}) {
        INFO((bigEndian ? "big-endian" : "little-endian"));
        const std::string binary = boxPlyBinary(23.0f, bigEndian);
        CHECK(loadHeadMesh(folder.write("binary.ply", binary)).positions.size() == 8);
        const std::filesystem::path cut = folder.write("cut.ply", binary.substr(0, binary.size() - 3));
        CHECK_THAT(loadError(cut), Catch::Contains("the file ends inside element \"face\" 12 of 12"));
        std::string outside = binary;
        outside[outside.size() - (bigEndian ? 1 : 4)] = 9;  // the last index: 9 of 8 vertices
        CHECK_THAT(loadError(folder.write("outside.ply", outside)), Catch::Contains("vertex index 9 is outside"));
    }

    // Blender 2.4x wrote a header line without "comment"; Assimp skips it, and so does the walk.
    CHECK(loadHeadMesh(folder.write("blender.ply", damaged("format ascii 1.0\n", "format ascii 1.0\nCreated by Blender\n")))
              .positions.size() == 8);
    CHECK(loadHeadMesh(folder.write("box.ply", box)).positions.size() == 8);
}

TEST_CASE("a head outside 5 cm - 1 m after units is refused, naming its size and --units", "[loader]") {
    TempFolder folder;
    // One vertex 1.5e9 units away in a head of 0.2 units: this took 8.8 GB in the scalp's
    // estimate, sized by the bounding box.
    std::string stray = boxObj(0.2f);
    stray += "v 0.1 1500000000 0.1\nf 1/1 2/2 9/3\n";
    const auto refusal = [&](const std::string& name, const std::string& obj, LoadOptions options = {}) {
        const std::filesystem::path file = folder.write(name, obj);
        try {
            loadHeadMesh(file, options);
        } catch (const InputError& e) {
            const std::string message = e.what();
            CHECK_THAT(message, Catch::Contains(file.string()) && Catch::Contains("--units"));
            return message;
        }
        FAIL(name << " was accepted");
        return std::string();
    };
    CHECK_THAT(refusal("stray.obj", stray), Catch::Contains("stray vertex"));
    CHECK_THAT(refusal("kilometres.obj", boxObj(2200.0f)), Catch::Contains("2200 x 2200 x 2200 mm") &&
                                                               Catch::Contains("mm, detected"));
    LoadOptions thousand;
    thousand.millimetresPerUnit = 1000.0f;
    CHECK_THAT(refusal("given.obj", boxObj(230.0f), thousand), Catch::Contains("230000 x") &&
                                                                   Catch::Contains("1000 mm per unit, given"));
    LoadOptions tiny;
    tiny.millimetresPerUnit = 0.01f;
    CHECK_THAT(refusal("tiny.obj", boxObj(230.0f), tiny), Catch::Contains("2.3 x 2.3 x 2.3 mm"));
    // Just inside the bounds, both ends load.
    LoadOptions small;
    small.millimetresPerUnit = 1.0f;
    CHECK_NOTHROW(loadHeadMesh(folder.write("small.obj", boxObj(50.0f)), small));
    CHECK_NOTHROW(loadHeadMesh(folder.write("large.obj", boxObj(1000.0f)), small));
}

TEST_CASE("coordinates too far apart to measure are refused, not measured as NaN", "[loader]") {
    TempFolder folder;
    std::string obj = "v -3e38 -3e38 -3e38\nv 3e38 -3e38 -3e38\nv -3e38 3e38 3e38\nvt 0 0\nvt 1 0\nvt 0 1\n"
                      "f 1/1 2/2 3/3\n";
    const std::filesystem::path file = folder.write("far.obj", obj);
    CHECK_THAT(loadError(file), Catch::Contains(file.string()) && Catch::Contains("too far apart"));
}

namespace {

// Allocates and frees `bytes` without touching them, in a way the optimiser cannot remove.
void allocateUntouched(std::size_t bytes) {
    char* volatile block = new char[bytes];
    delete[] block;
}

}  // namespace

TEST_CASE("inside an import's memory budget a larger allocation fails, and works again after", "[loader]") {
    const std::size_t tooMuch = std::size_t(kImportMemoryBudgetBytes) + (std::size_t(1) << 30);
    {
        const ImportMemoryBudget budget;
        if (!budget.active()) {
            WARN("no address-space budget in this build (a sanitizer's shadow memory needs the space)");
            return;
        }
        CHECK_THROWS_AS(allocateUntouched(tooMuch), std::bad_alloc);
        CHECK_NOTHROW(allocateUntouched(std::size_t(1) << 20));
    }
    // Untouched pages cost nothing: the allocation itself shows the limit is gone.
    CHECK_NOTHROW(allocateUntouched(tooMuch));
}

TEST_CASE("a UV map that covers its square many times over is refused before any bake", "[loader]") {
    // The default head's map with its UVs tiled 8 times made a render take 90 s, not 1.3 s.
    TempFolder folder;
    const HeadMesh box = loadHeadMesh(folder.write("box.obj", boxObj(0.2f)));
    CHECK(uvFootprint(box) == Approx(0.54));
    CHECK(uvFootprint(box, true) > 0.0);
    CHECK(uvFootprint(box, true) < uvFootprint(box));  // its bottom lies outside the scalp
    // The whole map 7.7 times over: more than the scalp may take, less than the head may.
    const std::filesystem::path tiled = folder.write("tiled.obj", boxObj(0.2f, true, 3.8f));
    CHECK_THAT(loadError(tiled), Catch::Contains(tiled.string()) && Catch::Contains("the scalp's UV map covers"));
    const std::filesystem::path wrapped = folder.write("wrapped.obj", boxObj(0.2f, true, 6.0f));
    CHECK_THAT(loadError(wrapped), Catch::Contains(wrapped.string()) &&
                                       Catch::Contains("the UV map covers the texture's square 19.4 times"));
}
