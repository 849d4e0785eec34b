#include "io/StrokeScript.h"

#include "core/Error.h"
#include "io/WholeFile.h"

#include <nlohmann/json.hpp>

#include <glm/geometric.hpp>

#include <cmath>
#include <limits>

namespace stipple {
namespace {

using Json = nlohmann::json;

// Generous bounds: a whole design by hand is a few hundred strokes of a few hundred points.
constexpr std::uintmax_t kMaxFileBytes = 64u << 20;
constexpr std::size_t kMaxStrokes = 100000;
constexpr std::size_t kMaxPointsPerStroke = 100000;

// Closest point of triangle abc to p (Ericson, Real-Time Collision Detection, 5.1.5).
glm::vec3 closestOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f)
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float denominator = 1.0f / (va + vb + vc);
    return a + ab * (vb * denominator) + ac * (vc * denominator);
}

BrushTool toolFrom(const std::string& name, const std::string& where) {
    if (const std::optional<BrushTool> tool = parseBrushTool(name)) return *tool;
    throw InputError(where + ": unknown tool '" + name + "' (density, hairline, shading, scar, eraser, native-hair)");
}

BrushMode modeFrom(const std::string& name, const std::string& where) {
    if (const std::optional<BrushMode> mode = parseBrushMode(name)) return *mode;
    throw InputError(where + ": unknown mode '" + name + "' (set, add, subtract, smooth; paint, erase)");
}

float numberFrom(const Json& stroke, const char* key, float fallback, float low, float high, const std::string& where) {
    if (!stroke.contains(key)) return fallback;
    const Json& value = stroke.at(key);
    if (!value.is_number()) throw InputError(where + ": '" + key + "' is not a number");
    const double number = value.get<double>();
    if (!(number >= low && number <= high))
        throw InputError(where + ": '" + key + "' is " + std::to_string(number) + ", outside " + std::to_string(low) +
                         ".." + std::to_string(high));
    return float(number);
}

}  // namespace

glm::vec3 snapToSurface(const HeadMesh& mesh, const glm::vec3& pointMm) {
    glm::vec3 best = pointMm;
    float bestDistance = std::numeric_limits<float>::max();
    for (const glm::uvec3& t : mesh.triangles) {
        const glm::vec3 q = closestOnTriangle(pointMm, mesh.positions[t.x], mesh.positions[t.y], mesh.positions[t.z]);
        const float d = glm::distance(q, pointMm);
        if (d < bestDistance) {
            bestDistance = d;
            best = q;
        }
    }
    return best;
}

std::vector<ScriptedStroke> readStrokeScript(const std::filesystem::path& path, const HeadMesh& mesh) {
    const std::string file = path.string();
    const std::string text = readFileBytes(path, kMaxFileBytes, "a stroke file");
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::exception& e) {
        throw InputError(file + ": not valid JSON (" + e.what() + ")");
    }
    if (!json.is_object() || !json.contains("strokes") || !json.at("strokes").is_array())
        throw InputError(file + ": expected {\"strokes\": [...]}");
    const Json& strokes = json.at("strokes");
    if (strokes.size() > kMaxStrokes) throw InputError(file + ": more than " + std::to_string(kMaxStrokes) + " strokes");

    std::vector<ScriptedStroke> result;
    for (std::size_t s = 0; s < strokes.size(); ++s) {
        const Json& stroke = strokes[s];
        const std::string where = file + ": stroke " + std::to_string(s + 1);
        if (!stroke.is_object()) throw InputError(where + ": is not an object");
        if (!stroke.contains("tool") || !stroke.at("tool").is_string()) throw InputError(where + ": needs a \"tool\"");
        ScriptedStroke scripted;
        BrushSettings& brush = scripted.brush;
        brush = defaultBrush(toolFrom(stroke.at("tool").get<std::string>(), where));
        if (stroke.contains("mode")) {
            if (!stroke.at("mode").is_string()) throw InputError(where + ": 'mode' is not a string");
            brush.mode = modeFrom(stroke.at("mode").get<std::string>(), where);
        }
        brush.value = numberFrom(stroke, "value", brush.value, 0.0f, 1000.0f, where);
        brush.radiusMm = numberFrom(stroke, "radius_mm", brush.radiusMm, 0.05f, 200.0f, where);
        brush.strength = numberFrom(stroke, "strength", brush.strength, 0.0f, 1.0f, where);
        brush.hardness = numberFrom(stroke, "hardness", brush.hardness, 0.0f, 1.0f, where);
        if (stroke.contains("symmetry")) {
            if (!stroke.at("symmetry").is_boolean()) throw InputError(where + ": 'symmetry' is not true or false");
            brush.symmetry = stroke.at("symmetry").get<bool>();
        }
        if (!stroke.contains("points") || !stroke.at("points").is_array() || stroke.at("points").empty())
            throw InputError(where + ": needs \"points\": [[x, y, z], ...]");
        const Json& points = stroke.at("points");
        if (points.size() > kMaxPointsPerStroke)
            throw InputError(where + ": more than " + std::to_string(kMaxPointsPerStroke) + " points");
        for (std::size_t p = 0; p < points.size(); ++p) {
            const Json& point = points[p];
            if (!point.is_array() || point.size() != 3 || !point[0].is_number() || !point[1].is_number() ||
                !point[2].is_number())
                throw InputError(where + ": point " + std::to_string(p + 1) + " is not [x, y, z]");
            const glm::vec3 v(point[0].get<float>(), point[1].get<float>(), point[2].get<float>());
            if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z))
                throw InputError(where + ": point " + std::to_string(p + 1) + " is not finite");
            scripted.pointsMm.push_back(snapToSurface(mesh, v));
        }
        result.push_back(std::move(scripted));
    }
    return result;
}

}  // namespace stipple
