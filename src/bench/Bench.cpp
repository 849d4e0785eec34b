// [SECTION] Figures: every run kept, printed as median and p95, written as JSON
// [SECTION] Generated meshes for the import benchmark
// [SECTION] A large pool for the scaling figures
// [SECTION] Anchors: Yuksel's sample elimination, a compute pass that only writes
// [SECTION] Startup: to the first frame with impressions, pool cached and cold
// [SECTION] The benchmark
#include "bench/Bench.h"

#include "app/Arguments.h"
#include "app/ExportJob.h"

#include "core/BlueNoiseMetrics.h"
#include "core/Brush.h"
#include "core/CandidateGrid.h"
#include "core/Error.h"
#include "core/Hash.h"
#include "gpu/Bindings.h"
#include "gpu/GpuBrushStroke.h"
#include "gpu/HeadRenderer.h"
#include "gpu/DesignScene.h"
#include "gpu/HeadlessContext.h"
#include "gpu/LayerTextures.h"
#include "gpu/PaintPass.h"
#include "gpu/RenderTarget.h"
#include "gpu/ShaderLibrary.h"
#include "gpu/ScalpImpressions.h"
#include "gpu/Snapshot.h"
#include "io/Design.h"
#include "io/MeshLoader.h"
#include "io/PoolCache.h"
#include "io/StrokeScript.h"

#include <glad/gl.h>
#include <nlohmann/json.hpp>

// Yuksel's own implementation, unmodified (third_party/cyCodeBase/README.md).
#include <cyVector.h>
#include <cySampleElim.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

namespace stipple {
namespace {

// [SECTION] Figures: every run kept, printed as median and p95, written as JSON

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A timed figure: every run's time, so that the median and the 95th percentile come from the
// same runs. `id` is the stable key scripts read from the JSON; `name` may carry sizes.
struct Figure {
    std::string id, name, unit, goal;
    std::vector<double> runs;

    std::vector<double> sorted() const {
        std::vector<double> s = runs;
        std::sort(s.begin(), s.end());
        return s;
    }
    double median() const {
        const std::vector<double> s = sorted();
        const std::size_t n = s.size();
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
    // Nearest rank: the smallest run that at least 95 % of the runs do not exceed (the slowest
    // run when there are fewer than 20).
    double p95() const {
        const std::vector<double> s = sorted();
        const auto rank = std::size_t(std::ceil(0.95 * double(s.size())));
        return s[std::max<std::size_t>(rank, 1) - 1];
    }
};

// A figure that is not a time (a count, rho, a ratio of two medians, memory): one value.
struct Value {
    std::string id, name, unit, goal;
    double value = 0.0;
};

class FigureLog {
public:
    explicit FigureLog(std::FILE* out) : out_(out) {}

    void section(const char* title) { std::fprintf(out_, "\n%s\n", title); }

    // Times `work` `runs` times (in ms) and prints the figure.
    const Figure& time(const std::string& id, const std::string& name, int runs, const std::function<void()>& work,
                       const std::string& goal = "") {
        std::vector<double> times;
        for (int i = 0; i < runs; ++i) {
            const Clock::time_point start = Clock::now();
            work();
            times.push_back(millisecondsSince(start));
        }
        return add({id, name, "ms", goal, std::move(times)});
    }

    const Figure& add(Figure figure) {
        figures_.push_back(std::move(figure));
        const Figure& f = figures_.back();
        char runs[48];
        std::snprintf(runs, sizeof runs, "(p95 %.*f, %zu run%s)", precision(f.p95()), f.p95(), f.runs.size(),
                      f.runs.size() == 1 ? "" : "s");
        std::fprintf(out_, "  %-52s %10.*f %-3s %-24s %s\n", f.name.c_str(), precision(f.median()), f.median(),
                     f.unit.c_str(), runs, f.goal.c_str());
        std::fflush(out_);
        return f;
    }

    void value(const std::string& id, const std::string& name, double v, const std::string& unit,
               const std::string& goal = "", bool print = true) {
        values_.push_back({id, name, unit, goal, v});
        if (print)
            std::fprintf(out_, "  %-52s %10.*f %-3s %-24s %s\n", name.c_str(), precision(v), v, unit.c_str(), "",
                     goal.c_str());
        std::fflush(out_);
    }

    nlohmann::json json(const std::string& device, bool quick) const {
        nlohmann::json figures = nlohmann::json::array(), values = nlohmann::json::array();
        for (const Figure& f : figures_)
            figures.push_back({{"id", f.id}, {"name", f.name}, {"unit", f.unit}, {"goal", f.goal},
                               {"median", f.median()}, {"p95", f.p95()}, {"runs", f.runs.size()},
                               {"times", f.runs}});
        for (const Value& v : values_)
            values.push_back({{"id", v.id}, {"name", v.name}, {"unit", v.unit}, {"goal", v.goal}, {"value", v.value}});
        return {{"device", device}, {"quick", quick}, {"figures", figures}, {"values", values}};
    }

private:
    static int precision(double v) { return std::fabs(v) >= 100.0 ? 0 : std::fabs(v) >= 10.0 ? 1 : std::fabs(v) >= 1.0 ? 2 : 3; }

    std::FILE* out_;
    std::vector<Figure> figures_;
    std::vector<Value> values_;
};

std::string format(const char* pattern, double a, double b = 0.0) {
    char text[160];
    std::snprintf(text, sizeof text, pattern, a, b);
    return text;
}

// A temporary folder of this process's own: two benchmarks at once (a test beside a run) must
// not remove each other's files.
std::filesystem::path scratchFolder(const char* what) {
    return std::filesystem::temp_directory_path() / ("stipple-bench-" + std::to_string(getpid()) + "-" + what);
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

// [SECTION] Anchors: Yuksel's sample elimination, a compute pass that only writes

// Uniform densities (per cm^2) whose prefixes the rho figures measure: the powers of two that
// progressive elimination halves to and the densities between them, where it is weakest.
constexpr float kRhoDensities[] = {10.0f, 25.0f, 37.0f, 50.0f, 70.0f, 100.0f, 150.0f, 200.0f};

// rho of the prefix at each density (prefix length: the whole list is at `maxDensity`); a
// density above `maxDensity` is left out.
std::vector<std::pair<float, double>> prefixRho(const std::vector<glm::vec3>& points, double areaMm2,
                                                double maxDensity) {
    std::vector<std::pair<float, double>> rho;
    for (const float density : kRhoDensities) {
        if (double(density) > maxDensity) continue;
        const auto n = std::size_t(double(points.size()) * double(density) / maxDensity);
        const std::vector<glm::vec3> prefix(points.begin(), points.begin() + std::ptrdiff_t(n));
        rho.emplace_back(density, relativeRadius(prefix, areaMm2));
    }
    return rho;
}

double smallest(const std::vector<std::pair<float, double>>& rho) {
    double low = 1.0;
    for (const auto& entry : rho) low = std::min(low, entry.second);
    return low;
}

// Yuksel's progressive weighted sample elimination (Computer Graphics Forum 2015) with his own
// code, default parameters: `inputs` down to `count` points, ordered so that every prefix is
// meant to be blue noise. Distances are 3D and the radius follows the surface's area
// (dimensions = 2), as cySampleElim.h advises for a surface in 3D.
std::vector<glm::vec3> yukselProgressive(const std::vector<cy::Vec3f>& inputs, std::size_t count, double areaMm2) {
    const cy::WeightedSampleElimination<cy::Vec3f, float, 3> elimination;
    const float dMax = 2.0f * elimination.GetMaxPoissonDiskRadius(2, count, float(areaMm2));
    std::vector<cy::Vec3f> output(count);
    elimination.Eliminate(inputs.data(), inputs.size(), output.data(), count, true, dMax, 2);
    std::vector<glm::vec3> points;
    points.reserve(count);
    for (const cy::Vec3f& p : output) points.emplace_back(p.x, p.y, p.z);
    return points;
}

// The floor under any compute pass over `count` invocations on this machine: one invocation
// writes one word and does nothing else, dispatched and fenced the way the scatter is.
class FloorPass {
public:
    explicit FloorPass(GLuint count) : program_(buildProgram({"bench_floor.comp"})), words_(createBuffer()), count_(count) {
        glNamedBufferData(words_.get(), GLsizeiptr(count * sizeof(std::uint32_t)), nullptr, GL_DYNAMIC_COPY);
    }

    void run() const {
        glUseProgram(program_.get());
        glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_BENCH_WORDS, words_.get());
        glUniform1ui(glGetUniformLocation(program_.get(), "uCount"), count_);
        glDispatchCompute((count_ + 127u) / 128u, 1, 1);
        glMemoryBarrier(GL_SHADER_STORAGE_BARRIER_BIT | GL_BUFFER_UPDATE_BARRIER_BIT);
    }

    // Proof that the pass ran: the last invocation's word.
    bool wroteEveryWord() const {
        std::uint32_t last = 0;
        glGetNamedBufferSubData(words_.get(), GLintptr((count_ - 1) * sizeof(std::uint32_t)), sizeof last, &last);
        return last == count_ - 1;
    }

private:
    GlProgram program_;
    GlBuffer words_;
    GLuint count_;
};

// [SECTION] Startup: to the first frame with impressions, pool cached and cold

constexpr int kWidth = 1280, kHeight = 800;

// What a user waits for when the app opens the default head: a context of its own, the head,
// its pool (loaded from `cacheDir`, or built and written there when the folder is empty), the
// scatter and bake, one frame at 1280x800 with the impressions. Each phase's end in ms from the
// start, so that a slow start says where its time went. Tearing down is not timed.
struct StartupPhases {
    static constexpr const char* kNames[] = {"context", "head", "pool", "impressions", "renderer", "frame"};
    double endMs[6] = {};
};

StartupPhases startToFirstFrame(const std::filesystem::path& cacheDir, const PoolParams& params) {
    StartupPhases phases;
    const Clock::time_point start = Clock::now();
    HeadlessContext context;
    phases.endMs[0] = millisecondsSince(start);
    const HeadMesh head = loadHeadMesh(defaultHeadPath());
    phases.endMs[1] = millisecondsSince(start);
    std::optional<CandidatePool> pool = loadOrBuildCandidatePool(head, params, {}, cacheDir);
    phases.endMs[2] = millisecondsSince(start);
    ScalpImpressions impressions(head, std::move(*pool));
    glFinish();
    phases.endMs[3] = millisecondsSince(start);
    HeadRenderer renderer(head);
    RenderTarget target(kWidth, kHeight);
    const OrbitCamera camera = cameraForView(head, StandardView::ThreeQuarter, float(kWidth) / float(kHeight));
    glFinish();
    phases.endMs[4] = millisecondsSince(start);
    target.bind();
    renderer.draw(camera, kWidth, kHeight, ShadingSettings{}, impressions.view());
    glFinish();
    phases.endMs[5] = millisecondsSince(start);
    return phases;
}

// The start's figure (id `prefix`) and, indented below it, the median of each phase of it.
void addStartup(FigureLog& log, const std::string& prefix, const std::string& name, const std::string& goal,
                const std::vector<StartupPhases>& runs) {
    Figure total{prefix, name, "ms", goal, {}};
    for (const StartupPhases& run : runs) total.runs.push_back(run.endMs[5]);
    log.add(total);
    for (std::size_t phase = 0; phase < 6; ++phase) {
        Figure part{prefix + "_" + StartupPhases::kNames[phase], std::string("  of which ") + StartupPhases::kNames[phase],
                    "ms", "", {}};
        for (const StartupPhases& run : runs) part.runs.push_back(run.endMs[phase] - (phase > 0 ? run.endMs[phase - 1] : 0.0));
        log.add(part);
    }
}

double peakMemoryMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return text;
}

double loadAverage() {
    double load[1] = {0.0};
    return getloadavg(load, 1) == 1 ? load[0] : 0.0;
}

}  // namespace

// [SECTION] The benchmark

int runBench(const BenchOptions& options) {
    const bool quick = options.quick;
    const bool jsonToStdout = options.jsonPath && *options.jsonPath == "-";
    FigureLog log(jsonToStdout ? stderr : stdout);
    const std::string startedAt = utcNow();
    const double loadAtStart = loadAverage();
    // Runs per figure: fewer in quick mode, and few where one run takes seconds.
    const int many = quick ? 3 : 21, some = quick ? 3 : 11, few = quick ? 1 : 5, slow = quick ? 1 : 3;
    PoolParams poolParams;
    if (quick) poolParams.maxDensityPerCm2 = 25.0f;

    // Startup first, each run with a context of its own, before the benchmark's context exists.
    // The first run of the process also loads the GL driver, as a real start does.
    const std::filesystem::path cacheDir = scratchFolder("cache");
    std::vector<StartupPhases> coldRuns, cachedRuns;
    for (int i = 0; i < (quick ? 1 : 5); ++i) {
        std::filesystem::remove_all(cacheDir);
        coldRuns.push_back(startToFirstFrame(cacheDir, poolParams));
    }
    for (int i = 0; i < (quick ? 2 : 11); ++i) cachedRuns.push_back(startToFirstFrame(cacheDir, poolParams));
    std::filesystem::remove_all(cacheDir);

    HeadlessContext context;
    const HeadMesh head = loadHeadMesh(defaultHeadPath());
    HeadRenderer renderer(head);
    RenderTarget target(kWidth, kHeight);
    const OrbitCamera camera = cameraForView(head, StandardView::ThreeQuarter, float(kWidth) / float(kHeight));
    const ShadingSettings shading;
    target.bind();

    std::fprintf(jsonToStdout ? stderr : stdout, "Stipple benchmark on %s%s\n", context.description().c_str(),
                 quick ? " (quick: fewer runs, smaller inputs; not figures to quote)" : "");
    std::fprintf(jsonToStdout ? stderr : stdout, "default head: %zu vertices, %zu triangles; %s, load average %.1f\n\n",
                 head.vertexCount(), head.triangleCount(), startedAt.c_str(), loadAtStart);
    std::fprintf(jsonToStdout ? stderr : stdout, "  %-52s %10s %-3s %-24s %s\n", "figure", "median", "", "", "goal");

    // The first run of the process (a cold one) also loads the GL driver, as a real start does.
    addStartup(log, "start_cached", "start to first frame with impressions, pool cached", "< 300 ms", cachedRuns);
    addStartup(log, "start_cold", "start to first frame with impressions, pool built", "< 1000 ms", coldRuns);

    // Timer queries read 0 on llvmpipe: time with glFinish and the CPU clock.
    log.time("frame", "frame at 1280x800, default head", many, [&] {
        renderer.draw(camera, kWidth, kHeight, shading);
        glFinish();
    }, "< 16 ms");

    log.time("import_default_head", "import default head (Assimp, GLB)", few, [] { loadHeadMesh(defaultHeadPath()); });
    const std::filesystem::path folder = scratchFolder("meshes");
    std::filesystem::create_directories(folder);
    const std::size_t sphereTriangles = quick ? 100'000 : 1'000'000;
    const GeneratedSphere sphere = makeSphere(sphereTriangles);
    writeObj(sphere, folder / "sphere.obj");
    writePly(sphere, folder / "sphere.ply");
    const LoadOptions millimetres{1.0f};
    const std::string sphereName = std::to_string(sphereTriangles / 1000) + "k triangles";
    log.time("import_obj", "import " + sphereName + " (tinyobjloader, OBJ)", slow,
             [&] { loadHeadMesh(folder / "sphere.obj", millimetres); });
    log.time("import_ply", "import " + sphereName + " (Assimp, binary PLY)", slow,
             [&] { loadHeadMesh(folder / "sphere.ply", millimetres); });
    std::filesystem::remove_all(folder);

    log.section("candidate pool against Yuksel's progressive weighted sample elimination (same head, same count)");
    // Built without the disk cache: this is the time a head seen for the first time costs.
    std::optional<CandidatePool> pool;
    const std::string density = format("%.0f/cm2", double(poolParams.maxDensityPerCm2));
    const Figure& poolFigure = log.time("pool_build", "pool, default head at " + density + " (build)", quick ? 1 : 5,
                                        [&] { pool = buildCandidatePool(head, poolParams); }, "< 1000 ms");
    const double poolMs = poolFigure.median();
    std::vector<glm::vec3> positions;
    for (const Candidate& c : pool->candidates) positions.push_back(c.position);
    // Yuksel's elimination starts from 5x as many uniform random points on the same scalp
    // triangles (his paper's ratio); drawing them is not timed, only the elimination.
    std::vector<cy::Vec3f> yukselInputs;
    for (const Candidate& c : uniformRandomPool(head, 5 * pool->size()).candidates)
        yukselInputs.emplace_back(c.position.x, c.position.y, c.position.z);
    std::vector<glm::vec3> yuksel;
    const Figure& yukselFigure = log.time("yuksel_build", "Yuksel's progressive WSE, same count (5x inputs)", slow,
                                          [&] { yuksel = yukselProgressive(yukselInputs, pool->size(), pool->areaMm2); });
    log.value("yuksel_over_pool", "Yuksel's time / pool's time (medians, this run)", yukselFigure.median() / poolMs, "x",
              "> 1: the pool is faster");
    log.value("pool_size", "pool size", double(pool->size()), "");
    const auto poolRho = prefixRho(positions, pool->areaMm2, double(poolParams.maxDensityPerCm2));
    const auto yukselRho = prefixRho(yuksel, pool->areaMm2, double(poolParams.maxDensityPerCm2));
    log.value("pool_rho_min", "pool rho, smallest over the prefixes below", smallest(poolRho), "", "0.70 .. 0.85");
    log.value("yuksel_rho_min", "Yuksel rho, smallest over the prefixes below", smallest(yukselRho), "", "");
    std::FILE* table = jsonToStdout ? stderr : stdout;
    std::fprintf(table, "  %-22s", "rho at /cm2");
    for (const auto& entry : poolRho) std::fprintf(table, " %6.0f", double(entry.first));
    std::fprintf(table, "\n  %-22s", "  pool");
    for (const auto& entry : poolRho) std::fprintf(table, " %6.3f", entry.second);
    std::fprintf(table, "\n  %-22s", "  Yuksel");
    for (const auto& entry : yukselRho) std::fprintf(table, " %6.3f", entry.second);
    std::fprintf(table, "\n");
    for (std::size_t i = 0; i < poolRho.size(); ++i) {
        const std::string at = format("%.0f", double(poolRho[i].first));
        log.value("pool_rho_" + at, "pool rho at " + at + "/cm2", poolRho[i].second, "", "", false);
        log.value("yuksel_rho_" + at, "Yuksel rho at " + at + "/cm2", yukselRho[i].second, "", "", false);
    }
    yukselInputs = {};
    yuksel = {};

    log.section("impressions");
    const CandidatePool million = uniformRandomPool(head, 1'000'000);
    const ScatterParams look;
    {
        ImpressionField field(*pool, buildCandidateGrid(*pool));
        field.setDensity(DensityMap::uniform(std::min(kDefaultDensityPerCm2, poolParams.maxDensityPerCm2)));
        log.time("rescatter_pool", "full re-scatter, " + std::to_string(pool->size() / 1000) + "k-candidate pool", many, [&] {
            field.scatter(look);
            glFinish();
        });
    }
    {
        // The floor and the re-scatter of 1M alternate run by run, so that both see the same load.
        ImpressionField field(million, buildCandidateGrid(million));
        field.setDensity(DensityMap::uniform(kDefaultDensityPerCm2));
        const FloorPass floor(GLuint(million.size()));
        Figure rescatter{"rescatter_1m", "full re-scatter, 1000k-candidate pool", "ms", "< 5 ms; within 1.5x of the floor", {}};
        Figure floorFigure{"floor_1m", "floor: compute pass writing 1 word x 1M", "ms", "", {}};
        for (int i = 0; i < many; ++i) {
            Clock::time_point start = Clock::now();
            floor.run();
            glFinish();
            floorFigure.runs.push_back(millisecondsSince(start));
            start = Clock::now();
            field.scatter(look);
            glFinish();
            rescatter.runs.push_back(millisecondsSince(start));
        }
        if (!floor.wroteEveryWord()) throw InternalError("the benchmark's floor pass did not write its words");
        const double ratio = log.add(rescatter).median() / log.add(floorFigure).median();
        log.value("rescatter_over_floor", "re-scatter / floor (medians, this run)", ratio, "x", "< 1.5 x");
    }

    // A brush-sized change: density raised in a 15 mm disc, re-scattered and re-baked there.
    ScalpImpressions design(head, *pool);
    // Everything scattered and baked again, as when a design opens: the part of the start that
    // is neither the pool nor the frame.
    bool denser = false;
    const float baseDensity = std::min(kDefaultDensityPerCm2, poolParams.maxDensityPerCm2);
    const std::string mapSize = std::to_string(kDefaultPigmentMapSize);
    log.time("rebake_full", "full re-scatter + re-bake, " + mapSize + "x" + mapSize + " map", few, [&] {
        denser = !denser;
        design.setDensities(DensityMap::uniform(baseDensity * (denser ? 1.0f : 0.9f)), design.nativeHair());
        glFinish();
    });
    design.setDensities(DensityMap::uniform(baseDensity), design.nativeHair());
    const Candidate middle = pool->candidates[pool->size() / 2];
    DensityMap densityMap(256, 256, baseDensity);
    constexpr float kRadiusMm = 15.0f;
    bool raised = false;
    const auto changeDensity = [&] {
        raised = !raised;
        for (const Candidate& c : design.pool().candidates)
            if (glm::distance(c.position, middle.position) < kRadiusMm)
                densityMap.set(std::min(255, int(c.uv.x * 256.0f)), std::min(255, int(c.uv.y * 256.0f)),
                               raised ? 0.75f * poolParams.maxDensityPerCm2 : baseDensity);
        // Bilinear sampling carries a texel's change one texel further: two texels of about
        // 1.7 mm (256 over the default head's scalp chart) beyond the disc.
        design.setDensitiesWithin(densityMap, design.nativeHair(), {{middle.position, kRadiusMm + 4.0f}});
    };
    log.time("change_15mm", "15 mm change: re-scatter + re-bake", some, [&] {
        changeDensity();
        glFinish();
    }, "< 10 ms");
    log.time("change_15mm_frame", "15 mm change: re-scatter + re-bake + frame", some, [&] {
        changeDensity();
        renderer.draw(camera, kWidth, kHeight, shading, design.view());
        glFinish();
    });

    // The frame the window draws while the view moves or a stroke is painted: at half the size,
    // scaled up into a one-sample window (drawHeadViews); in full once the input rests.
    const RenderTarget moving(kWidth / 2, kHeight / 2, 1), window(kWidth, kHeight, 1);
    window.bind();
    GLint windowFramebuffer = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &windowFramebuffer);
    const auto drawMovingFrame = [&](const PigmentView& pigment) {
        moving.bind();
        renderer.draw(camera, kWidth / 2, kHeight / 2, shading, pigment);
        moving.blitTo(GLuint(windowFramebuffer), kWidth, kHeight);
        target.bind();
    };
    target.bind();

    // Frames with ever more impressions: the far view samples the baked map, so the count
    // must not matter.
    {
        ScalpImpressions large(head, million);
        for (const std::size_t count : {10'000, 100'000, 1'000'000}) {
            large.setDensities(DensityMap::uniform(float(double(count) / (million.areaMm2 / 100.0))), large.nativeHair());
            log.time("frame_" + std::to_string(count / 1000) + "k",
                     "frame at 1280x800, " + std::to_string(std::size_t(large.impressionCount() / 1000)) + "k impressions",
                     many, [&] {
                         renderer.draw(camera, kWidth, kHeight, shading, large.view());
                         glFinish();
                     }, "< 16 ms");
        }
        // As the window draws while the view moves or a stroke is painted: at half the size,
        // scaled up (drawHeadViews); in full once the input rests.
        log.time("frame_moving_1000k", "frame at 1280x800 while moving (half size, scaled up), 1M impressions", many, [&] {
            drawMovingFrame(large.view());
            glFinish();
        }, "< 8 ms");
    }
    const OrbitCamera closeUp = closeUpCamera(head);
    log.time("frame_close_up", "frame at 1280x800, close-up (single dots)", some, [&] {
        renderer.draw(closeUp, kWidth, kHeight, shading, design.view());
        glFinish();
    });

    log.section("painting");
    // A density stroke dragged across the crown, one mouse event a frame: each step paints the
    // new segment and the design's scene follows it, as in the window (the layer textures, the
    // scatter and the bake where it reached); then the frame is drawn.
    Design paintedDesign;
    paintedDesign.mesh = head;
    paintedDesign.layers = std::make_unique<LayerSet>(head);
    LayerSet& layers = *paintedDesign.layers;
    DesignScene painted(head, layers, paintedDesign.settings);
    painted.makeImpressions(*pool);
    BrushSettings brush = defaultBrush(BrushTool::Density);
    brush.value = std::min(140.0f, poolParams.maxDensityPerCm2);
    BrushStroke stroke(layers, brush);
    const glm::vec3 crown = head.landmarks.vertex;
    int step = 0;
    const auto dab = [&] {
        const float t = float(step++) * 0.04f;
        const glm::vec3 point = snapToSurface(head, crown + glm::vec3(40.0f * std::sin(t), 0.0f, 40.0f * std::cos(t)));
        painted.apply(DesignChange::ofStroke(stroke.addPoint(point), false));
    };
    log.time("dab_cpu", "dab to baked pixels, CPU paint", many, [&] {
        dab();
        glFinish();
    });
    // On screen as the window shows a stroke: the frame drawn while painting.
    log.time("dab_cpu_screen", "dab to pixels on screen, CPU paint", many, [&] {
        dab();
        drawMovingFrame(painted.view());
        glFinish();
    }, "< 16 ms");

    // The same stroke painted on the GPU (GpuBrushStroke): the layer textures are painted in
    // place and the scatter's density is composed from them, so no dab recomposes the density
    // map on the CPU or uploads it.
    LayerSet gpuLayers(head);
    DesignScene gpuPainted(head, gpuLayers, paintedDesign.settings);
    gpuPainted.makeImpressions(*pool);
    PaintPass paintPass(gpuLayers, gpuPainted.layerTextures());
    GpuBrushStroke gpuStroke(paintPass, brush);
    int gpuStep = 0;
    const auto gpuDab = [&] {
        const float t = float(gpuStep++) * 0.04f;
        const glm::vec3 point = snapToSurface(head, crown + glm::vec3(40.0f * std::sin(t), 0.0f, 40.0f * std::cos(t)));
        gpuPainted.apply(DesignChange::ofStroke(gpuStroke.addPoint(point), true));
    };
    log.time("dab_gpu", "dab to baked pixels, GPU paint", many, [&] {
        gpuDab();
        glFinish();
    });
    log.time("dab_gpu_screen", "dab to pixels on screen, GPU paint", many, [&] {
        gpuDab();
        drawMovingFrame(gpuPainted.view());
        glFinish();
    }, "< 16 ms");

    // The painted design above, exported exactly as `stipple export` does it, step by step; one
    // run (an 8192 map is 67M texels).
    const int exportSize = quick ? 1024 : 8192;
    log.section(format("export at %.0fx%.0f (every texture, written to disk; one run)", exportSize, exportSize).c_str());
    const std::filesystem::path exportFolder = scratchFolder("export");
    std::filesystem::create_directories(exportFolder);
    ExportJob job(paintedDesign, "bench", exportFolder, exportSize, ExportFormats{}, false);
    double exportMs = 0.0;
    int stepNumber = 0;
    while (!job.done()) {
        const std::string stepName = job.nextStepName();
        // The step that scatters and bakes the pigment map has a goal (and a key) of its own.
        const bool bake = stepName.rfind("Scattering", 0) == 0;
        ++stepNumber;
        const Figure& stepFigure = log.time(bake ? "export_bake" : "export_step_" + std::to_string(stepNumber), stepName, 1, [&] {
            job.runNextStep();
            glFinish();
        }, bake ? "bake < 1000 ms" : "");
        exportMs += stepFigure.median();
    }
    log.add({"export", "export in all", "ms", "< 5000 ms", {exportMs}});
    std::filesystem::remove_all(exportFolder);
    log.value("peak_memory_export", "peak memory up to here (after the export)", peakMemoryMiB(), "MiB");

    log.section("the whole benchmark");
    log.value("peak_memory", "peak memory of the whole benchmark", peakMemoryMiB(), "MiB");

    if (options.jsonPath) {
        nlohmann::json json = log.json(context.description(), quick);
        json["date"] = startedAt;
        json["cores"] = std::thread::hardware_concurrency();
        json["load_average_at_start"] = loadAtStart;
        json["load_average_at_end"] = loadAverage();
        if (jsonToStdout) {
            std::cout << json.dump(2) << '\n';
        } else {
            std::ofstream out(*options.jsonPath);
            out << json.dump(2) << '\n';
            if (!out) throw InputError("cannot write the benchmark's figures to " + *options.jsonPath);
        }
    }
    return 0;
}

namespace {

std::string benchHelp() {
    return
    "usage: stipple bench [--quick] [--json FILE]\n"
    "\n"
    "Prints the benchmark figures: each the median of several runs, with its 95th percentile and\n"
    "the number of runs, beside its goal. Startup (pool cached and built), frames, imports, the\n"
    "candidate pool against Yuksel's progressive weighted sample elimination on the same head and\n"
    "count (time and rho at several prefixes), the full re-scatter of 1M candidates against a\n"
    "compute pass that only writes one word per invocation, painting, export, peak memory. Every\n"
    "ratio comes from the same run.\n"
    "  --json   also write every figure (median, p95, runs, each run's time, unit, goal) as JSON\n"
    "           to FILE; '-' writes it to standard output and the table to standard error\n"
    "  --quick  fewer runs and smaller inputs, in seconds: the same figures, not ones to quote\n";
}

int runBenchCommand(int argc, char** argv) {
    const Arguments args(argc, argv, 2, {"--json"}, {"--quick"});
    if (!args.positional().empty()) throw InputError("bench takes no positional arguments");
    BenchOptions options;
    options.quick = args.flag("--quick");
    options.jsonPath = args.value("--json");
    return runBench(options);
}

}  // namespace

const Command kBenchCommand{"bench", runBenchCommand, benchHelp};

}  // namespace stipple
