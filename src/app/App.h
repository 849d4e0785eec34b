// The Stipple window: the head in a GLFW/OpenGL viewport with Dear ImGui panels.
#pragma once

#include "io/MeshLoader.h"

#include <optional>
#include <string>

namespace stipple {

struct AppOptions {
    std::optional<std::string> file;         // head to open; the default head when empty
    LoadOptions load;
    // For scripted runs and the window test: draw this many frames, write the window's
    // picture to `screenshot` (if set) and quit. 0 runs until the user closes the window.
    int exitAfterFrames = 0;
    std::optional<std::string> screenshot;
    // Unsaved work is copied for crash recovery this often (seconds).
    double autosaveSeconds = 60.0;
};

// Runs the window until it is closed; returns the process exit code.
int runApp(const AppOptions& options);

}  // namespace stipple
