// Work saved on the way down. A failed assertion (Debian's libimgui.a keeps IM_ASSERT as assert(),
// in release builds too) or any other abort() raises SIGABRT; its handler writes the latest
// snapshot of unsaved work over the workspace's recovery files, then lets the process die. The
// next start offers it as it offers an autosave.
//
// A signal handler may only call async-signal-safe functions: no allocation, no locks, so no
// serialising of the design there. The snapshot is therefore made beforehand, off the main
// thread, soon after each edit: the exact bytes of the recovery files and the paths they go to.
// The handler only runs open, write, fsync, close and rename over them (all async-signal-safe
// in POSIX) and finds them through a lock-free atomic pointer.
#pragma once

#include "io/ProjectFile.h"

#include <signal.h>

#include <filesystem>
#include <memory>
#include <string>

namespace stipple {

// One file the handler writes: its bytes, where they go, and the temporary name written first
// so that a crash inside the handler never leaves half a file under the final name.
struct CrashFile {
    std::string path;
    std::string temporaryPath;
    std::string bytes;
};

struct CrashSnapshot {
    CrashFile project;  // the recovery project
    CrashFile state;    // the workspace's note of where the work was saved
};

// Only one may exist at a time: it owns the process's SIGABRT handler.
class CrashRecovery {
public:
    CrashRecovery();  // installs the handler
    ~CrashRecovery();  // puts the previous handler back
    CrashRecovery(const CrashRecovery&) = delete;
    CrashRecovery& operator=(const CrashRecovery&) = delete;

    // What a crash from now on writes; nullptr: nothing (no unsaved work).
    void keep(std::unique_ptr<CrashSnapshot> snapshot);
    bool holdsSnapshot() const { return current_ != nullptr; }

private:
    std::unique_ptr<CrashSnapshot> current_;
    // The one replaced last stays alive a while: a handler running on another thread at the
    // moment of the swap may still be reading it.
    std::unique_ptr<CrashSnapshot> previous_;
    struct sigaction previousAction_ {};
};

// The recovery files the workspace in `workspaceFolder` would hold for `project`, byte for byte:
// Workspace::writeRecovery into `stagingFolder` (its own folder), read back. Throws InputError.
std::unique_ptr<CrashSnapshot> makeCrashSnapshot(const Project& project, const std::string& savedAs,
                                                 const std::filesystem::path& stagingFolder,
                                                 const std::filesystem::path& workspaceFolder);

}  // namespace stipple
