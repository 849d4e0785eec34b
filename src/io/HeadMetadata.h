// The head's sidecar file: scalp region and landmarks beside the mesh (docs/head-format.md).
//
// For a mesh `heads/x/head.glb` the sidecar is `heads/x/head.head.json`.
#pragma once

#include "core/HeadMesh.h"

#include <filesystem>

namespace stipple {

std::filesystem::path headMetadataPathFor(const std::filesystem::path& meshPath);

// Reads the sidecar into mesh.landmarks and mesh.scalpWeight. Returns false when there is no
// sidecar; throws InputError naming the sidecar when it exists but is unusable (bad JSON, a
// newer version, a vertex count that does not match the mesh).
bool readHeadMetadata(const std::filesystem::path& sidecar, HeadMesh& mesh);

// Writes the landmarks and scalp region of `mesh` atomically (temporary file, then rename).
void writeHeadMetadata(const std::filesystem::path& sidecar, const HeadMesh& mesh);

}  // namespace stipple
