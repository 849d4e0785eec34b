// Writing a head Stipple made (a fitted head) as an OBJ file with its `.head.json` sidecar, so it
// loads back as the same head: same vertices in the same order, UVs, scalp region, landmarks.
#pragma once

#include "core/HeadMesh.h"

#include <filesystem>

namespace stipple {

// Writes `path` (an .obj) and its sidecar atomically, in millimetres. The vertices are written
// in the order the OBJ reader meets them (first use by a triangle), unused ones left out, so the
// sidecar's per-vertex values line up when it is read back. Throws InputError naming the file.
void writeHeadObj(const std::filesystem::path& path, const HeadMesh& mesh);

}  // namespace stipple
