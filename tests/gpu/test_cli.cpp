#include "app/Cli.h"
#include "core/Scatter.h"
#include "io/ImageFile.h"
#include "io/MeshLoader.h"
#include "io/PoolCache.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace stipple;
using stipple::test::TempFolder;

namespace {

int run(std::vector<std::string> args) {
    args.insert(args.begin(), "stipple");
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    return runCommandLine(int(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("every command answers --help with exit 0", "[cli]") {
    for (const char* command : {"info", "render", "bench"}) {
        INFO(command);
        CHECK(run({command, "--help"}) == 0);
    }
    CHECK(run({"--help"}) == 0);
}

TEST_CASE("info on the default head succeeds, on a bad file exits 2", "[cli]") {
    TempFolder folder;
    CHECK(run({"info"}) == 0);
    CHECK(run({"info", folder.write("bad.obj", "garbage\n").string()}) == 2);
    CHECK(run({"info", (folder.path() / "missing.glb").string()}) == 2);
    CHECK(run({"info", "--no-such-option"}) == 2);
}

TEST_CASE("render writes a PNG of the requested size, headless", "[cli]") {
    TempFolder folder;
    const std::string out = (folder.path() / "front.png").string();
    REQUIRE(run({"render", "--view", "three-quarter", "--size", "320x200", "--out", out}) == 0);
    const Image image = readImage(out);
    CHECK(image.width == 320);
    CHECK(image.height == 200);
}

TEST_CASE("render refuses bad usage with exit 2 and writes nothing", "[cli]") {
    TempFolder folder;
    const std::string out = (folder.path() / "x.png").string();
    CHECK(run({"render", "--view", "sideways", "--out", out}) == 2);
    CHECK(run({"render", "--size", "12by7", "--out", out}) == 2);
    CHECK(run({"render", "--size", "640x480"}) == 2);
    CHECK(run({"render", folder.write("empty.stl", "").string(), "--out", out}) == 2);
    CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("impressions writes the CPU twin's impressions as CSV", "[cli]") {
    TempFolder folder;
    const std::string out = (folder.path() / "dots.csv").string();
    REQUIRE(run({"impressions", "--density", "50", "--out", out}) == 0);
    std::ifstream csv(out);
    std::string line;
    REQUIRE(std::getline(csv, line));
    CHECK(line == "id,x_mm,y_mm,z_mm,u,v,diameter_mm,shade");

    const HeadMesh head = loadHeadMesh(defaultHeadPath());
    const CandidatePool pool = *loadOrBuildCandidatePool(head, {}, {}, defaultPoolCacheDir());
    const std::vector<Impression> expected = scatterImpressions(pool, DensityMap::uniform(50.0f));
    std::size_t row = 0;
    while (std::getline(csv, line)) {
        REQUIRE(row < expected.size());
        std::istringstream fields(line);
        std::string field;
        std::vector<double> values;
        while (std::getline(fields, field, ',')) values.push_back(std::stod(field));
        REQUIRE(values.size() == 8);
        const Impression& e = expected[row];
        CHECK(std::uint32_t(values[0]) == e.id);
        CHECK(values[1] == Approx(e.position.x).margin(1e-3));
        CHECK(values[3] == Approx(e.position.z).margin(1e-3));
        CHECK(values[6] == Approx(e.diameterMm).margin(1e-3));
        CHECK(values[7] == Approx(e.shade).margin(1e-3));
        ++row;
    }
    CHECK(row == expected.size());
    CHECK(row > 20000);  // 50 per cm2 over ~630 cm2
}

TEST_CASE("impressions refuses a missing --out or a density beyond the pool", "[cli]") {
    CHECK(run({"impressions"}) == 2);
    CHECK(run({"impressions", "--density", "500", "--out", "x.csv"}) == 2);
    CHECK(run({"impressions", "--density", "-3", "--out", "x.csv"}) == 2);
}
