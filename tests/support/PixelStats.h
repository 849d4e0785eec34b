// Measurements on rendered pictures: what share is the head, and what colour it is.
#pragma once

#include "core/HeadMesh.h"

#include <glm/vec3.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace stipple::test {

struct PixelStats {
    double coverage = 0.0;       // share of pixels that differ from the background
    glm::dvec3 meanColor{0.0};   // mean sRGB 0..1 of those pixels
};

// Pixels within `tolerance` (0..255 per channel) of `background` count as background. When
// `rowsFrom`/`rowsTo` are given only those rows are measured.
inline PixelStats measure(const Image& image, glm::vec3 backgroundSrgb, int tolerance = 6, int rowsFrom = 0,
                          int rowsTo = -1) {
    if (rowsTo < 0) rowsTo = image.height;
    PixelStats stats;
    std::size_t head = 0, total = 0;
    for (int y = rowsFrom; y < rowsTo; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = &image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4];
            ++total;
            bool isBackground = true;
            for (int c = 0; c < 3; ++c)
                if (std::abs(int(p[c]) - int(backgroundSrgb[c] * 255.0f + 0.5f)) > tolerance) isBackground = false;
            if (isBackground) continue;
            ++head;
            stats.meanColor += glm::dvec3(p[0], p[1], p[2]) / 255.0;
        }
    stats.coverage = total ? double(head) / double(total) : 0.0;
    if (head) stats.meanColor /= double(head);
    return stats;
}

// Rec. 709 luminance of the pixel at (x, y), in levels of 255.
inline double luminanceAt(const Image& image, int x, int y) {
    const std::uint8_t* p = &image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4];
    return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
}

// The picture's fine texture in a window around its centre: the standard deviation of each
// pixel's luminance less the mean of the 9x9 pixels around it.
inline double centreTexture(const Image& image, int halfWidth, int halfHeight) {
    double sum = 0.0, squares = 0.0;
    int count = 0;
    const int cx = image.width / 2, cy = image.height / 2;
    for (int y = cy - halfHeight; y < cy + halfHeight; ++y)
        for (int x = cx - halfWidth; x < cx + halfWidth; ++x) {
            double local = 0.0;
            for (int dy = -4; dy <= 4; ++dy)
                for (int dx = -4; dx <= 4; ++dx) local += luminanceAt(image, x + dx, y + dy);
            const double detail = luminanceAt(image, x, y) - local / 81.0;
            sum += detail;
            squares += detail * detail;
            ++count;
        }
    const double mean = sum / count;
    return std::sqrt(std::max(0.0, squares / count - mean * mean));
}

}  // namespace stipple::test
