#include "app/FileBrowser.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace stipple {

bool isMeshFileName(const std::filesystem::path& path) {
    static constexpr std::array kExtensions = {".stipple", ".obj", ".glb", ".gltf", ".fbx", ".dae", ".zae", ".ply",
                                               ".stl", ".3ds", ".blend", ".x3d", ".off", ".lwo", ".ms3d"};
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return std::find(kExtensions.begin(), kExtensions.end(), extension) != kExtensions.end();
}

void FileBrowser::open(const std::filesystem::path& startFolder) {
    open_ = true;
    justOpened_ = true;
    listFolder(startFolder);
}

void FileBrowser::listFolder(const std::filesystem::path& folder) {
    folders_.clear();
    files_.clear();
    std::error_code ec;
    folder_ = std::filesystem::absolute(folder, ec).lexically_normal();
    typedPath_ = folder_.string();
    for (auto it = std::filesystem::directory_iterator(folder_, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        const std::filesystem::path& path = it->path();
        if (path.filename().string().rfind('.', 0) == 0) continue;  // hidden
        std::error_code typeError;
        if (it->is_directory(typeError)) folders_.push_back(path);
        else if (isMeshFileName(path)) files_.push_back(path);
    }
    std::sort(folders_.begin(), folders_.end());
    std::sort(files_.begin(), files_.end());
}

std::optional<std::filesystem::path> FileBrowser::draw() {
    if (!open_) return std::nullopt;
    if (justOpened_) {
        ImGui::OpenPopup("Open head");
        justOpened_ = false;
    }
    std::optional<std::filesystem::path> picked;
    const float scale = ImGui::GetIO().FontGlobalScale;
    ImGui::SetNextWindowSize(ImVec2(620 * scale, 440 * scale), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Open head", &open_)) {
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputText("##path", &typedPath_, ImGuiInputTextFlags_EnterReturnsTrue)) {
            std::error_code ec;
            if (std::filesystem::is_directory(typedPath_, ec)) listFolder(typedPath_);
            else picked = std::filesystem::path(typedPath_);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Type a folder or a file and press Enter");
        ImGui::BeginChild("entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), true);
        if (ImGui::Selectable("../")) listFolder(folder_.parent_path());
        // Entries by position: a name is not a safe ID ("a###x" and "b###x" would be one widget).
        int entry = 0;
        for (const auto& folder : std::vector<std::filesystem::path>(folders_)) {
            ImGui::PushID(entry++);
            if (ImGui::Selectable((folder.filename().string() + "/").c_str())) listFolder(folder);
            ImGui::PopID();
        }
        for (const auto& file : files_) {
            ImGui::PushID(entry++);
            if (ImGui::Selectable(file.filename().string().c_str(), false, ImGuiSelectableFlags_AllowDoubleClick) &&
                ImGui::IsMouseDoubleClicked(0))
                picked = file;
            ImGui::PopID();
        }
        ImGui::EndChild();
        ImGui::TextDisabled("OBJ, glTF/GLB, FBX, DAE/ZAE, PLY, STL, 3DS and other formats Assimp reads");
        ImGui::SameLine(ImGui::GetWindowWidth() - 80 * scale);
        if (ImGui::Button("Cancel")) open_ = false;
        if (picked) open_ = false;
        if (!open_) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    return picked;
}

}  // namespace stipple
