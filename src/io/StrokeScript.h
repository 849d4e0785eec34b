// Strokes from a file, for scripting, tests and replay (docs/strokes.md):
//   {"strokes": [{"tool": "density", "mode": "set", "value": 80, "radius_mm": 15,
//                 "strength": 1.0, "symmetry": false, "points": [[x, y, z], ...]}]}
// Points are model-space millimetres and are snapped to the skin.
#pragma once

#include "core/Brush.h"
#include "core/HeadMesh.h"

#include <filesystem>
#include <vector>

namespace stipple {

struct ScriptedStroke {
    BrushSettings brush;
    std::vector<glm::vec3> pointsMm;  // on the skin
};

// Reads and checks a stroke file; every omitted field takes the tool's default (defaultBrush).
// Throws InputError naming the file, the stroke and the field for anything malformed or out of
// range, and for files or stroke counts beyond what a design needs.
std::vector<ScriptedStroke> readStrokeScript(const std::filesystem::path& path, const HeadMesh& mesh);

// The point of the mesh's surface nearest to `pointMm`.
glm::vec3 snapToSurface(const HeadMesh& mesh, const glm::vec3& pointMm);

}  // namespace stipple
