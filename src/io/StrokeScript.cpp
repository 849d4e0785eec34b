#include "io/StrokeScript.h"

#include "core/Error.h"
#include "io/JsonField.h"
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
constexpr float kCoordinateLimitMm = 1e5f;  // far beyond any head, so every later sum stays finite

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

// An optional number that keeps the tool's default when the stroke leaves it out.
float numberOr(const JsonField& stroke, const char* key, float fallback, float low, float high) {
    const std::optional<JsonField> field = stroke.optional(key);
    return field ? field->real(low, high) : fallback;
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
    const JsonField strokes = JsonField(json, file)["strokes"];
    const std::size_t count = strokes.arraySize(0, kMaxStrokes);

    std::vector<ScriptedStroke> result;
    for (std::size_t s = 0; s < count; ++s) {
        const JsonField stroke = strokes.element(s);
        ScriptedStroke scripted;
        BrushSettings& brush = scripted.brush;
        brush = defaultBrush(stroke["tool"].choice(kBrushToolChoices));
        // Stroke files may also name the hairline mask's modes as painters do (docs/strokes.md).
        if (const auto mode = stroke.optional("mode")) {
            const std::optional<BrushMode> parsed = parseBrushMode(mode->text(64));
            if (!parsed) mode->refuse("one of \"" + choiceNames(kBrushModeChoices, "\", \"", "\", \"") + "\", \"paint\" or \"erase\"");
            brush.mode = *parsed;
        }
        brush.value = numberOr(stroke, "value", brush.value, 0.0f, 1000.0f);
        brush.radiusMm = numberOr(stroke, "radius_mm", brush.radiusMm, 0.05f, 200.0f);
        brush.strength = numberOr(stroke, "strength", brush.strength, 0.0f, 1.0f);
        brush.hardness = numberOr(stroke, "hardness", brush.hardness, 0.0f, 1.0f);
        if (const auto symmetry = stroke.optional("symmetry")) brush.symmetry = symmetry->boolean();
        const JsonField points = stroke["points"];
        const std::size_t pointCount = points.arraySize(1, kMaxPointsPerStroke);
        for (std::size_t p = 0; p < pointCount; ++p)
            scripted.pointsMm.push_back(snapToSurface(mesh, points.element(p).vec3(kCoordinateLimitMm)));
        result.push_back(std::move(scripted));
    }
    return result;
}

}  // namespace stipple
