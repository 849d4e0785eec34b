#include "io/ProjectFile.h"

#include "core/Error.h"
#include "io/WholeFile.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace stipple {
namespace {

using Json = nlohmann::json;

constexpr char kMagic[8] = {'S', 'T', 'I', 'P', 'P', 'L', 'E', '\x1a'};
constexpr const char* kFormatName = "stipple-project";
// Limits for files from other machines: far above any real design, far below harm.
constexpr std::uint64_t kMaxHeaderBytes = 1u << 20;
constexpr int kMaxLayerSide = 16384;
constexpr std::size_t kMaxLayers = 16;
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t(4) << 30;

const char* layerName(LayerKind kind) { return layerSpec(kind).name; }

Json hairlineJson(const HairlineDesign& hairline) {
    Json points = Json::array();
    for (const glm::vec3& p : hairline.leftHalf) points.push_back({p.x, p.y, p.z});
    const HairlineMaskSettings& s = hairline.settings;
    return {{"left_half", points},
            {"frontotemporal", hairline.frontotemporal},
            {"settings",
             {{"transition_mm", s.transitionMm},
              {"micro_amplitude_mm", s.microAmplitudeMm}, {"micro_wavelength_mm", s.microWavelengthMm},
              {"macro_amplitude_mm", s.macroAmplitudeMm}, {"macro_wavelength_mm", s.macroWavelengthMm},
              {"island_chance", s.islandChance}, {"island_spacing_mm", s.islandSpacingMm},
              {"island_radius_mm", s.islandRadiusMm}, {"island_reach_mm", s.islandReachMm},
              {"temple_lift_mm", s.templeLiftMm}, {"seed", s.seed}}}};
}

// Throws InputError (through validateHairlineMask) or Json::exception for anything malformed.
HairlineDesign hairlineFrom(const Json& json, const std::string& file) {
    HairlineDesign hairline;
    const Json& points = json.at("left_half");
    if (!points.is_array() || points.size() < 2 || points.size() > 64)
        throw InputError(file + ": the hairline needs 2 to 64 control points");
    for (const Json& p : points) {
        const glm::vec3 v(p.at(0).get<float>(), p.at(1).get<float>(), p.at(2).get<float>());
        if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z))
            throw InputError(file + ": a hairline control point is not finite");
        hairline.leftHalf.push_back(v);
    }
    hairline.frontotemporal = json.at("frontotemporal").get<int>();
    if (hairline.frontotemporal < -1 || hairline.frontotemporal >= int(points.size()))
        throw InputError(file + ": the hairline's frontotemporal point is not one of its points");
    const Json& s = json.at("settings");
    HairlineMaskSettings& m = hairline.settings;
    m.transitionMm = s.at("transition_mm").get<float>();
    m.microAmplitudeMm = s.at("micro_amplitude_mm").get<float>();
    m.microWavelengthMm = s.at("micro_wavelength_mm").get<float>();
    m.macroAmplitudeMm = s.at("macro_amplitude_mm").get<float>();
    m.macroWavelengthMm = s.at("macro_wavelength_mm").get<float>();
    m.islandChance = s.at("island_chance").get<float>();
    m.islandSpacingMm = s.at("island_spacing_mm").get<float>();
    m.islandRadiusMm = s.at("island_radius_mm").get<float>();
    m.islandReachMm = s.at("island_reach_mm").get<float>();
    m.templeLiftMm = s.at("temple_lift_mm").get<float>();
    m.seed = s.at("seed").get<std::uint32_t>();
    validateHairlineMask(m);
    return hairline;
}

// The design's settings as fields of the header's "design" object.
Json settingsJson(const DesignSettings& settings) {
    const BrushSettings& brush = settings.brush;
    Json json = {{"needle_preset", settings.needlePreset},
                 {"depth_mm", settings.depthMm},
                 {"skin", {{"fitzpatrick", settings.skinType},
                           {"custom_srgb", {settings.customSkinSrgb.x, settings.customSkinSrgb.y, settings.customSkinSrgb.z}}}},
                 {"native_hair", {{"colour_srgb", {settings.hairColourSrgb.x, settings.hairColourSrgb.y, settings.hairColourSrgb.z}},
                                  {"length", settings.longHair ? "long" : "shaved"}}},
                 {"preview", {{"stage", settings.stage ? stageName(*settings.stage) : "designed"},
                              {"light", lightingPreset(settings.lighting).name}}},
                 {"brush", {{"tool", brushToolName(brush.tool)}, {"mode", brushModeName(brush.mode)},
                            {"value", brush.value}, {"radius_mm", brush.radiusMm}, {"strength", brush.strength},
                            {"hardness", brush.hardness}, {"symmetry", brush.symmetry}}}};
    if (settings.view) {
        const ViewPose& view = *settings.view;
        json["view"] = {{"target_mm", {view.targetMm.x, view.targetMm.y, view.targetMm.z}},
                        {"yaw_radians", view.yawRadians}, {"pitch_radians", view.pitchRadians},
                        {"distance_mm", view.distanceMm}};
    }
    return json;
}

glm::vec3 vec3From(const Json& json, const std::string& file, const char* what) {
    if (!json.is_array() || json.size() != 3) throw InputError(file + ": " + what + " is not [x, y, z]");
    return {json.at(0).get<float>(), json.at(1).get<float>(), json.at(2).get<float>()};
}

// Settings a file leaves out keep their defaults: version 1 files from before they were saved
// carry only the needle. Throws InputError or Json::exception for anything malformed.
DesignSettings settingsFrom(const Json& design, const std::string& file) {
    DesignSettings settings;
    settings.needlePreset = design.value("needle_preset", settings.needlePreset);
    settings.depthMm = design.value("depth_mm", settings.depthMm);
    if (design.contains("skin")) {
        const Json& skin = design.at("skin");
        settings.skinType = skin.at("fitzpatrick").get<int>();
        settings.customSkinSrgb = vec3From(skin.at("custom_srgb"), file, "the custom skin colour");
    }
    if (design.contains("native_hair")) {
        const Json& hair = design.at("native_hair");
        settings.hairColourSrgb = vec3From(hair.at("colour_srgb"), file, "the hair colour");
        const std::string length = hair.value("length", "shaved");
        if (length != "shaved" && length != "long") throw InputError(file + ": unknown hair length '" + length + "'");
        settings.longHair = length == "long";
    }
    if (design.contains("preview")) {
        const Json& preview = design.at("preview");
        const std::string stage = preview.at("stage").get<std::string>();
        settings.stage = parseStage(stage);
        if (!settings.stage && stage != "designed") throw InputError(file + ": unknown preview stage '" + stage + "'");
        const std::string light = preview.at("light").get<std::string>();
        const std::optional<Lighting> lighting = parseLighting(light);
        if (!lighting) throw InputError(file + ": unknown light '" + light + "'");
        settings.lighting = *lighting;
    }
    if (design.contains("brush")) {
        const Json& json = design.at("brush");
        const std::string toolName = json.at("tool").get<std::string>(), modeName = json.at("mode").get<std::string>();
        const std::optional<BrushTool> tool = parseBrushTool(toolName);
        const std::optional<BrushMode> mode = parseBrushMode(modeName);
        if (!tool || !mode) throw InputError(file + ": unknown brush '" + toolName + "' / '" + modeName + "'");
        BrushSettings& brush = settings.brush;
        brush.tool = *tool;
        brush.mode = *mode;
        brush.value = json.at("value").get<float>();
        brush.radiusMm = json.at("radius_mm").get<float>();
        brush.strength = json.at("strength").get<float>();
        brush.hardness = json.at("hardness").get<float>();
        brush.symmetry = json.at("symmetry").get<bool>();
    }
    if (design.contains("view")) {
        const Json& json = design.at("view");
        settings.view = ViewPose{vec3From(json.at("target_mm"), file, "the view's target"), json.at("yaw_radians").get<float>(),
                                 json.at("pitch_radians").get<float>(), json.at("distance_mm").get<float>()};
    }
    validateDesignSettings(settings, file);
    return settings;
}

// The "design" fields this version writes; any other is kept as unknown.
bool knownDesignField(const std::string& key) {
    for (const char* known : {"needle_preset", "depth_mm", "skin", "native_hair", "preview", "brush", "view", "hairline"})
        if (key == known) return true;
    return false;
}

std::string compress(const std::vector<float>& texels, const std::string& file) {
    static_assert(sizeof(float) == 4, "layers are stored as 32-bit floats");
    const auto* bytes = reinterpret_cast<const Bytef*>(texels.data());
    const uLong size = uLong(texels.size() * sizeof(float));
    std::string out(compressBound(size), '\0');
    uLongf outSize = uLongf(out.size());
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &outSize, bytes, size, Z_DEFAULT_COMPRESSION) != Z_OK)
        throw InternalError(file + ": a layer could not be compressed");
    out.resize(outSize);
    return out;
}

std::vector<float> inflate(const char* data, std::size_t size, std::size_t texelCount, const std::string& where) {
    std::vector<float> texels(texelCount);
    uLongf outSize = uLongf(texelCount * sizeof(float));
    const int result = uncompress(reinterpret_cast<Bytef*>(texels.data()), &outSize,
                                  reinterpret_cast<const Bytef*>(data), uLong(size));
    if (result != Z_OK || outSize != texelCount * sizeof(float))
        throw InputError(where + " is damaged (its data does not decompress to the stated size)");
    return texels;
}

}  // namespace

std::string headPathForProject(const std::filesystem::path& projectPath, const std::filesystem::path& headPath) {
    std::error_code ec;
    const std::filesystem::path folder = std::filesystem::absolute(projectPath, ec).parent_path();
    const std::filesystem::path head = std::filesystem::absolute(headPath, ec).lexically_normal();
    const std::filesystem::path relative = head.lexically_relative(folder);
    if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
    return head.generic_string();
}

std::filesystem::path resolveHeadPath(const std::filesystem::path& projectPath, const std::string& storedPath) {
    const std::filesystem::path stored(storedPath);
    if (stored.is_absolute()) return stored;
    std::error_code ec;
    return (std::filesystem::absolute(projectPath, ec).parent_path() / stored).lexically_normal();
}

bool isPlainFileName(const std::string& name) {
    if (name.empty() || name.size() > 100 || name[0] == '.') return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    });
}

bool looksLikeProject(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[sizeof kMagic] = {};
    in.read(magic, sizeof magic);
    return in.gcount() == sizeof magic && std::memcmp(magic, kMagic, sizeof kMagic) == 0;
}

void writeProject(const std::filesystem::path& path, const Project& project) {
    const std::string file = path.string();
    Json layers = Json::array();
    std::vector<std::string> blocks;
    for (const Layer& layer : project.layers) {
        blocks.push_back(compress(layer.texels(), file));
        layers.push_back({{"kind", layerName(layer.kind())},
                          {"width", layer.width()},
                          {"height", layer.height()},
                          {"encoding", "zlib-float32le"},
                          {"bytes", blocks.back().size()}});
    }
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(project.headHash));
    Json head = {{"path", project.headPath}, {"content_hash", hash}};
    if (project.millimetresPerUnit) head["millimetres_per_unit"] = *project.millimetresPerUnit;
    if (const auto& embedded = project.embeddedHead) {
        if (!isPlainFileName(embedded->fileName))
            throw InputError(file + ": the head's file name '" + embedded->fileName + "' cannot be embedded");
        head["embedded"] = {{"file_name", embedded->fileName},
                            {"bytes", embedded->mesh.size()},
                            {"sidecar_bytes", embedded->sidecar.size()}};
        blocks.push_back(embedded->mesh);
        blocks.push_back(embedded->sidecar);
    }
    Json header = Json::parse(project.unknownFields, nullptr, false);
    if (!header.is_object()) header = Json::object();
    Json design = header.contains("design") && header.at("design").is_object() ? header.at("design") : Json::object();
    design.update(settingsJson(project.settings));
    if (project.hairline) design["hairline"] = hairlineJson(*project.hairline);
    header.update(Json{{"format", kFormatName},
                       {"version", kProjectFormatVersion},
                       {"head", head},
                       {"design", design},
                       {"layers", layers}});
    const std::string headerText = header.dump(2);
    std::string bytes(kMagic, sizeof kMagic);
    const std::uint64_t headerSize = headerText.size();
    for (int shift = 0; shift < 64; shift += 8) bytes.push_back(char((headerSize >> shift) & 0xff));
    bytes += headerText;
    for (const std::string& block : blocks) bytes += block;
    writeFileAtomically(path, bytes);
}

Project readProject(const std::filesystem::path& path) {
    const std::string file = path.string();
    const std::string bytes = readFileBytes(path, kMaxFileBytes, "a project");
    if (bytes.size() < sizeof kMagic + 8 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        throw InputError(file + ": not a Stipple project");
    std::uint64_t headerSize = 0;
    for (int i = 0; i < 8; ++i) headerSize |= std::uint64_t(std::uint8_t(bytes[sizeof kMagic + std::size_t(i)])) << (8 * i);
    const std::size_t headerStart = sizeof kMagic + 8;
    if (headerSize > kMaxHeaderBytes || headerSize > bytes.size() - headerStart)
        throw InputError(file + ": the project's header is truncated or damaged");

    Project project;
    std::size_t offset = headerStart + std::size_t(headerSize);
    try {
        const Json header = Json::parse(bytes.substr(headerStart, std::size_t(headerSize)));
        if (header.value("format", "") != kFormatName) throw InputError(file + ": not a Stipple project");
        const int version = header.at("version").get<int>();
        if (version > kProjectFormatVersion)
            throw InputError(file + ": made by a newer Stipple (project version " + std::to_string(version) +
                             "); this one reads up to version " + std::to_string(kProjectFormatVersion));
        Json unknown = Json::object();
        for (const auto& [key, value] : header.items())
            if (key != "format" && key != "version" && key != "head" && key != "design" && key != "layers") unknown[key] = value;
        for (const auto& [key, value] : header.at("design").items())
            if (!knownDesignField(key)) unknown["design"][key] = value;
        project.unknownFields = unknown.dump();
        const Json& head = header.at("head");
        project.headPath = head.at("path").get<std::string>();
        project.headHash = std::stoull(head.at("content_hash").get<std::string>(), nullptr, 16);
        if (head.contains("millimetres_per_unit")) {
            const float unit = head.at("millimetres_per_unit").get<float>();
            if (!(unit > 0.0f && unit < 1e6f)) throw InputError(file + ": the head's unit is not a positive number");
            project.millimetresPerUnit = unit;
        }
        project.settings = settingsFrom(header.at("design"), file);
        if (header.at("design").contains("hairline")) project.hairline = hairlineFrom(header.at("design").at("hairline"), file);
        const Json& layers = header.at("layers");
        if (!layers.is_array() || layers.size() > kMaxLayers) throw InputError(file + ": the layer list is damaged");
        std::array<bool, kLayerKindCount> seen{};
        for (const Json& entry : layers) {
            const std::string name = entry.at("kind").get<std::string>();
            const std::string where = file + ": layer '" + name + "'";
            const auto kind = std::find_if(kLayerKinds.begin(), kLayerKinds.end(),
                                           [&](LayerKind k) { return name == layerName(k); });
            const int width = entry.at("width").get<int>(), height = entry.at("height").get<int>();
            const std::uint64_t blockSize = entry.at("bytes").get<std::uint64_t>();
            if (entry.value("encoding", "") != "zlib-float32le") throw InputError(where + " has an unknown encoding");
            if (width < 1 || height < 1 || width > kMaxLayerSide || height > kMaxLayerSide)
                throw InputError(where + " has an impossible size " + std::to_string(width) + "x" + std::to_string(height));
            if (blockSize > bytes.size() - offset) throw InputError(where + " is truncated");
            if (kind == kLayerKinds.end()) {
                offset += std::size_t(blockSize);  // a layer this version does not know: skipped
                continue;
            }
            if (seen[std::size_t(*kind)]) throw InputError(where + " appears twice");
            seen[std::size_t(*kind)] = true;
            Layer layer(*kind, width, height);
            layer.texels() = inflate(bytes.data() + offset, std::size_t(blockSize), layer.texels().size(), where);
            for (float v : layer.texels())
                if (!(v >= layer.spec().minValue && v <= layer.spec().maxValue))
                    throw InputError(where + " holds values outside " + std::to_string(layer.spec().minValue) + ".." +
                                     std::to_string(layer.spec().maxValue));
            offset += std::size_t(blockSize);
            project.layers.push_back(std::move(layer));
        }
        // Native hair came later: a project without it describes a client with none.
        if (!seen[std::size_t(LayerKind::NativeHair)]) {
            const int size = layerSpec(LayerKind::NativeHair).defaultSize;
            project.layers.emplace_back(LayerKind::NativeHair, size, size);
            seen[std::size_t(LayerKind::NativeHair)] = true;
        }
        for (LayerKind kind : kLayerKinds)
            if (!seen[std::size_t(kind)]) throw InputError(file + ": the " + std::string(layerName(kind)) + " layer is missing");
        if (head.contains("embedded")) {
            const Json& embedded = head.at("embedded");
            EmbeddedHead carried;
            carried.fileName = embedded.at("file_name").get<std::string>();
            if (!isPlainFileName(carried.fileName))
                throw InputError(file + ": the embedded head's file name is not a plain file name");
            const std::uint64_t meshBytes = embedded.at("bytes").get<std::uint64_t>();
            const std::uint64_t sidecarBytes = embedded.at("sidecar_bytes").get<std::uint64_t>();
            if (meshBytes > bytes.size() - offset || sidecarBytes > bytes.size() - offset - meshBytes)
                throw InputError(file + ": the embedded head is truncated");
            carried.mesh = bytes.substr(offset, std::size_t(meshBytes));
            carried.sidecar = bytes.substr(offset + std::size_t(meshBytes), std::size_t(sidecarBytes));
            project.embeddedHead = std::move(carried);
        }
        std::sort(project.layers.begin(), project.layers.end(),
                  [](const Layer& a, const Layer& b) { return a.kind() < b.kind(); });
    } catch (const Json::exception& e) {
        throw InputError(file + ": the project's header is damaged (" + e.what() + ")");
    } catch (const std::invalid_argument&) {
        throw InputError(file + ": the head's content hash is not a hexadecimal number");
    } catch (const std::out_of_range&) {
        throw InputError(file + ": the head's content hash is out of range");
    }
    return project;
}

}  // namespace stipple
