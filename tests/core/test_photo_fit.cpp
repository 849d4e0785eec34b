// The parts of the head fit (docs/photo-fit.md) on their own: cameras, triangulation, the
// deformation field, silhouettes, the circumference, the landmark file and the fitted head's
// OBJ. The round trip through rendered photos is tests/gpu/test_photo_fit.cpp.
#include "core/Error.h"
#include "core/HeadFit.h"
#include "core/NativeHair.h"
#include "core/PhotoTexture.h"
#include "io/HeadMetadata.h"
#include "io/HeadGlbFile.h"
#include "io/ImageFile.h"
#include "io/MeshLoader.h"
#include "io/PhotoLandmarkFile.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/geometric.hpp>

#include <random>
#include <string>

using namespace stipple;
using stipple::test::TempFolder;

namespace {

const HeadMesh& defaultHead() {
    static const HeadMesh head = loadHeadMesh(defaultHeadPath());
    return head;
}

std::string errorOf(const std::function<void()>& run) {
    try {
        run();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

// A landmark file with two photos of `size` pixels whose entries are `front` and `side`.
std::string landmarkJson(const std::string& front, const std::string& side, const std::string& extra = "") {
    return R"({"photos": [{"file": "front.png", "view": "front", "landmarks": {)" + front +
           R"(}}, {"file": "left.png", "view": "left", "landmarks": {)" + side + "}}]" + extra + "}";
}

}  // namespace

TEST_CASE("a pinhole camera projects as the renderer's view and projection matrices do", "[photo-fit]") {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
    for (int trial = 0; trial < 20; ++trial) {
        OrbitCamera orbit;
        orbit.yaw = 3.0f * unit(random);
        orbit.pitch = 1.2f * unit(random);
        orbit.distance = 600.0f + 200.0f * unit(random);
        orbit.verticalFovRadians = 0.6f + 0.3f * unit(random);
        orbit.target = glm::vec3(10.0f * unit(random), 50.0f + 10.0f * unit(random), 5.0f * unit(random));
        const int width = 640, height = 480;
        const PinholeCamera camera = PinholeCamera::lookingAt(orbit.eye(), orbit.target, glm::vec3(0.0f, 1.0f, 0.0f),
                                                              orbit.verticalFovRadians, width, height);
        CHECK(glm::distance(camera.eye(), orbit.eye()) < 1e-2f);
        const glm::mat4 clip = orbit.projection(float(width) / float(height)) * orbit.view();
        for (int k = 0; k < 10; ++k) {
            const glm::vec3 p(100.0f * unit(random), 100.0f * unit(random) + 50.0f, 100.0f * unit(random));
            const glm::vec4 c = clip * glm::vec4(p, 1.0f);
            // Normalised device coordinates to pixels from the top left, as the picture's rows run.
            const glm::vec2 expected((c.x / c.w + 1.0f) * 0.5f * float(width), (1.0f - c.y / c.w) * 0.5f * float(height));
            const auto pixel = camera.project(p);
            REQUIRE(pixel);
            CHECK(glm::distance(*pixel, expected) < 0.02f);
            // And back: the line of sight through the pixel passes through the point.
            const glm::vec3 ray = camera.rayDirection(*pixel);
            const glm::vec3 toPoint = glm::normalize(p - camera.eye());
            CHECK(glm::dot(ray, toPoint) > 0.999999f);
        }
    }
}

TEST_CASE("a camera is solved from a head's landmarks and lines of sight meet at the point seen", "[photo-fit]") {
    const FitLandmarkPoints points = fitLandmarkPoints(defaultHead());
    std::mt19937 random(11);
    std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
    for (int trial = 0; trial < 10; ++trial) {
        const float yaw = 0.4f * unit(random), pitch = 0.2f * unit(random), distance = 550.0f + 150.0f * unit(random);
        const glm::vec3 target(5.0f * unit(random), 40.0f + 10.0f * unit(random), 20.0f);
        const glm::vec3 eye = target + distance * glm::vec3(std::cos(pitch) * std::sin(yaw), std::sin(pitch),
                                                            std::cos(pitch) * std::cos(yaw));
        const PinholeCamera truth =
            PinholeCamera::lookingAt(eye, target, glm::vec3(0.0f, 1.0f, 0.0f), 0.5f + 0.3f * unit(random), 1200, 1600);
        std::vector<PointCorrespondence> seen;
        for (const glm::vec3& p : points) seen.push_back({p, *truth.project(p)});
        // The solve starts where a front view would: straight ahead, 600 mm away, a 60 degree lens.
        const PinholeCamera start = PinholeCamera::lookingAt(glm::vec3(0.0f, 40.0f, 620.0f), glm::vec3(0.0f, 40.0f, 20.0f),
                                                             glm::vec3(0.0f, 1.0f, 0.0f), 1.05f, 1200, 1600);
        const std::optional<CameraSolve> solve = solveCamera(seen, start);
        REQUIRE(solve);
        INFO("trial " << trial << ": focal " << solve->camera.focalPx << " px, truth " << truth.focalPx);
        CHECK(solve->rmsPixels < 0.5);
        CHECK(solve->camera.focalPx == Approx(truth.focalPx).epsilon(0.03));
        CHECK(glm::distance(solve->camera.eye(), truth.eye()) < 0.03f * distance);

        // Two views of one point: their lines of sight meet there.
        const PinholeCamera side = PinholeCamera::lookingAt(glm::vec3(600.0f, 30.0f, 50.0f), target,
                                                            glm::vec3(0.0f, 1.0f, 0.0f), 0.6f, 800, 800);
        const glm::vec3 p(20.0f * unit(random), 60.0f + 20.0f * unit(random), 40.0f * unit(random));
        const glm::vec3 met = triangulate({{truth, *truth.project(p)}, {side, *side.project(p)}});
        CHECK(glm::distance(met, p) < 0.05f);
    }
    CHECK_FALSE(solveCamera({{points[0], {1.0f, 1.0f}}, {points[1], {2.0f, 2.0f}}}, PinholeCamera{}));
}

TEST_CASE("the deformation field carries an affine motion exactly and bends through its constraints", "[photo-fit]") {
    std::mt19937 random(3);
    std::uniform_real_distribution<float> unit(-100.0f, 100.0f);
    const glm::mat3 linear(1.08f, 0.02f, 0.0f, -0.01f, 0.97f, 0.03f, 0.0f, 0.0f, 0.94f);
    const glm::vec3 shift(2.0f, -3.0f, 1.0f);
    const auto affine = [&](const glm::vec3& p) { return linear * p + shift - p; };
    std::vector<RbfField::Constraint> constraints;
    for (int i = 0; i < 40; ++i) {
        const glm::vec3 p(unit(random), unit(random), unit(random));
        constraints.push_back({p, affine(p), 1.0f});
    }
    const std::optional<RbfField> field = RbfField::fit(constraints, 50.0f);
    REQUIRE(field);
    for (int i = 0; i < 20; ++i) {
        const glm::vec3 p(unit(random), unit(random), unit(random));
        CHECK(glm::distance((*field)(p), affine(p)) < 0.01f);
    }
    // A bump at one constraint, nearly interpolated without smoothing, spread with it.
    constraints[0].displacement += glm::vec3(0.0f, 5.0f, 0.0f);
    const std::optional<RbfField> sharp = RbfField::fit(constraints, 0.01f), smooth = RbfField::fit(constraints, 5000.0f);
    REQUIRE(sharp);
    REQUIRE(smooth);
    const glm::vec3 at = constraints[0].at;
    CHECK(glm::distance((*sharp)(at), constraints[0].displacement) < 0.05f);
    CHECK(glm::distance((*smooth)(at), constraints[0].displacement) > 1.0f);
    CHECK_FALSE(RbfField::fit({constraints[0], constraints[1]}, 1.0f));
}

TEST_CASE("a head is told apart from a plain backdrop, holes filled, and the mesh's own outline is drawn", "[photo-fit]") {
    Image photo{200, 160, std::vector<std::uint8_t>(200 * 160 * 4)};
    for (int y = 0; y < photo.height; ++y)
        for (int x = 0; x < photo.width; ++x) {
            std::uint8_t* p = &photo.rgba[std::size_t(y * photo.width + x) * 4];
            // A wall that darkens towards the bottom; an oval head with a dark eye inside it.
            const std::uint8_t wall = std::uint8_t(200 - y / 4);
            const bool head = std::pow((x - 100) / 50.0, 2) + std::pow((y - 80) / 60.0, 2) < 1.0;
            const bool eye = std::pow(x - 85, 2) + std::pow(y - 70, 2) < 36;
            const glm::ivec3 c = eye ? glm::ivec3(40, 30, 30) : head ? glm::ivec3(214, 166, 130) : glm::ivec3(wall, wall, wall + 10);
            p[0] = std::uint8_t(c.x), p[1] = std::uint8_t(c.y), p[2] = std::uint8_t(c.z), p[3] = 255;
        }
    const PixelMask mask = separateFromBackground(photo, {{100.0f, 80.0f}});
    int wrong = 0, inside = 0;
    for (int y = 0; y < photo.height; ++y)
        for (int x = 0; x < photo.width; ++x) {
            const bool head = std::pow((x + 0.5 - 100) / 50.0, 2) + std::pow((y + 0.5 - 80) / 60.0, 2) < 1.0;
            inside += head;
            wrong += head != mask.at(x, y);
        }
    CHECK(mask.at(85, 70));  // the eye is part of the head
    CHECK(double(wrong) < 0.03 * inside);
    // A large photo is separated at a smaller size and its mask scaled back to it.
    Image large{2400, 1920, std::vector<std::uint8_t>(std::size_t(2400) * 1920 * 4)};
    for (int y = 0; y < large.height; ++y)
        for (int x = 0; x < large.width; ++x)
            std::copy_n(&photo.rgba[(std::size_t(y / 12) * 200 + std::size_t(x / 12)) * 4], 4,
                        &large.rgba[(std::size_t(y) * 2400 + std::size_t(x)) * 4]);
    const PixelMask largeMask = separateFromBackground(large, {{1200.0f, 960.0f}});
    REQUIRE(largeMask.width == 2400);
    CHECK(largeMask.at(1200, 960));
    CHECK_FALSE(largeMask.at(20, 20));
    CHECK(largeMask.coverage() == Approx(mask.coverage()).margin(0.01));

    // The default head seen from the front: every vertex lands on its mask, and the depth under
    // the glabella is the glabella's.
    const HeadMesh& head = defaultHead();
    const PinholeCamera camera = PinholeCamera::lookingAt(glm::vec3(0.0f, 0.0f, 1000.0f), glm::vec3(0.0f), glm::vec3(0.0f, 1.0f, 0.0f),
                                                          0.5f, 400, 400);
    const MeshView view = rasterizeMesh(head, camera);
    std::size_t off = 0;
    for (const glm::vec3& p : head.positions) {
        const glm::vec2 q = *camera.project(p);
        bool near = false;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) near = near || view.mask.at(int(q.x) + dx, int(q.y) + dy);
        off += !near;
    }
    CHECK(off == 0);
    CHECK(view.mask.coverage() > 0.1);
    const glm::vec2 glabella = *camera.project(head.landmarks.glabella);
    const float depth = view.depth[std::size_t(glabella.y) * 400 + std::size_t(glabella.x)];
    CHECK(depth == Approx(-camera.toCamera(head.landmarks.glabella).z).margin(2.0));
}

TEST_CASE("the head's circumference scales with the head and the profile landmarks lie where a face has them", "[photo-fit]") {
    const HeadMesh& head = defaultHead();
    const float girth = headCircumferenceMm(head);
    INFO("default head circumference " << girth << " mm");
    CHECK(girth > 520.0f);  // an adult's: 52-62 cm
    CHECK(girth < 620.0f);
    HeadMesh larger = head;
    for (glm::vec3& p : larger.positions) p *= 1.1f;
    Landmarks& l = larger.landmarks;
    for (glm::vec3* p : {&l.glabella, &l.lateralCanthusLeft, &l.lateralCanthusRight, &l.earCanalLeft, &l.earCanalRight, &l.vertex})
        *p *= 1.1f;
    CHECK(headCircumferenceMm(larger) == Approx(1.1f * girth).epsilon(0.01));

    const FitLandmarkPoints points = fitLandmarkPoints(head);
    const glm::vec3 glabella = points[std::size_t(FitLandmark::Glabella)], nose = points[std::size_t(FitLandmark::NoseTip)],
                    chin = points[std::size_t(FitLandmark::Chin)], inion = points[std::size_t(FitLandmark::Inion)];
    INFO("nose tip " << nose.y << ", " << nose.z << "; chin " << chin.y << ", " << chin.z << "; inion " << inion.y << ", " << inion.z);
    CHECK(nose.z > glabella.z);
    CHECK(glabella.y - nose.y > 30.0f);
    CHECK(nose.y - chin.y > 40.0f);
    CHECK(chin.z > 50.0f);
    CHECK(inion.z < -80.0f);
    CHECK(inion.y > head.landmarks.earCanalLeft.y);
}

TEST_CASE("a fitted head written as GLB loads back vertex for vertex with its sidecar and skin", "[photo-fit]") {
    TempFolder folder;
    HeadMesh head = defaultHead();
    head.albedo = {4, 4, std::vector<std::uint8_t>(64, 90)};
    const std::filesystem::path file = folder.path() / "client-head.glb";
    writeHeadGlb(file, head);
    const HeadMesh loaded = loadHeadMesh(file);
    REQUIRE(loaded.vertexCount() == head.vertexCount());
    CHECK(loaded.triangles == head.triangles);
    float worstPosition = 0.0f, worstUv = 0.0f, worstWeight = 0.0f;
    for (std::size_t i = 0; i < head.vertexCount(); ++i) {
        worstPosition = std::max(worstPosition, glm::distance(head.positions[i], loaded.positions[i]));
        worstUv = std::max(worstUv, glm::distance(head.uvs[i], loaded.uvs[i]));
        worstWeight = std::max(worstWeight, std::abs(head.scalpWeight[i] - loaded.scalpWeight[i]));
    }
    CHECK(worstPosition < 1e-3f);
    CHECK(worstUv < 1e-5f);
    CHECK(worstWeight < 1e-3f);
    CHECK(glm::distance(loaded.landmarks.vertex, head.landmarks.vertex) < 1e-3f);
    CHECK_FALSE(loaded.landmarks.estimated);
    CHECK(loaded.albedo.width == 4);
    CHECK(int(loaded.albedo.rgba[0]) == 90);
}

TEST_CASE("the hair a client still has becomes the native-hair layer's first guess", "[photo-fit]") {
    // A horseshoe of dark brown hair round the back and sides, bare skin elsewhere.
    HeadMesh head = defaultHead();
    const auto inHair = [](const glm::vec3& p) { return p.y < 90.0f && p.z < 20.0f; };
    const glm::ivec3 skin(214, 166, 130), hair(60, 42, 30);
    constexpr int kSize = 512;
    head.albedo = {kSize, kSize, std::vector<std::uint8_t>(kSize * kSize * 4, 255)};
    for (int i = 0; i < kSize * kSize; ++i)
        for (int c = 0; c < 3; ++c) head.albedo.rgba[std::size_t(i) * 4 + std::size_t(c)] = std::uint8_t(skin[c]);
    for (const glm::uvec3& t : head.triangles) {
        if (!inHair(head.positions[t.x]) || !inHair(head.positions[t.y]) || !inHair(head.positions[t.z])) continue;
        // Every texel whose centre the triangle covers in UV.
        const glm::vec2 a = head.uvs[t.x] * float(kSize), b = head.uvs[t.y] * float(kSize), c = head.uvs[t.z] * float(kSize);
        const float area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        if (area == 0.0f) continue;
        for (int y = int(std::min({a.y, b.y, c.y})); y <= int(std::max({a.y, b.y, c.y})); ++y)
            for (int x = int(std::min({a.x, b.x, c.x})); x <= int(std::max({a.x, b.x, c.x})); ++x) {
                const glm::vec2 q(float(x) + 0.5f, float(y) + 0.5f);
                const float wa = ((b.x - q.x) * (c.y - q.y) - (b.y - q.y) * (c.x - q.x)) / area;
                const float wb = ((c.x - q.x) * (a.y - q.y) - (c.y - q.y) * (a.x - q.x)) / area;
                if (wa < 0.0f || wb < 0.0f || wa + wb > 1.0f || x < 0 || y < 0 || x >= kSize || y >= kSize) continue;
                const std::size_t row = std::size_t(kSize - 1 - y);  // rows from v = 1 down
                for (int k = 0; k < 3; ++k) head.albedo.rgba[(row * kSize + std::size_t(x)) * 4 + std::size_t(k)] = std::uint8_t(hair[k]);
            }
    }
    const NativeHairGuess guess = guessNativeHair(head, 256);
    double inside = 0.0, outside = 0.0;
    int insideCount = 0, outsideCount = 0;
    for (std::size_t i = 0; i < head.vertexCount(); ++i) {
        if (head.scalpWeight[i] < 0.5f) continue;
        const glm::vec2 uv = head.uvs[i];
        const float value = guess.perCm2[std::size_t(std::clamp(int(uv.y * 256), 0, 255)) * 256 + std::size_t(std::clamp(int(uv.x * 256), 0, 255))];
        const glm::vec3 p = head.positions[i];
        if (p.y < 80.0f && p.z < 10.0f) inside += value, ++insideCount;
        if (p.y > 110.0f) outside += value, ++outsideCount;
    }
    INFO("inside " << inside / insideCount << " per cm2, outside " << outside / outsideCount << ", covered " << guess.coveredShare);
    CHECK(inside / insideCount > 0.8 * kDefaultNativeHairPerCm2);
    CHECK(outside / outsideCount < 2.0);
    REQUIRE(guess.colourSrgb);
    CHECK(glm::distance(*guess.colourSrgb * 255.0f, glm::vec3(hair)) < 8.0f);
    // A bald head: no hair anywhere.
    head.albedo.rgba.assign(head.albedo.rgba.size(), 200);
    const NativeHairGuess bald = guessNativeHair(head, 64);
    CHECK(*std::max_element(bald.perCm2.begin(), bald.perCm2.end()) == 0.0f);
    CHECK_FALSE(bald.colourSrgb);
}

TEST_CASE("the landmark file's refusals name the file and the field", "[photo-fit]") {
    TempFolder folder;
    const auto readError = [&](const std::string& json) {
        return errorOf([&] { readLandmarkFile(folder.write("landmarks.json", json)); });
    };
    CHECK_THAT(readError(landmarkJson(R"("nasion": [1, 2])", "")),
               Catch::Contains("landmarks.json: photos[0].landmarks.nasion") && Catch::Contains("\"glabella\""));
    CHECK_THAT(readError(landmarkJson(R"("glabella": [1])", "")), Catch::Contains("photos[0].landmarks.glabella"));
    CHECK_THAT(readError(landmarkJson(R"("glabella": ["a", 2])", "")), Catch::Contains("photos[0].landmarks.glabella"));
    CHECK_THAT(readError(R"({"photos": []})"), Catch::Contains("landmarks.json: photos"));
    CHECK_THAT(readError(R"({"photos": [{"file": "a.png", "view": "sideways", "landmarks": {}}]})"),
               Catch::Contains("photos[0].view"));
    CHECK_THAT(readError(landmarkJson("", "", R"(, "scale": {"circumference_cm": 5})")), Catch::Contains("scale.circumference_cm"));
    CHECK_THAT(readError(landmarkJson("", "", R"(, "scale": {"between": ["vertex", "vertex"], "mm": 50})")),
               Catch::Contains("scale.between"));
    CHECK_THAT(readError(landmarkJson("", "", R"(, "scale": {})")), Catch::Contains("scale"));
    CHECK_THAT(readError(R"({"photos": [{"file": "a.png", "view": "front", "landmarks": {}, "camera": {"eye_mm": [0, 0, 500],
               "target_mm": [0, 0, 500], "up": [0, 1, 0], "vertical_fov_degrees": 30, "width_px": 10, "height_px": 10}}]})"),
               Catch::Contains("photos[0].camera.target_mm"));
    CHECK_THAT(readError(R"({"photos": [{"file": "a.png", "view": "front", "landmarks": {}, "camera": {"eye_mm": [0, 0, 500],
               "target_mm": [0, 0, 0], "up": [0, 1, 0], "vertical_fov_degrees": 0, "width_px": 10, "height_px": 10}}]})"),
               Catch::Contains("photos[0].camera.vertical_fov_degrees"));
    CHECK_THAT(readError(R"({"photos": [{"file": "a.png", "view": "front", "landmarks": {}, "focal_35mm": 2}]})"),
               Catch::Contains("photos[0].focal_35mm"));
    CHECK_THAT(readError("{"), Catch::Contains("not valid JSON"));

    // Photos: each must be an image, and the landmarks must lie on it.
    Image picture{64, 48, std::vector<std::uint8_t>(64 * 48 * 4, 128)};
    writePng(folder.path() / "front.png", picture);
    writePng(folder.path() / "left.png", picture);
    const auto photoError = [&](const std::string& json) {
        return errorOf([&] { loadFitPhotos(readLandmarkFile(folder.write("landmarks.json", json))); });
    };
    CHECK_THAT(photoError(landmarkJson(R"("glabella": [70, 10])", "")),
               Catch::Contains("front.png: landmark glabella at [70, 10] lies outside the 64x48 photo"));
    folder.write("left.png", "not a picture");
    CHECK_THAT(photoError(landmarkJson(R"("glabella": [30, 10])", "")), Catch::Contains("left.png"));
    std::filesystem::remove(folder.path() / "left.png");
    CHECK_THAT(photoError(landmarkJson(R"("glabella": [30, 10])", "")), Catch::Contains("left.png"));
}

TEST_CASE("the fit refuses too few photos, missing views and too few landmarks", "[photo-fit]") {
    FitPhoto front;
    front.name = "front.png";
    front.width = front.height = 100;
    front.landmarks = {{FitLandmark::Glabella, {50, 40}}, {FitLandmark::NoseTip, {50, 60}}, {FitLandmark::Chin, {50, 80}}};
    FitPhoto back = front;
    back.name = "back.png";
    back.view = StandardView::Back;
    const HeadMesh& head = defaultHead();
    CHECK_THAT(errorOf([&] { fitHeadToPhotos(head, {front}, {}); }), Catch::Contains("at least two photos"));
    CHECK_THAT(errorOf([&] { fitHeadToPhotos(head, {front, back}, {}); }), Catch::Contains("missing views"));
    FitPhoto side = front;
    side.name = "left.png";
    side.view = StandardView::Left;
    CHECK_THAT(errorOf([&] { fitHeadToPhotos(head, {front, side}, {}); }), Catch::Contains("too few landmarks"));
    side.landmarks.pop_back();
    CHECK_THAT(errorOf([&] { fitHeadToPhotos(head, {front, side}, {}); }),
               Catch::Contains("left.png: 2 landmarks") && Catch::Contains("at least 3"));
}
