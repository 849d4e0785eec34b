// Writing a head Stipple made (a fitted head) so it loads back as the same head: binary glTF with
// its albedo, and the `.head.json` sidecar beside it (docs/photo-fit.md).
#pragma once

#include "core/HeadMesh.h"

#include <filesystem>

namespace stipple {

// Writes `path` (a .glb: metres, normals, UVs, mesh.albedo as the base colour) and its sidecar
// (scalp region and landmarks), each atomically. The glTF keeps the vertices in their order, so
// the sidecar's per-vertex values line up when it is read back. Throws InputError naming the file.
void writeHeadGlb(const std::filesystem::path& path, const HeadMesh& mesh);

}  // namespace stipple
