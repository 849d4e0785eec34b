#include "io/HeadObjFile.h"

#include "io/HeadMetadata.h"
#include "io/WholeFile.h"

#include <cstdio>
#include <limits>
#include <string>

namespace stipple {
namespace {

// The mesh with its vertices renumbered by first use, as the OBJ reader will number them.
HeadMesh inReadingOrder(const HeadMesh& mesh) {
    constexpr std::uint32_t kUnused = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> newIndex(mesh.vertexCount(), kUnused);
    HeadMesh ordered;
    ordered.landmarks = mesh.landmarks;
    ordered.sourcePath = mesh.sourcePath;
    for (const glm::uvec3& t : mesh.triangles) {
        glm::uvec3 renumbered;
        for (int corner = 0; corner < 3; ++corner) {
            std::uint32_t& index = newIndex[t[corner]];
            if (index == kUnused) {
                index = std::uint32_t(ordered.positions.size());
                ordered.positions.push_back(mesh.positions[t[corner]]);
                if (!mesh.uvs.empty()) ordered.uvs.push_back(mesh.uvs[t[corner]]);
                if (!mesh.scalpWeight.empty()) ordered.scalpWeight.push_back(mesh.scalpWeight[t[corner]]);
            }
            renumbered[corner] = index;
        }
        ordered.triangles.push_back(renumbered);
    }
    return ordered;
}

}  // namespace

void writeHeadObj(const std::filesystem::path& path, const HeadMesh& mesh) {
    const HeadMesh ordered = inReadingOrder(mesh);
    std::string text = "# A head made by Stipple, in millimetres (+Y up, +Z out of the face)\n";
    text.reserve(ordered.vertexCount() * 60 + ordered.triangleCount() * 40);
    char line[128];
    for (const glm::vec3& p : ordered.positions) {
        std::snprintf(line, sizeof line, "v %.4f %.4f %.4f\n", double(p.x), double(p.y), double(p.z));
        text += line;
    }
    for (const glm::vec2& uv : ordered.uvs) {
        std::snprintf(line, sizeof line, "vt %.6f %.6f\n", double(uv.x), double(uv.y));
        text += line;
    }
    const bool withUvs = !ordered.uvs.empty();
    for (const glm::uvec3& t : ordered.triangles) {
        if (withUvs)
            std::snprintf(line, sizeof line, "f %u/%u %u/%u %u/%u\n", t.x + 1, t.x + 1, t.y + 1, t.y + 1, t.z + 1, t.z + 1);
        else
            std::snprintf(line, sizeof line, "f %u %u %u\n", t.x + 1, t.y + 1, t.z + 1);
        text += line;
    }
    writeFileAtomically(path, text);
    writeHeadMetadata(headMetadataPathFor(path), ordered);
}

}  // namespace stipple
