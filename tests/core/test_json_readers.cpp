// The stroke file and the head sidecar: each refusal names the file, the field's JSON path, the
// value found and what is allowed, as the project reader does.
#include "core/Error.h"
#include "io/HeadMetadata.h"
#include "io/StrokeScript.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

#include <string>

using namespace stipple;
using stipple::test::TempFolder;

namespace {

// One triangle is enough to snap stroke points onto; the sidecar wants three vertices.
HeadMesh triangleMesh() {
    HeadMesh mesh;
    mesh.positions = {{0.0f, 0.0f, 0.0f}, {100.0f, 0.0f, 0.0f}, {0.0f, 100.0f, 0.0f}};
    mesh.triangles = {{0, 1, 2}};
    return mesh;
}

std::string strokeError(const TempFolder& folder, const std::string& json) {
    const std::filesystem::path file = folder.write("strokes.json", json);
    try {
        readStrokeScript(file, triangleMesh());
    } catch (const InputError& e) {
        return e.what();
    }
    return "accepted";
}

std::string sidecarError(const TempFolder& folder, const std::string& json) {
    const std::filesystem::path file = folder.write("head.head.json", json);
    HeadMesh mesh = triangleMesh();
    try {
        readHeadMetadata(file, mesh);
    } catch (const InputError& e) {
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("a stroke file's refusals name the stroke's field, its value and the allowed range", "[strokes]") {
    TempFolder folder;
    const std::string file = (folder.path() / "strokes.json").string() + ": ";
    const std::string good = "{\"tool\": \"density\", \"points\": [[1, 1, 0]]}";
    CHECK(strokeError(folder, "{\"strokes\": [" + good + "]}") == "accepted");
    struct Case {
        std::string json;
        std::string message;
    };
    const Case cases[] = {
        {"[1, 2]", "the document is [1,2]; it must be an object"},
        {"{}", "strokes is missing"},
        {"{\"strokes\": [" + good + ", {\"tool\": \"pencil\", \"points\": [[0,0,0]]}]}",
         "strokes[1].tool is \"pencil\"; it must be one of \"density\", \"hairline\""},
        {"{\"strokes\": [{\"tool\": \"density\", \"mode\": 3, \"points\": [[0,0,0]]}]}",
         "strokes[0].mode is 3; it must be a string, not a number"},
        {"{\"strokes\": [{\"tool\": \"density\", \"radius_mm\": 500, \"points\": [[0,0,0]]}]}",
         "strokes[0].radius_mm is 500; it must be a number from 0.05 to 200"},
        {"{\"strokes\": [{\"tool\": \"density\", \"hardness\": \"soft\", \"points\": [[0,0,0]]}]}",
         "strokes[0].hardness is \"soft\"; it must be a number from 0 to 1, not a string"},
        {"{\"strokes\": [{\"tool\": \"density\", \"symmetry\": 1, \"points\": [[0,0,0]]}]}",
         "strokes[0].symmetry is 1; it must be true or false, not a number"},
        {"{\"strokes\": [{\"tool\": \"density\", \"points\": [[0,1]]}]}",
         "strokes[0].points[0] is [0,1]; it must be an array of 3 to 3 elements"},
        {"{\"strokes\": [{\"tool\": \"density\", \"points\": [[0,1,1e300]]}]}",
         "strokes[0].points[0][2] is 1e+300; it must be a number from -100000 to 100000"},
        {"{\"strokes\": [{\"tool\": \"density\", \"points\": []}]}",
         "strokes[0].points is []; it must be an array of 1 to 100000 elements"},
        {"{\"strokes\": [{\"tool\": \"hairline\", \"mode\": \"scrub\", \"points\": [[0,0,0]]}]}",
         "strokes[0].mode is \"scrub\"; it must be one of \"set\", \"add\", \"subtract\", \"smooth\", \"paint\" or \"erase\""},
    };
    for (const Case& c : cases) {
        INFO(c.json);
        CHECK_THAT(strokeError(folder, c.json), Catch::StartsWith(file + c.message));
    }
    // The hairline mask's modes as docs/strokes.md names them: paint adds, erase subtracts.
    const std::filesystem::path aliases = folder.write("aliases.json",
        "{\"strokes\": [{\"tool\": \"hairline\", \"mode\": \"erase\", \"points\": [[1,1,0]]},"
        " {\"tool\": \"hairline\", \"mode\": \"paint\", \"points\": [[1,1,0]]}]}");
    const std::vector<ScriptedStroke> strokes = readStrokeScript(aliases, triangleMesh());
    REQUIRE(strokes.size() == 2);
    CHECK(strokes[0].brush.mode == BrushMode::Subtract);
    CHECK(strokes[1].brush.mode == BrushMode::Add);
}

TEST_CASE("a head sidecar's refusals name the field, its value and what the mesh needs", "[sidecar]") {
    TempFolder folder;
    const std::string file = (folder.path() / "head.head.json").string() + ": ";
    const auto sidecar = [](const std::string& vertexCount, const std::string& glabella, const std::string& weights) {
        return "{\"format\": \"stipple-head\", \"version\": 1, \"vertex_count\": " + vertexCount +
               ", \"landmarks\": {\"glabella\": " + glabella +
               ", \"lateral_canthus_left\": [1,2,3], \"lateral_canthus_right\": [1,2,3], \"ear_canal_left\": [1,2,3],"
               " \"ear_canal_right\": [1,2,3], \"vertex\": [1,2,3]}, \"scalp_weight\": " + weights + "}";
    };
    CHECK(sidecarError(folder, sidecar("3", "[0,0,0]", "[0, 0.5, 1]")) == "accepted");
    struct Case {
        std::string json;
        std::string message;
    };
    const Case cases[] = {
        {sidecar("4", "[0,0,0]", "[0, 0.5, 1]"), "vertex_count is 4; it must be 3, the mesh's vertex count"},
        {sidecar("-4", "[0,0,0]", "[0, 0.5, 1]"), "vertex_count is -4; it must be a whole number from 0 to"},
        {sidecar("3", "\"here\"", "[0, 0.5, 1]"), "landmarks.glabella is \"here\"; it must be an array of 3 to 3 elements"},
        {sidecar("3", "[0,0,0]", "[0, 0.5, 7]"), "scalp_weight[2] is 7; it must be a number from 0 to 1"},
        {sidecar("3", "[0,0,0]", "[0, 0.5]"), "scalp_weight is [0,0.5]; it must be an array of 3 to 3 elements"},
        {"{\"format\": \"stipple-head\", \"version\": \"1\"}", "version is \"1\"; it must be a whole number from 1 to"},
        {"{\"format\": \"stipple-head\", \"version\": 1}", "vertex_count is missing"},
    };
    for (const Case& c : cases) {
        INFO(c.json);
        CHECK_THAT(sidecarError(folder, c.json), Catch::StartsWith(file + c.message));
    }
}
