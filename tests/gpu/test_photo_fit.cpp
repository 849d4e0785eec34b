// The head fit's round trip (docs/photo-fit.md): the default head deformed by a known smooth
// warp, rendered from five sides by Stipple's own renderer with the cameras `--camera-out`
// writes, its landmarks projected exactly, its silhouettes separated from the renders'
// background; fitted back from those pictures alone, the fitted scalp must lie close to the
// warped one, and far closer than the default head does.
#include "core/HeadFit.h"
#include "core/PhotoTexture.h"
#include "gpu/HeadlessContext.h"
#include "gpu/HeadRenderer.h"
#include "gpu/Snapshot.h"
#include "io/CameraFile.h"
#include "io/Design.h"
#include "io/ImageFile.h"
#include "io/MeshLoader.h"
#include "io/PhotoLandmarkFile.h"
#include "io/WholeFile.h"
#include "RunCommand.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

using namespace stipple;

namespace {

const glm::vec3 kBumpCentre(66.0f, 85.0f, -15.0f);

float smoothStep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// A client whose head is 8 % wider and 6 % shorter front to back than the default, with a crown
// 9 mm flatter and a 5 mm bump on the left side of the skull, above and behind the ear.
glm::vec3 clientWarp(const glm::vec3& p) {
    glm::vec3 q(p.x * 1.08f, p.y, p.z * 0.94f);
    q.y -= 9.0f * smoothStep(70.0f, 140.0f, p.y);  // flatter on top
    const glm::vec3 bumpCentre = kBumpCentre;
    const float d2 = glm::dot(p - bumpCentre, p - bumpCentre);
    q += 5.0f * std::exp(-d2 / (2.0f * 22.0f * 22.0f)) * glm::normalize(p - glm::vec3(0.0f, 40.0f, 0.0f));
    return q;
}

// The client's skin: a checker of two skin tones, 16 squares across the UV map (about 1.5 cm on
// the scalp), rows from v = 1 down as mesh.albedo.
Image checkerSkin(int size) {
    Image skin{size, size, std::vector<std::uint8_t>(std::size_t(size) * std::size_t(size) * 4, 255)};
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const bool light = ((x * 16 / size) + (y * 16 / size)) % 2 == 0;
            std::uint8_t* p = &skin.rgba[(std::size_t(y) * std::size_t(size) + std::size_t(x)) * 4];
            p[0] = light ? 222 : 150, p[1] = light ? 184 : 104, p[2] = light ? 150 : 80;
        }
    return skin;
}

HeadMesh warped(const HeadMesh& head) {
    HeadMesh client = head;
    client.albedo = checkerSkin(512);
    for (glm::vec3& p : client.positions) p = clientWarp(p);
    Landmarks& l = client.landmarks;
    for (glm::vec3* p : {&l.glabella, &l.lateralCanthusLeft, &l.lateralCanthusRight, &l.earCanalLeft, &l.earCanalRight, &l.vertex})
        *p = clientWarp(*p);
    computeNormals(client);
    return client;
}

struct Errors {
    double median = 0.0, p95 = 0.0;
};

// Distances between the same scalp vertex on two heads with the same triangles.
Errors scalpVertexErrors(const HeadMesh& a, const HeadMesh& b) {
    std::vector<double> distances;
    for (std::size_t i = 0; i < a.positions.size(); ++i)
        if (a.scalpWeight[i] > 0.5f) distances.push_back(double(glm::distance(a.positions[i], b.positions[i])));
    std::sort(distances.begin(), distances.end());
    return {distances[distances.size() / 2], distances[distances.size() * 95 / 100]};
}

// Distance from each scalp vertex of `a` to the surface of `b`: to the nearest point of the
// triangles around `b`'s nearest vertex (its vertices lie about 1 mm apart).
Errors scalpSurfaceErrors(const HeadMesh& a, const HeadMesh& b) {
    constexpr float kCell = 4.0f;
    const auto cellOf = [](const glm::vec3& p) {
        return std::make_tuple(int(std::floor(p.x / kCell)), int(std::floor(p.y / kCell)), int(std::floor(p.z / kCell)));
    };
    std::map<std::tuple<int, int, int>, std::vector<std::uint32_t>> grid;
    for (std::uint32_t i = 0; i < b.positions.size(); ++i) grid[cellOf(b.positions[i])].push_back(i);
    std::vector<std::vector<std::uint32_t>> trianglesOf(b.positions.size());
    for (std::uint32_t t = 0; t < b.triangles.size(); ++t)
        for (int c = 0; c < 3; ++c) trianglesOf[b.triangles[t][c]].push_back(t);
    std::vector<double> distances;
    for (std::size_t i = 0; i < a.positions.size(); ++i) {
        if (a.scalpWeight[i] <= 0.5f) continue;
        const glm::vec3 p = a.positions[i];
        const auto [cx, cy, cz] = cellOf(p);
        std::optional<std::uint32_t> nearest;
        for (int r = 1; r <= 4 && !nearest; ++r)
            for (int dx = -r; dx <= r; ++dx)
                for (int dy = -r; dy <= r; ++dy)
                    for (int dz = -r; dz <= r; ++dz) {
                        const auto cell = grid.find({cx + dx, cy + dy, cz + dz});
                        if (cell == grid.end()) continue;
                        for (std::uint32_t v : cell->second)
                            if (!nearest || glm::distance(p, b.positions[v]) < glm::distance(p, b.positions[*nearest])) nearest = v;
                    }
        double best = nearest ? double(glm::distance(p, b.positions[*nearest])) : 1e3;
        if (nearest)
            for (std::uint32_t t : trianglesOf[*nearest]) {
                // The nearest point of the triangle's plane, when it falls inside the triangle.
                const glm::vec3 v0 = b.positions[b.triangles[t].x], v1 = b.positions[b.triangles[t].y], v2 = b.positions[b.triangles[t].z];
                const glm::vec3 n = glm::normalize(glm::cross(v1 - v0, v2 - v0));
                const glm::vec3 q = p - glm::dot(p - v0, n) * n;
                const float d0 = glm::dot(glm::cross(v1 - v0, q - v0), n), d1 = glm::dot(glm::cross(v2 - v1, q - v1), n),
                            d2 = glm::dot(glm::cross(v0 - v2, q - v2), n);
                if (d0 >= 0.0f && d1 >= 0.0f && d2 >= 0.0f) best = std::min(best, double(std::abs(glm::dot(p - v0, n))));
            }
        distances.push_back(best);
    }
    std::sort(distances.begin(), distances.end());
    return {distances[distances.size() / 2], distances[distances.size() * 95 / 100]};
}

HeadMesh centredInX(HeadMesh head) {
    const float centre = computeBounds(head.positions).center().x;
    for (glm::vec3& p : head.positions) p.x -= centre;
    return head;
}

// Renders the client from each view into `folder` and writes the landmark file a user would:
// each photo's landmarks where the camera sees them, and (when `withCameras`) its camera.
std::filesystem::path photographClient(const HeadMesh& client, const std::filesystem::path& folder, bool withCameras) {
    HeadRenderer renderer(client);
    const FitLandmarkPoints points = [&] {
        // The three profile landmarks the fit finds on the default head, carried by the warp.
        FitLandmarkPoints p = fitLandmarkPoints(loadHeadMesh(defaultHeadPath()));
        for (glm::vec3& point : p) point = clientWarp(point);
        return p;
    }();
    nlohmann::json photos = nlohmann::json::array();
    constexpr int kSize = 480;
    for (const StandardView view : {StandardView::Front, StandardView::Left, StandardView::Right, StandardView::Back,
                                    StandardView::Top}) {
        const std::string name = standardViewName(view);
        const OrbitCamera orbit = cameraForView(client, view, 1.0f);
        // Photographed with the camera's flash, as a client's head often is.
        ShadingSettings flash;
        flash.lighting = Lighting::Flash;
        writePng(folder / (name + ".png"), renderSnapshot(renderer, orbit, kSize, kSize, flash));
        writeCameraFile(folder / (name + ".camera.json"), {orbit, kSize, kSize, std::nullopt});
        const PinholeCamera camera = readCameraFile(folder / (name + ".camera.json"));
        nlohmann::json landmarks = nlohmann::json::object();
        const MeshView seen = rasterizeMesh(client, camera);
        for (std::size_t k = 0; k < kFitLandmarkCount; ++k) {
            // Seen: nothing nearer the camera where it lands (the sidecar's points lie within a few
            // mm of the skin). Without cameras the user also marks points just behind the outline
            // (the glabella in a profile), enough to solve each camera from.
            const glm::vec2 pixel = *camera.project(points[k]);
            const std::size_t at = std::size_t(pixel.y) * kSize + std::size_t(pixel.x);
            if (!seen.mask.at(pixel) || -camera.toCamera(points[k]).z > seen.depth[at] + (withCameras ? 8.0f : 30.0f)) continue;
            landmarks[kFitLandmarkChoices[k].name] = {pixel.x, pixel.y};
        }
        nlohmann::json photo = {{"file", name + ".png"}, {"view", name}, {"landmarks", landmarks}};
        if (withCameras) photo["camera"] = nlohmann::json::parse(readFileBytes(folder / (name + ".camera.json"), 1 << 20, "camera"));
        photos.push_back(photo);
    }
    const std::filesystem::path file = folder / "landmarks.json";
    writeFileAtomically(file, nlohmann::json{{"photos", photos}}.dump(2));
    return file;
}

struct RoundTrip {
    HeadMesh base, truth;
    std::vector<FitPhoto> photos;
    FitResult fit;
};

// How well the albedo `a` recovers `b` (both of one UV map), sampled at the scalp's vertices:
// PSNR (dB, 8-bit sRGB) once `a`'s exposure is matched to `b`'s (one gain a channel, as a colour
// card would set it: a photo knows the light, not the skin's absolute albedo), and the
// correlation of their luminance.
std::pair<double, double> scalpTextureMatch(const HeadMesh& head, const Image& a, const Image& b) {
    const auto texel = [](const Image& image, const glm::vec2& uv) {
        const int x = std::clamp(int(uv.x * float(image.width)), 0, image.width - 1);
        const int y = std::clamp(int((1.0f - uv.y) * float(image.height)), 0, image.height - 1);
        const std::uint8_t* p = &image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4];
        return glm::dvec3(p[0], p[1], p[2]);
    };
    std::vector<std::pair<glm::dvec3, glm::dvec3>> pairs;
    glm::dvec3 ab(0.0), aa(0.0);
    for (std::size_t i = 0; i < head.vertexCount(); ++i) {
        if (head.scalpWeight[i] <= 0.5f) continue;
        pairs.emplace_back(texel(a, head.uvs[i]), texel(b, head.uvs[i]));
        ab += pairs.back().first * pairs.back().second;
        aa += pairs.back().first * pairs.back().first;
    }
    const glm::dvec3 gain = ab / aa;
    double squared = 0.0, sa = 0.0, sb = 0.0, saa = 0.0, sbb = 0.0, sab = 0.0;
    const double n = double(pairs.size());
    for (const auto& [ca, cb] : pairs) {
        const glm::dvec3 d = glm::clamp(ca * gain, 0.0, 255.0) - cb;
        squared += glm::dot(d, d) / 3.0;
        const double la = ca.x + ca.y + ca.z, lb = cb.x + cb.y + cb.z;
        sa += la, sb += lb, saa += la * la, sbb += lb * lb, sab += la * lb;
    }
    const double psnr = 10.0 * std::log10(255.0 * 255.0 / (squared / n));
    const double correlation = (sab / n - sa / n * sb / n) /
                               std::sqrt((saa / n - sa * sa / (n * n)) * (sbb / n - sb * sb / (n * n)));
    return {psnr, correlation};
}

// Photographs the warped client and fits the default head back to the photos.
RoundTrip fitRenderedClient(bool withCameras) {
    HeadlessContext context;
    RoundTrip trip;
    trip.base = loadHeadMesh(defaultHeadPath());
    const HeadMesh client = warped(trip.base);
    test::TempFolder folder;
    const LandmarkFile file = readLandmarkFile(photographClient(client, folder.path(), withCameras));
    FitScale scale;
    // Solved cameras leave the size open: the tape measure gives it, as it would for a client.
    if (!withCameras) scale.circumferenceMm = headCircumferenceMm(client);
    trip.photos = loadFitPhotos(file);
    trip.fit = fitHeadToPhotos(trip.base, trip.photos, scale);
    trip.truth = centredInX(client);
    trip.base = centredInX(trip.base);
    return trip;
}

// Mean distance between the same vertices of two heads near the bump.
double bumpError(const RoundTrip& trip, const HeadMesh& head) {
    double sum = 0.0;
    int count = 0;
    for (std::size_t i = 0; i < head.positions.size(); ++i)
        if (glm::distance(clientWarp(trip.base.positions[i]), kBumpCentre) < 15.0f) {
            sum += double(glm::distance(head.positions[i], trip.truth.positions[i]));
            ++count;
        }
    return sum / std::max(count, 1);
}

}  // namespace

TEST_CASE("a head rendered from five sides with its cameras is fitted back to within millimetres", "[photo-fit]") {
    const RoundTrip trip = fitRenderedClient(true);
    for (const FitPhotoReport& photo : trip.fit.photos)
        INFO(photo.name << ": landmarks " << photo.landmarkRmsPixels << " px, outline " << photo.silhouetteMeanPixels << " px");
    // The same scalp vertex on the fitted and the warped head: shape and where the skin slid.
    const Errors fitted = scalpVertexErrors(trip.fit.head, trip.truth);
    const Errors unfitted = scalpVertexErrors(trip.base, trip.truth);
    // Each fitted scalp vertex to the warped surface: the shape alone.
    const Errors surface = scalpSurfaceErrors(trip.fit.head, trip.truth);
    const Errors surfaceUnfitted = scalpSurfaceErrors(trip.base, trip.truth);
    INFO("vertex error: fitted median " << fitted.median << " mm, 95th percentile " << fitted.p95 << " mm; default head "
                                        << unfitted.median << ", " << unfitted.p95);
    INFO("to the surface: fitted median " << surface.median << " mm, 95th percentile " << surface.p95
                                          << " mm; default head " << surfaceUnfitted.median << ", " << surfaceUnfitted.p95);
    INFO("scalp area " << scalpAreaCm2(trip.fit.head) << " cm2, warped head " << scalpAreaCm2(trip.truth));
    INFO("bump: fitted " << bumpError(trip, trip.fit.head) << " mm, default head " << bumpError(trip, trip.base));
    CHECK(fitted.median < 2.0);
    CHECK(fitted.p95 < 5.0);
    CHECK(fitted.p95 < 0.4 * unfitted.p95);
    CHECK(surface.median < 1.5);
    CHECK(surface.p95 < 3.0);
    CHECK(std::abs(scalpAreaCm2(trip.fit.head) / scalpAreaCm2(trip.truth) - 1.0) < 0.03);
    CHECK(bumpError(trip, trip.fit.head) < 1.5);
    CHECK(bumpError(trip, trip.base) > 5.0);
    for (const FitPhotoReport& photo : trip.fit.photos) {
        CHECK(photo.landmarkRmsPixels < 1.0);
        CHECK(photo.silhouetteMeanPixels < 1.5);
    }

    // The skin: the checker comes back in its place on the UV map.
    std::vector<TexturePhoto> textured;
    for (std::size_t i = 0; i < trip.photos.size(); ++i) textured.push_back({&trip.photos[i].image, trip.fit.photos[i].camera});
    PhotoTextureReport report;
    const Image skin = projectPhotosToAlbedo(trip.fit.head, textured, 512, &report);
    const auto [psnr, correlation] = scalpTextureMatch(trip.truth, skin, trip.truth.albedo);
    // The same checker misplaced by half a square: what a texture a few mm off would score.
    Image shifted = checkerSkin(512);
    std::rotate(shifted.rgba.begin(), shifted.rgba.begin() + 16 * 4, shifted.rgba.end());
    const auto [shiftedPsnr, shiftedCorrelation] = scalpTextureMatch(trip.truth, shifted, trip.truth.albedo);
    INFO("skin: PSNR " << psnr << " dB, correlation " << correlation << ", seen " << report.seenShare
                       << "; the checker half a square off: " << shiftedPsnr << " dB, " << shiftedCorrelation);
    CHECK(report.seenShare > 0.9);
    CHECK(correlation > 0.8);
    CHECK(psnr > 20.0);
    CHECK(psnr > shiftedPsnr + 6.0);
}

TEST_CASE("a head rendered from five sides is fitted back with cameras solved from its landmarks and outline", "[photo-fit]") {
    const RoundTrip trip = fitRenderedClient(false);
    const Errors fitted = scalpVertexErrors(trip.fit.head, trip.truth);
    const Errors surface = scalpSurfaceErrors(trip.fit.head, trip.truth);
    const Errors surfaceUnfitted = scalpSurfaceErrors(trip.base, trip.truth);
    INFO("vertex error: fitted median " << fitted.median << " mm, 95th percentile " << fitted.p95 << " mm");
    INFO("to the surface: fitted median " << surface.median << " mm, 95th percentile " << surface.p95
                                          << " mm; default head " << surfaceUnfitted.median << ", " << surfaceUnfitted.p95);
    INFO("scalp area " << scalpAreaCm2(trip.fit.head) << " cm2, warped head " << scalpAreaCm2(trip.truth));
    // Without the cameras the shape is looser (docs/photo-fit.md): still well inside the default
    // head's distance, and the tape measure's size is kept.
    CHECK(surface.median < 2.0);
    CHECK(surface.p95 < 4.5);
    CHECK(surface.p95 < 0.5 * surfaceUnfitted.p95);
    CHECK(std::abs(scalpAreaCm2(trip.fit.head) / scalpAreaCm2(trip.truth) - 1.0) < 0.03);
    CHECK(headCircumferenceMm(trip.fit.head) == Approx(headCircumferenceMm(trip.truth)).epsilon(0.01));
    for (const FitPhotoReport& photo : trip.fit.photos) {
        CHECK(photo.cameraSolved);
        CHECK(photo.silhouetteMeanPixels < 2.0);
    }
}

TEST_CASE("fit on the command line turns renders and their --camera-out files into a project carrying the head", "[photo-fit][cli]") {
    test::TempFolder folder;
    const std::filesystem::path dir = folder.path();
    const HeadMesh head = loadHeadMesh(defaultHeadPath());
    nlohmann::json photos = nlohmann::json::array();
    for (const std::string view : {"front", "left"}) {
        REQUIRE(test::run({"render", "--view", view, "--size", "320x320", "--out", (dir / (view + ".png")).string(),
                           "--camera-out", (dir / (view + ".json")).string()}) == 0);
        const PinholeCamera camera = readCameraFile(dir / (view + ".json"));
        const auto pixel = [&](const glm::vec3& p) {
            const glm::vec2 q = *camera.project(p);
            return nlohmann::json::array({q.x, q.y});
        };
        const Landmarks& l = head.landmarks;
        nlohmann::json landmarks = view == "front"
            ? nlohmann::json{{"glabella", pixel(l.glabella)}, {"lateral_canthus_left", pixel(l.lateralCanthusLeft)},
                             {"lateral_canthus_right", pixel(l.lateralCanthusRight)}}
            : nlohmann::json{{"ear_canal_left", pixel(l.earCanalLeft)}, {"lateral_canthus_left", pixel(l.lateralCanthusLeft)}};
        photos.push_back({{"file", view + ".png"}, {"view", view}, {"landmarks", landmarks},
                          {"camera", nlohmann::json::parse(readFileBytes(dir / (view + ".json"), 1 << 20, "camera"))}});
    }
    const std::string landmarks = (dir / "landmarks.json").string(), project = (dir / "client.stipple").string();
    writeFileAtomically(landmarks, nlohmann::json{{"photos", photos}}.dump());

    CHECK(test::run({"fit", "--landmarks", landmarks, "--circumference", "5", "--out", project}) == 2);
    CHECK(test::run({"fit", "--landmarks", landmarks, "--circumference", "57", "--scale-mm", "90", "--out", project}) == 2);
    CHECK(test::run({"fit", (dir / "back.png").string(), "--landmarks", landmarks, "--out", project}) == 2);
    CHECK(test::run({"fit", (dir / "front.png").string(), "--landmarks", landmarks, "--out", project}) == 2);
    CHECK_FALSE(std::filesystem::exists(project));

    REQUIRE(test::run({"fit", "--landmarks", landmarks, "--circumference", "57", "--out", project}) == 0);
    // The project opens with its own head, wherever it is moved: the head travels inside it.
    std::filesystem::rename(dir / "client-head.glb", dir / "elsewhere.glb");
    const Design design = openDesign(project);
    CHECK(design.embedHead);
    CHECK(design.mesh.vertexCount() == head.vertexCount());
    CHECK_FALSE(design.mesh.landmarks.estimated);
    CHECK(headCircumferenceMm(design.mesh) == Approx(570.0).epsilon(0.01));
    // Its skin comes from the renders.
    REQUIRE(design.mesh.albedo.width == 2048);
    // The renders' scalp is darkened by the design's dots: read as the client's stubble.
    const std::vector<float>& hair = design.layers->layer(LayerKind::NativeHair).texels();
    CHECK(*std::max_element(hair.begin(), hair.end()) > 0.0f);
}
