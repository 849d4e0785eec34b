// Every widget of every panel, driven as a user would: a click, a ctrl+click (ImGui's "type a
// value"), a drag and a double-click each, in a real window under xvfb-run. Debian's libimgui.a
// keeps its asserts in every build type, so a widget ImGui cannot handle aborts the test; two
// widgets sharing one ID are also found directly (sweepWindow).
#include "AppSandbox.h"
#include "FrameDriver.h"
#include "core/Brush.h"

#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

using namespace stipple;
using namespace stipple::test;

namespace {

// The panels of the editing window, and the consultation bar that stands in for them.
constexpr const char* kPanels[] = {"Head", "Impressions", "Brush", "Hairline"};

// Waits until the candidate pool is built: the Impressions panel then shows its controls.
void waitForImpressions(FrameDriver& driver) {
    for (int frame = 0; frame < 3000; ++frame) {
        driver.frame();
        const ImGuiWindow* panel = liveWindow("Impressions");
        if (panel && panel->ContentSize.y > 150.0f) return;
    }
    driver.failures.push_back("the impressions never came");
}

void releaseAll(FrameDriver& driver) {
    for (bool& down : driver.input.mouseDown) down = false;
    driver.input.ctrl = driver.input.shift = driver.input.alt = false;
}

// Back to the window with no popup, menu or dialog open. Each dialog met on the way is swept
// for ID conflicts once, then closed with its own button.
void settle(FrameDriver& driver, std::set<std::string>& sweptDialogs) {
    releaseAll(driver);
    driver.input.mouseX = driver.input.mouseY = -1.0f;
    driver.frame();
    driver.input.keyPresses = {GLFW_KEY_ESCAPE};  // ends text input
    driver.frame(2);
    closePopups(driver);
    for (int tries = 0; tries < 4; ++tries) {
        const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
        if (!modal) break;
        const std::string name = modal->Name;
        if (sweptDialogs.insert(name).second) sweepWindow(driver, name.c_str());
        bool closed = false;
        for (const char* button : {"Cancel", "OK", "Discard it"})
            if (clickLabel(driver, name.c_str(), button)) {
                closed = true;
                break;
            }
        if (!closed) driver.failures.push_back("the dialog \"" + name + "\" has no button to close it");
        driver.frame(2);
    }
    for (const char* window : {"Keyboard and mouse", "About Stipple"})
        if (liveWindow(window)) clickLabel(driver, window, "#CLOSE");
}

// The four gestures on the widget at `at`.
void drive(FrameDriver& driver, ImVec2 at, std::set<std::string>& sweptDialogs) {
    click(driver, at);
    settle(driver, sweptDialogs);
    driver.input.ctrl = true;
    click(driver, at);
    settle(driver, sweptDialogs);
    hoverAt(driver, at);
    driver.input.mouseDown[0] = true;
    driver.frame();
    for (int step = 0; step < 4; ++step) {
        driver.input.mouseX += 15.0f;
        driver.frame();
    }
    driver.input.mouseDown[0] = false;
    driver.frame();
    settle(driver, sweptDialogs);
    hoverAt(driver, at);
    for (int press = 0; press < 2; ++press) {
        driver.input.mouseDown[0] = true;
        driver.frame();
        driver.input.mouseDown[0] = false;
        driver.frame();
    }
    settle(driver, sweptDialogs);
}

// How often at most a window is swept in each of its states: a sweep costs a frame a point,
// and software GL under Xvfb draws about 40 frames a second.
int sweepsPerState() {
    const char* text = std::getenv("STIPPLE_WIDGET_SWEEPS");
    return text ? std::max(1, std::atoi(text)) : 2;
}

// Drives each widget of the window once. `states` bring the window into each of its states
// (the brush panel shows other settings for each tool) and back after each gesture; a state is
// swept again while widgets moved before they were driven. Returns how many widgets were driven.
int driveWindow(FrameDriver& driver, const char* name, std::set<std::string>& sweptDialogs,
                const std::vector<std::function<void()>>& states) {
    std::set<ImGuiID> driven;
    for (const auto& restore : states)
        for (int sweep = 0; sweep < sweepsPerState(); ++sweep) {
            restore();
            const auto sweepStart = std::chrono::steady_clock::now();
            const int framesBefore = driver.current().frame;
            const std::vector<FoundItem> items = sweepWindow(driver, name);
            std::fprintf(stderr, "swept %s: %zu widgets, %d frames in %.1f s\n", name, items.size(),
                         driver.current().frame - framesBefore,
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - sweepStart).count());
            bool moved = false;
            for (const FoundItem& item : items) {
                if (driven.count(item.id)) continue;
                if (hoverAt(driver, item.at) != item.id) {
                    moved = true;  // found again by the next sweep
                    continue;
                }
                driven.insert(item.id);
                const auto driveStart = std::chrono::steady_clock::now();
                drive(driver, item.at, sweptDialogs);
                restore();
                const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - driveStart).count();
                if (seconds > 5.0) std::fprintf(stderr, "  the widget at (%.0f, %.0f) took %.0f s\n", item.at.x, item.at.y, seconds);
            }
            if (!moved) break;
        }
    return int(driven.size());
}

}  // namespace

TEST_CASE("every widget of every panel takes a click, ctrl+click, drag and double-click, and no two share an ID",
          "[window][widgets]") {
    AppSandbox sandbox;
    std::map<std::string, int> drivenIn;
    FrameDriver driver([&](FrameDriver& d) {
        ImGui::GetIO().MouseDoubleClickTime = 2.0f;  // a double-click whatever the frame rate
        waitForImpressions(d);
        shrinkHead(d);
        std::set<std::string> sweptDialogs;
        // The whole head, small: a close-up or a zoom left by a widget makes every frame slow.
        const auto wholeHead = [&] {
            d.input.keyPresses = {GLFW_KEY_F};
            d.frame();
            shrinkHead(d);
        };
        const auto editing = [&] {
            if (liveWindow("Consultation")) {
                d.input.keyPresses = {GLFW_KEY_TAB};
                d.frame(2);
            }
            wholeHead();
        };
        for (const char* panel : kPanels) {
            std::vector<std::function<void()>> states{editing};
            if (std::string(panel) == "Brush") {
                states.clear();
                // The tools' radio buttons, labelled from the table, in the ID scope "tools".
                for (const Choice<BrushTool>& entry : kBrushToolChoices)
                    states.push_back([&, tool = entry.label, at = std::make_shared<ImVec2>(-1.0f, -1.0f)] {
                        editing();
                        // Found once by a search (seconds), then clicked where it was.
                        const ImGuiID radio = itemId("Brush", "tools", tool);
                        if (hoverAt(d, *at) == radio) click(d, *at);
                        else if (clickItem(d, "Brush", radio)) *at = ImVec2(d.input.mouseX, d.input.mouseY);
                        else d.failures.push_back(std::string("no brush tool \"") + tool + "\"");
                    });
            }
            drivenIn[panel] = driveWindow(d, panel, sweptDialogs, states);
        }
        const auto consulting = [&] {
            if (!liveWindow("Consultation")) {
                d.input.keyPresses = {GLFW_KEY_TAB};
                d.frame(2);
            }
            wholeHead();
        };
        drivenIn["Consultation"] = driveWindow(d, "Consultation", sweptDialogs, {consulting});
        editing();
    });
    AppOptions options;
    options.file = sandbox.head().string();
    options.script = driver.script();
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(runApp(options) == 0);
    std::printf("widget test: %.0f s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    for (const auto& [window, count] : drivenIn) std::printf("  %s: %d widgets\n", window.c_str(), count);
    for (const std::string& failure : driver.failures) FAIL_CHECK(failure);
    CHECK(drivenIn["Brush"] >= 20);  // the tools, and each one's settings
    CHECK(drivenIn["Head"] >= 5);
    CHECK(drivenIn["Consultation"] >= 10);
}
