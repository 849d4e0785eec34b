// [SECTION] Timing helpers
// [SECTION] Generated meshes for the import benchmark
// [SECTION] A large pool for the scaling figures
// [SECTION] Figures
#include "app/Bench.h"

#include "app/ExportJob.h"

#include "core/BlueNoiseMetrics.h"
#include "core/Brush.h"
#include "core/CandidateGrid.h"
#include "core/Hash.h"
#include "gpu/GpuBrushStroke.h"
#include "gpu/HeadlessContext.h"
#include "gpu/LayerTextures.h"
#include "gpu/PaintPass.h"
#include "gpu/RenderTarget.h"
#include "gpu/ScalpImpressions.h"
#include "gpu/Snapshot.h"
#include "io/Design.h"
#include "io/MeshLoader.h"
#include "io/StrokeScript.h"

#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <vector>

#include <sys/resource.h>

namespace stipple {
namespace {

// [SECTION] Timing helpers

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Median of `runs` timings of `work`, in ms.
double medianMs(int runs, const std::function<void()>& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const Clock::time_point start = Clock::now();
        work();
        times.push_back(millisecondsSince(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// [SECTION] Generated meshes for the import benchmark

// A UV sphere of about `triangleCount` triangles with the radius of a head, written as OBJ (for
// tinyobjloader) and as binary PLY with texture coordinates (for Assimp).
struct GeneratedSphere {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec2> uvs;
    std::vector<glm::uvec3> triangles;
};

GeneratedSphere makeSphere(std::size_t triangleCount) {
    const auto rings = unsigned(std::sqrt(double(triangleCount) / 4.0));
    const unsigned segments = 2 * rings;
    GeneratedSphere sphere;
    for (unsigned r = 0; r <= rings; ++r)
        for (unsigned s = 0; s <= segments; ++s) {
            const float theta = 3.14159265f * float(r) / float(rings);
            const float phi = 6.2831853f * float(s) / float(segments);
            sphere.positions.emplace_back(100.0f * std::sin(theta) * std::cos(phi), 100.0f * std::cos(theta),
                                          100.0f * std::sin(theta) * std::sin(phi));
            sphere.uvs.emplace_back(float(s) / float(segments), float(r) / float(rings));
        }
    for (unsigned r = 0; r < rings; ++r)
        for (unsigned s = 0; s < segments; ++s) {
            const unsigned a = r * (segments + 1) + s, b = a + segments + 1;
            sphere.triangles.emplace_back(a, b, a + 1);
            sphere.triangles.emplace_back(a + 1, b, b + 1);
        }
    return sphere;
}

void writeObj(const GeneratedSphere& sphere, const std::filesystem::path& path) {
    std::ofstream out(path);
    for (const glm::vec3& p : sphere.positions) out << "v " << p.x << ' ' << p.y << ' ' << p.z << '\n';
    for (const glm::vec2& t : sphere.uvs) out << "vt " << t.x << ' ' << t.y << '\n';
    for (const glm::uvec3& t : sphere.triangles)
        out << "f " << t.x + 1 << '/' << t.x + 1 << ' ' << t.y + 1 << '/' << t.y + 1 << ' ' << t.z + 1 << '/'
            << t.z + 1 << '\n';
}

void writePly(const GeneratedSphere& sphere, const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary);
    out << "ply\nformat binary_little_endian 1.0\nelement vertex " << sphere.positions.size()
        << "\nproperty float x\nproperty float y\nproperty float z\nproperty float s\nproperty float t\n"
        << "element face " << sphere.triangles.size() << "\nproperty list uchar uint vertex_indices\nend_header\n";
    for (std::size_t i = 0; i < sphere.positions.size(); ++i) {
        out.write(reinterpret_cast<const char*>(&sphere.positions[i]), sizeof(glm::vec3));
        out.write(reinterpret_cast<const char*>(&sphere.uvs[i]), sizeof(glm::vec2));
    }
    for (const glm::uvec3& t : sphere.triangles) {
        const unsigned char three = 3;
        out.write(reinterpret_cast<const char*>(&three), 1);
        out.write(reinterpret_cast<const char*>(&t), sizeof(glm::uvec3));
    }
}

// [SECTION] A large pool for the scaling figures

// `count` candidates spread uniformly (not blue noise) over the scalp triangles: enough to time
// the GPU passes at a million impressions without waiting for a pool of that size.
CandidatePool uniformRandomPool(const HeadMesh& mesh, std::size_t count) {
    std::vector<std::size_t> scalpTriangles;
    std::vector<double> cumulativeArea;
    double area = 0.0;
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t)
        if (triangleScalpWeight(mesh, t) > 0.0f) {
            area += triangleArea(mesh, t);
            scalpTriangles.push_back(t);
            cumulativeArea.push_back(area);
        }
    CandidatePool pool;
    pool.areaMm2 = area;
    pool.params.maxDensityPerCm2 = float(double(count) / (area / 100.0));
    pool.candidates.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto h = std::uint32_t(i);
        const double pick = double(hashToUnitFloat(lowbias32(h * 3u + 1u))) * area;
        const std::size_t k = std::size_t(std::lower_bound(cumulativeArea.begin(), cumulativeArea.end(), pick) -
                                          cumulativeArea.begin());
        const glm::uvec3 t = mesh.triangles[scalpTriangles[std::min(k, scalpTriangles.size() - 1)]];
        float b = hashToUnitFloat(lowbias32(h * 3u + 2u)), c = hashToUnitFloat(lowbias32(h * 3u + 3u));
        if (b + c > 1.0f) {
            b = 1.0f - b;
            c = 1.0f - c;
        }
        const float a = 1.0f - b - c;
        Candidate& candidate = pool.candidates[i];
        candidate.triangle = std::uint32_t(scalpTriangles[std::min(k, scalpTriangles.size() - 1)]);
        candidate.barycentric = {b, c};
        candidate.position = a * mesh.positions[t.x] + b * mesh.positions[t.y] + c * mesh.positions[t.z];
        candidate.normal = glm::normalize(a * mesh.normals[t.x] + b * mesh.normals[t.y] + c * mesh.normals[t.z]);
        candidate.uv = a * mesh.uvs[t.x] + b * mesh.uvs[t.y] + c * mesh.uvs[t.z];
        candidate.scalpWeight = 1.0f;
        candidate.rank = float(i) / float(count);
    }
    return pool;
}

// [SECTION] Figures

void printFigure(const char* name, double value, const char* unit, const char* goal) {
    std::printf("  %-44s %10.2f %-4s %s\n", name, value, unit, goal);
}

}  // namespace

int runBench() {
    const Clock::time_point processStart = Clock::now();
    // Start to first frame: what a user waits for, context and head load included.
    HeadlessContext context;
    const HeadMesh head = loadHeadMesh(defaultHeadPath());
    HeadRenderer renderer(head);
    constexpr int kWidth = 1280, kHeight = 800;
    RenderTarget target(kWidth, kHeight);
    const OrbitCamera camera = cameraForView(head, StandardView::ThreeQuarter, float(kWidth) / float(kHeight));
    const ShadingSettings shading;
    target.bind();
    renderer.draw(camera, kWidth, kHeight, shading);
    glFinish();
    const double firstFrameMs = millisecondsSince(processStart);

    std::printf("Stipple benchmark on %s\n", context.description().c_str());
    std::printf("default head: %zu vertices, %zu triangles\n\n", head.vertexCount(), head.triangleCount());
    std::printf("  %-44s %10s %-4s %s\n", "figure", "median", "", "goal");
    printFigure("start to first frame (headless)", firstFrameMs, "ms", "< 1000 ms");

    // Timer queries read 0 on llvmpipe: time with glFinish and the CPU clock.
    const double frameMs = medianMs(31, [&] {
        renderer.draw(camera, kWidth, kHeight, shading);
        glFinish();
    });
    printFigure("frame at 1280x800, default head", frameMs, "ms", "< 16 ms");

    printFigure("import default head (Assimp, GLB)", medianMs(5, [] { loadHeadMesh(defaultHeadPath()); }), "ms", "");
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "stipple-bench";
    std::filesystem::create_directories(folder);
    const GeneratedSphere sphere = makeSphere(1'000'000);
    writeObj(sphere, folder / "sphere-1m.obj");
    writePly(sphere, folder / "sphere-1m.ply");
    const LoadOptions millimetres{1.0f};
    printFigure("import 1M triangles (tinyobjloader, OBJ)",
                medianMs(3, [&] { loadHeadMesh(folder / "sphere-1m.obj", millimetres); }), "ms", "");
    printFigure("import 1M triangles (Assimp, binary PLY)",
                medianMs(3, [&] { loadHeadMesh(folder / "sphere-1m.ply", millimetres); }), "ms", "");
    std::filesystem::remove_all(folder);

    std::printf("\nimpressions\n");
    // Built without the disk cache: this is the time a head seen for the first time costs.
    std::optional<CandidatePool> pool;
    const double poolMs = medianMs(3, [&] { pool = buildCandidatePool(head); });
    std::vector<glm::vec3> positions;
    for (const Candidate& c : pool->candidates) positions.push_back(c.position);
    printFigure("pool, default head at 200/cm2 (build)", poolMs, "ms", "< 1000 ms; Yuksel's WSE 3.9 s");
    std::printf("  %-44s %10zu\n", "pool size", pool->size());
    std::printf("  %-44s %10.3f      0.70 .. 0.85\n", "pool rho (all 200/cm2)", relativeRadius(positions, pool->areaMm2));

    const CandidatePool million = uniformRandomPool(head, 1'000'000);
    const ScatterParams look;
    for (const CandidatePool* scattered : std::initializer_list<const CandidatePool*>{&*pool, &million}) {
        ImpressionField field(*scattered, buildCandidateGrid(*scattered));
        field.setDensity(DensityMap::uniform(kDefaultDensityPerCm2));
        char name[64];
        std::snprintf(name, sizeof name, "full re-scatter, %zuk-candidate pool", scattered->size() / 1000);
        printFigure(name, medianMs(21, [&] {
                        field.scatter(look);
                        glFinish();
                    }), "ms", scattered == &million ? "< 5 ms" : "");
    }

    // A brush-sized change: density raised in a 15 mm disc, re-scattered and re-baked there.
    ScalpImpressions design(head, *pool);
    const Candidate middle = pool->candidates[pool->size() / 2];
    DensityMap density(256, 256, kDefaultDensityPerCm2);
    constexpr float kRadiusMm = 15.0f;
    bool raised = false;
    const auto changeDensity = [&] {
        raised = !raised;
        for (const Candidate& c : design.pool().candidates)
            if (glm::distance(c.position, middle.position) < kRadiusMm)
                density.set(std::min(255, int(c.uv.x * 256.0f)), std::min(255, int(c.uv.y * 256.0f)),
                            raised ? 150.0f : kDefaultDensityPerCm2);
        // Bilinear sampling carries a texel's change one texel further: two texels of about
        // 1.7 mm (256 over the default head's scalp chart) beyond the disc.
        design.setDensityWithin(density, {{middle.position, kRadiusMm + 4.0f}});
    };
    printFigure("15 mm change: re-scatter + re-bake", medianMs(11, [&] {
                    changeDensity();
                    glFinish();
                }), "ms", "< 10 ms");
    printFigure("15 mm change: re-scatter + re-bake + frame", medianMs(11, [&] {
                    changeDensity();
                    renderer.draw(camera, kWidth, kHeight, shading, design.view());
                    glFinish();
                }), "ms", "");

    // Frames with ever more impressions: the far view samples the baked map, so the count
    // must not matter.
    ScalpImpressions large(head, million);
    for (const std::size_t count : {10'000, 100'000, 1'000'000}) {
        large.setDensity(DensityMap::uniform(float(double(count) / (million.areaMm2 / 100.0))));
        char name[64];
        std::snprintf(name, sizeof name, "frame at 1280x800, %zuk impressions", std::size_t(large.impressionCount() / 1000));
        printFigure(name, medianMs(21, [&] {
                        renderer.draw(camera, kWidth, kHeight, shading, large.view());
                        glFinish();
                    }), "ms", "< 16 ms");
    }
    const OrbitCamera closeUp = closeUpCamera(head);
    printFigure("frame at 1280x800, close-up (single dots)", medianMs(11, [&] {
                    renderer.draw(closeUp, kWidth, kHeight, shading, design.view());
                    glFinish();
                }), "ms", "");

    std::printf("\npainting\n");
    // A density stroke dragged across the crown, one mouse event a frame: each step paints the
    // new segment, re-scatters and re-bakes where it reached, and draws the frame.
    Design paintedDesign;
    paintedDesign.mesh = head;
    paintedDesign.layers = std::make_unique<LayerSet>(head);
    LayerSet& layers = *paintedDesign.layers;
    ScalpImpressions painted(head, *pool, {}, designDensity(layers));
    BrushSettings brush = defaultBrush(BrushTool::Density);
    brush.value = 140.0f;
    BrushStroke stroke(layers, brush);
    const glm::vec3 crown = head.landmarks.vertex;
    int step = 0;
    const auto dab = [&] {
        const float t = float(step++) * 0.04f;
        const glm::vec3 point = snapToSurface(head, crown + glm::vec3(40.0f * std::sin(t), 0.0f, 40.0f * std::cos(t)));
        std::vector<ScalpImpressions::Region> regions;
        for (const SurfaceSphere& reached : stroke.addPoint(point).reach) regions.push_back({reached.centreMm, reached.radiusMm});
        painted.setDensityWithin(designDensity(layers), regions);
    };
    printFigure("dab to baked pixels, CPU paint", medianMs(21, [&] {
                    dab();
                    glFinish();
                }), "ms", "");
    printFigure("dab to pixels on screen, CPU paint", medianMs(21, [&] {
                    dab();
                    renderer.draw(camera, kWidth, kHeight, shading, painted.view());
                    glFinish();
                }), "ms", "< 16 ms");

    // The same stroke painted on the GPU (GpuBrushStroke): the layer textures are painted in
    // place and the scatter's density is composed from them, so no dab recomposes the density
    // map on the CPU or uploads it.
    LayerSet gpuLayers(head);
    LayerTextures gpuTextures(gpuLayers);
    PaintPass paintPass(gpuLayers, gpuTextures);
    ScalpImpressions gpuPainted(head, *pool, {}, designDensity(gpuLayers));
    GpuBrushStroke gpuStroke(paintPass, brush);
    int gpuStep = 0;
    const auto gpuDab = [&] {
        const float t = float(gpuStep++) * 0.04f;
        const glm::vec3 point = snapToSurface(head, crown + glm::vec3(40.0f * std::sin(t), 0.0f, 40.0f * std::cos(t)));
        const StrokeChange change = gpuStroke.addPoint(point);
        std::vector<ScalpImpressions::Region> regions;
        for (const SurfaceSphere& reached : change.reach) regions.push_back({reached.centreMm, reached.radiusMm});
        TexelRect texels = change.texels[std::size_t(LayerKind::Density)];
        texels.include(change.texels[std::size_t(LayerKind::Hairline)]);
        gpuPainted.setDensityWithin(gpuTextures, texels, regions);
    };
    printFigure("dab to baked pixels, GPU paint", medianMs(21, [&] {
                    gpuDab();
                    glFinish();
                }), "ms", "");
    printFigure("dab to pixels on screen, GPU paint", medianMs(21, [&] {
                    gpuDab();
                    renderer.draw(camera, kWidth, kHeight, shading, gpuPainted.view());
                    glFinish();
                }), "ms", "< 16 ms");

    std::printf("\nexport at 8192x8192 (every texture, written to disk)\n");
    // The painted design above, exported exactly as `stipple export` does it, step by step; one
    // run (an 8192 map is 67M texels).
    constexpr int kExportSize = 8192;
    const std::filesystem::path exportFolder = std::filesystem::temp_directory_path() / "stipple-bench-export";
    std::filesystem::create_directories(exportFolder);
    ExportJob job(paintedDesign, "bench", exportFolder, kExportSize, ExportFormats{}, false);
    double exportMs = 0.0;
    while (!job.done()) {
        const std::string stepName = job.nextStepName();
        const double stepMs = medianMs(1, [&] {
            job.runNextStep();
            glFinish();
        });
        exportMs += stepMs;
        // The first step scatters and bakes the pigment map: the bake's own goal.
        printFigure(stepName.c_str(), stepMs, "ms", job.stepsDone() == 1 ? "bake < 1000 ms" : "");
    }
    printFigure("export in all", exportMs, "ms", "< 5000 ms");
    std::filesystem::remove_all(exportFolder);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    printFigure("peak memory of the whole benchmark", double(usage.ru_maxrss) / 1024.0, "MiB", "");
    return 0;
}

}  // namespace stipple
