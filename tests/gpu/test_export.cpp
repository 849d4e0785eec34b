// `stipple export`: each file against what it is made from (the bake, the layers, the mesh).
#include "RunCommand.h"
#include "app/ExportJob.h"
#include "core/ImpressionLook.h"
#include "core/Needles.h"
#include "core/SkinDiffusion.h"
#include "core/SmpModel.h"
#include "core/SkinTone.h"
#include "gpu/HeadlessContext.h"
#include "gpu/ScalpImpressions.h"
#include "io/Design.h"
#include "io/ImageFile.h"
#include "io/MeshLoader.h"
#include "io/WholeFile.h"
#include "io/PoolCache.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>
#include <glm/common.hpp>
#include <stb_image.h>
#include <tinyexr.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <sys/stat.h>

using namespace stipple;
using stipple::test::TempFolder;
using stipple::test::run;

namespace {

constexpr int kSize = 1024;

std::string point(glm::vec3 p) {
    return "[" + std::to_string(p.x) + ", " + std::to_string(p.y) + ", " + std::to_string(p.z) + "]";
}

// Two projects (a Norwood III hairline, shading on the crown and a scar across the back of the
// head), exported together once for all the checks below.
struct Exported {
    TempFolder folder;
    std::string project, other;
    std::filesystem::path out;
    int exitCode = -1;

    Exported() {
        const HeadMesh head = loadHeadMesh(defaultHeadPath());
        const glm::vec3 crown = head.landmarks.vertex;
        const std::string strokes = folder.write("strokes.json",
            "{\"strokes\": ["
            "{\"tool\": \"shading\", \"mode\": \"set\", \"value\": 1, \"radius_mm\": 30, \"hardness\": 0.5,"
            " \"points\": [" + point(crown) + "]},"
            "{\"tool\": \"scar\", \"mode\": \"set\", \"value\": 1, \"radius_mm\": 6, \"hardness\": 0.5,"
            " \"points\": [" + point(crown + glm::vec3(-40, -30, -60)) + ", " + point(crown + glm::vec3(40, -30, -60)) +
            "]}]}").string();
        project = (folder.path() / "client-a.stipple").string();
        other = (folder.path() / "client-b.stipple").string();
        REQUIRE(run({"paint", "--template", "norwood-3", "--strokes", strokes, "--out", project}) == 0);
        // A client of Fitzpatrick type V: the export composites on the project's skin.
        Project saved = readProject(project);
        saved.settings.skinType = 5;
        writeProject(project, saved);
        std::filesystem::copy_file(project, other);
        out = folder.path() / "out";
        exitCode = run({"export", project, other, "--out", out.string(), "--size", std::to_string(kSize)});
    }
};

const Exported& exported() {
    static const Exported instance;
    return instance;
}

float linearChannelToSrgb(float c) { return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f; }

}  // namespace

TEST_CASE("export writes every file of both projects in one call", "[cli][export]") {
    const Exported& e = exported();
    REQUIRE(e.exitCode == 0);
    for (const char* name : {"client-a", "client-b"})
        for (const char* suffix : {"-albedo.png", "-coverage.png", "-guide.png", "-density.exr", ".glb", "-impressions.csv"}) {
            const std::filesystem::path file = e.out / (std::string(name) + suffix);
            INFO(file);
            CHECK(std::filesystem::file_size(file) > 0);
        }
    const Image guide = readImage(e.out / "client-a-guide.png");
    CHECK(guide.width == kSize);
    std::ifstream csv(e.out / "client-b-impressions.csv");
    std::string header;
    std::getline(csv, header);
    CHECK(header == "id,x_mm,y_mm,z_mm,u,v,diameter_mm,shade");
}

TEST_CASE("the exported coverage is the viewport's bake, and the albedo composites it with its halo as head.frag does",
          "[cli][export][gl]") {
    const Exported& e = exported();
    REQUIRE(e.exitCode == 0);
    const Image coverage = readImage(e.out / "client-a-coverage.png");
    const Image albedo = readImage(e.out / "client-a-albedo.png");
    REQUIRE(coverage.width == kSize);
    REQUIRE(albedo.width == kSize);

    const Design design = openDesign(e.project);
    HeadlessContext context;
    const CandidatePool pool = *loadOrBuildCandidatePool(design.mesh, {}, {}, defaultPoolCacheDir());
    const ScalpImpressions impressions(design.mesh, pool, dotLookFor(design.settings.needlePreset), designDensity(*design.layers),
                                       kSize, DensityMap::uniform(0.0f), 0.0f);
    const Image bake = impressions.bake().readPixels();
    std::size_t covered = 0, differing = 0;
    for (std::size_t texel = 0; texel < bake.rgba.size() / 4; ++texel) {
        const int difference = std::abs(int(bake.rgba[texel * 4]) - int(coverage.rgba[texel * 4 + 3]));
        REQUIRE(difference <= 1);
        differing += difference > 0;
        covered += bake.rgba[texel * 4] > 0;
    }
    CHECK(covered > 10000);
    CHECK(differing == 0);

    // The halo, straight in 2D: the bake's coverage inside the UV islands under the export's
    // Gaussian (the design's depth, in the scalp's median texels), over the islands under it.
    REQUIRE(design.settings.depthMm == kDefaultDepthMm);
    REQUIRE(design.settings.skinType == 5);
    const SkinDiffusion diffusion = skinDiffusion(kDefaultDepthMm, std::nullopt, 5);
    const double coreSigma = diffusion.haloSigmaMm / impressions.bake().scalpMedianTexelMm();
    const std::vector<std::uint8_t>& islands = impressions.bake().islandMask();
    const auto blurredAt = [&](int x, int y, double sigma) {
        const int reach = int(std::ceil(3.0 * sigma));
        double sum = 0.0, inside = 0.0;
        for (int dy = -reach; dy <= reach; ++dy)
            for (int dx = -reach; dx <= reach; ++dx) {
                const int sx = x + dx, sy = y + dy;
                if (sx < 0 || sy < 0 || sx >= kSize || sy >= kSize) continue;
                const std::size_t texel = std::size_t(sy) * kSize + std::size_t(sx);
                if (!islands[texel]) continue;
                const double weight = std::exp(-double(dx * dx + dy * dy) / (2.0 * sigma * sigma));
                sum += weight * bake.rgba[texel * 4] / 255.0;
                inside += weight;
            }
        return inside > 0.0 ? float(sum / inside) : 0.0f;
    };
    // The halo's core and, where it has one, its tail kHaloTailScale times wider.
    const auto haloAt = [&](int x, int y) {
        const float core = blurredAt(x, y, coreSigma);
        if (diffusion.haloTail <= 0.0f) return core;
        return (1.0f - diffusion.haloTail) * core + diffusion.haloTail * blurredAt(x, y, kHaloTailScale * coreSigma);
    };

    // The CPU composite: the project's skin (the default head has no texture), head.frag's
    // ink with its halo, shading and scar, exact sRGB.
    const glm::vec3 skin = srgbToLinear(fitzpatrickPreset(5).albedoSrgb);
    const glm::vec3 ink = srgbToLinear(kDesignInkSrgb);
    const DensityMap shadingMap = design.layers->layer(LayerKind::Shading).toDensityMap();
    const DensityMap scarMap = design.layers->layer(LayerKind::Scar).toDensityMap();
    const float bareSkin = 255.0f * linearChannelToSrgb(skin.y);
    std::mt19937 random(5);
    std::uniform_int_distribution<int> coordinate(0, kSize - 1);
    int checked = 0, haloOnly = 0, darkenedByHalo = 0, shaded = 0, scarred = 0;
    for (int attempt = 0; attempt < 2000000 && checked < 3000; ++attempt) {
        const int x = coordinate(random), y = coordinate(random);
        const std::size_t texel = std::size_t(y) * kSize + std::size_t(x);
        // Dots, and the skin between them that only their halo darkens.
        const float dots = float(bake.rgba[texel * 4]) / 255.0f, halo = haloAt(x, y);
        if (dots < 40.0f / 255.0f && (dots > 0.0f || halo < 0.01f)) continue;
        const glm::vec2 uv((float(x) + 0.5f) / kSize, 1.0f - (float(y) + 0.5f) / kSize);
        const float shading = shadingMap.sample(uv), scar = scarMap.sample(uv);
        glm::vec3 opacity;
        for (int c = 0; c < 3; ++c)
            opacity[c] = 1.0f - (1.0f - diffusion.crisp * dots) * (1.0f - std::min((diffusion.gain[c] - 1.0f) * halo, 1.0f));
        glm::vec3 expected = glm::mix(skin, glm::vec3(0.93f, 0.80f, 0.76f) * std::max(skin.x, 0.2f) / 0.93f, 0.45f * scar);
        expected = glm::mix(expected, glm::mix(ink, expected, 0.55f * shading), opacity * (1.0f - 0.35f * scar));
        INFO("texel " << x << ", " << y << " dots " << dots << " halo " << halo << " shading " << shading
                      << " scar " << scar);
        for (int c = 0; c < 3; ++c)
            REQUIRE(std::abs(float(albedo.rgba[texel * 4 + std::size_t(c)]) - 255.0f * linearChannelToSrgb(expected[c])) <=
                    2.0f);
        if (dots == 0.0f) {
            ++haloOnly;
            darkenedByHalo += scar == 0.0f && shading == 0.0f && float(albedo.rgba[texel * 4 + 1]) < bareSkin - 3.0f;
        }
        shaded += shading > 0.2f;
        scarred += scar > 0.2f;
        ++checked;
    }
    CHECK(checked == 3000);
    CHECK(haloOnly > 500);
    CHECK(darkenedByHalo > 200);  // between the dots the skin is visibly darker than bare
    CHECK(shaded > 50);
    CHECK(scarred > 0);
    // A texel far from any dot and from the layers is the bare skin.
    CHECK(std::abs(float(albedo.rgba[0]) - 255.0f * linearChannelToSrgb(skin.x)) <= 1.0f);
}

TEST_CASE("the 16-bit albedo rounds to the 8-bit one, texel for texel", "[cli][export]") {
    const Exported& e = exported();
    REQUIRE(e.exitCode == 0);
    const std::filesystem::path out = e.folder.path() / "out16";
    REQUIRE(run({"export", e.project, "--out", out.string(), "--size", std::to_string(kSize), "--formats", "png", "--16bit"}) == 0);
    const std::string png = readFileBytes(out / "client-a-albedo.png", 1u << 30, "a test image");
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<stbi_us, void (*)(void*)> deep(
        stbi_load_16_from_memory(reinterpret_cast<const stbi_uc*>(png.data()), int(png.size()), &width, &height, &channels, 4),
        stbi_image_free);
    REQUIRE(deep);
    REQUIRE(stbi_is_16_bit_from_memory(reinterpret_cast<const stbi_uc*>(png.data()), int(png.size())));
    const Image albedo = readImage(e.out / "client-a-albedo.png");
    REQUIRE(width == albedo.width);
    REQUIRE(height == albedo.height);
    std::size_t differing = 0, dark = 0;
    for (std::size_t i = 0; i < albedo.rgba.size(); ++i) {
        differing += std::uint8_t((deep.get()[i] + 128u) / 257u) != albedo.rgba[i];
        dark += i % 4 == 1 && albedo.rgba[i] < 60;
    }
    CHECK(differing == 0);
    CHECK(dark > 1000);  // the dots are there to compare
    // The other images come with it.
    CHECK(readImage(out / "client-a-coverage.png").rgba == readImage(e.out / "client-a-coverage.png").rgba);
    CHECK(readImage(out / "client-a-guide.png").rgba == readImage(e.out / "client-a-guide.png").rgba);
}

TEST_CASE("the exported GLB re-imports with its texture, UVs and triangles", "[cli][export]") {
    const Exported& e = exported();
    REQUIRE(e.exitCode == 0);
    const Design design = openDesign(e.project);
    const HeadMesh glb = loadHeadMesh(e.out / "client-a.glb");
    REQUIRE(glb.triangleCount() == design.mesh.triangleCount());
    REQUIRE(glb.vertexCount() == design.mesh.vertexCount());
    for (std::size_t i = 0; i < glb.vertexCount(); ++i) {
        REQUIRE(glb.uvs[i].x == Approx(design.mesh.uvs[i].x).margin(1e-6));
        REQUIRE(glb.uvs[i].y == Approx(design.mesh.uvs[i].y).margin(1e-6));
        // Written in metres, detected as metres and brought back to millimetres.
        REQUIRE(glb.positions[i].y == Approx(design.mesh.positions[i].y).margin(1e-3));
    }
    CHECK(glb.triangles == design.mesh.triangles);
    const Image albedo = readImage(e.out / "client-a-albedo.png");
    REQUIRE(glb.albedo.width == kSize);
    CHECK(glb.albedo.rgba == albedo.rgba);
}

TEST_CASE("the density EXR holds the density the scatter reads", "[cli][export]") {
    const Exported& e = exported();
    REQUIRE(e.exitCode == 0);
    const Design design = openDesign(e.project);
    const DensityMap density = designDensity(*design.layers);
    float* rgba = nullptr;
    int width = 0, height = 0;
    const char* error = nullptr;
    REQUIRE(LoadEXR(&rgba, &width, &height, (e.out / "client-a-density.exr").c_str(), &error) == TINYEXR_SUCCESS);
    REQUIRE(width == density.width());
    REQUIRE(height == density.height());
    std::size_t mismatches = 0;
    float highest = 0.0f;
    for (int j = 0; j < height; ++j)
        for (int i = 0; i < width; ++i) {
            // EXR rows run top down (v = 1 first).
            const float value = rgba[(std::size_t(height - 1 - j) * std::size_t(width) + std::size_t(i)) * 4];
            mismatches += value != density.at(i, j);
            highest = std::max(highest, value);
        }
    std::free(rgba);
    CHECK(mismatches == 0);
    CHECK(highest > 50.0f);
}

TEST_CASE("export into a folder it cannot write exits 2 and writes nothing", "[cli][export]") {
    const Exported& e = exported();
    TempFolder folder;
    // A folder under a file can never be made, whoever runs the test.
    const std::string file = folder.write("file.txt", "x").string();
    CHECK(run({"export", e.project, "--out", file + "/out", "--size", "1024", "--formats", "csv"}) == 2);

    const std::filesystem::path locked = folder.path() / "locked";
    std::filesystem::create_directory(locked);
    REQUIRE(::chmod(locked.c_str(), 0555) == 0);
    if (std::ofstream(locked / "probe").good()) {  // root writes anyway: nothing to check
        std::filesystem::remove(locked / "probe");
        WARN("running as root: the read-only folder check is skipped");
    } else {
        CHECK(run({"export", e.project, "--out", locked.string(), "--size", "1024"}) == 2);
        CHECK(std::filesystem::is_empty(locked));
    }
    ::chmod(locked.c_str(), 0755);
}

TEST_CASE("an export that stops before writing removes the folder it made, and only that", "[export]") {
    const Exported& e = exported();
    const Design design = openDesign(e.project);
    TempFolder folder;
    const std::filesystem::path made = folder.path() / "new" / "out";
    {
        ExportJob job(design, "client-a", made, kSize, ExportFormats{}, false);
        job.runNextStep();  // creates the folder
        REQUIRE(std::filesystem::is_directory(made));
    }  // stopped here, as a failed step or a cancel leaves it
    CHECK_FALSE(std::filesystem::exists(made));
    // A folder that was there before stays, and so does one the export wrote into.
    const std::filesystem::path existing = folder.path() / "existing";
    std::filesystem::create_directory(existing);
    {
        ExportJob job(design, "client-a", existing, kSize, ExportFormats{}, false);
        job.runNextStep();
    }
    CHECK(std::filesystem::is_directory(existing));
    {
        ExportJob job(design, "client-a", made, kSize, ExportFormats{}, false);
        job.runNextStep();
        std::ofstream(made / "client-a-notes.txt") << "a file in it by the time the export stops";
    }
    CHECK(std::filesystem::exists(made / "client-a-notes.txt"));
}

TEST_CASE("export refuses bad usage with exit 2", "[cli][export]") {
    const Exported& e = exported();
    CHECK(run({"export", "--out", "x"}) == 2);
    CHECK(run({"export", e.project}) == 2);
    CHECK(run({"export", e.project, "--out", "x", "--size", "512"}) == 2);
    CHECK(run({"export", e.project, "--out", "x", "--formats", "png,tiff"}) == 2);
    CHECK(run({"export", e.project, e.project, "--out", "x"}) == 2);
    CHECK(run({"export", "--help"}) == 0);
}
