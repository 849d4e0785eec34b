#include "io/ProjectFile.h"

#include "core/Error.h"
#include "io/JsonField.h"
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
#include <iterator>
#include <limits>
#include <utility>

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

// Coordinates in mm, far beyond any head: a bound that keeps every later sum finite.
constexpr float kCoordinateLimitMm = 1e5f;

HairlineDesign hairlineFrom(const JsonField& json) {
    HairlineDesign hairline;
    const JsonField points = json["left_half"];
    const std::size_t count = points.arraySize(2, 64);
    for (std::size_t i = 0; i < count; ++i) hairline.leftHalf.push_back(points.element(i).vec3(kCoordinateLimitMm));
    hairline.frontotemporal = int(json["frontotemporal"].integer(-1, std::int64_t(count) - 1));
    // Bounds a little beyond the Hairline panel's and the styles' values; validateHairlineMask's
    // rules (positive widths, chance in 0..1) hold inside them.
    const JsonField s = json["settings"];
    HairlineMaskSettings& m = hairline.settings;
    m.transitionMm = s["transition_mm"].real(0.1f, 100.0f);
    m.microAmplitudeMm = s["micro_amplitude_mm"].real(0.0f, 50.0f);
    m.microWavelengthMm = s["micro_wavelength_mm"].real(0.1f, 500.0f);
    m.macroAmplitudeMm = s["macro_amplitude_mm"].real(0.0f, 50.0f);
    m.macroWavelengthMm = s["macro_wavelength_mm"].real(0.1f, 500.0f);
    m.islandChance = s["island_chance"].real(0.0f, 1.0f);
    m.islandSpacingMm = s["island_spacing_mm"].real(0.1f, 100.0f);
    m.islandRadiusMm = s["island_radius_mm"].real(0.01f, 50.0f);
    m.islandReachMm = s["island_reach_mm"].real(0.0f, 100.0f);
    m.templeLiftMm = s["temple_lift_mm"].real(0.0f, 100.0f);
    m.seed = std::uint32_t(s["seed"].integer(0, std::numeric_limits<std::uint32_t>::max()));
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
                                  {"length", settings.longHair ? "long" : "shaved"},
                                  {"stubble_mm", settings.stubbleMm}, {"grey_share", settings.greyHairShare}}},
                 {"preview", {{"stage", settings.stage ? stageName(*settings.stage) : kAsDesignedName},
                              {"light", lightingName(settings.lighting)}}},
                 {"brush", {{"tool", brushToolName(brush.tool)}, {"mode", brushModeName(brush.mode)},
                            {"value", brush.value}, {"radius_mm", brush.radiusMm}, {"strength", brush.strength},
                            {"hardness", brush.hardness}, {"symmetry", brush.symmetry}}}};
    const ConsultationDetails& consultation = settings.consultation;
    if (!consultation.client.empty() || !consultation.practitioner.empty() || !consultation.date.empty())
        json["consultation"] = {{"client", consultation.client}, {"practitioner", consultation.practitioner},
                                {"date", consultation.date}};
    if (settings.view) {
        const ViewPose& view = *settings.view;
        json["view"] = {{"target_mm", {view.targetMm.x, view.targetMm.y, view.targetMm.z}},
                        {"yaw_radians", view.yawRadians}, {"pitch_radians", view.pitchRadians},
                        {"distance_mm", view.distanceMm}};
    }
    return json;
}

// Settings a file leaves out keep their defaults: version 1 files from before they were saved
// carry only the needle.
DesignSettings settingsFrom(const JsonField& design, const std::string& file) {
    DesignSettings settings;
    if (const auto needle = design.optional("needle_preset"))
        settings.needlePreset = int(needle->integer(0, std::int64_t(std::size(kNeedlePresets)) - 1));
    if (const auto depth = design.optional("depth_mm")) settings.depthMm = depth->real(kMinDepthMm, kMaxDepthMm);
    if (const auto skin = design.optional("skin")) {
        settings.skinType = int((*skin)["fitzpatrick"].integer(0, kFitzpatrickTypeCount));  // 0: the custom colour
        settings.customSkinSrgb = (*skin)["custom_srgb"].colour();
    }
    if (const auto hair = design.optional("native_hair")) {
        settings.hairColourSrgb = (*hair)["colour_srgb"].colour();
        if (const auto length = hair->optional("length")) {
            const std::string value = length->text(16);
            if (value != "shaved" && value != "long") length->refuse("\"shaved\" or \"long\"");
            settings.longHair = value == "long";
        }
        if (const auto stubble = hair->optional("stubble_mm")) settings.stubbleMm = stubble->real(0.0f, kMaxStubbleMm);
        if (const auto grey = hair->optional("grey_share")) settings.greyHairShare = grey->real(0.0f, 1.0f);
    }
    if (const auto preview = design.optional("preview")) {
        const JsonField stage = (*preview)["stage"];
        if (stage.json() != kAsDesignedName) settings.stage = stage.choice(kStageChoices);
        settings.lighting = (*preview)["light"].choice(kLightingChoices);
    }
    if (const auto json = design.optional("brush")) {
        BrushSettings& brush = settings.brush;
        brush.tool = (*json)["tool"].choice(kBrushToolChoices);
        brush.mode = (*json)["mode"].choice(kBrushModeChoices);
        brush.value = (*json)["value"].real(-1000.0f, 1000.0f);
        brush.radiusMm = (*json)["radius_mm"].real(0.05f, 200.0f);
        brush.strength = (*json)["strength"].real(0.0f, 1.0f);
        brush.hardness = (*json)["hardness"].real(0.0f, 1.0f);
        brush.symmetry = (*json)["symmetry"].boolean();
    }
    if (const auto json = design.optional("view")) {
        constexpr float kTurns = 1e4f;  // radians: any angle, wound up many times by orbiting
        settings.view = ViewPose{(*json)["target_mm"].vec3(kCoordinateLimitMm), (*json)["yaw_radians"].real(-kTurns, kTurns),
                                 (*json)["pitch_radians"].real(-kTurns, kTurns),
                                 (*json)["distance_mm"].real(0.001f, 999999.0f)};
    }
    if (const auto json = design.optional("consultation")) {
        constexpr std::size_t kMaxNameLength = 200;
        settings.consultation = {(*json)["client"].text(kMaxNameLength), (*json)["practitioner"].text(kMaxNameLength),
                                 (*json)["date"].text(64)};
    }
    validateDesignSettings(settings, file);
    return settings;
}

// The "design" fields this version writes; any other is kept as unknown.
bool knownDesignField(const std::string& key) {
    for (const char* known : {"needle_preset", "depth_mm", "skin", "native_hair", "preview", "brush", "view", "hairline",
                             "consultation"})
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

namespace {

// The project's layers, read from their blocks in `bytes` starting at `offset` (moved past them).
std::vector<Layer> layersFrom(const JsonField& list, const std::string& bytes, std::size_t& offset) {
    std::vector<Layer> layers;
    std::array<bool, kLayerKindCount> seen{};
    const std::size_t count = list.arraySize(0, kMaxLayers);
    for (std::size_t i = 0; i < count; ++i) {
        const JsonField entry = list.element(i);
        const JsonField kindField = entry["kind"];
        const std::string name = kindField.text(64);
        const std::string where = entry.where() + " (layer '" + name + "')";
        const auto kind = std::find_if(kLayerKinds.begin(), kLayerKinds.end(),
                                       [&](LayerKind k) { return name == layerName(k); });
        const int width = int(entry["width"].integer(1, kMaxLayerSide));
        const int height = int(entry["height"].integer(1, kMaxLayerSide));
        const JsonField blockField = entry["bytes"];
        const auto blockSize = std::uint64_t(blockField.integer(0, std::int64_t(bytes.size() - offset)));
        if (const JsonField encoding = entry["encoding"]; encoding.text(64) != "zlib-float32le")
            encoding.refuse("\"zlib-float32le\"");
        if (kind == kLayerKinds.end()) {
            offset += std::size_t(blockSize);  // a layer this version does not know: skipped
            continue;
        }
        if (seen[std::size_t(*kind)]) kindField.refuse("a layer that appears once, but it appears twice");
        seen[std::size_t(*kind)] = true;
        Layer layer(*kind, width, height);
        layer.texels() = inflate(bytes.data() + offset, std::size_t(blockSize), layer.texels().size(), where);
        for (float v : layer.texels())
            if (!(v >= layer.spec().minValue && v <= layer.spec().maxValue))
                throw InputError(where + " holds values outside " + std::to_string(layer.spec().minValue) + ".." +
                                 std::to_string(layer.spec().maxValue));
        offset += std::size_t(blockSize);
        layers.push_back(std::move(layer));
    }
    // Native hair came later: a project without it describes a client with none.
    if (!seen[std::size_t(LayerKind::NativeHair)]) {
        const int size = layerSpec(LayerKind::NativeHair).defaultSize;
        layers.emplace_back(LayerKind::NativeHair, size, size);
        seen[std::size_t(LayerKind::NativeHair)] = true;
    }
    for (LayerKind kind : kLayerKinds)
        if (!seen[std::size_t(kind)])
            throw InputError(list.where() + " has no " + std::string(layerName(kind)) + " layer");
    std::sort(layers.begin(), layers.end(), [](const Layer& a, const Layer& b) { return a.kind() < b.kind(); });
    return layers;
}

// The head the project was made on: where it is, its hash and unit, and its copy when embedded.
void headFrom(const JsonField& head, const std::string& bytes, std::size_t offset, Project& project) {
    project.headPath = head["path"].text();
    const JsonField hash = head["content_hash"];
    const std::string hex = hash.text(16);
    if (hex.empty() || !std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
        hash.refuse("a hexadecimal number of at most 16 digits");
    project.headHash = std::stoull(hex, nullptr, 16);
    if (const auto unit = head.optional("millimetres_per_unit")) project.millimetresPerUnit = unit->real(1e-6f, 1e6f);
    if (const auto embedded = head.optional("embedded")) {
        EmbeddedHead carried;
        const JsonField fileName = (*embedded)["file_name"];
        carried.fileName = fileName.text(100);
        if (!isPlainFileName(carried.fileName)) fileName.refuse("a plain file name (letters, digits, . - _)");
        const std::size_t left = bytes.size() - offset;
        const auto meshBytes = std::size_t((*embedded)["bytes"].integer(0, std::int64_t(left)));
        const auto sidecarBytes = std::size_t((*embedded)["sidecar_bytes"].integer(0, std::int64_t(left - meshBytes)));
        carried.mesh = bytes.substr(offset, meshBytes);
        carried.sidecar = bytes.substr(offset + meshBytes, sidecarBytes);
        project.embeddedHead = std::move(carried);
    }
}

// The header's JSON, checked to be a project this version reads, and where the blocks after
// it start.
std::pair<Json, std::size_t> headerFrom(const std::string& bytes, const std::string& file) {
    if (bytes.size() < sizeof kMagic + 8 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        throw InputError(file + ": not a Stipple project");
    std::uint64_t headerSize = 0;
    for (int i = 0; i < 8; ++i) headerSize |= std::uint64_t(std::uint8_t(bytes[sizeof kMagic + std::size_t(i)])) << (8 * i);
    const std::size_t headerStart = sizeof kMagic + 8;
    if (headerSize > kMaxHeaderBytes || headerSize > bytes.size() - headerStart)
        throw InputError(file + ": the project's header is truncated or damaged");
    Json header;
    try {
        header = Json::parse(bytes.substr(headerStart, std::size_t(headerSize)));
    } catch (const Json::exception& e) {
        throw InputError(file + ": the project's header is damaged (" + e.what() + ")");
    }
    if (!header.is_object() || header.value("format", Json()) != kFormatName) throw InputError(file + ": not a Stipple project");
    const std::int64_t version = JsonField(header, file)["version"].integer(1, std::numeric_limits<int>::max());
    if (version > kProjectFormatVersion)
        throw InputError(file + ": made by a newer Stipple (project version " + std::to_string(version) +
                         "); this one reads up to version " + std::to_string(kProjectFormatVersion));
    return {std::move(header), headerStart + std::size_t(headerSize)};
}

// The header's fields this version does not know, at the top and in the design, as JSON: a
// later save writes them back.
std::string unknownFieldsOf(const Json& header) {
    Json unknown = Json::object();
    for (const auto& [key, value] : header.items())
        if (key != "format" && key != "version" && key != "head" && key != "design" && key != "layers") unknown[key] = value;
    for (const auto& [key, value] : header.at("design").items())
        if (!knownDesignField(key)) unknown["design"][key] = value;
    return unknown.dump();
}

}  // namespace

Project readProject(const std::filesystem::path& path) {
    const std::string file = path.string();
    const std::string bytes = readFileBytes(path, kMaxFileBytes, "a project");
    const auto [header, blocksStart] = headerFrom(bytes, file);
    const JsonField root(header, file);
    const JsonField design = root["design"];
    if (!design.json().is_object()) design.refuse("an object");

    Project project;
    project.unknownFields = unknownFieldsOf(header);
    project.settings = settingsFrom(design, file);
    if (const auto hairline = design.optional("hairline")) project.hairline = hairlineFrom(*hairline);
    std::size_t offset = blocksStart;
    project.layers = layersFrom(root["layers"], bytes, offset);
    headFrom(root["head"], bytes, offset, project);
    return project;
}

}  // namespace stipple
