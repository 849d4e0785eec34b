// The viewport seen from a distance and life-size, in the real window (core/SeenFrom.h): the
// consultation bar's buttons and the L key, read back through F12's saved view.
#include "AppSandbox.h"
#include "FrameDriver.h"
#include "PixelStats.h"
#include "core/SeenFrom.h"
#include "gpu/HeadRenderer.h"
#include "io/Design.h"
#include "io/ImageFile.h"

#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>

#include <chrono>
#include <cmath>
#include <fstream>

using namespace stipple;
using namespace stipple::test;

namespace {

// Runs frames for `seconds` of wall time: the seen-from picture is made once the camera rests.
void waitSeconds(FrameDriver& driver, double seconds) {
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds) driver.frame();
}

// F12 saves the view in the current folder (the sandbox); the picture is read and the file removed.
Image savedView(FrameDriver& driver, const std::filesystem::path& folder) {
    driver.input.keyPresses = {GLFW_KEY_F12};
    driver.frame(2);
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".png") {
            Image image = readImage(entry.path());
            std::filesystem::remove(entry.path());
            return image;
        }
    driver.failures.push_back("F12 saved no picture");
    return {};
}

// The widest run of head pixels in a row above the consultation bar (the background is the
// renderer's).
int headWidthPx(const Image& image) {
    const glm::vec3 background = ShadingSettings{}.backgroundSrgb * 255.0f;
    int widest = 0;
    for (int y = image.height / 16; y < 6 * image.height / 10; ++y) {
        int first = -1, last = -1;
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = &image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4];
            if (std::abs(p[0] - background.x) + std::abs(p[1] - background.y) + std::abs(p[2] - background.z) > 24.0f) {
                if (first < 0) first = x;
                last = x;
            }
        }
        if (first >= 0) widest = std::max(widest, last - first + 1);
    }
    return widest;
}

}  // namespace

TEST_CASE("the consultation view is seen from afar through the eye's filter, and life-size at the calibrated density",
          "[window][seen-from]") {
    AppSandbox sandbox;
    constexpr float kDpi = 60.0f;  // calibrated before: the whole head fits the window life-size
    std::filesystem::create_directories(sandbox.workspace());
    std::ofstream(sandbox.workspace() / "display.json") << "{\"dpi\": " << kDpi << "}";
    Image camera, fromAfar, lifeSize;
    FrameDriver driver([&](FrameDriver& d) {
        for (int frame = 0; frame < 3000; ++frame) {
            d.frame();
            const ImGuiWindow* panel = liveWindow("Impressions");
            if (panel && panel->ContentSize.y > 150.0f) break;
        }
        d.input.keyPresses = {GLFW_KEY_TAB};
        d.frame(2);
        d.input.keyPresses = {GLFW_KEY_5};  // from the top: the scalp fills the picture's centre
        d.frame(2);
        d.input.mouseX = d.input.mouseY = -1.0f;
        camera = savedView(d, sandbox.folder());
        if (!clickLabel(d, "Consultation", "from 3 m")) d.failures.push_back("no \"from 3 m\" button");
        d.input.mouseX = d.input.mouseY = -1.0f;
        waitSeconds(d, 1.5);
        fromAfar = savedView(d, sandbox.folder());
        d.input.keyPresses = {GLFW_KEY_L};
        d.frame(2);
        waitSeconds(d, 1.0);  // F12 names its file by the second
        lifeSize = savedView(d, sandbox.folder());
    });
    AppOptions options;
    options.file = sandbox.head().string();
    options.script = driver.script();
    REQUIRE(runApp(options) == 0);
    for (const std::string& failure : driver.failures) FAIL_CHECK(failure);
    REQUIRE_FALSE(camera.empty());
    REQUIRE_FALSE(fromAfar.empty());
    REQUIRE_FALSE(lifeSize.empty());

    // From 3 m the eye's 1-arcminute spot spans about two pixels of the framed head: the dots'
    // texture fades, the skin's brightness stays.
    INFO("texture " << centreTexture(camera, 40, 40) << " -> " << centreTexture(fromAfar, 40, 40));
    CHECK(centreTexture(fromAfar, 40, 40) < 0.8 * centreTexture(camera, 40, 40));

    // Life-size at 60 dpi: the head's width in pixels is its width in mm at 60 / 25.4 pixels a mm,
    // smaller for the parts further back than the skin at the picture's centre.
    const Design design = openDesign(defaultHeadPath());
    const float widthMm = computeBounds(design.mesh.positions).size().x;
    const double ratio = headWidthPx(lifeSize) / (widthMm * kDpi / 25.4);
    INFO("head " << headWidthPx(lifeSize) << " px for " << widthMm << " mm: " << ratio << " of life-size");
    CHECK(ratio > 0.7);
    CHECK(ratio < 1.1);
}
