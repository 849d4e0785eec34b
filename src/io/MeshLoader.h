// Reading a head from a file: OBJ through tinyobjloader, every other format through Assimp.
#pragma once

#include "core/HeadMesh.h"

#include <filesystem>
#include <optional>

namespace stipple {

struct LoadOptions {
    // Millimetres per file unit; detected from the head's size when not given.
    std::optional<float> millimetresPerUnit;
};

struct LoadReport {
    float millimetresPerUnit = 1.0f;  // what was applied
    bool unitsDetected = true;        // false when the caller forced them
    bool metadataFound = false;       // a .head.json sidecar gave the scalp and landmarks
};

// Loads a head into Stipple's model space (mm, +Y up, +Z face, x = 0 mid-sagittal), with
// normals, UVs, a scalp region and landmarks (from the sidecar, or estimated).
// Throws InputError naming the file and the problem for any file that cannot be used.
HeadMesh loadHeadMesh(const std::filesystem::path& path, const LoadOptions& options = {},
                      LoadReport* report = nullptr);

// The head that ships with Stipple.
std::filesystem::path defaultHeadPath();

}  // namespace stipple
