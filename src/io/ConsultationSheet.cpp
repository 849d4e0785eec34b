// [SECTION] Layout
// [SECTION] Drawing helpers
// [SECTION] The parts of the page
// [SECTION] PDF and PNG
#include "io/ConsultationSheet.h"

#include "core/Error.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glm/geometric.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace stipple {

SheetFormat sheetFormatFor(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (extension == ".pdf") return SheetFormat::Pdf;
    if (extension == ".png") return SheetFormat::Png;
    throw InputError(path.string() + ": a consultation sheet is written as .pdf or .png" +
                     (extension.empty() ? std::string(", and this name has no extension")
                                        : ", not as " + path.extension().string()));
}

// [SECTION] Layout

namespace {

// Points from the page's edges; 40 pt is 14 mm, inside what office printers can reach.
constexpr double kMargin = 40.0;
constexpr double kContentWidth = kA4WidthPt - 2.0 * kMargin;
constexpr double kRowLabelWidth = 16.0;  // the rotated "Before" and "After"
constexpr double kCellGap = 5.0;
constexpr double kCellsTop = 116.0;
constexpr double kCellHeight = 118.0;
constexpr double kColumnGap = 25.0;  // between the measurements and the sessions, the two signatures

double cellWidth() {
    return (kContentWidth - kRowLabelWidth - double(kSheetViewCount - 1) * kCellGap) / double(kSheetViewCount);
}

std::string cellName(bool after, StandardView view) {
    return std::string(after ? "after " : "before ") + standardViewName(view);
}

SheetLayout makeLayout() {
    SheetLayout layout;
    const auto add = [&](std::string name, double x, double y, double width, double height) {
        layout.parts.emplace_back(std::move(name), SheetRect{x, y, width, height});
    };
    add("header", kMargin, 34.0, kContentWidth, 52.0);
    add("column labels", kMargin + kRowLabelWidth, kCellsTop - 16.0, kContentWidth - kRowLabelWidth, 14.0);
    add("row labels", kMargin, kCellsTop, kRowLabelWidth - 2.0, 2.0 * kCellHeight + kCellGap);
    for (const bool after : {false, true})
        for (std::size_t column = 0; column < kSheetViewCount; ++column)
            add(cellName(after, kSheetViews[column]), kMargin + kRowLabelWidth + double(column) * (cellWidth() + kCellGap),
                kCellsTop + (after ? kCellHeight + kCellGap : 0.0), cellWidth(), kCellHeight);
    const double gridBottom = kCellsTop + 2.0 * kCellHeight + kCellGap;
    add("look", kMargin, gridBottom + 6.0, kContentWidth, 32.0);
    const double halfWidth = 0.5 * (kContentWidth - kColumnGap);
    add("measurements", kMargin, 406.0, halfWidth, 148.0);
    add("sessions", kMargin + halfWidth + kColumnGap, 406.0, halfWidth, 148.0);
    add("notes", kMargin, 566.0, kContentWidth, 134.0);
    add("client signature", kMargin, 716.0, halfWidth, 74.0);
    add("practitioner signature", kMargin + halfWidth + kColumnGap, 716.0, halfWidth, 74.0);
    add("footer", kMargin, 804.0, kContentWidth, 14.0);
    return layout;
}

}  // namespace

const SheetRect& SheetLayout::part(const std::string& name) const {
    for (const auto& [partName, rect] : parts)
        if (partName == name) return rect;
    throw std::out_of_range("the consultation sheet has no part '" + name + "'");
}

const SheetLayout& sheetLayout() {
    static const SheetLayout layout = makeLayout();
    return layout;
}

std::pair<int, int> sheetPictureSize(double dpi) {
    const double pixelsPerPoint = dpi / 72.0;
    return {int(std::lround(cellWidth() * pixelsPerPoint)), int(std::lround(kCellHeight * pixelsPerPoint))};
}

// [SECTION] Drawing helpers

namespace {

struct CairoDeleter {
    void operator()(cairo_t* context) const { cairo_destroy(context); }
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using CairoContext = std::unique_ptr<cairo_t, CairoDeleter>;
using CairoSurface = std::unique_ptr<cairo_surface_t, CairoDeleter>;

struct Colour {
    double r, g, b;
};
constexpr Colour kText{0.12, 0.13, 0.15};
constexpr Colour kMuted{0.42, 0.44, 0.47};
constexpr Colour kAccent{0.09, 0.33, 0.45};
constexpr Colour kRule{0.78, 0.80, 0.82};
constexpr Colour kWarning{0.72, 0.15, 0.10};

void setColour(cairo_t* cr, Colour colour) { cairo_set_source_rgb(cr, colour.r, colour.g, colour.b); }

void setFont(cairo_t* cr, double size, bool bold = false) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

double textWidth(cairo_t* cr, const std::string& text) {
    cairo_text_extents_t extents;
    cairo_text_extents(cr, text.c_str(), &extents);
    return extents.x_advance;
}

enum class Align { Left, Centre, Right };

// `x` is where the text starts, its middle or its end; `baseline` is the y of the baseline.
void showText(cairo_t* cr, double x, double baseline, const std::string& text, Align align = Align::Left) {
    if (align != Align::Left) x -= (align == Align::Centre ? 0.5 : 1.0) * textWidth(cr, text);
    cairo_move_to(cr, x, baseline);
    cairo_show_text(cr, text.c_str());
}

void line(cairo_t* cr, double x0, double y0, double x1, double y1, Colour colour, double width = 0.5) {
    setColour(cr, colour);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
}

bool startsCharacter(char byte) { return (static_cast<unsigned char>(byte) & 0xC0u) != 0x80u; }

// The longest start of `text`, cut between UTF-8 characters, that fits `width` with `suffix`.
// A binary search over the cut: the width only grows with the length, and a long word pasted into
// the notes must not cost one measurement per character.
std::string fitting(cairo_t* cr, const std::string& text, double width, const std::string& suffix = "") {
    const auto fits = [&](std::size_t end) { return textWidth(cr, text.substr(0, end) + suffix) <= width; };
    std::size_t low = 0, high = text.size();  // the cut lies in [low, high): low fits, high does not
    if (fits(high)) return text + suffix;
    // A character boundary strictly between low and high, nearest their middle, or low if none.
    const auto boundaryBetween = [&] {
        std::size_t up = low + (high - low) / 2, down = up;
        while (up < high && !startsCharacter(text[up])) ++up;
        if (up < high && up > low) return up;
        while (down > low && !startsCharacter(text[down])) --down;
        return down;
    };
    for (std::size_t middle = boundaryBetween(); middle > low; middle = boundaryBetween())
        (fits(middle) ? low : high) = middle;
    return text.substr(0, low) + suffix;
}

// `text` in lines no wider than `width` in the current font: words stay whole unless one alone
// is too wide; each newline in the text starts a new line. Stops after `maxLines` + 1 lines (one
// more than shown tells the caller the text overflows), so the cost stays with the box.
std::vector<std::string> wrapText(cairo_t* cr, const std::string& text, double width, std::size_t maxLines) {
    std::vector<std::string> lines;
    const auto full = [&] { return lines.size() > maxLines; };
    std::istringstream paragraphs(text);
    std::string paragraph;
    while (!full() && std::getline(paragraphs, paragraph)) {
        std::istringstream words(paragraph);
        std::string word, current;
        while (!full() && words >> word) {
            const std::string joined = current.empty() ? word : current + " " + word;
            if (textWidth(cr, joined) <= width) {
                current = joined;
                continue;
            }
            if (!current.empty()) lines.push_back(current);
            current = word;
            while (!full() && textWidth(cr, current) > width) {
                const std::string head = fitting(cr, current, width);
                if (head.empty()) break;
                lines.push_back(head);
                current = current.substr(head.size());
            }
        }
        if (!full()) lines.push_back(current);
    }
    return lines;
}

// wrapText cut to `maxLines`; when the text is longer, the last line ends in an ellipsis.
std::vector<std::string> wrapToLines(cairo_t* cr, const std::string& text, double width, std::size_t maxLines) {
    std::vector<std::string> lines = wrapText(cr, text, width, maxLines);
    if (lines.size() > maxLines) {
        lines.resize(maxLines);
        if (!lines.empty()) lines.back() = fitting(cr, lines.back(), width, "\u2026");
    }
    return lines;
}

// Draws `text` wrapped to `width` from `baseline` down, `step` apart; returns the next baseline.
double paragraph(cairo_t* cr, double x, double baseline, double width, double step, const std::string& text) {
    constexpr std::size_t kMaxLines = 8;  // a name or a figure's note, never a page of text
    for (const std::string& row : wrapToLines(cr, text, width, kMaxLines)) {
        showText(cr, x, baseline, row);
        baseline += step;
    }
    return baseline;
}

// A part's title with a rule under it; returns the y where the part's body starts.
double sectionTitle(cairo_t* cr, const SheetRect& part, const std::string& title) {
    setFont(cr, 10.0, true);
    setColour(cr, kAccent);
    showText(cr, part.x, part.y + 10.0, title);
    line(cr, part.x, part.y + 15.0, part.x + part.width, part.y + 15.0, kRule);
    return part.y + 28.0;
}

// 18600 -> "18,600"
std::string grouped(std::uint64_t number) {
    std::string digits = std::to_string(number);
    for (int at = int(digits.size()) - 3; at > 0; at -= 3) digits.insert(std::size_t(at), ",");
    return digits;
}

std::string formatted(const char* format, double value) {
    char text[32];  // a number and its unit
    std::snprintf(text, sizeof text, format, value);
    return text;
}

const std::string kSquared = "\u00b2";

// [SECTION] The parts of the page

void drawHeader(cairo_t* cr, const SheetRect& part, const SheetContents& contents) {
    setFont(cr, 18.0, true);
    setColour(cr, kAccent);
    showText(cr, part.x, part.y + 20.0, "Stipple");
    setFont(cr, 9.5);
    setColour(cr, kMuted);
    showText(cr, part.x, part.y + 36.0, "Scalp micropigmentation: consultation sheet");
    setFont(cr, 12.0, true);
    setColour(cr, kText);
    const double nameWidth = 0.55 * part.width;
    const std::string name = textWidth(cr, contents.projectName) <= nameWidth
                                 ? contents.projectName
                                 : fitting(cr, contents.projectName, nameWidth, "\u2026");
    showText(cr, part.x + part.width, part.y + 19.0, name, Align::Right);
    setFont(cr, 9.0);
    setColour(cr, kMuted);
    showText(cr, part.x + part.width, part.y + 35.0, "Date: " + contents.date, Align::Right);
    line(cr, part.x, part.y + part.height - 1.0, part.x + part.width, part.y + part.height - 1.0, kAccent, 1.0);
}

bool drawsPixels(cairo_t* cr) { return cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE; }

CairoSurface surfaceOf(const Image& picture) {
    CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, picture.width, picture.height));
    cairo_surface_flush(surface.get());
    unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    if (!data)
        throw InternalError("cairo: cannot hold a picture of " + std::to_string(picture.width) + "x" +
                            std::to_string(picture.height) + " pixels");
    for (int y = 0; y < picture.height; ++y)
        for (int x = 0; x < picture.width; ++x) {
            const std::uint8_t* rgba = &picture.rgba[(std::size_t(y) * std::size_t(picture.width) + std::size_t(x)) * 4];
            const std::uint32_t pixel = 0xFF000000u | std::uint32_t(rgba[0]) << 16 | std::uint32_t(rgba[1]) << 8 | rgba[2];
            std::memcpy(data + std::size_t(y) * std::size_t(stride) + std::size_t(x) * 4, &pixel, 4);
        }
    cairo_surface_mark_dirty(surface.get());
    return surface;
}

// Paints `picture` over a width x height area at the origin, centred, cropped to the area's shape;
// `wholePixels` when the area is pixels of an image.
void paintCovering(cairo_t* cr, cairo_surface_t* picture, double width, double height, bool wholePixels) {
    const double pictureWidth = cairo_image_surface_get_width(picture);
    const double pictureHeight = cairo_image_surface_get_height(picture);
    const double scale = std::max(width / pictureWidth, height / pictureHeight);
    double left = 0.5 * (width - scale * pictureWidth), top = 0.5 * (height - scale * pictureHeight);
    if (wholePixels) {
        left = std::round(left);
        top = std::round(top);
    }
    cairo_save(cr);
    cairo_rectangle(cr, 0.0, 0.0, width, height);
    cairo_clip(cr);
    cairo_translate(cr, left, top);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, picture, 0.0, 0.0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    // The picture's edge pixels go on to the area's edge instead of fading out. (A PDF needs no
    // help: the picture covers the area exactly, and cairo would write it out larger to pad it.)
    if (wholePixels) cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    cairo_paint(cr);
    cairo_restore(cr);
}

// The picture fills the cell, centred, cropped to the cell's shape when the two differ. In a PDF
// it is placed as it is, for the viewer or printer to scale. In a PNG it is scaled on its own to
// the cell's size in whole pixels (the same in every cell) and copied to the cell moved to whole
// pixels: where the cell lies then changes nothing, and two equal pictures give equal pixels.
void drawPicture(cairo_t* cr, const SheetRect& cell, const Image& picture) {
    cairo_save(cr);
    SheetRect area = cell;
    double point = 1.0;  // one point in the units drawn in
    const bool pixels = drawsPixels(cr);
    if (pixels) {
        double zero = 0.0;
        cairo_user_to_device_distance(cr, &point, &zero);
        cairo_user_to_device(cr, &area.x, &area.y);
        cairo_user_to_device_distance(cr, &area.width, &area.height);
        area = {std::round(area.x), std::round(area.y), std::round(area.width), std::round(area.height)};
        cairo_identity_matrix(cr);
    }
    if (picture.empty()) {
        cairo_rectangle(cr, area.x, area.y, area.width, area.height);
        cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
        cairo_fill(cr);
    } else if (pixels) {
        const CairoSurface scaled(cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(area.width), int(area.height)));
        {
            const CairoContext scaling(cairo_create(scaled.get()));
            paintCovering(scaling.get(), surfaceOf(picture).get(), area.width, area.height, true);
        }
        cairo_set_source_surface(cr, scaled.get(), area.x, area.y);
        cairo_paint(cr);
    } else {
        cairo_save(cr);
        cairo_translate(cr, area.x, area.y);
        paintCovering(cr, surfaceOf(picture).get(), area.width, area.height, false);
        cairo_restore(cr);
    }
    // A hairline border just inside the cell.
    setColour(cr, kRule);
    cairo_set_line_width(cr, 0.5 * point);
    cairo_rectangle(cr, area.x + 0.25 * point, area.y + 0.25 * point, area.width - 0.5 * point, area.height - 0.5 * point);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void drawViews(cairo_t* cr, const SheetLayout& layout, const SheetContents& contents) {
    const SheetRect& columnLabels = layout.part("column labels");
    const SheetRect& rowLabels = layout.part("row labels");
    for (std::size_t column = 0; column < kSheetViewCount; ++column) {
        const SheetRect& top = layout.part(cellName(false, kSheetViews[column]));
        std::string label = standardViewName(kSheetViews[column]);
        label[0] = char(std::toupper(static_cast<unsigned char>(label[0])));
        setFont(cr, 8.5, true);
        setColour(cr, kText);
        showText(cr, top.x + 0.5 * top.width, columnLabels.y + columnLabels.height - 3.0, label, Align::Centre);
        drawPicture(cr, top, contents.before[column]);
        drawPicture(cr, layout.part(cellName(true, kSheetViews[column])), contents.after[column]);
    }
    setFont(cr, 8.5, true);
    setColour(cr, kMuted);
    for (const bool after : {false, true}) {
        const SheetRect& first = layout.part(cellName(after, kSheetViews[0]));
        cairo_save(cr);
        // Read bottom to top, the baseline near the cells.
        cairo_translate(cr, rowLabels.x + rowLabels.width - 3.0, first.y + 0.5 * first.height);
        cairo_rotate(cr, -0.5 * M_PI);
        showText(cr, 0.0, 0.0, after ? "After" : "Before", Align::Centre);
        cairo_restore(cr);
    }
}

// What each row shows, as labelled values that flow like words: the "after" row's look, then the
// "before" row on a line of its own.
void drawLook(cairo_t* cr, const SheetRect& part, const SheetContents& contents) {
    using Items = std::vector<std::pair<std::string, std::string>>;
    const Items after = {{"After", contents.stage},
                         {"needle", contents.needle},
                         {"depth", formatted("%.1f mm", contents.depthMm)},
                         {"skin", contents.skin},
                         {"light", contents.light},
                         {"seen from", contents.seenFrom}};
    const Items before = {{"Before", "the same head without the impressions"}};
    double baseline = part.y + 8.0;
    for (const Items* items : {&after, &before}) {
        double x = part.x;
        for (const auto& [label, value] : *items) {
            setFont(cr, 7.5, true);
            const double labelWidth = textWidth(cr, label + " ");
            setFont(cr, 7.5);
            const double valueWidth = textWidth(cr, value);
            if (x > part.x && x + labelWidth + valueWidth > part.x + part.width) {
                x = part.x;
                baseline += 10.0;
            }
            setFont(cr, 7.5, true);
            setColour(cr, kMuted);
            showText(cr, x, baseline, label);
            setFont(cr, 7.5);
            setColour(cr, kText);
            showText(cr, x + labelWidth, baseline, value);
            x += labelWidth + valueWidth + 10.0;
        }
        baseline += 10.0;
    }
}

void drawMeasurements(cairo_t* cr, const SheetRect& part, const SheetContents& contents) {
    double baseline = sectionTitle(cr, part, "Hairline");
    const double valueX = part.x + 100.0, valueWidth = part.width - 100.0;
    const auto row = [&](const std::string& label, const std::string& value, Colour colour = kText) {
        setFont(cr, 8.5);
        setColour(cr, kMuted);
        showText(cr, part.x, baseline, label);
        setColour(cr, colour);
        baseline = paragraph(cr, valueX, baseline, valueWidth, 12.0, value) + 2.0;
    };
    const HairlineReadouts& r = contents.hairline;
    if (contents.hasHairlineCurve) {
        row("Mid-frontal point", formatted("%.1f cm", r.midFrontalHeightMm / 10.0) + " above the glabella");
        if (r.lowHairline) {
            setFont(cr, 8.5, true);
            setColour(cr, kWarning);
            baseline = paragraph(cr, valueX, baseline, valueWidth, 12.0,
                                 "Lower than the aggressive bound of " +
                                     formatted("%.0f cm", kAggressiveMidFrontalMm / 10.0)) + 2.0;
        }
        if (r.hasFrontotemporal)
            row("Frontotemporal points",
                formatted("%.1f cm", r.frontotemporalFromMidFrontalMm / 10.0) + " from the mid-frontal point, " +
                    formatted("%.1f cm", double(glm::length(r.frontotemporalLeft - r.frontotemporalRight)) / 10.0) +
                    " apart");
        else
            row("Frontotemporal points", "not marked on this hairline", kMuted);
    } else {
        row("Mid-frontal point", "no hairline curve in this design", kMuted);
    }
    row("Designed area", formatted("%.0f cm", r.designedAreaCm2) + kSquared);
    row("Impressions", grouped(contents.impressionCount));
    setFont(cr, 7.0);
    setColour(cr, kMuted);
    paragraph(cr, part.x, baseline + 2.0, part.width, 9.0,
              "Along the skin; points apart in a straight line. A mid-frontal point about " +
                  formatted("%.0f cm", kStandardMidFrontalMm / 10.0) + " above the glabella is usual, " +
                  formatted("%.0f cm", kAggressiveMidFrontalMm / 10.0) + " aggressive, " +
                  formatted("%.0f cm", kConservativeMidFrontalMm / 10.0) + " conservative.");
}

void drawSessions(cairo_t* cr, const SheetRect& part, const SheetContents& contents) {
    double baseline = sectionTitle(cr, part, "Sessions");
    // Right edges of the number columns; the session's number is left aligned.
    const double columns[] = {part.x + 88.0, part.x + 150.0, part.x + 200.0, part.x + part.width};
    const auto row = [&](const std::string& first, const std::string (&cells)[4]) {
        showText(cr, part.x, baseline, first);
        for (int i = 0; i < 4; ++i) showText(cr, columns[i], baseline, cells[i], Align::Right);
        baseline += 13.0;
    };
    setFont(cr, 7.5, true);
    setColour(cr, kMuted);
    row("Session", {"Density", "Impressions", "Area", "Hours"});
    setFont(cr, 8.5);
    setColour(cr, kText);
    std::uint64_t impressions = 0;
    double hours = 0.0, hoursMin = 0.0, hoursMax = 0.0, area = 0.0;
    const std::string areaUnit = " cm" + kSquared;
    for (const SessionEstimate& session : contents.sessions) {
        row(std::to_string(session.session),
            {formatted("%.0f %%", 100.0 * session.fraction), grouped(session.placed),
             formatted("%.0f", session.areaCm2) + areaUnit, formatted("%.1f h", session.hours)});
        impressions += session.placed;
        hours += session.hours;
        hoursMin += session.hoursMin;
        hoursMax += session.hoursMax;
        area = std::max(area, session.areaCm2);
    }
    line(cr, part.x, baseline - 9.0, part.x + part.width, baseline - 9.0, kRule);
    baseline += 1.0;
    setFont(cr, 8.5, true);
    setColour(cr, kText);
    row("Total", {"", grouped(impressions), formatted("%.0f", area) + areaUnit, formatted("%.1f h", hours)});
    setFont(cr, 7.0);
    setColour(cr, kMuted);
    paragraph(cr, part.x, baseline + 2.0, part.width, 9.0,
              "Each session adds to the last and moves no impression; density is the share of the final design on "
              "the skin after it. Hours at about 3,500 impressions an hour (14,000 in a 3-5 h session): " +
                  formatted("%.1f", hoursMin) + formatted("-%.1f h", hoursMax) + " in all. A guide, not a quote.");
}

void drawNotes(cairo_t* cr, const SheetRect& part, const std::string& notes) {
    const double top = sectionTitle(cr, part, "Notes");
    constexpr double kLineStep = 19.0;
    std::vector<double> rules;
    for (double y = top + 12.0; y <= part.y + part.height - 1.0; y += kLineStep) rules.push_back(y);
    for (const double y : rules) line(cr, part.x, y, part.x + part.width, y, kRule);
    setFont(cr, 9.5);
    setColour(cr, kText);
    const std::vector<std::string> lines = wrapToLines(cr, notes, part.width - 4.0, rules.size());
    for (std::size_t i = 0; i < lines.size(); ++i) showText(cr, part.x + 2.0, rules[i] - 4.0, lines[i]);
}

void drawSignature(cairo_t* cr, const SheetRect& part, const std::string& who) {
    setFont(cr, 9.0, true);
    setColour(cr, kText);
    showText(cr, part.x, part.y + 10.0, who);
    const double dateWidth = 80.0, gap = 14.0;
    const auto field = [&](double x0, double x1, double y, const char* caption) {
        line(cr, x0, y, x1, y, kText, 0.6);
        setFont(cr, 7.0);
        setColour(cr, kMuted);
        showText(cr, x0, y + 9.0, caption);
    };
    field(part.x, part.x + part.width, part.y + 34.0, "Name");
    field(part.x, part.x + part.width - dateWidth - gap, part.y + part.height - 12.0, "Signature");
    field(part.x + part.width - dateWidth, part.x + part.width, part.y + part.height - 12.0, "Date");
}

void drawFooter(cairo_t* cr, const SheetRect& part) {
    setFont(cr, 6.5);
    setColour(cr, kMuted);
    showText(cr, part.x + 0.5 * part.width, part.y + 9.0,
             "Made with Stipple. The pictures are renders of a 3D design, not photographs; counts, areas and hours "
             "are estimates.",
             Align::Centre);
}

void drawPage(cairo_t* cr, const SheetLayout& layout, const SheetContents& contents) {
    cairo_font_options_t* options = cairo_font_options_create();
    // Unhinted advances: text is as wide in the PNG as in the PDF, so both wrap alike.
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
    drawHeader(cr, layout.part("header"), contents);
    drawViews(cr, layout, contents);
    drawLook(cr, layout.part("look"), contents);
    drawMeasurements(cr, layout.part("measurements"), contents);
    drawSessions(cr, layout.part("sessions"), contents);
    drawNotes(cr, layout.part("notes"), contents.notes);
    drawSignature(cr, layout.part("client signature"), "Client");
    drawSignature(cr, layout.part("practitioner signature"), "Practitioner");
    drawFooter(cr, layout.part("footer"));
}

// [SECTION] PDF and PNG

cairo_status_t appendBytes(void* bytes, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(bytes)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw InternalError(std::string("cairo could not ") + what + ": " + cairo_status_to_string(status));
}

}  // namespace

DrawnSheet drawSheet(const SheetContents& contents, SheetFormat format) {
    DrawnSheet sheet;
    sheet.layout = sheetLayout();
    if (format == SheetFormat::Pdf) {
        const CairoSurface surface(cairo_pdf_surface_create_for_stream(appendBytes, &sheet.bytes, kA4WidthPt, kA4HeightPt));
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                       ("Consultation sheet: " + contents.projectName).c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Stipple");
        {
            const CairoContext cr(cairo_create(surface.get()));
            drawPage(cr.get(), sheet.layout, contents);
            check(cairo_status(cr.get()), "draw the sheet");
        }
        cairo_surface_finish(surface.get());
        check(cairo_surface_status(surface.get()), "write the PDF");
        return sheet;
    }
    const double scale = kSheetPngDpi / 72.0;
    sheet.pixelWidth = int(std::lround(kA4WidthPt * scale));
    sheet.pixelHeight = int(std::lround(kA4HeightPt * scale));
    const CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, sheet.pixelWidth, sheet.pixelHeight));
    {
        const CairoContext cr(cairo_create(surface.get()));
        cairo_set_source_rgb(cr.get(), 1.0, 1.0, 1.0);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), scale, scale);
        drawPage(cr.get(), sheet.layout, contents);
        check(cairo_status(cr.get()), "draw the sheet");
    }
    check(cairo_surface_write_to_png_stream(surface.get(), appendBytes, &sheet.bytes), "encode the PNG");
    return sheet;
}

}  // namespace stipple
