#include "io/Design.h"

#include "core/Error.h"
#include "io/HeadMetadata.h"
#include "io/PoolCache.h"
#include "io/WholeFile.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cstdio>

namespace stipple {

namespace {

// An embedded head is loaded from a file of its own, unpacked once into the cache under its
// content hash (the name inside the project was checked to be a plain file name).
std::filesystem::path unpackEmbeddedHead(const EmbeddedHead& embedded, std::uint64_t hash) {
    char folderName[32];
    std::snprintf(folderName, sizeof folderName, "head-%016llx", static_cast<unsigned long long>(hash));
    const std::filesystem::path folder = defaultPoolCacheDir() / "embedded" / folderName;
    const std::filesystem::path mesh = folder / embedded.fileName;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    writeFileAtomically(mesh, embedded.mesh);
    if (!embedded.sidecar.empty()) writeFileAtomically(headMetadataPathFor(mesh), embedded.sidecar);
    return mesh;
}

}  // namespace

Design openDesign(const std::filesystem::path& path, const LoadOptions& options) {
    Design design;
    if (!looksLikeProject(path)) {
        design.mesh = loadHeadMesh(path, options, &design.loadReport);
        design.layers = std::make_unique<LayerSet>(design.mesh);
        return design;
    }
    const Project project = readProject(path);
    std::filesystem::path headPath = resolveHeadPath(path, project.headPath);
    if (project.embeddedHead) headPath = unpackEmbeddedHead(*project.embeddedHead, project.headHash);
    design.embedHead = project.embeddedHead.has_value();
    LoadOptions headOptions = options;
    if (project.millimetresPerUnit && !options.millimetresPerUnit) headOptions.millimetresPerUnit = project.millimetresPerUnit;
    std::error_code ec;
    if (!std::filesystem::exists(headPath, ec))
        throw InputError(path.string() + ": its head " + headPath.string() +
                         " is missing; put the head file there, beside the project or at that path");
    design.mesh = loadHeadMesh(headPath, headOptions, &design.loadReport);
    if (meshContentHash(design.mesh) != project.headHash)
        throw InputError(path.string() + ": its head " + headPath.string() +
                         " has changed since the design was made (different content), so the design would land "
                         "in the wrong places");
    LayerSizes sizes;
    for (const Layer& layer : project.layers) {
        if (layer.width() != layer.height())
            throw InputError(path.string() + ": layer '" + layer.spec().name + "' is not square");
        sizes.size[std::size_t(layer.kind())] = layer.width();
    }
    design.layers = std::make_unique<LayerSet>(design.mesh, sizes);
    for (const Layer& layer : project.layers) design.layers->layer(layer.kind()) = layer;
    design.settings = project.settings;
    design.unknownProjectFields = project.unknownFields;
    design.hairline = project.hairline;
    return design;
}

Project projectFor(const Design& design, const std::filesystem::path& projectPath) {
    Project project;
    project.headPath = headPathForProject(projectPath, design.mesh.sourcePath);
    project.headHash = meshContentHash(design.mesh);
    if (!design.loadReport.unitsDetected) project.millimetresPerUnit = design.loadReport.millimetresPerUnit;
    project.settings = design.settings;
    project.unknownFields = design.unknownProjectFields;
    project.hairline = design.hairline;
    if (design.embedHead) {
        const std::filesystem::path mesh = design.mesh.sourcePath;
        EmbeddedHead embedded;
        // A head saved from elsewhere keeps its format (extension) under a plain name.
        embedded.fileName = isPlainFileName(mesh.filename().string()) ? mesh.filename().string()
                                                                       : "head" + mesh.extension().string();
        constexpr std::uintmax_t kMaxEmbeddedBytes = std::uintmax_t(512) << 20;
        embedded.mesh = readFileBytes(mesh, kMaxEmbeddedBytes, "an embedded head");
        const std::filesystem::path sidecar = headMetadataPathFor(mesh);
        std::error_code ec;
        if (std::filesystem::exists(sidecar, ec)) embedded.sidecar = readFileBytes(sidecar, kMaxEmbeddedBytes, "a head sidecar");
        project.embeddedHead = std::move(embedded);
    }
    for (LayerKind kind : kLayerKinds) project.layers.push_back(design.layers->layer(kind));
    return project;
}

DensityMap placedDensity(const Design& design) {
    DensityMap placed = designDensity(*design.layers);
    const SurfaceAtlas& atlas = design.layers->atlas(LayerKind::Density);
    const HeadMesh& mesh = design.mesh;
    for (int j = 0; j < placed.height(); ++j)
        for (int i = 0; i < placed.width(); ++i) {
            const std::size_t texel = atlas.index(i, j);
            float weight = 0.0f;
            if (!mesh.scalpWeight.empty() && atlas.source(texel) != SurfaceAtlas::kNone) {
                // Barycentric weights of the texel's point in its triangle.
                const glm::uvec3 t = mesh.triangles[atlas.triangle(texel)];
                const glm::vec3 a = mesh.positions[t.x], e1 = mesh.positions[t.y] - a, e2 = mesh.positions[t.z] - a;
                const glm::vec3 d = atlas.position(texel) - a;
                const float d11 = glm::dot(e1, e1), d12 = glm::dot(e1, e2), d22 = glm::dot(e2, e2);
                const float denominator = d11 * d22 - d12 * d12;
                if (denominator > 0.0f) {
                    const float b = (d22 * glm::dot(d, e1) - d12 * glm::dot(d, e2)) / denominator;
                    const float c = (d11 * glm::dot(d, e2) - d12 * glm::dot(d, e1)) / denominator;
                    weight = (1.0f - b - c) * mesh.scalpWeight[t.x] + b * mesh.scalpWeight[t.y] + c * mesh.scalpWeight[t.z];
                }
            }
            placed.set(i, j, placed.at(i, j) * std::clamp(weight, 0.0f, 1.0f));
        }
    return placed;
}

}  // namespace stipple
