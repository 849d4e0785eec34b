// ConsultationSheet: the one-page document a practitioner prints, or sends to a client, after a
// consultation (`stipple sheet`, docs/sheet.md): the five standard views before and after, the
// hairline's measurements, the session plan, the look the pictures show, a notes box and
// signature lines. GL-free: it takes pictures already rendered, lays out an A4 portrait page and
// draws it with cairo, as a PDF (vector text and lines, the pictures embedded) or as a PNG at
// 150 dpi. The layout is fixed, so the pictures can be rendered at the size of their cells.
#pragma once

#include "core/HairlineMeasurements.h"
#include "core/HeadMesh.h"
#include "core/OrbitCamera.h"
#include "core/SessionPlan.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace stipple {

enum class SheetFormat { Pdf, Png };

// .pdf or .png (any case); throws InputError naming the file for any other extension.
SheetFormat sheetFormatFor(const std::filesystem::path& path);

// The views of the grid, left to right: the photographs a hair clinic takes.
constexpr StandardView kSheetViews[] = {StandardView::Front, StandardView::Left, StandardView::Right,
                                        StandardView::Top, StandardView::Back};
constexpr std::size_t kSheetViewCount = std::size(kSheetViews);

constexpr double kA4WidthPt = 595.276;  // 210 x 297 mm in PostScript points (1/72 inch)
constexpr double kA4HeightPt = 841.890;
constexpr double kSheetPngDpi = 150.0;

struct SheetContents {
    std::string projectName;
    std::string date;  // as printed
    // Per view of kSheetViews: the scalp today and with the design. Any size; each fills its
    // cell, centred and cropped to the cell's shape (render at sheetPictureSize() to crop nothing).
    std::array<Image, kSheetViewCount> before, after;
    bool hasHairlineCurve = false;  // without one only the designed area is measured
    HairlineReadouts hairline;
    std::uint32_t impressionCount = 0;
    std::vector<SessionEstimate> sessions;
    // The look of the "after" row, as printed: "Healed (4 weeks)", "1RL 0.20 mm (cartridge 06)",
    // "Clinic (soft overhead)", "Fitzpatrick III (medium)".
    std::string stage, needle, light, skin;
    float depthMm = 0.0f;
    // How far the pictures are seen from: "1 m, as the eye resolves it", or "the camera" (core/SeenFrom.h).
    std::string seenFrom;
    std::string notes;  // printed in the notes box; empty leaves ruled lines to write on
};

struct SheetRect {
    double x = 0.0, y = 0.0, width = 0.0, height = 0.0;  // points, from the page's top left corner
};

struct SheetLayout {
    double pageWidthPt = kA4WidthPt, pageHeightPt = kA4HeightPt;
    // "header", "column labels" (the views' names), "row labels" ("Before", "After"),
    // "before front" .. "after back" (the grid's cells), "look", "measurements", "sessions",
    // "notes", "client signature", "practitioner signature", "footer". Nothing is drawn outside
    // them, and none overlaps another.
    std::vector<std::pair<std::string, SheetRect>> parts;

    // The named part; throws std::out_of_range for a name the sheet does not have.
    const SheetRect& part(const std::string& name) const;
};

const SheetLayout& sheetLayout();

// The pixel size to render each view at for a sheet printed at `dpi`: its cell's shape.
std::pair<int, int> sheetPictureSize(double dpi);

struct DrawnSheet {
    std::string bytes;  // the whole PDF or PNG file
    SheetLayout layout;
    int pixelWidth = 0, pixelHeight = 0;  // PNG only
};

// Draws the page; throws InternalError when cairo fails.
DrawnSheet drawSheet(const SheetContents& contents, SheetFormat format);

}  // namespace stipple
