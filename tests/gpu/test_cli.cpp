#include "app/Cli.h"
#include "io/ImageFile.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

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
