#include "io/Workspace.h"

#include "core/SeenFrom.h"
#include "io/WholeFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

namespace stipple {
namespace {

using Json = nlohmann::json;

constexpr std::uintmax_t kMaxStateFileBytes = 1u << 20;

// The workspace's small JSON files; a missing or damaged one reads as empty: losing the recent
// list must never stop the app from starting.
Json readState(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Json::object();
    try {
        Json json = Json::parse(readFileBytes(path, kMaxStateFileBytes, "a state file"));
        return json.is_object() ? json : Json::object();
    } catch (const std::exception&) {
        return Json::object();
    }
}

void writeState(const std::filesystem::path& path, const Json& json) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    writeFileAtomically(path, json.dump(2));
}

}  // namespace

std::filesystem::path defaultWorkspaceFolder() {
    const char* xdg = std::getenv("XDG_STATE_HOME");
    if (xdg && *xdg && std::filesystem::path(xdg).is_absolute()) return std::filesystem::path(xdg) / "stipple";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::filesystem::path(home) / ".local" / "state" / "stipple";
    std::error_code error;
    const std::filesystem::path temp = std::filesystem::temp_directory_path(error);
    return (error ? std::filesystem::path("/tmp") : temp) / "stipple-state";
}

Workspace::Workspace(std::filesystem::path folder) : folder_(std::move(folder)) {}

std::vector<std::string> Workspace::recentFiles() const {
    std::vector<std::string> files;
    const Json state = readState(folder_ / "recent.json");
    if (!state.contains("files") || !state.at("files").is_array()) return files;
    for (const Json& file : state.at("files")) {
        std::error_code ec;
        if (file.is_string() && std::filesystem::exists(file.get<std::string>(), ec)) files.push_back(file.get<std::string>());
        if (files.size() == kMaxRecentFiles) break;
    }
    return files;
}

void Workspace::addRecentFile(const std::string& path) {
    std::error_code ec;
    const std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
    std::vector<std::string> files = recentFiles();
    files.erase(std::remove(files.begin(), files.end(), absolute), files.end());
    files.insert(files.begin(), absolute);
    if (files.size() > kMaxRecentFiles) files.resize(kMaxRecentFiles);
    writeState(folder_ / "recent.json", Json{{"files", files}});
}

std::optional<float> Workspace::displayDpi() const {
    const Json state = readState(folder_ / "display.json");
    const auto dpi = state.find("dpi");
    if (dpi == state.end() || !dpi->is_number()) return std::nullopt;
    const float value = dpi->get<float>();
    // A damaged file reads as never calibrated, as the recent list does.
    if (!(value >= kMinDisplayDpi && value <= kMaxDisplayDpi)) return std::nullopt;
    return value;
}

void Workspace::setDisplayDpi(float dpi) { writeState(folder_ / "display.json", Json{{"dpi", dpi}}); }

bool Workspace::hasRecovery() const {
    std::error_code ec;
    return std::filesystem::exists(recoveryProjectPath(), ec);
}

std::string Workspace::recoverySavedAs() const {
    return readState(folder_ / "recovery.json").value("saved_as", std::string());
}

void Workspace::writeRecovery(const Project& project, const std::string& savedAs) {
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    writeProject(recoveryProjectPath(), project);
    writeState(folder_ / "recovery.json", Json{{"saved_as", savedAs}});
}

void Workspace::clearRecovery() {
    std::error_code ec;
    std::filesystem::remove(recoveryProjectPath(), ec);
    std::filesystem::remove(folder_ / "recovery.json", ec);
}

}  // namespace stipple
