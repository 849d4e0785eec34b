// The project file (.stipple): a design on one head, in one file (docs/project-format.md).
//
//   8 bytes  "STIPPLE\x1a"
//   8 bytes  length of the header, little-endian
//   header   JSON: format, version, the head (path and content hash), settings, and the list of
//            layers with the size of each compressed block
//   blocks   each layer's texels, float32 little-endian, zlib-compressed, in the listed order
//
// Reading checks everything before it trusts it: sizes against limits and against the file,
// every block's length after inflating (zlib's own checksum catches corruption).
#pragma once

#include "core/DesignSettings.h"
#include "core/HairlineDesign.h"
#include "core/Layers.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace stipple {

constexpr int kProjectFormatVersion = 1;

// A head carried inside the project, so the design travels as one file.
struct EmbeddedHead {
    std::string fileName;  // a plain file name (letters, digits, '.', '-', '_'): its format is its extension
    std::string mesh;      // the mesh file's bytes
    std::string sidecar;   // its .head.json, empty when it has none
};

struct Project {
    std::string headPath;        // as written; relative paths are relative to the project's folder
    std::uint64_t headHash = 0;  // meshContentHash() of the head the design was made on
    std::optional<float> millimetresPerUnit;  // the unit the user forced, if any
    std::optional<EmbeddedHead> embeddedHead;
    DesignSettings settings;
    std::vector<Layer> layers;   // one per LayerKind, in kLayerKinds order
    std::optional<HairlineDesign> hairline;  // the editor's curve, when the design has one
    // Header fields this version does not know (a JSON object; those inside "design" under
    // "design"), kept so that a newer Stipple's additions survive being opened and saved here.
    std::string unknownFields = "{}";
};

// Writes atomically: a failure leaves the previous file as it was. Throws InputError.
void writeProject(const std::filesystem::path& path, const Project& project);
// Throws InputError naming the file and the problem for anything it cannot trust.
Project readProject(const std::filesystem::path& path);

// The head's path as the project stores it: relative to the project's folder when it is
// inside it, absolute otherwise; and back to a path to open.
std::string headPathForProject(const std::filesystem::path& projectPath, const std::filesystem::path& headPath);
std::filesystem::path resolveHeadPath(const std::filesystem::path& projectPath, const std::string& storedPath);

// Whether a name taken from a project may be used for a file Stipple writes: a plain name, no
// folder, nothing hidden.
bool isPlainFileName(const std::string& name);

// True when the file starts like a project file (to tell projects from meshes on the command line).
bool looksLikeProject(const std::filesystem::path& path);

}  // namespace stipple
