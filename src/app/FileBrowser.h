// File > Open: a small ImGui file browser (ImGui has none, and no native dialog is portable
// across GLFW platforms without another dependency).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace stipple {

class FileBrowser {
public:
    void open(const std::filesystem::path& startFolder);
    // Draws the browser while open; returns a file once the user picks one.
    std::optional<std::filesystem::path> draw();
    bool isOpen() const { return open_; }

private:
    void listFolder(const std::filesystem::path& folder);

    bool open_ = false;
    bool justOpened_ = false;
    std::filesystem::path folder_;
    std::vector<std::filesystem::path> folders_, files_;
    std::string typedPath_;
};

// True for what File > Open lists: projects, OBJ and the formats Assimp imports.
bool isMeshFileName(const std::filesystem::path& path);

}  // namespace stipple
