// A failed ImGui assertion in any build aborts (Debian's libimgui.a keeps its asserts): the work
// must be in the recovery file first (app/CrashRecovery.h).
#include "AppSandbox.h"
#include "ChildProcess.h"
#include "FrameDriver.h"
#include "core/SmpModel.h"
#include "io/ProjectFile.h"

#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>

using namespace stipple;
using namespace stipple::test;

namespace {

void waitForImpressions(FrameDriver& driver) {
    for (int frame = 0; frame < 3000; ++frame) {
        driver.frame();
        const ImGuiWindow* panel = liveWindow("Impressions");
        if (panel && panel->ContentSize.y > 150.0f) return;
    }
}

bool layerIsEverywhere(const Project& project, LayerKind kind, float value) {
    const auto& texels = project.layers.at(std::size_t(kind)).texels();
    return std::all_of(texels.begin(), texels.end(), [&](float texel) { return texel == value; });
}

}  // namespace

// The child: an edit, then an ImGui assertion on the main thread, inside ImGui::NewFrame.
TEST_CASE("child: an edit, then a failed ImGui assertion", "[.child-abort]") {
    const std::filesystem::path staged = std::filesystem::path(std::getenv("XDG_STATE_HOME")) / "stipple" / "crash-snapshot" / "recovery.stipple";
    FrameDriver driver([&](FrameDriver& d) {
        waitForImpressions(d);
        shrinkHead(d);
        if (!clickLabel(d, "Head", "Native hair everywhere")) std::_Exit(3);
        for (int frame = 0; frame < 600 && !std::filesystem::exists(staged); ++frame) d.frame();
        d.frame(30);  // the worker reads the snapshot back after writing it
        ImGui::GetStyle().CurveTessellationTol = -1.0f;  // NewFrame asserts "Invalid style setting!"
        d.frame(5);
        std::_Exit(4);  // still alive: the assertion did not fire
    });
    AppOptions options;
    options.file = std::getenv("STIPPLE_TEST_HEAD");
    options.script = driver.script();
    runApp(options);
    std::_Exit(5);
}

TEST_CASE("a failed ImGui assertion saves the unsaved work to the recovery file before the app dies", "[window][abort]") {
    AppSandbox sandbox;
    setenv("STIPPLE_TEST_HEAD", sandbox.head().c_str(), 1);
    ChildProcess child("[.child-abort]");
    const std::optional<int> status = child.waitFor(std::chrono::minutes(5));
    REQUIRE(status);
    INFO("exit status " << (WIFEXITED(*status) ? WEXITSTATUS(*status) : -1));
    REQUIRE(WIFSIGNALED(*status));
    CHECK(WTERMSIG(*status) == SIGABRT);
    const std::filesystem::path recovery = sandbox.workspace() / "recovery.stipple";
    REQUIRE(std::filesystem::exists(recovery));
    CHECK(std::filesystem::exists(sandbox.workspace() / "recovery.json"));
    CHECK(layerIsEverywhere(readProject(recovery), LayerKind::NativeHair, kDefaultNativeHairPerCm2));
}

// The monkey found it: a depth of 3 mm typed into the 0.3-2 mm slider was kept, and the
// recovery file holding it could not be read back.
TEST_CASE("a value typed into a slider beyond its range is clamped, and the autosave reads back", "[window]") {
    AppSandbox sandbox;
    const std::filesystem::path recovery = sandbox.workspace() / "recovery.stipple";
    bool typed = false;
    FrameDriver driver([&](FrameDriver& d) {
        waitForImpressions(d);
        shrinkHead(d);
        d.input.ctrl = true;
        typed = clickLabel(d, "Impressions", "Depth");
        d.input.ctrl = false;
        d.input.text = "3";  // ImGui selected the old value: this replaces it
        d.frame();
        d.input.keyPresses = {GLFW_KEY_ENTER};
        d.frame(3);
        // The autosave runs every second while the work is unsaved.
        for (int frame = 0; frame < 600 && !std::filesystem::exists(recovery); ++frame) d.frame();
        d.frame(30);
    });
    AppOptions options;
    options.file = sandbox.head().string();
    options.autosaveSeconds = 1.0;
    options.script = driver.script();
    REQUIRE(runApp(options) == 0);
    REQUIRE(typed);
    REQUIRE(std::filesystem::exists(recovery));
    CHECK(readProject(recovery).settings.depthMm == kMaxDepthMm);
}
