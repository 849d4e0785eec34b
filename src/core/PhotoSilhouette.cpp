#include "core/PhotoSilhouette.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace stipple {
namespace {

// RGB distance (0-255 a channel) beyond which a pixel is not the backdrop. A phone photo's plain
// wall varies by 10-20 across the frame; skin and hair differ from it by far more.
constexpr float kBackgroundDistance = 40.0f;

// Photos are separated at most this many pixels across.
constexpr int kSeparationPixels = 1024;

// Each `factor` x `factor` block's mean (the last partial row and column dropped).
Image boxShrunk(const Image& image, int factor) {
    Image small{image.width / factor, image.height / factor, {}};
    small.rgba.assign(std::size_t(small.width) * std::size_t(small.height) * 4, 255);
    for (int y = 0; y < small.height; ++y)
        for (int x = 0; x < small.width; ++x)
            for (int c = 0; c < 3; ++c) {
                int sum = 0;
                for (int dy = 0; dy < factor; ++dy)
                    for (int dx = 0; dx < factor; ++dx)
                        sum += image.rgba[(std::size_t(y * factor + dy) * std::size_t(image.width) + std::size_t(x * factor + dx)) * 4 + std::size_t(c)];
                small.rgba[(std::size_t(y) * std::size_t(small.width) + std::size_t(x)) * 4 + std::size_t(c)] =
                    std::uint8_t(sum / (factor * factor));
            }
    return small;
}

glm::vec3 colourAt(const Image& image, int x, int y) {
    const std::uint8_t* p = &image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4];
    return glm::vec3(p[0], p[1], p[2]);
}

// Pixels reachable from `starts` through pixels where `passable` is set (4-neighbours).
std::vector<std::uint8_t> floodFill(int width, int height, const std::vector<std::uint8_t>& passable,
                                    const std::vector<std::size_t>& starts) {
    std::vector<std::uint8_t> reached(passable.size(), 0);
    std::vector<std::size_t> stack;
    for (std::size_t s : starts)
        if (passable[s] && !reached[s]) {
            reached[s] = 1;
            stack.push_back(s);
        }
    while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        const int x = int(i % std::size_t(width)), y = int(i / std::size_t(width));
        const int nx[4] = {x - 1, x + 1, x, x}, ny[4] = {y, y, y - 1, y + 1};
        for (int k = 0; k < 4; ++k) {
            if (nx[k] < 0 || ny[k] < 0 || nx[k] >= width || ny[k] >= height) continue;
            const std::size_t j = std::size_t(ny[k]) * std::size_t(width) + std::size_t(nx[k]);
            if (passable[j] && !reached[j]) {
                reached[j] = 1;
                stack.push_back(j);
            }
        }
    }
    return reached;
}

}  // namespace

double PixelMask::coverage() const {
    if (empty()) return 0.0;
    return double(std::count_if(inside.begin(), inside.end(), [](std::uint8_t v) { return v != 0; })) /
           double(inside.size());
}

PixelMask maskFromImage(const Image& mask) {
    PixelMask out{mask.width, mask.height, std::vector<std::uint8_t>(std::size_t(mask.width) * std::size_t(mask.height))};
    for (std::size_t i = 0; i < out.inside.size(); ++i) {
        const std::uint8_t* p = &mask.rgba[4 * i];
        const int luminance = (2 * p[0] + 5 * p[1] + p[2]) / 8;
        out.inside[i] = luminance > 127 && p[3] > 127;
    }
    return out;
}

PixelMask separateFromBackground(const Image& full, const std::vector<glm::vec2>& fullSeeds) {
    // A phone's photo is separated at about a megapixel and the mask scaled back: the outline
    // is followed at 512 pixels anyway, and 12 megapixels would take minutes.
    const int factor = std::max(1, (std::max(full.width, full.height) + kSeparationPixels - 1) / kSeparationPixels);
    const Image photo = factor > 1 ? boxShrunk(full, factor) : full;
    std::vector<glm::vec2> seeds;
    for (const glm::vec2& s : fullSeeds) seeds.push_back(s / float(factor));
    const int w = photo.width, h = photo.height;
    // The backdrop's colours: those along the border, 16 levels a channel, each that makes up
    // at least 0.2 % of the border (a stray object's few pixels do not make it backdrop).
    std::map<int, int> quantised;
    const auto addBorder = [&](int x, int y) {
        const glm::vec3 c = colourAt(photo, x, y);
        ++quantised[(int(c.x) >> 4) << 8 | (int(c.y) >> 4) << 4 | (int(c.z) >> 4)];
    };
    for (int x = 0; x < w; ++x) {
        addBorder(x, 0);
        addBorder(x, h - 1);
    }
    for (int y = 0; y < h; ++y) {
        addBorder(0, y);
        addBorder(w - 1, y);
    }
    const int borderPixels = 2 * (w + h);
    std::vector<glm::vec3> backdrop;
    for (const auto& [q, count] : quantised)
        if (count * 500 >= borderPixels)
            backdrop.emplace_back(float((q >> 8) & 15) * 16.0f + 8.0f, float((q >> 4) & 15) * 16.0f + 8.0f,
                                  float(q & 15) * 16.0f + 8.0f);
    std::vector<std::uint8_t> subject(std::size_t(w) * std::size_t(h), 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const glm::vec3 c = colourAt(photo, x, y);
            float nearest = 1e9f;
            for (const glm::vec3& b : backdrop) nearest = std::min(nearest, glm::distance(c, b));
            subject[std::size_t(y) * std::size_t(w) + std::size_t(x)] = nearest > kBackgroundDistance;
        }
    // Keep what connects to the landmarks.
    std::vector<std::size_t> starts;
    for (const glm::vec2& s : seeds) {
        const int x = std::clamp(int(s.x), 0, w - 1), y = std::clamp(int(s.y), 0, h - 1);
        starts.push_back(std::size_t(y) * std::size_t(w) + std::size_t(x));
    }
    const std::vector<std::uint8_t> kept = floodFill(w, h, subject, starts);
    // Fill holes: whatever the backdrop cannot reach from the border is the head.
    std::vector<std::uint8_t> open(kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i) open[i] = !kept[i];
    std::vector<std::size_t> border;
    for (int x = 0; x < w; ++x) {
        border.push_back(std::size_t(x));
        border.push_back(std::size_t(h - 1) * std::size_t(w) + std::size_t(x));
    }
    for (int y = 0; y < h; ++y) {
        border.push_back(std::size_t(y) * std::size_t(w));
        border.push_back(std::size_t(y) * std::size_t(w) + std::size_t(w - 1));
    }
    const std::vector<std::uint8_t> outside = floodFill(w, h, open, border);
    PixelMask mask{w, h, std::vector<std::uint8_t>(kept.size())};
    for (std::size_t i = 0; i < kept.size(); ++i) mask.inside[i] = !outside[i];
    return resampled(mask, full.width, full.height);
}

MeshView rasterizeMesh(const HeadMesh& mesh, const PinholeCamera& camera) {
    const int w = camera.width, h = camera.height;
    MeshView view;
    view.mask = {w, h, std::vector<std::uint8_t>(std::size_t(w) * std::size_t(h), 0)};
    view.depth.assign(view.mask.inside.size(), 0.0f);
    std::vector<glm::vec3> screen(mesh.positions.size());  // pixel x, pixel y, depth (mm); depth <= 0 behind
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3 c = camera.toCamera(mesh.positions[i]);
        const float depth = -c.z;
        screen[i] = depth > 1.0f ? glm::vec3(0.5f * float(w) + camera.focalPx * c.x / depth,
                                             0.5f * float(h) - camera.focalPx * c.y / depth, depth)
                                 : glm::vec3(0.0f);
    }
    for (const glm::uvec3& t : mesh.triangles) {
        const glm::vec3 a = screen[t.x], b = screen[t.y], c = screen[t.z];
        if (a.z <= 0.0f || b.z <= 0.0f || c.z <= 0.0f) continue;
        const float area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        if (std::abs(area) < 1e-12f) continue;
        const int x0 = std::max(0, int(std::floor(std::min({a.x, b.x, c.x})))),
                  x1 = std::min(w - 1, int(std::ceil(std::max({a.x, b.x, c.x})))),
                  y0 = std::max(0, int(std::floor(std::min({a.y, b.y, c.y})))),
                  y1 = std::min(h - 1, int(std::ceil(std::max({a.y, b.y, c.y}))));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const float px = float(x) + 0.5f, py = float(y) + 0.5f;
                const float wa = ((b.x - px) * (c.y - py) - (b.y - py) * (c.x - px)) / area;
                const float wb = ((c.x - px) * (a.y - py) - (c.y - py) * (a.x - px)) / area;
                const float wc = 1.0f - wa - wb;
                if (wa < 0.0f || wb < 0.0f || wc < 0.0f) continue;
                const float depth = wa * a.z + wb * b.z + wc * c.z;
                const std::size_t i = std::size_t(y) * std::size_t(w) + std::size_t(x);
                if (!view.mask.inside[i] || depth < view.depth[i]) {
                    view.mask.inside[i] = 1;
                    view.depth[i] = depth;
                }
            }
    }
    return view;
}

PixelMask resampled(const PixelMask& mask, int width, int height) {
    if (mask.width == width && mask.height == height) return mask;
    PixelMask out{width, height, std::vector<std::uint8_t>(std::size_t(width) * std::size_t(height))};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            out.inside[std::size_t(y) * std::size_t(width) + std::size_t(x)] =
                mask.at(int((float(x) + 0.5f) * float(mask.width) / float(width)),
                        int((float(y) + 0.5f) * float(mask.height) / float(height)));
    return out;
}

}  // namespace stipple
