// What the harnesses share: the readers take paths, so each input is written to a file first,
// and the stroke and sidecar readers need a head to check against.
#pragma once

#include "core/HeadMesh.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <stdlib.h>

namespace stipple::fuzz {

// One scratch folder per process (libFuzzer's -fork runs several), removed at a normal exit.
struct ScratchFolder {
    std::filesystem::path path;
    ScratchFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "stipple-fuzz-XXXXXX").string();
        if (!mkdtemp(pattern.data())) std::abort();
        path = pattern;
    }
    ~ScratchFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

// The input as the file `name` in the scratch folder; the name's extension picks the format.
inline std::filesystem::path writeInput(const std::uint8_t* data, std::size_t size, const std::string& name) {
    static const ScratchFolder folder;
    const std::filesystem::path path = folder.path / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    if (!out.flush()) std::abort();  // a full disk would otherwise pass for a reader's refusal
    return path;
}

// A closed 40 mm box in model space, 8 vertices: the head the stroke and sidecar inputs refer to
// (the corpus's sidecars say "vertex_count": 8).
inline HeadMesh boxHead() {
    HeadMesh mesh;
    for (int i = 0; i < 8; ++i)
        mesh.positions.emplace_back(i & 1 ? 20.0f : -20.0f, i & 2 ? 140.0f : 100.0f, i & 4 ? 20.0f : -20.0f);
    const unsigned quads[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
    for (const auto& q : quads) {
        mesh.triangles.emplace_back(q[0], q[1], q[2]);
        mesh.triangles.emplace_back(q[0], q[2], q[3]);
    }
    mesh.uvs.assign(8, glm::vec2(0.5f));
    computeNormals(mesh);
    mesh.sourcePath = "box (fuzz harness)";
    return mesh;
}

}  // namespace stipple::fuzz
