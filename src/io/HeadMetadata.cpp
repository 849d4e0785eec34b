#include "io/HeadMetadata.h"

#include "core/Error.h"
#include "io/JsonField.h"
#include "io/WholeFile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace stipple {
namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kFormatName = "stipple-head";

using Json = nlohmann::json;

Json toJson(const glm::vec3& v) { return Json::array({v.x, v.y, v.z}); }

// Landmarks lie on the head, in mm: far inside this.
constexpr float kCoordinateLimitMm = 1e5f;

}  // namespace

std::filesystem::path headMetadataPathFor(const std::filesystem::path& meshPath) {
    std::filesystem::path sidecar = meshPath;
    sidecar.replace_extension(".head.json");
    return sidecar;
}

bool readHeadMetadata(const std::filesystem::path& sidecar, HeadMesh& mesh) {
    std::error_code ec;
    if (!std::filesystem::exists(sidecar, ec)) return false;
    const std::string file = sidecar.string();
    constexpr std::uintmax_t kMaxSidecarBytes = 256u << 20;  // a scalp weight for each of 10M+ vertices
    const std::string text = readFileBytes(sidecar, kMaxSidecarBytes, "a head sidecar");
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::exception& e) {
        throw InputError(file + ": not valid JSON (" + e.what() + ")");
    }
    const JsonField root(json, file);
    if (!json.is_object() || json.value("format", Json()) != kFormatName)
        throw InputError(file + ": not a Stipple head file (format is not '" + kFormatName + "')");
    const std::int64_t version = root["version"].integer(1, std::numeric_limits<int>::max());
    if (version > kFormatVersion)
        throw InputError(file + ": written by a newer Stipple (head format version " + std::to_string(version) +
                         "); this version reads up to " + std::to_string(kFormatVersion));
    const JsonField vertexCountField = root["vertex_count"];
    const auto vertexCount = std::size_t(vertexCountField.integer(0, std::numeric_limits<std::int64_t>::max()));
    if (vertexCount != mesh.vertexCount())
        vertexCountField.refuse(std::to_string(mesh.vertexCount()) + ", the mesh's vertex count: the file was made for another mesh");
    const JsonField landmarks = root["landmarks"];
    Landmarks l;
    l.glabella = landmarks["glabella"].vec3(kCoordinateLimitMm);
    l.lateralCanthusLeft = landmarks["lateral_canthus_left"].vec3(kCoordinateLimitMm);
    l.lateralCanthusRight = landmarks["lateral_canthus_right"].vec3(kCoordinateLimitMm);
    l.earCanalLeft = landmarks["ear_canal_left"].vec3(kCoordinateLimitMm);
    l.earCanalRight = landmarks["ear_canal_right"].vec3(kCoordinateLimitMm);
    l.vertex = landmarks["vertex"].vec3(kCoordinateLimitMm);
    l.estimated = false;
    const JsonField weights = root["scalp_weight"];
    weights.arraySize(vertexCount, vertexCount);
    std::vector<float> scalp(vertexCount);
    for (std::size_t i = 0; i < vertexCount; ++i) scalp[i] = weights.element(i).real(0.0f, 1.0f);
    mesh.landmarks = l;
    mesh.scalpWeight = std::move(scalp);
    return true;
}

void writeHeadMetadata(const std::filesystem::path& sidecar, const HeadMesh& mesh) {
    Json weights = Json::array();
    for (float w : mesh.scalpWeight) weights.push_back(std::round(w * 1000.0f) / 1000.0f);
    const Landmarks& l = mesh.landmarks;
    const Json json = {
        {"format", kFormatName},
        {"version", kFormatVersion},
        {"units", "mm"},
        {"vertex_count", mesh.vertexCount()},
        {"landmarks",
         {{"glabella", toJson(l.glabella)},
          {"lateral_canthus_left", toJson(l.lateralCanthusLeft)},
          {"lateral_canthus_right", toJson(l.lateralCanthusRight)},
          {"ear_canal_left", toJson(l.earCanalLeft)},
          {"ear_canal_right", toJson(l.earCanalRight)},
          {"vertex", toJson(l.vertex)}}},
        {"scalp_weight", weights},
    };
    writeFileAtomically(sidecar, json.dump());
}

}  // namespace stipple
