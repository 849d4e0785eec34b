#include "core/PhotoTexture.h"

#include "core/DenseSolve.h"
#include "core/NativeHair.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace stipple {
namespace {

// Skin seen more obliquely than this (cosine of the angle off square-on) gives nothing: its
// colour smears and its shading darkens.
constexpr float kMinFacing = 0.25f;
// How far a point may lie behind the nearest skin a photo sees there and still be that skin (mm).
constexpr float kDepthTolerance = 3.0f;

// sRGB to linear light for each 8-bit value.
const std::array<float, 256>& linearTable() {
    static const std::array<float, 256> table = [] {
        std::array<float, 256> t{};
        for (int i = 0; i < 256; ++i) {
            const float c = float(i) / 255.0f;
            t[std::size_t(i)] = c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
        }
        return t;
    }();
    return table;
}

std::uint8_t toSrgb(float linear) {
    const float c = std::clamp(linear, 0.0f, 1.0f);
    const float s = c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
    return std::uint8_t(std::lround(s * 255.0f));
}

// Bilinear colour (linear light) at a position in pixels from the top left.
glm::vec3 sample(const Image& image, const glm::vec2& at) {
    const float x = std::clamp(at.x - 0.5f, 0.0f, float(image.width - 1)), y = std::clamp(at.y - 0.5f, 0.0f, float(image.height - 1));
    const int x0 = int(x), y0 = int(y), x1 = std::min(x0 + 1, image.width - 1), y1 = std::min(y0 + 1, image.height - 1);
    const float fx = x - float(x0), fy = y - float(y0);
    const std::array<float, 256>& linear = linearTable();
    const auto at2 = [&](int px, int py) {
        const std::uint8_t* p = &image.rgba[(std::size_t(py) * std::size_t(image.width) + std::size_t(px)) * 4];
        return glm::vec3(linear[p[0]], linear[p[1]], linear[p[2]]);
    };
    return glm::mix(glm::mix(at2(x0, y0), at2(x1, y0), fx), glm::mix(at2(x0, y1), at2(x1, y1), fx), fy);
}

// Visibility is judged on the head rasterised at most this many pixels across: a phone's 50
// megapixels would cost a gigabyte of depth for no better answer.
constexpr int kVisibilityPixels = 1024;

struct PhotoView {
    const TexturePhoto* photo;
    float depthScale;  // depth raster pixels per photo pixel
    MeshView depth;    // the head through the photo's camera, at depthScale
    glm::vec3 eye;
};

// How much `view` sees the skin at `p` (normal `n`), and where: 0 when it does not.
float weightAt(const PhotoView& view, const glm::vec3& p, const glm::vec3& n, glm::vec2& pixel) {
    const float facing = glm::dot(n, glm::normalize(view.eye - p));
    if (facing < kMinFacing) return 0.0f;
    const auto projected = view.photo->camera.project(p);
    if (!projected) return 0.0f;
    const glm::vec2 inDepth = *projected * view.depthScale;
    if (projected->x >= float(view.photo->image->width) || projected->y >= float(view.photo->image->height)) return 0.0f;
    // Two pixels inside the head's outline: a photo's pixel on the outline is part background.
    const float margin = 2.0f * view.depthScale;
    for (const glm::vec2 step : {glm::vec2(0.0f), glm::vec2(margin, 0.0f), glm::vec2(-margin, 0.0f), glm::vec2(0.0f, margin),
                                 glm::vec2(0.0f, -margin)})
        if (!view.depth.mask.at(inDepth + step)) return 0.0f;
    const std::size_t i = std::size_t(inDepth.y) * std::size_t(view.depth.mask.width) + std::size_t(inDepth.x);
    if (-view.photo->camera.toCamera(p).z > view.depth.depth[i] + kDepthTolerance) return 0.0f;
    pixel = *projected;
    const float t = (facing - kMinFacing) / (1.0f - kMinFacing);
    return t * t;
}

// Texels no photo sees (state below 2) take the colours around them, smoothly: pull-push over a
// pyramid of halved maps, each coarse texel the mean of the seen texels under it, each unseen
// fine texel the coarse colour above it. The crown between a few photos' views blends into them
// instead of showing one flat patch, and beyond the islands' edges the colours run on, so
// filtering and mipmaps never reach a background.
void fillFromAround(std::vector<glm::vec3>& colour, const std::vector<std::uint8_t>& state, int size) {
    struct Level {
        int size;
        std::vector<glm::vec3> sum;
        std::vector<float> weight;
    };
    std::vector<Level> levels{{size, colour, std::vector<float>(colour.size())}};
    for (std::size_t i = 0; i < colour.size(); ++i) levels[0].weight[i] = state[i] == 2 ? 1.0f : 0.0f;
    for (std::size_t i = 0; i < colour.size(); ++i) levels[0].sum[i] *= levels[0].weight[i];
    while (levels.back().size > 1) {
        const Level& fine = levels.back();
        Level coarse{(fine.size + 1) / 2, {}, {}};
        coarse.sum.assign(std::size_t(coarse.size) * std::size_t(coarse.size), glm::vec3(0.0f));
        coarse.weight.assign(coarse.sum.size(), 0.0f);
        for (int y = 0; y < fine.size; ++y)
            for (int x = 0; x < fine.size; ++x) {
                const std::size_t f = std::size_t(y) * std::size_t(fine.size) + std::size_t(x);
                const std::size_t c = std::size_t(y / 2) * std::size_t(coarse.size) + std::size_t(x / 2);
                coarse.sum[c] += fine.sum[f];
                coarse.weight[c] += fine.weight[f];
            }
        levels.push_back(std::move(coarse));
    }
    // Push: from the coarsest down, a texel without weight takes its parent's mean.
    for (std::size_t l = levels.size() - 1; l-- > 0;) {
        Level& fine = levels[l];
        const Level& coarse = levels[l + 1];
        for (int y = 0; y < fine.size; ++y)
            for (int x = 0; x < fine.size; ++x) {
                const std::size_t f = std::size_t(y) * std::size_t(fine.size) + std::size_t(x);
                if (fine.weight[f] > 0.0f) continue;
                const std::size_t c = std::size_t(y / 2) * std::size_t(coarse.size) + std::size_t(x / 2);
                if (coarse.weight[c] > 0.0f) {
                    fine.sum[f] = coarse.sum[c] / coarse.weight[c];
                    fine.weight[f] = 1.0f;
                }
            }
    }
    for (std::size_t i = 0; i < colour.size(); ++i)
        if (state[i] != 2 && levels[0].weight[i] > 0.0f) colour[i] = levels[0].sum[i] / levels[0].weight[i];
}

}  // namespace

Image projectPhotosToAlbedo(const HeadMesh& head, const std::vector<TexturePhoto>& photos, int size,
                            PhotoTextureReport* report) {
    std::vector<PhotoView> views;
    for (const TexturePhoto& photo : photos) {
        const float scale = std::min(1.0f, float(kVisibilityPixels) / float(std::max(photo.camera.width, photo.camera.height)));
        const PinholeCamera depthCamera = photo.camera.resized(scale);
        const float depthScale = float(depthCamera.height) / float(photo.camera.height);
        views.push_back({&photo, depthScale, rasterizeMesh(head, depthCamera), photo.camera.eye()});
    }
    const std::size_t count = views.size();

    // Exposure: log gains per channel, least squares over the vertices two photos both see well,
    // the first photo's gain held at 1.
    std::vector<glm::vec3> gains(count, glm::vec3(1.0f));
    if (count > 1) {
        for (int channel = 0; channel < 3; ++channel) {
            std::vector<double> a(count * count, 0.0), b(count, 0.0);
            a[0] = 1.0;  // the first photo's gain fixed
            for (std::size_t v = 0; v < head.positions.size(); v += 7) {
                std::vector<std::pair<std::size_t, double>> seen;
                for (std::size_t k = 0; k < count; ++k) {
                    glm::vec2 pixel;
                    if (weightAt(views[k], head.positions[v], head.normals[v], pixel) < 0.25f) continue;
                    const float value = sample(*views[k].photo->image, pixel)[channel];
                    if (value > 0.01f) seen.emplace_back(k, std::log(double(value)));
                }
                for (std::size_t x = 0; x < seen.size(); ++x)
                    for (std::size_t y = x + 1; y < seen.size(); ++y) {
                        // log g_i + log c_i = log g_j + log c_j
                        const std::size_t i = seen[x].first, j = seen[y].first;
                        const double d = seen[y].second - seen[x].second;
                        if (i != 0) { a[i * count + i] += 1.0; b[i] += d; }
                        if (j != 0) { a[j * count + j] += 1.0; b[j] -= d; }
                        if (i != 0 && j != 0) { a[i * count + j] -= 1.0; a[j * count + i] -= 1.0; }
                    }
            }
            // A photo that overlaps no other keeps its own exposure.
            for (std::size_t k = 1; k < count; ++k) a[k * count + k] += 1e-6;
            if (solveDense(a, b, count, 1, 1e-15))
                for (std::size_t k = 1; k < count; ++k) gains[k][channel] = float(std::exp(std::clamp(b[k], -2.0, 2.0)));
        }
    }

    // Each texel's point on the skin, then its colour.
    Image albedo{size, size, std::vector<std::uint8_t>(std::size_t(size) * std::size_t(size) * 4, 0)};
    std::vector<glm::vec3> colour(std::size_t(size) * std::size_t(size), glm::vec3(0.0f));
    std::vector<std::uint8_t> state(colour.size(), 0);  // 0 outside the islands, 1 unseen, 2 seen
    for (const glm::uvec3& t : head.triangles) {
        const glm::vec2 uv[3] = {head.uvs[t.x] * float(size), head.uvs[t.y] * float(size), head.uvs[t.z] * float(size)};
        const float area = (uv[1].x - uv[0].x) * (uv[2].y - uv[0].y) - (uv[1].y - uv[0].y) * (uv[2].x - uv[0].x);
        if (std::abs(area) < 1e-12f) continue;
        const int x0 = std::max(0, int(std::floor(std::min({uv[0].x, uv[1].x, uv[2].x})))),
                  x1 = std::min(size - 1, int(std::ceil(std::max({uv[0].x, uv[1].x, uv[2].x})))),
                  y0 = std::max(0, int(std::floor(std::min({uv[0].y, uv[1].y, uv[2].y})))),
                  y1 = std::min(size - 1, int(std::ceil(std::max({uv[0].y, uv[1].y, uv[2].y}))));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const glm::vec2 c(float(x) + 0.5f, float(y) + 0.5f);
                const float w0 = ((uv[1].x - c.x) * (uv[2].y - c.y) - (uv[1].y - c.y) * (uv[2].x - c.x)) / area;
                const float w1 = ((uv[2].x - c.x) * (uv[0].y - c.y) - (uv[2].y - c.y) * (uv[0].x - c.x)) / area;
                const float w2 = 1.0f - w0 - w1;
                if (w0 < 0.0f || w1 < 0.0f || w2 < 0.0f) continue;
                const glm::vec3 p = w0 * head.positions[t.x] + w1 * head.positions[t.y] + w2 * head.positions[t.z];
                const glm::vec3 n = glm::normalize(w0 * head.normals[t.x] + w1 * head.normals[t.y] + w2 * head.normals[t.z]);
                glm::vec3 sum(0.0f);
                float weights = 0.0f;
                for (std::size_t k = 0; k < count; ++k) {
                    glm::vec2 pixel;
                    const float w = weightAt(views[k], p, n, pixel);
                    if (w <= 0.0f) continue;
                    sum += w * gains[k] * sample(*views[k].photo->image, pixel);
                    weights += w;
                }
                // Row 0 of the image is v = 1 (mesh.albedo's rows run from the top).
                const std::size_t i = std::size_t(size - 1 - y) * std::size_t(size) + std::size_t(x);
                if (weights > 0.0f) {
                    colour[i] = sum / weights;
                    state[i] = 2;
                } else if (state[i] == 0) {
                    state[i] = 1;
                }
            }
    }
    std::size_t seen = 0, inside = 0;
    for (std::uint8_t st : state) {
        inside += st != 0;
        seen += st == 2;
    }
    fillFromAround(colour, state, size);
    for (std::size_t i = 0; i < colour.size(); ++i) {
        const glm::vec3 c = colour[i];
        albedo.rgba[4 * i] = toSrgb(c.x);
        albedo.rgba[4 * i + 1] = toSrgb(c.y);
        albedo.rgba[4 * i + 2] = toSrgb(c.z);
        albedo.rgba[4 * i + 3] = 255;
    }
    if (report) {
        report->gains = gains;
        report->seenShare = inside ? double(seen) / double(inside) : 0.0;
    }
    return albedo;
}

namespace {

// Darkness (1 - luminance over the bare skin's) below this is shading or stubble, above the full
// value full density.
constexpr float kNoHairDarkness = 0.15f;
constexpr float kFullHairDarkness = 0.60f;

glm::vec3 albedoAt(const Image& albedo, const glm::vec2& uv) {
    const int x = std::clamp(int(uv.x * float(albedo.width)), 0, albedo.width - 1);
    const int y = std::clamp(int((1.0f - uv.y) * float(albedo.height)), 0, albedo.height - 1);
    const std::uint8_t* p = &albedo.rgba[(std::size_t(y) * std::size_t(albedo.width) + std::size_t(x)) * 4];
    const std::array<float, 256>& linear = linearTable();
    return glm::vec3(linear[p[0]], linear[p[1]], linear[p[2]]);
}

float luminance(const glm::vec3& linear) { return 0.2126f * linear.x + 0.7152f * linear.y + 0.0722f * linear.z; }

}  // namespace

NativeHairGuess guessNativeHair(const HeadMesh& head, int size) {
    NativeHairGuess guess;
    guess.size = size;
    guess.perCm2.assign(std::size_t(size) * std::size_t(size), 0.0f);
    if (head.albedo.empty()) return guess;
    // The bare skin: the forehead between 10 and 45 mm above the glabella, off the scalp.
    std::vector<float> forehead;
    const glm::vec3 glabella = head.landmarks.glabella;
    for (std::size_t i = 0; i < head.vertexCount(); ++i) {
        const glm::vec3& p = head.positions[i];
        if (head.scalpWeight[i] == 0.0f && p.y > glabella.y + 10.0f && p.y < glabella.y + 45.0f && std::abs(p.x) < 35.0f &&
            p.z > 0.0f)
            forehead.push_back(luminance(albedoAt(head.albedo, head.uvs[i])));
    }
    if (forehead.empty()) return guess;
    std::nth_element(forehead.begin(), forehead.begin() + std::ptrdiff_t(forehead.size() / 2), forehead.end());
    const float skin = forehead[forehead.size() / 2];
    if (!(skin > 0.0f)) return guess;
    const auto coverage = [&](const glm::vec3& linear) {
        const float darkness = 1.0f - luminance(linear) / skin;
        return std::clamp((darkness - kNoHairDarkness) / (kFullHairDarkness - kNoHairDarkness), 0.0f, 1.0f);
    };
    for (int j = 0; j < size; ++j)
        for (int i = 0; i < size; ++i) {
            const glm::vec2 uv((float(i) + 0.5f) / float(size), (float(j) + 0.5f) / float(size));
            guess.perCm2[std::size_t(j) * std::size_t(size) + std::size_t(i)] =
                kDefaultNativeHairPerCm2 * coverage(albedoAt(head.albedo, uv));
        }
    glm::vec3 dark(0.0f);
    std::size_t scalp = 0, covered = 0, darkCount = 0;
    for (std::size_t i = 0; i < head.vertexCount(); ++i) {
        if (head.scalpWeight[i] < 0.5f) continue;
        ++scalp;
        const glm::vec3 c = albedoAt(head.albedo, head.uvs[i]);
        const float k = coverage(c);
        covered += k > 0.0f;
        if (k >= 1.0f) dark += c, ++darkCount;
    }
    guess.coveredShare = scalp ? double(covered) / double(scalp) : 0.0;
    if (scalp && darkCount * 100 >= scalp) {
        const glm::vec3 mean = dark / float(darkCount);
        guess.colourSrgb = glm::vec3(toSrgb(mean.x), toSrgb(mean.y), toSrgb(mean.z)) / 255.0f;
    }
    return guess;
}

}  // namespace stipple
