// The monkey: random clicks, drags, keys, text and wheel over the whole window for a fixed time
// (STIPPLE_MONKEY_SECONDS, 120 by default) from a fixed seed, in a child process. No death is
// allowed. Then a known last edit, the autosave, kill -9, and a new start must recover it.
#include "AppSandbox.h"
#include "ChildProcess.h"
#include "FrameDriver.h"
#include "io/ProjectFile.h"

#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

using namespace stipple;
using namespace stipple::test;
using Clock = std::chrono::steady_clock;

namespace {

constexpr float kLastEditDensity = 37.0f;  // per cm2: what the last edit sets everywhere

double monkeySeconds() {
    const char* text = std::getenv("STIPPLE_MONKEY_SECONDS");
    return text ? std::atof(text) : 120.0;
}

void waitForImpressions(FrameDriver& driver) {
    for (int frame = 0; frame < 3000; ++frame) {
        driver.frame();
        const ImGuiWindow* panel = liveWindow("Impressions");
        if (panel && panel->ContentSize.y > 150.0f) return;
    }
}

bool densityIsEverywhere(const std::filesystem::path& project, float value) {
    try {
        const Project read = readProject(project);  // held: the texels are its own
        const auto& texels = read.layers.at(std::size_t(LayerKind::Density)).texels();
        return std::all_of(texels.begin(), texels.end(), [&](float texel) { return texel == value; });
    } catch (const std::exception&) {
        return false;
    }
}

// What the project's density layer holds, for a failure's message.
std::string densityRange(const std::filesystem::path& project) {
    try {
        const Project read = readProject(project);
        const auto& texels = read.layers.at(std::size_t(LayerKind::Density)).texels();
        const auto [low, high] = std::minmax_element(texels.begin(), texels.end());
        return "density from " + std::to_string(*low) + " to " + std::to_string(*high);
    } catch (const std::exception& error) {
        return error.what();
    }
}

// What the monkey must not press, as IDs in the windows open now: quitting ends the run, the
// default head would move Save's suggestion into the source tree, other units make a head too
// large to scatter in time, and export, page and sheet jobs take minutes in a sanitizer build (they
// have tests of their own).
std::set<ImGuiID> forbiddenNow() {
    std::set<ImGuiID> ids;
    for (const char* menu : {"##Menu_00", "##Menu_01"})
        for (const char* label : {"Quit", "Open default head", "Detect from size", "m", "cm", "in", "mm"})
            ids.insert(itemId(menu, label));
    ids.insert(itemId("Export", "Export"));
    ids.insert(itemId("Consultation sheet", "Write the sheet"));
    ids.insert(itemId("Share as page", "Write the page"));
    return ids;
}

// Closes a dialog that has been in the way a while (they block everything else), and the file
// browser at once: the monkey must not wander off into other folders' heads.
void closeDialog(FrameDriver& driver) {
    const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    if (!modal) return;
    const std::string name = modal->Name;
    for (const char* button : {"Cancel", "OK", "Discard it"})
        if (clickLabel(driver, name.c_str(), button)) return;
}

struct Monkey {
    std::mt19937 random{20240611};
    Clock::time_point end;
    long actions = 0;

    float uniform(float low, float high) { return std::uniform_real_distribution<float>(low, high)(random); }
    int pick(int count) { return std::uniform_int_distribution<int>(0, count - 1)(random); }

    ImVec2 somewhere() {
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        // Half the time inside a window: that is where the widgets are.
        std::vector<ImGuiWindow*> shown;
        for (ImGuiWindow* window : GImGui->Windows)
            if (window->WasActive && !window->Hidden && !(window->Flags & ImGuiWindowFlags_Tooltip)) shown.push_back(window);
        if (!shown.empty() && pick(2) == 0) {
            const ImGuiWindow* window = shown[std::size_t(pick(int(shown.size())))];
            return ImVec2(window->Pos.x + uniform(0.0f, window->Size.x), window->Pos.y + uniform(0.0f, window->Size.y));
        }
        return ImVec2(uniform(0.0f, size.x), uniform(0.0f, size.y));
    }

    // Presses at `at` unless what lies there is forbidden.
    bool press(FrameDriver& driver, ImVec2 at, int button) {
        if (forbiddenNow().count(hoverAt(driver, at))) return false;
        driver.input.mouseDown[button] = true;
        driver.frame();
        return true;
    }

    void act(FrameDriver& driver) {
        static constexpr int kKeys[] = {
            GLFW_KEY_B, GLFW_KEY_X, GLFW_KEY_I, GLFW_KEY_S, GLFW_KEY_D, GLFW_KEY_F, GLFW_KEY_C, GLFW_KEY_Z,
            GLFW_KEY_Y, GLFW_KEY_O, GLFW_KEY_1, GLFW_KEY_2, GLFW_KEY_3, GLFW_KEY_4, GLFW_KEY_5, GLFW_KEY_6,
            GLFW_KEY_LEFT_BRACKET, GLFW_KEY_RIGHT_BRACKET, GLFW_KEY_LEFT, GLFW_KEY_RIGHT, GLFW_KEY_UP,
            GLFW_KEY_DOWN, GLFW_KEY_TAB, GLFW_KEY_ESCAPE, GLFW_KEY_ENTER, GLFW_KEY_BACKSPACE, GLFW_KEY_EQUAL,
            GLFW_KEY_MINUS, GLFW_KEY_DELETE, GLFW_KEY_HOME, GLFW_KEY_END};  // no Q: Ctrl+Q quits
        ++actions;
        ScriptedInput& input = driver.input;
        input.ctrl = pick(6) == 0;
        input.shift = pick(6) == 0;
        input.alt = pick(10) == 0;
        switch (pick(7)) {
        case 0:  // click
        case 1:
            if (press(driver, somewhere(), 0)) {
                input.mouseDown[0] = false;
                driver.frame();
            }
            break;
        case 2: {  // double-click
            const ImVec2 at = somewhere();
            for (int i = 0; i < 2 && press(driver, at, 0); ++i) {
                input.mouseDown[0] = false;
                driver.frame();
            }
            break;
        }
        case 3: {  // drag with any button
            const int button = pick(3);
            if (!press(driver, somewhere(), button)) break;
            const ImVec2 to = somewhere();
            const ImVec2 from(input.mouseX, input.mouseY);
            for (int step = 1; step <= 6; ++step) {
                input.mouseX = from.x + (to.x - from.x) * float(step) / 6.0f;
                input.mouseY = from.y + (to.y - from.y) * float(step) / 6.0f;
                driver.frame();
            }
            input.mouseDown[button] = false;
            driver.frame();
            break;
        }
        case 4:  // wheel
            hoverAt(driver, somewhere());
            input.wheel = uniform(-3.0f, 3.0f);
            driver.frame();
            break;
        case 5:
            input.keyPresses = {kKeys[pick(int(std::size(kKeys)))]};
            driver.frame();
            break;
        default: {  // typing
            const int length = 1 + pick(6);
            for (int i = 0; i < length; ++i) input.text += char('a' + pick(26));
            if (pick(2) == 0) input.text += char('0' + pick(10));
            driver.frame();
        }
        }
        input.ctrl = input.shift = input.alt = false;
    }

    void run(FrameDriver& driver, int& modalFrames) {
        while (Clock::now() < end) {
            act(driver);
            const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
            modalFrames = modal ? modalFrames + 1 : 0;
            if (modal && (modalFrames > 40 || std::string(modal->Name) == "Open head")) closeDialog(driver);
        }
    }
};

// After the monkey: back to the editing window, the Impressions panel where it belongs, and
// "Density everywhere" typed in with ctrl+click.
bool lastEdit(FrameDriver& driver) {
    for (bool& down : driver.input.mouseDown) down = false;
    driver.input.ctrl = driver.input.shift = driver.input.alt = false;
    driver.input.keyPresses = {GLFW_KEY_ESCAPE};
    driver.frame(2);
    closePopups(driver);
    for (int tries = 0; tries < 4 && ImGui::GetTopMostPopupModal(); ++tries) closeDialog(driver);
    if (liveWindow("Consultation")) {
        driver.input.keyPresses = {GLFW_KEY_TAB};
        driver.frame(2);
    }
    ImGui::SetWindowCollapsed("Impressions", false);
    ImGui::SetWindowPos("Impressions", ImVec2(10, 350));
    ImGui::SetWindowFocus("Impressions");  // above a help window the monkey opened
    driver.frame(2);
    waitForImpressions(driver);
    driver.input.ctrl = true;
    const bool found = clickLabel(driver, "Impressions", "Density everywhere");
    driver.input.ctrl = false;
    if (!found) return false;
    driver.input.text = "37";  // ImGui selected the old value: this replaces it
    driver.frame();
    driver.input.keyPresses = {GLFW_KEY_ENTER};
    driver.frame(3);
    return true;
}

}  // namespace

// The child: the monkey until the time is up (a new window each time it quits anyway), then the
// last edit; it writes "edited" beside the head and waits to be killed.
TEST_CASE("child: the monkey", "[.child-monkey]") {
    Monkey monkey;
    monkey.end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(monkeySeconds()));
    int windows = 0;
    for (bool edited = false; !edited;) {
        FrameDriver driver([&](FrameDriver& d) {
            int modalFrames = 0;
            waitForImpressions(d);
            shrinkHead(d);
            monkey.run(d, modalFrames);
            if (!lastEdit(d)) {
                std::fprintf(stderr, "monkey: the density slider was not found\n");
                std::_Exit(6);
            }
            edited = true;
            std::ofstream("edited") << monkey.actions << " actions in " << windows + 1 << " windows\n";
            for (;;) d.frame();
        });
        AppOptions options;
        options.file = std::getenv("STIPPLE_TEST_HEAD");
        options.autosaveSeconds = 1.0;
        options.script = driver.script();
        runApp(options);
        ++windows;
    }
    std::_Exit(0);
}

TEST_CASE("the monkey never kills the app, and after a kill -9 the autosave brings back the last edit", "[monkey]") {
    AppSandbox sandbox;
    setenv("STIPPLE_TEST_HEAD", sandbox.head().c_str(), 1);
    const std::filesystem::path recovery = sandbox.workspace() / "recovery.stipple";
    const auto start = Clock::now();
    {
        ChildProcess child("[.child-monkey]");
        const auto limit = std::chrono::duration<double>(monkeySeconds() + 600.0);
        while (!std::filesystem::exists(sandbox.folder() / "edited")) {
            const std::optional<int> status = child.waitFor(std::chrono::milliseconds(200));
            if (status) FAIL("the app died under the monkey: " << (WIFSIGNALED(*status) ? "signal " : "exit ")
                                                               << (WIFSIGNALED(*status) ? WTERMSIG(*status) : WEXITSTATUS(*status)));
            REQUIRE(Clock::now() - start < limit);
        }
        std::printf("monkey: %s", std::string(std::istreambuf_iterator<char>(std::ifstream(sandbox.folder() / "edited").rdbuf()), {}).c_str());
        // The autosave runs every second with unsaved work.
        for (int wait = 0; wait < 300 && !densityIsEverywhere(recovery, kLastEditDensity); ++wait)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        INFO("the recovery file: " << densityRange(recovery));
        REQUIRE(densityIsEverywhere(recovery, kLastEditDensity));
        child.kill(SIGKILL);
        REQUIRE(child.waitFor(std::chrono::seconds(10)));
    }
    std::printf("monkey test: %.0f s until the kill\n", std::chrono::duration<double>(Clock::now() - start).count());

    // A new start offers the recovery copy; taken and saved, it is the last edit.
    bool offered = false, unsaved = false;
    FrameDriver driver([&](FrameDriver& d) {
        for (int frame = 0; frame < 600 && !offered; ++frame) {
            d.frame();
            offered = liveWindow("Recover unsaved work?") != nullptr;
        }
        if (!offered || !clickLabel(d, "Recover unsaved work?", "Recover it")) return;
        waitForImpressions(d);
        unsaved = d.current().title.find(" *") != std::string::npos;
        d.input.ctrl = true;
        d.input.keyPresses = {GLFW_KEY_S};
        d.frame(3);
        d.input.ctrl = false;
        clickLabel(d, "Save project as", "Save");
        d.frame(3);
    });
    AppOptions options;
    options.file = sandbox.head().string();
    options.script = driver.script();
    REQUIRE(runApp(options) == 0);
    CHECK(offered);
    CHECK(unsaved);
    CHECK(densityIsEverywhere(sandbox.folder() / "head.stipple", kLastEditDensity));
}
