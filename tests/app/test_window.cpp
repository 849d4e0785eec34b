// Runs under xvfb-run: the real GLFW window with its GL context and ImGui.
#include "app/App.h"
#include "gpu/HeadRenderer.h"
#include "io/ImageFile.h"
#include "PixelStats.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

using namespace stipple;
using stipple::test::measure;
using stipple::test::TempFolder;

TEST_CASE("the app opens the default head in a window and draws it with its menu bar", "[window]") {
    TempFolder folder;
    AppOptions options;
    options.exitAfterFrames = 8;
    options.screenshot = (folder.path() / "window.png").string();
    REQUIRE(runApp(options) == 0);

    const Image shot = readImage(*options.screenshot);
    REQUIRE(shot.width >= 640);
    REQUIRE(shot.height >= 400);
    const glm::vec3 background = ShadingSettings{}.backgroundSrgb;
    // The head: a warm shape in the middle of the window.
    const auto middle = measure(shot, background, 6, shot.height / 4, 3 * shot.height / 4);
    CHECK(middle.coverage > 0.12);
    CHECK(middle.meanColor.x > middle.meanColor.z);
    // The main menu bar: the top rows are ImGui's dark bar, not the viewport's background.
    const auto menu = measure(shot, background, 2, 0, 4);
    CHECK(menu.coverage > 0.95);
}

TEST_CASE("a bad file on the command line leaves the window without a head and exits 2", "[window]") {
    TempFolder folder;
    AppOptions options;
    options.file = folder.write("broken.obj", "v 0 0 0\n").string();
    options.exitAfterFrames = 3;
    CHECK(runApp(options) == 2);
}
