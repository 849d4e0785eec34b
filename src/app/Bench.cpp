// [SECTION] Timing helpers
// [SECTION] Generated meshes for the import benchmark
// [SECTION] Figures
#include "app/Bench.h"

#include "gpu/HeadlessContext.h"
#include "gpu/RenderTarget.h"
#include "gpu/Snapshot.h"
#include "io/MeshLoader.h"

#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <vector>

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
    return 0;
}

}  // namespace stipple
