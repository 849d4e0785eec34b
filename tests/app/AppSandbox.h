// A place where a scripted window may do what a user does: its own workspace (recent files,
// recovery copy), the current folder (where dialogs suggest writing) and a copy of the default
// head (where Save suggests the project), all in a temporary folder.
#pragma once

#include "TempFolder.h"
#include "io/Design.h"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace stipple::test {

class AppSandbox {
public:
    AppSandbox() : previousFolder_(std::filesystem::current_path()) {
        if (const char* state = std::getenv("XDG_STATE_HOME")) previousState_ = state;
        const std::filesystem::path source = defaultHeadPath();
        head_ = folder_.path() / source.filename();
        std::filesystem::copy_file(source, head_);
        std::filesystem::path sidecar = source;
        sidecar.replace_extension(".head.json");
        std::filesystem::copy_file(sidecar, folder_.path() / sidecar.filename());
        setenv("XDG_STATE_HOME", (folder_.path() / "state").c_str(), 1);
        std::filesystem::current_path(folder_.path());
    }
    ~AppSandbox() {
        std::filesystem::current_path(previousFolder_);
        if (previousState_) setenv("XDG_STATE_HOME", previousState_->c_str(), 1);
        else unsetenv("XDG_STATE_HOME");
    }
    AppSandbox(const AppSandbox&) = delete;
    AppSandbox& operator=(const AppSandbox&) = delete;

    const std::filesystem::path& folder() const { return folder_.path(); }
    const std::filesystem::path& head() const { return head_; }
    std::filesystem::path workspace() const { return folder_.path() / "state" / "stipple"; }

private:
    TempFolder folder_;
    std::filesystem::path previousFolder_;
    std::optional<std::string> previousState_;
    std::filesystem::path head_;
};

}  // namespace stipple::test
