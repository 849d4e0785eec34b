#include "io/HeadMetadata.h"

#include "core/Error.h"
#include "io/WholeFile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace stipple {
namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kFormatName = "stipple-head";

using Json = nlohmann::json;

Json toJson(const glm::vec3& v) { return Json::array({v.x, v.y, v.z}); }

glm::vec3 vec3From(const Json& json, const char* key, const std::string& file) {
    const Json& value = json.at(key);
    if (!value.is_array() || value.size() != 3)
        throw InputError(file + ": landmark '" + key + "' is not an [x, y, z] array");
    glm::vec3 v(value[0].get<float>(), value[1].get<float>(), value[2].get<float>());
    if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z))
        throw InputError(file + ": landmark '" + key + "' is not finite");
    return v;
}

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
    std::ifstream in(sidecar, std::ios::binary);
    if (!in) throw InputError(file + ": cannot be opened for reading");
    try {
        const Json json = Json::parse(in);
        if (json.value("format", "") != kFormatName)
            throw InputError(file + ": not a Stipple head file (format is not '" + kFormatName + "')");
        const int version = json.at("version").get<int>();
        if (version > kFormatVersion)
            throw InputError(file + ": written by a newer Stipple (head format version " +
                             std::to_string(version) + "); this version reads up to " +
                             std::to_string(kFormatVersion));
        const auto vertexCount = json.at("vertex_count").get<std::size_t>();
        if (vertexCount != mesh.vertexCount())
            throw InputError(file + ": made for a mesh of " + std::to_string(vertexCount) +
                             " vertices, but the mesh has " + std::to_string(mesh.vertexCount()));
        const Json& landmarks = json.at("landmarks");
        Landmarks l;
        l.glabella = vec3From(landmarks, "glabella", file);
        l.lateralCanthusLeft = vec3From(landmarks, "lateral_canthus_left", file);
        l.lateralCanthusRight = vec3From(landmarks, "lateral_canthus_right", file);
        l.earCanalLeft = vec3From(landmarks, "ear_canal_left", file);
        l.earCanalRight = vec3From(landmarks, "ear_canal_right", file);
        l.vertex = vec3From(landmarks, "vertex", file);
        l.estimated = false;
        const Json& weights = json.at("scalp_weight");
        if (!weights.is_array() || weights.size() != vertexCount)
            throw InputError(file + ": 'scalp_weight' must hold one value per vertex");
        std::vector<float> scalp(vertexCount);
        for (std::size_t i = 0; i < vertexCount; ++i) {
            const float w = weights[i].get<float>();
            if (!(w >= 0.0f && w <= 1.0f))
                throw InputError(file + ": scalp weight " + std::to_string(i) + " is outside 0..1");
            scalp[i] = w;
        }
        mesh.landmarks = l;
        mesh.scalpWeight = std::move(scalp);
        return true;
    } catch (const Json::exception& e) {
        throw InputError(file + ": malformed head metadata (" + e.what() + ")");
    }
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
