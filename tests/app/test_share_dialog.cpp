// File > Share as page, driven as a user would under xvfb-run: the menu, the dialog with the
// client's name typed in and the smallest texture size picked, the export under its progress
// bar, the page on disk. A test of its own ("app: share as page"), in the release build only: the
// page's bakes take minutes under the sanitizers, and the export itself is tested in
// tests/gpu/test_share_page.cpp.
#include "AppSandbox.h"
#include "FrameDriver.h"
#include "io/WholeFile.h"

#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>

using namespace stipple;
using namespace stipple::test;

TEST_CASE("File > Share as page writes the page with the names typed in the dialog", "[share-page]") {
    AppSandbox sandbox;
    bool opened = false, written = false, closed = false;
    FrameDriver driver([&](FrameDriver& d) {
        // Each click that misses says which, and ends the script.
        const auto clicked = [&d](bool hit, const char* what) {
            if (!hit) d.failures.push_back(std::string("could not click ") + what);
            return hit;
        };
        for (int frame = 0; frame < 3000 && !liveWindow("Impressions"); ++frame) d.frame();
        // The menu bar's items are scoped by ImGui's BeginMenuBar.
        if (!clicked(clickItem(d, "##MainMenuBar", itemId("##MainMenuBar", "##menubar", "File")), "File")) return;
        d.frame(2);
        if (!clicked(clickLabel(d, "##Menu_00", "Share as page..."), "Share as page...")) return;
        d.frame(2);
        opened = liveWindow("Share as page") != nullptr;
        if (!opened) return;
        // The client's name, typed into its field (emptied first with ctrl+A).
        if (!clicked(clickLabel(d, "Share as page", "Client"), "the Client field")) return;
        d.input.ctrl = true;
        d.input.keyPresses = {GLFW_KEY_A};
        d.frame();
        d.input.ctrl = false;
        d.input.text = "Jo Client";
        d.frame(2);
        // The smallest textures: the dialog, not the bakes, is what this test is for.
        if (!clicked(clickLabel(d, "Share as page", "Texture size"), "Texture size")) return;
        d.frame(2);
        // The list's first entry: ImGui::Combo scopes each by its index (PushID(int)).
        const ImGuiWindow* popup = GImGui->NavWindow;
        const int first = 0;
        const ImGuiID firstSize = popup ? ImHashStr("1024", 0, ImHashData(&first, sizeof first, popup->ID)) : 0;
        if (!clicked(popup && clickItem(d, popup->Name, firstSize), "1024 in the size's list")) return;
        d.frame(2);
        written = clicked(clickLabel(d, "Share as page", "Write the page"), "Write the page");
        // A step a frame, a texture a step.
        for (int frame = 0; frame < 20000 && liveWindow("Share as page"); ++frame) d.frame();
        closed = !liveWindow("Share as page");
    });
    AppOptions options;
    options.file = sandbox.head().string();
    options.script = driver.script();
    REQUIRE(runApp(options) == 0);
    for (const std::string& failure : driver.failures) FAIL_CHECK(failure);
    CHECK(opened);
    CHECK(written);
    CHECK(closed);
    // Beside the head, as nothing is saved yet: the current folder's stipple-pages/head/.
    const std::filesystem::path page = sandbox.folder() / "stipple-pages" / "head";
    REQUIRE(std::filesystem::exists(page / "index.html"));
    CHECK(std::filesystem::exists(page / "textures" / "healed.js"));
    const std::string data = readFileBytes(page / "data.js", std::uintmax_t(1) << 24, "the page's data");
    CHECK(data.find("\"Jo Client\"") != std::string::npos);
    // The size picked: the default stage's texture at 1024, as a 1024 x 1024 JPEG's header says.
    const std::string healed = readFileBytes(page / "textures" / "healed.js", std::uintmax_t(1) << 26, "a texture");
    CHECK(healed.find("stippleTexture(\"healed\", 1024,") == 0);
}
