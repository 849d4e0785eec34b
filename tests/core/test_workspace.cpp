#include "io/Design.h"
#include "io/Workspace.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

using namespace stipple;
using stipple::test::TempFolder;

TEST_CASE("recent files: newest first, no repeats, at most ten, gone files left out", "[workspace]") {
    TempFolder folder;
    Workspace workspace(folder.path() / "state");
    CHECK(workspace.recentFiles().empty());
    std::vector<std::string> files;
    for (int i = 0; i < 12; ++i) files.push_back(folder.write("head" + std::to_string(i) + ".obj", "v 0 0 0\n").string());
    for (const std::string& file : files) workspace.addRecentFile(file);
    workspace.addRecentFile(files[5]);  // opened again: moves to the top
    const std::vector<std::string> recent = workspace.recentFiles();
    REQUIRE(recent.size() == Workspace::kMaxRecentFiles);
    CHECK(recent[0] == files[5]);
    CHECK(recent[1] == files[11]);
    CHECK(std::count(recent.begin(), recent.end(), files[5]) == 1);
    std::filesystem::remove(files[11]);
    CHECK(Workspace(folder.path() / "state").recentFiles()[1] == files[10]);
    // A damaged state file reads as empty instead of stopping the app.
    folder.write("state/recent.json", "{not json");
    CHECK(workspace.recentFiles().empty());
}

TEST_CASE("the display's calibrated pixel density is kept, and a damaged or absurd one reads as none", "[workspace]") {
    TempFolder folder;
    Workspace workspace(folder.path() / "state");
    CHECK_FALSE(workspace.displayDpi());
    workspace.setDisplayDpi(132.5f);
    REQUIRE(Workspace(folder.path() / "state").displayDpi());
    CHECK(*Workspace(folder.path() / "state").displayDpi() == Approx(132.5f));
    for (const char* damaged : {"{not json", "{\"dpi\": \"many\"}", "{\"dpi\": 4}", "{\"dpi\": 1e9}", "[]"}) {
        INFO(damaged);
        folder.write("state/display.json", damaged);
        CHECK_FALSE(workspace.displayDpi());
    }
}

TEST_CASE("the recovery copy holds the design and where it was saved, until cleared", "[workspace]") {
    TempFolder folder;
    Workspace workspace(folder.path() / "state");
    CHECK_FALSE(workspace.hasRecovery());
    Design design = openDesign(defaultHeadPath());
    design.layers->layer(LayerKind::Density).texels()[1234] = 150.0f;
    workspace.writeRecovery(projectFor(design, workspace.recoveryProjectPath()), "/clinic/ana.stipple");
    REQUIRE(workspace.hasRecovery());
    CHECK(workspace.recoverySavedAs() == "/clinic/ana.stipple");
    const Design recovered = openDesign(workspace.recoveryProjectPath());
    CHECK(recovered.layers->layer(LayerKind::Density).texels()[1234] == 150.0f);
    workspace.clearRecovery();
    CHECK_FALSE(workspace.hasRecovery());
    CHECK(workspace.recoverySavedAs().empty());
}
