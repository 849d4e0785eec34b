// Where the parts of a consultation sheet lie in its PNG, and what is drawn there.
#pragma once

#include "core/HeadMesh.h"
#include "io/ConsultationSheet.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace stipple::test {

struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
};

// A part in pixels at kSheetPngDpi. Pictures are drawn exactly there: the sheet moves each
// cell to whole pixels and rounds its size the same way.
inline PixelRect pixelsOf(const SheetRect& part) {
    const double scale = kSheetPngDpi / 72.0;
    return {int(std::lround(part.x * scale)), int(std::lround(part.y * scale)), int(std::lround(part.width * scale)),
            int(std::lround(part.height * scale))};
}

inline const std::uint8_t* pixelAt(const Image& image, int x, int y) {
    return &image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4];
}

inline bool isWhite(const std::uint8_t* pixel, int tolerance = 8) {
    return pixel[0] >= 255 - tolerance && pixel[1] >= 255 - tolerance && pixel[2] >= 255 - tolerance;
}

inline double luminance(const std::uint8_t* pixel) {
    return 0.2126 * pixel[0] + 0.7152 * pixel[1] + 0.0722 * pixel[2];
}

// What a PDF holds: its pages and embedded images, counted from the objects' types.
struct PdfCounts {
    std::size_t pages = 0, images = 0;
};

inline PdfCounts countPdf(const std::string& pdf) {
    PdfCounts counts;
    for (std::size_t at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1))
        counts.pages += pdf.compare(at, 12, "/Type /Pages") != 0;
    for (std::size_t at = pdf.find("/Subtype /Image"); at != std::string::npos; at = pdf.find("/Subtype /Image", at + 1))
        ++counts.images;
    return counts;
}

}  // namespace stipple::test
