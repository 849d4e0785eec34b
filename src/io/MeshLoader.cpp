#include "io/MeshLoader.h"

#include "core/Error.h"
#include "core/ScalpRegion.h"
#include "core/Units.h"
#include "io/HeadMetadata.h"
#include "io/ImageFile.h"
#include "io/MeshFileLimits.h"
#include "io/PlyStructure.h"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <tiny_obj_loader.h>

#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <utility>

#ifndef STIPPLE_ASSET_DIR
#error "STIPPLE_ASSET_DIR must name the assets folder"
#endif

namespace stipple {
namespace {

std::string lowerExtension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return extension;
}

// Catches what a parser would otherwise misread: a missing, empty or unreadable file, or binary
// bytes in a file that claims to be text.
void checkReadable(const std::filesystem::path& path) {
    const std::string file = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw InputError(file + ": no such file");
    if (std::filesystem::is_directory(path, ec)) throw InputError(file + ": is a folder, not a mesh file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(file + ": cannot be opened for reading");
    char head[512];
    in.read(head, sizeof head);
    const std::streamsize n = in.gcount();
    if (n == 0) throw InputError(file + ": the file is empty");
    if (lowerExtension(path) == ".obj" && std::find(head, head + n, '\0') != head + n)
        throw InputError(file + ": not an OBJ file (it holds binary data, OBJ is text)");
}

// tinyobjloader reads "nan" as 0 without a word; a head with NaN coordinates must be refused,
// so vertex lines are checked for anything but numbers first.
void checkObjCoordinates(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    for (std::size_t lineNumber = 1; std::getline(in, line); ++lineNumber) {
        if (line.size() < 2 || line[0] != 'v' || (line[1] != ' ' && line[1] != '\t')) continue;
        for (std::size_t i = 2; i < line.size(); ++i) {
            const char c = line[i];
            if (std::isalpha(static_cast<unsigned char>(c)) && c != 'e' && c != 'E')
                throw InputError(path.string() + ": line " + std::to_string(lineNumber) +
                                 " has a vertex coordinate that is not a number (non-finite: NaN or infinite)");
        }
    }
}

HeadMesh loadObj(const std::filesystem::path& path) {
    checkObjCoordinates(path);
    const std::string file = path.string();
    tinyobj::ObjReaderConfig config;
    config.triangulate = true;
    config.vertex_color = false;
    tinyobj::ObjReader reader;
    if (!reader.ParseFromFile(file, config)) {
        std::string message = reader.Error();
        while (!message.empty() && message.back() == '\n') message.pop_back();
        throw InputError(file + ": not a readable OBJ file (" + message + ")");
    }
    const tinyobj::attrib_t& attrib = reader.GetAttrib();
    const std::size_t positionCount = attrib.vertices.size() / 3;
    const std::size_t uvCount = attrib.texcoords.size() / 2;

    HeadMesh mesh;
    mesh.sourcePath = file;
    bool anyUv = false;
    bool missingUv = false;
    // One output vertex per distinct (position, uv) pair, so UV seams split vertices.
    std::map<std::pair<int, int>, unsigned> vertexOf;
    for (const tinyobj::shape_t& shape : reader.GetShapes()) {
        const auto& indices = shape.mesh.indices;
        for (std::size_t face = 0; face + 2 < indices.size(); face += 3) {
            glm::uvec3 triangle;
            for (int corner = 0; corner < 3; ++corner) {
                const tinyobj::index_t& index = indices[face + corner];
                // A truncated file can leave faces pointing past the vertex list.
                if (index.vertex_index < 0 || std::size_t(index.vertex_index) >= positionCount)
                    throw InputError(file + ": a face refers to vertex " +
                                     std::to_string(index.vertex_index + 1) + " but the file has " +
                                     std::to_string(positionCount) + " (is it truncated?)");
                if (index.texcoord_index >= 0 && std::size_t(index.texcoord_index) >= uvCount)
                    throw InputError(file + ": a face refers to a texture coordinate that does not exist");
                (index.texcoord_index >= 0 ? anyUv : missingUv) = true;
                const auto key = std::make_pair(index.vertex_index, index.texcoord_index);
                auto [it, inserted] = vertexOf.emplace(key, unsigned(mesh.positions.size()));
                if (inserted) {
                    const float* p = &attrib.vertices[3 * std::size_t(index.vertex_index)];
                    mesh.positions.emplace_back(p[0], p[1], p[2]);
                    if (index.texcoord_index >= 0) {
                        const float* t = &attrib.texcoords[2 * std::size_t(index.texcoord_index)];
                        mesh.uvs.emplace_back(t[0], t[1]);
                    } else {
                        mesh.uvs.emplace_back(0.0f);
                    }
                }
                triangle[corner] = it->second;
            }
            mesh.triangles.push_back(triangle);
        }
    }
    if (!anyUv || missingUv) mesh.uvs.clear();
    return mesh;
}

Image loadMaterialAlbedo(const aiScene& scene, const aiMaterial& material, const std::filesystem::path& meshPath) {
    for (aiTextureType type : {aiTextureType_BASE_COLOR, aiTextureType_DIFFUSE}) {
        aiString texturePath;
        if (material.GetTexture(type, 0, &texturePath) != AI_SUCCESS) continue;
        try {
            if (const aiTexture* embedded = scene.GetEmbeddedTexture(texturePath.C_Str())) {
                if (embedded->mHeight == 0)  // compressed (PNG/JPEG) bytes
                    return decodeImage(reinterpret_cast<const std::uint8_t*>(embedded->pcData),
                                       embedded->mWidth, meshPath.string() + " (embedded texture)");
                continue;
            }
            return readImage(meshPath.parent_path() / texturePath.C_Str());
        } catch (const InputError&) {
            // A missing or broken texture leaves the head on the skin-tone shading.
        }
    }
    return {};
}

HeadMesh loadWithAssimp(const std::filesystem::path& path) {
    const std::string file = path.string();
    Assimp::Importer importer;
    // Keep vertex order (no joining) so a .head.json sidecar's per-vertex data stays aligned.
    const aiScene* scene = importer.ReadFile(file, aiProcess_ValidateDataStructure);
    // A face without indices passes the validation but fails an assertion in Debian's Assimp's
    // triangulation, which aborts the process (found by fuzzing: a damaged PLY face line).
    if (scene)
        for (unsigned m = 0; m < scene->mNumMeshes; ++m)
            for (unsigned f = 0; f < scene->mMeshes[m]->mNumFaces; ++f)
                if (scene->mMeshes[m]->mFaces[f].mNumIndices == 0)
                    throw InputError(file + ": face " + std::to_string(f) + " of mesh " + std::to_string(m) +
                                     " has no vertices (is the file damaged?)");
    if (scene) scene = importer.ApplyPostProcessing(aiProcess_Triangulate | aiProcess_SortByPType);
    if (!scene || !scene->mRootNode) {
        // Assimp turns an exception inside a reader into its error string.
        const std::string error = importer.GetErrorString();
        if (error.find("bad_alloc") != std::string::npos || error.find("bad allocation") != std::string::npos)
            throw std::bad_alloc();
        throw InputError(file + ": not a readable mesh file (" + error + ")");
    }

    HeadMesh mesh;
    mesh.sourcePath = file;
    bool allHaveUvs = true;
    // The head's own albedo is used only when the whole mesh shares one material: a texture
    // from one part of a multi-material scene (an eye, say) would be wrong everywhere else.
    std::optional<unsigned> sharedMaterial;
    bool oneMaterial = true;
    // Flatten the node tree with each node's transform.
    struct Item {
        const aiNode* node;
        glm::mat4 parent;
    };
    std::vector<Item> stack{{scene->mRootNode, glm::mat4(1.0f)}};
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        const aiMatrix4x4& m = item.node->mTransformation;
        const glm::mat4 local(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2,
                              m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4);
        const glm::mat4 world = item.parent * local;
        const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world)));
        for (unsigned k = 0; k < item.node->mNumMeshes; ++k) {
            const aiMesh& source = *scene->mMeshes[item.node->mMeshes[k]];
            if (!(source.mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
            const unsigned base = unsigned(mesh.positions.size());
            allHaveUvs = allHaveUvs && source.HasTextureCoords(0);
            if (sharedMaterial && *sharedMaterial != source.mMaterialIndex) oneMaterial = false;
            sharedMaterial = source.mMaterialIndex;
            for (unsigned v = 0; v < source.mNumVertices; ++v) {
                const aiVector3D& p = source.mVertices[v];
                mesh.positions.push_back(glm::vec3(world * glm::vec4(p.x, p.y, p.z, 1.0f)));
                if (source.HasNormals()) {
                    const aiVector3D& n = source.mNormals[v];
                    mesh.normals.push_back(normalMatrix * glm::vec3(n.x, n.y, n.z));
                }
                if (source.HasTextureCoords(0)) {
                    const aiVector3D& t = source.mTextureCoords[0][v];
                    mesh.uvs.emplace_back(t.x, t.y);
                }
            }
            for (unsigned f = 0; f < source.mNumFaces; ++f) {
                const aiFace& face = source.mFaces[f];
                if (face.mNumIndices != 3) continue;
                mesh.triangles.emplace_back(base + face.mIndices[0], base + face.mIndices[1],
                                            base + face.mIndices[2]);
            }
        }
        for (unsigned c = 0; c < item.node->mNumChildren; ++c) stack.push_back({item.node->mChildren[c], world});
    }
    if (!allHaveUvs) mesh.uvs.clear();
    if (mesh.normals.size() != mesh.positions.size()) mesh.normals.clear();
    if (sharedMaterial && oneMaterial && *sharedMaterial < scene->mNumMaterials)
        mesh.albedo = loadMaterialAlbedo(*scene, *scene->mMaterials[*sharedMaterial], path);
    return mesh;
}

// Reads the file within the import's memory budget.
HeadMesh parseMeshFile(const std::filesystem::path& path) {
    checkDeclaredCounts(path);
    const bool obj = lowerExtension(path) == ".obj";
    // Assimp picks its PLY reader by the extension or by the first line.
    if (!obj && (lowerExtension(path) == ".ply" || looksLikePly(path))) checkPlyStructure(path);
    try {
        const ImportMemoryBudget budget;
        return obj ? loadObj(path) : loadWithAssimp(path);
    } catch (const std::bad_alloc&) {
        throw InputError(path.string() + ": reading it needs more than the " +
                         std::to_string(kImportMemoryBudgetBytes >> 30) +
                         " GB of memory one head may take; is the file damaged, or a whole scene?");
    }
}

std::string millimetres(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

// The head after units must measure kSmallestHeadMm-kLargestHeadMm at its largest.
void checkHeadSize(const std::filesystem::path& path, const HeadMesh& mesh, const LoadReport& report) {
    const glm::vec3 size = computeBounds(mesh.positions).size();
    const float extent = std::fmax(size.x, std::fmax(size.y, size.z));
    if (!std::isfinite(size.x) || !std::isfinite(size.y) || !std::isfinite(size.z))
        throw InputError(path.string() + ": the mesh's coordinates lie too far apart to measure (its size "
                         "overflows); is a vertex damaged?");
    if (extent >= kSmallestHeadMm && extent <= kLargestHeadMm) return;
    const std::string unit = report.unitsDetected ? std::string(unitName(report.millimetresPerUnit)) + ", detected"
                                                  : millimetres(report.millimetresPerUnit) + " mm per unit, given";
    throw InputError(path.string() + ": the head measures " + millimetres(size.x) + " x " + millimetres(size.y) +
                     " x " + millimetres(size.z) + " mm after units (" + unit + "), but a head measures " +
                     millimetres(kSmallestHeadMm) + "-" + millimetres(kLargestHeadMm) +
                     " mm at its largest. If the unit is wrong, give it with --units " +
                     choiceNames(kUnitChoices, "|", "|") + "|FACTOR (Edit > Head units in the app); otherwise a stray vertex lies far from the head");
}

}  // namespace

std::filesystem::path defaultHeadPath() {
    return std::filesystem::path(STIPPLE_ASSET_DIR) / "heads" / "default" / "head.glb";
}

HeadMesh loadHeadMesh(const std::filesystem::path& path, const LoadOptions& options, LoadReport* report) {
    checkReadable(path);
    HeadMesh mesh = parseMeshFile(path);
    validateMesh(mesh);
    if (!mesh.hasUvs())
        throw InputError(path.string() + ": the mesh has no texture coordinates (UVs); Stipple paints "
                         "and bakes in UV space, so unwrap the head first");

    LoadReport applied;
    applied.unitsDetected = !options.millimetresPerUnit;
    applied.millimetresPerUnit = options.millimetresPerUnit.value_or(
        detectMillimetresPerUnit(computeBounds(mesh.positions)));
    if (!(applied.millimetresPerUnit > 0.0f))
        throw InputError(path.string() + ": the unit scale must be a positive number");
    // Scale to millimetres and put the mid-sagittal plane at x = 0.
    const float centerX = computeBounds(mesh.positions).center().x;
    for (glm::vec3& p : mesh.positions) {
        p.x -= centerX;
        p *= applied.millimetresPerUnit;
    }
    checkHeadSize(path, mesh, applied);
    if (mesh.normals.empty()) {
        computeNormals(mesh);
    } else {
        for (glm::vec3& n : mesh.normals) {
            const float length = glm::length(n);
            n = length > 0.0f ? n / length : glm::vec3(0.0f, 1.0f, 0.0f);
        }
    }

    applied.metadataFound = readHeadMetadata(headMetadataPathFor(path), mesh);
    if (!applied.metadataFound) {
        mesh.landmarks = estimateLandmarks(mesh);
        mesh.scalpWeight = estimateScalpRegion(mesh, mesh.landmarks);
    }
    checkScalpUvFootprint(mesh);
    if (report) *report = applied;
    return mesh;
}

}  // namespace stipple
