// What the app keeps between sessions: the recent files, and a recovery copy of unsaved work
// so that a crash or a power cut loses at most the last autosave interval.
#pragma once

#include "io/ProjectFile.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace stipple {

// $XDG_STATE_HOME/stipple, else ~/.local/state/stipple, else a folder in the temp directory.
std::filesystem::path defaultWorkspaceFolder();

class Workspace {
public:
    explicit Workspace(std::filesystem::path folder = defaultWorkspaceFolder());

    // Most recent first, at most kMaxRecentFiles; files that no longer exist are left out.
    static constexpr std::size_t kMaxRecentFiles = 10;
    std::vector<std::string> recentFiles() const;
    void addRecentFile(const std::string& path);

    // The display's pixel density as the user calibrated it (View > Calibrate life size).
    std::optional<float> displayDpi() const;
    void setDisplayDpi(float dpi);

    // Where the calibrated look `name` is kept (io/LookFile.h).
    std::filesystem::path lookPath(const std::string& name) const { return folder_ / "looks" / (name + ".json"); }

    // The recovery copy: a project, and where the user had saved it (empty when never saved).
    std::filesystem::path recoveryProjectPath() const { return folder_ / "recovery.stipple"; }
    bool hasRecovery() const;
    std::string recoverySavedAs() const;
    void writeRecovery(const Project& project, const std::string& savedAs);
    void clearRecovery();

private:
    std::filesystem::path folder_;
};

}  // namespace stipple
