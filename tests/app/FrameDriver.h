// Scripted input for the window tests, written as plain sequential code: the steps run on a
// thread of their own, one app frame at a time. While they run the app waits inside its input
// script, so the steps may read (and set) ImGui's state between frames.
//
// Catch2's assertions are not thread-safe: steps record problems in `failures` and the test
// checks them once runApp has returned.
#pragma once

#include "app/App.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace stipple::test {

class FrameDriver {
public:
    using Steps = std::function<void(FrameDriver&)>;
    explicit FrameDriver(Steps steps);
    ~FrameDriver();
    FrameDriver(const FrameDriver&) = delete;
    FrameDriver& operator=(const FrameDriver&) = delete;

    // For AppOptions::script. When the steps end, the window quits.
    InputScript script();

    // Sends `input` for `count` frames and returns when the app asks for the next one. The
    // mouse, buttons and modifiers hold; wheel, keys and text go once. Throws AppGone when the
    // window closed meanwhile.
    void frame(int count = 1);
    struct AppGone {};
    ScriptedInput input;
    const ScriptedFrame& current() const { return current_; }

    std::vector<std::string> failures;
    bool finished() const { return finished_; }

private:
    void run();

    Steps steps_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable changed_;
    enum class Turn { App, Steps } turn_ = Turn::App;
    bool appGone_ = false;
    bool finished_ = false;
    ScriptedInput pending_;
    ScriptedFrame current_;
};

// ImGui's ID of `label` submitted directly in the window `window` (ImGuiWindow::GetID), or
// inside its ID scope `scope` (ImGui::PushID(scope)).
ImGuiID itemId(const char* window, const char* label);
ImGuiID itemId(const char* window, const char* scope, const char* label);
ImGuiWindow* liveWindow(const char* name);  // shown in the last frame, or nullptr

// A widget found under the mouse: its ID, and a point of it where the mouse hovers it.
struct FoundItem {
    ImGuiID id = 0;
    ImVec2 at;
};

// Moves the mouse over `window` on a grid, one point a frame, and returns each widget it
// hovered. Two distinct widgets with one ID hover as one ID in two separate places: each such
// conflict is added to driver.failures.
// Rows 7 px apart meet every widget (a frame is 19 px high, with 4 px between) at least twice;
// columns 14 px apart meet a checkbox's box twice.
std::vector<FoundItem> sweepWindow(FrameDriver& driver, const char* window, ImVec2 step = ImVec2(14.0f, 7.0f));

// Zooms the camera far out: a small head draws quickly in software GL, and the sweeps take a
// frame per point.
void shrinkHead(FrameDriver& driver);
// Moves the mouse to `at`; returns what it hovers there.
ImGuiID hoverAt(FrameDriver& driver, ImVec2 at);
// Left click, with the modifiers as they are in driver.input.
void click(FrameDriver& driver, ImVec2 at);
// Closes an open combo, menu or colour picker (they block every other widget; Escape does not
// close them) as a user does: with a click beside it, on the empty end of the menu bar.
void closePopups(FrameDriver& driver);
// Finds the widget `id` in `window` by moving over it (a few columns first, bottom row first),
// and clicks it. False when it is not there. clickLabel finds it by its label.
bool clickItem(FrameDriver& driver, const char* window, ImGuiID id);
bool clickLabel(FrameDriver& driver, const char* window, const char* label);

}  // namespace stipple::test
