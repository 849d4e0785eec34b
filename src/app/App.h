// The Stipple window: the head in a GLFW/OpenGL viewport with Dear ImGui panels.
#pragma once

#include "io/MeshLoader.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace stipple {

// One frame of input from a script (the window tests, the monkey). It stands in for the mouse
// and keyboard for the panels and the viewport alike; the real ones are ignored.
struct ScriptedInput {
    float mouseX = -1.0f, mouseY = -1.0f;  // window coordinates; negative: outside the window
    bool mouseDown[3] = {};                // left, right, middle
    bool ctrl = false, shift = false, alt = false;
    float wheel = 0.0f;                    // scroll steps up (positive) or down this frame
    std::vector<int> keyPresses;           // GLFW key codes pressed this frame, released the next
    std::string text;                      // characters typed this frame (UTF-8)
    bool quit = false;                     // close the window now, asking nothing
};

// What a script may read of the window besides ImGui's own state.
struct ScriptedFrame {
    int frame = 0;      // frames drawn since the window opened
    std::string title;  // the window's title: the file, and a star while work is unsaved
};

// Called once a frame before ImGui's frame starts, so ImGui's state (GImGui) still tells what
// the last frame drew and what the mouse hovered there.
using InputScript = std::function<void(const ScriptedFrame&, ScriptedInput&)>;

struct AppOptions {
    std::optional<std::string> file;         // head to open; the default head when empty
    LoadOptions load;
    // For scripted runs and the window test: draw this many frames, write the window's
    // picture to `screenshot` (if set) and quit. 0 runs until the user closes the window.
    int exitAfterFrames = 0;
    std::optional<std::string> screenshot;
    // Unsaved work is copied for crash recovery this often (seconds).
    double autosaveSeconds = 60.0;
    // Scripted input instead of the user's. Unlike exitAfterFrames, the window runs as for a user:
    // questions, autosave and the recovery offer at start.
    InputScript script;
};

// Runs the window until it is closed; returns the process exit code.
int runApp(const AppOptions& options);

}  // namespace stipple
