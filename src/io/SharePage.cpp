#include "io/SharePage.h"

#include "core/Error.h"
#include "core/Lighting.h"
#include "core/OrbitCamera.h"
#include "core/SmpModel.h"
#include "io/WholeFile.h"

#include <glm/trigonometric.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>

namespace stipple {
namespace {

using Json = nlohmann::json;

constexpr std::uintmax_t kMaxTemplateBytes = std::uintmax_t(16) << 20;

// The page's own files (web/share-page/) and the vendored library's, as the export names them.
constexpr const char* kTemplateFiles[] = {"index.html", "style.css", "app.js"};
constexpr const char* kLibraryFiles[][2] = {{"three.min.js", "three.min.js"}, {"LICENSE", "THREE-LICENSE.txt"}};

std::string base64(const void* data, std::size_t size) {
    static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::string text;
    text.reserve((size + 2) / 3 * 4);
    for (std::size_t i = 0; i < size; i += 3) {
        const std::uint32_t chunk = std::uint32_t(bytes[i]) << 16 | (i + 1 < size ? std::uint32_t(bytes[i + 1]) << 8 : 0u) |
                                    (i + 2 < size ? std::uint32_t(bytes[i + 2]) : 0u);
        text += kDigits[(chunk >> 18) & 63];
        text += kDigits[(chunk >> 12) & 63];
        text += i + 1 < size ? kDigits[(chunk >> 6) & 63] : '=';
        text += i + 2 < size ? kDigits[chunk & 63] : '=';
    }
    return text;
}

// Float32 or uint32 arrays as base64 of their little-endian bytes (the page's typed arrays).
template <typename T>
std::string base64Array(const std::vector<T>& values) {
    static_assert(sizeof(T) == 4, "the page reads 32-bit values");
    return base64(values.data(), values.size() * sizeof(T));
}

Json vec3Json(glm::vec3 v) { return {v.x, v.y, v.z}; }

Json cameraJson(const SharePageCamera& camera) {
    return {{"target", vec3Json(camera.targetMm)}, {"eye", vec3Json(camera.eyeMm)},
            {"fovDegrees", glm::degrees(camera.verticalFovRadians)}};
}

std::string shaderSource(const char* name) {
    return readFileBytes(std::filesystem::path(STIPPLE_SHADER_DIR) / name, kMaxTemplateBytes, "a shader");
}

}  // namespace

std::filesystem::path sharePageTemplateDir() { return STIPPLE_SHARE_PAGE_DIR; }
std::filesystem::path sharePageLibraryDir() { return STIPPLE_SHARE_PAGE_LIBRARY_DIR; }

std::string sharePageDataScript(const SharePageContents& contents) {
    Json stages = Json::array();
    for (const StageChoice& stage : kStageChoices)
        stages.push_back({{"name", stage.name}, {"label", stage.label}, {"shortLabel", stage.shortLabel}});
    Json lights = Json::array();
    for (const Choice<Lighting>& light : kLightingChoices) {
        const LightingPreset& preset = lightingPreset(light.value);
        lights.push_back({{"name", light.name}, {"label", light.label},
                          {"keyDirection", vec3Json(preset.keyDirection)}, {"keyRadiance", vec3Json(preset.keyRadiance)},
                          {"fillDirection", vec3Json(preset.fillDirection)}, {"fillRadiance", vec3Json(preset.fillRadiance)},
                          {"skyAmbient", vec3Json(preset.skyAmbient)}, {"groundAmbient", vec3Json(preset.groundAmbient)},
                          {"skinRoughness", preset.skinRoughness}});
    }
    Json views = Json::array();
    for (std::size_t i = 0; i < std::size(kViewChoices) && i < contents.views.size(); ++i) {
        Json view = cameraJson(contents.views[i]);
        view["name"] = kViewChoices[i].name;
        view["label"] = kViewChoices[i].label;
        views.push_back(view);
    }
    Json sessions = Json::array();
    for (const SessionEstimate& s : contents.sessions)
        sessions.push_back({{"session", s.session}, {"fraction", s.fraction}, {"placed", s.placed},
                            {"cumulative", s.cumulative}, {"areaCm2", s.areaCm2}, {"hours", s.hours},
                            {"hoursMin", s.hoursMin}, {"hoursMax", s.hoursMax}});
    const HairlineReadouts& h = contents.hairline;
    Json hairline = {{"hasCurve", contents.hasHairlineCurve}, {"designedAreaCm2", h.designedAreaCm2}};
    if (contents.hasHairlineCurve) {
        hairline["midFrontalHeightMm"] = h.midFrontalHeightMm;
        hairline["lowHairline"] = h.lowHairline;
        hairline["aggressiveMidFrontalMm"] = kAggressiveMidFrontalMm;
        if (h.hasFrontotemporal) hairline["frontotemporalFromMidFrontalMm"] = h.frontotemporalFromMidFrontalMm;
    }
    const Json design = {
        {"title", contents.title},
        {"client", contents.client},
        {"practitioner", contents.practitioner},
        {"date", contents.date},
        {"needle", contents.needle},
        {"depthMm", contents.depthMm},
        {"skin", contents.skin},
        {"impressionCount", contents.impressionCount},
        {"hairline", hairline},
        {"sessions", sessions},
        {"stages", stages},
        {"defaultStage", contents.defaultStage},
        {"lights", lights},
        {"defaultLight", contents.defaultLight},
        {"views", views},
        {"closeUp", cameraJson(contents.closeUp)},
        {"textures", contents.textureKeys},
        {"shading", shaderSource("color.glsl") + "\n" + shaderSource("skin.glsl")},
    };
    // dump() escapes every character JSON must; "</" cannot end a script that is a file of its own.
    return "// The design this page shows, written by Stipple's export (docs/share-page.md).\n"
           "window.STIPPLE_DESIGN = " + design.dump(1) + ";\n";
}

std::string sharePageHeadScript(const HeadMesh& mesh) {
    std::vector<float> positions, normals, uvs;
    for (const glm::vec3& p : mesh.positions) positions.insert(positions.end(), {p.x, p.y, p.z});
    for (const glm::vec3& n : mesh.normals) normals.insert(normals.end(), {n.x, n.y, n.z});
    for (const glm::vec2& uv : mesh.uvs) uvs.insert(uvs.end(), {uv.x, uv.y});
    std::vector<std::uint32_t> indices;
    for (const glm::uvec3& t : mesh.triangles) indices.insert(indices.end(), {t.x, t.y, t.z});
    const Json head = {{"vertexCount", mesh.positions.size()},
                       {"triangleCount", mesh.triangles.size()},
                       {"positions", base64Array(positions)},
                       {"normals", base64Array(normals)},
                       {"uvs", base64Array(uvs)},
                       {"indices", base64Array(indices)}};
    return "// The head in mm (+Y up, +Z out of the face), written by Stipple's export.\n"
           "window.STIPPLE_HEAD = " + head.dump() + ";\n";
}

std::string sharePageTextureScript(const SharePageTexture& texture) {
    return "stippleTexture(" + Json(texture.key).dump() + ", " + std::to_string(texture.size) +
           ", \"data:image/jpeg;base64," + base64(texture.jpeg.data(), texture.jpeg.size()) + "\");\n";
}

bool isSharePage(const std::filesystem::path& folder) {
    std::error_code error;
    return std::filesystem::is_regular_file(folder / "index.html", error) &&
           std::filesystem::is_regular_file(folder / "data.js", error) &&
           std::filesystem::is_directory(folder / "textures", error);
}

void writeSharePageStaticFiles(const std::filesystem::path& folder) {
    const auto copy = [&folder](const std::filesystem::path& from, const char* to) {
        std::error_code error;
        if (!std::filesystem::is_regular_file(from, error))
            throw InternalError(from.string() + ": a file of the shared page is missing from Stipple's installation");
        writeFileAtomically(folder / to, readFileBytes(from, kMaxTemplateBytes, "a file of the shared page"));
    };
    for (const char* name : kTemplateFiles) copy(sharePageTemplateDir() / name, name);
    for (const auto& [from, to] : kLibraryFiles) copy(sharePageLibraryDir() / from, to);
}

}  // namespace stipple
