// Measurements on rendered pictures: what share is the head, and what colour it is.
#pragma once

#include "core/HeadMesh.h"

#include <glm/vec3.hpp>

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

}  // namespace stipple::test
