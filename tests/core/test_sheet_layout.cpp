// The consultation sheet's page without GL: its layout, and the PDF and PNG cairo draws from
// made-up contents (plain-coloured pictures, so each cell can be told from the others).
#include "core/Error.h"
#include "io/ConsultationSheet.h"
#include "io/ImageFile.h"
#include "SheetPixels.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

using namespace stipple;
using namespace stipple::test;

namespace {

const std::vector<std::string>& expectedParts() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> list = {"header", "column labels", "row labels", "look", "measurements", "sessions",
                                         "notes", "client signature", "practitioner signature", "footer"};
        for (const char* row : {"before ", "after "})
            for (const StandardView view : kSheetViews) list.push_back(row + std::string(standardViewName(view)));
        return list;
    }();
    return names;
}

Image plain(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    Image image;
    image.width = width;
    image.height = height;
    for (int i = 0; i < width * height; ++i) image.rgba.insert(image.rgba.end(), {r, g, b, 255});
    return image;
}

// Column c: before a red, after a blue, both darker to the right; pictures a little wider than
// the cells, as the window might hand them.
std::uint8_t shadeOf(std::size_t column) { return std::uint8_t(220 - 40 * column); }

SheetContents madeUpContents(const std::string& notes) {
    SheetContents contents;
    contents.projectName = "client-a";
    contents.date = "2025-03-14";
    for (std::size_t c = 0; c < kSheetViewCount; ++c) {
        contents.before[c] = plain(240, 250, shadeOf(c), 20, 20);
        contents.after[c] = plain(240, 250, 20, 20, shadeOf(c));
    }
    contents.hasHairlineCurve = true;
    contents.hairline.midFrontalHeightMm = 64.0f;
    contents.hairline.lowHairline = lowHairlineWarning(64.0f);
    contents.hairline.hasFrontotemporal = true;
    contents.hairline.frontotemporalLeft = {44.0f, 120.0f, 60.0f};
    contents.hairline.frontotemporalRight = {-44.0f, 120.0f, 60.0f};
    contents.hairline.frontotemporalFromMidFrontalMm = 57.0f;
    contents.hairline.designedAreaCm2 = 412.0;
    contents.impressionCount = 33012;
    contents.sessions = estimateSessions(std::vector<int>(9904, 1), defaultSessionPlan(4), 412.0);
    contents.stage = "Aged 10 years";
    contents.needle = "3RL 0.25 mm (cartridge 08)";
    contents.light = "Daylight (hard sun)";
    contents.skin = "Fitzpatrick VI (dark brown)";
    contents.depthMm = 2.0f;
    contents.notes = notes;
    return contents;
}

bool overlap(const SheetRect& a, const SheetRect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

}  // namespace

TEST_CASE("the sheet's parts are all there, on the page, printable and apart", "[sheet]") {
    const SheetLayout& layout = sheetLayout();
    CHECK(layout.pageWidthPt == Approx(210.0 / 25.4 * 72.0).epsilon(1e-4));
    CHECK(layout.pageHeightPt == Approx(297.0 / 25.4 * 72.0).epsilon(1e-4));
    std::set<std::string> names;
    for (const auto& [name, rect] : layout.parts) names.insert(name);
    CHECK(names.size() == layout.parts.size());
    CHECK(names == std::set<std::string>(expectedParts().begin(), expectedParts().end()));
    // 5 mm from every edge: what office printers reach.
    const double edge = 5.0 / 25.4 * 72.0;
    for (const auto& [name, rect] : layout.parts) {
        INFO(name);
        CHECK(rect.width > 0.0);
        CHECK(rect.height > 0.0);
        CHECK(rect.x >= edge);
        CHECK(rect.y >= edge);
        CHECK(rect.x + rect.width <= layout.pageWidthPt - edge);
        CHECK(rect.y + rect.height <= layout.pageHeightPt - edge);
    }
    for (std::size_t i = 0; i < layout.parts.size(); ++i)
        for (std::size_t j = i + 1; j < layout.parts.size(); ++j) {
            INFO(layout.parts[i].first << " and " << layout.parts[j].first);
            CHECK_FALSE(overlap(layout.parts[i].second, layout.parts[j].second));
        }
    CHECK_THROWS_AS(layout.part("signature"), std::out_of_range);

    // Pictures rendered at sheetPictureSize() have their cell's shape.
    const SheetRect& cell = layout.part("after top");
    const auto [width, height] = sheetPictureSize(300.0);
    CHECK(width == Approx(cell.width * 300.0 / 72.0).margin(0.5));
    CHECK(height == Approx(cell.height * 300.0 / 72.0).margin(0.5));
}

TEST_CASE("the sheet's format follows the extension, any other is refused, naming the file", "[sheet]") {
    CHECK(sheetFormatFor("a/sheet.pdf") == SheetFormat::Pdf);
    CHECK(sheetFormatFor("sheet.PDF") == SheetFormat::Pdf);
    CHECK(sheetFormatFor("sheet.png") == SheetFormat::Png);
    CHECK_THROWS_WITH(sheetFormatFor("out/sheet.jpg"), Catch::Contains("out/sheet.jpg") && Catch::Contains(".jpg"));
    CHECK_THROWS_AS(sheetFormatFor("sheet"), InputError);
    CHECK_THROWS_AS(sheetFormatFor("sheet.pdf.tmp"), InputError);
}

TEST_CASE("the PDF is one A4 page with its text as fonts and the ten pictures embedded", "[sheet]") {
    const DrawnSheet sheet = drawSheet(madeUpContents(""), SheetFormat::Pdf);
    const std::string& pdf = sheet.bytes;
    REQUIRE(pdf.size() > 1000);
    CHECK(pdf.compare(0, 5, "%PDF-") == 0);
    CHECK(pdf.substr(pdf.find_last_not_of("\r\n") - 4, 5) == "%%EOF");
    const PdfCounts counts = countPdf(pdf);
    CHECK(counts.pages == 1);
    CHECK(pdf.find("/Count 1") != std::string::npos);
    CHECK(pdf.find("595.276 841.89") != std::string::npos);  // the MediaBox: A4 in points
    CHECK(pdf.find("/FontFile") != std::string::npos);       // vector text, its font embedded
    CHECK(counts.images == 2 * kSheetViewCount);
    CHECK(sheet.layout.parts.size() == sheetLayout().parts.size());
}

TEST_CASE("the PNG is A4 at 150 dpi, each picture in its cell and nothing drawn outside the parts",
          "[sheet]") {
    // More notes than the box holds: they stop at its last line.
    std::string notes;
    for (int i = 0; i < 60; ++i) notes += "The client asks for a soft, slightly broken front and darker temples. ";
    const DrawnSheet sheet = drawSheet(madeUpContents(notes), SheetFormat::Png);
    const Image page = decodeImage(reinterpret_cast<const std::uint8_t*>(sheet.bytes.data()), sheet.bytes.size(), "sheet");
    REQUIRE(page.width == 1240);
    REQUIRE(page.height == 1754);
    CHECK(sheet.pixelWidth == page.width);
    CHECK(sheet.pixelHeight == page.height);

    for (std::size_t c = 0; c < kSheetViewCount; ++c)
        for (const bool after : {false, true}) {
            const std::string name = (after ? "after " : "before ") + std::string(standardViewName(kSheetViews[c]));
            INFO(name);
            const PixelRect cell = pixelsOf(sheet.layout.part(name));
            // Inside the one-pixel border every pixel is the picture's.
            for (int y = cell.y + 2; y < cell.y + cell.height - 2; y += 7)
                for (int x = cell.x + 2; x < cell.x + cell.width - 2; x += 7) {
                    const std::uint8_t* p = pixelAt(page, x, y);
                    REQUIRE(int(p[0]) == (after ? 20 : shadeOf(c)));
                    REQUIRE(int(p[2]) == (after ? shadeOf(c) : 20));
                }
        }

    // Every part holds something drawn; everything drawn lies in a part (give or take a pixel
    // of anti-aliasing).
    std::vector<PixelRect> parts;
    for (const auto& [name, rect] : sheet.layout.parts) {
        const PixelRect part = pixelsOf(rect);
        parts.push_back(part);
        std::size_t inked = 0;
        for (int y = part.y; y < part.y + part.height; ++y)
            for (int x = part.x; x < part.x + part.width; ++x) inked += !isWhite(pixelAt(page, x, y));
        INFO(name);
        CHECK(inked > 100);
    }
    std::size_t outside = 0;
    for (int y = 0; y < page.height; ++y)
        for (int x = 0; x < page.width; ++x) {
            if (isWhite(pixelAt(page, x, y))) continue;
            outside += std::none_of(parts.begin(), parts.end(), [&](const PixelRect& p) {
                return x >= p.x - 2 && x < p.x + p.width + 2 && y >= p.y - 2 && y < p.y + p.height + 2;
            });
        }
    CHECK(outside == 0);
}

TEST_CASE("notes of one 120,000-character word or 20,000 words fill the box in seconds, not minutes",
          "[sheet]") {
    // The box shows a few lines: wrapping stops there, and a word wider than a line is cut by a
    // binary search, not one measurement per character (that took minutes at this length).
    std::string word(120000, 'W');
    std::string words;
    for (int i = 0; i < 20000; ++i) words += "temples ";
    // Rows of the notes box's lower half with ink in its left half: ruled lines alone, or text.
    const auto inkedRowsOfNotes = [](const DrawnSheet& sheet) {
        const Image page = decodeImage(reinterpret_cast<const std::uint8_t*>(sheet.bytes.data()), sheet.bytes.size(), "sheet");
        const PixelRect box = pixelsOf(sheet.layout.part("notes"));
        std::size_t rows = 0;
        for (int y = box.y + box.height / 2; y < box.y + box.height; ++y) {
            std::size_t inked = 0;
            for (int x = box.x + 4; x < box.x + box.width / 2; ++x) inked += !isWhite(pixelAt(page, x, y));
            rows += inked > 20;
        }
        return rows;
    };
    const std::size_t ruledOnly = inkedRowsOfNotes(drawSheet(madeUpContents(""), SheetFormat::Png));
    for (const std::string& notes : {word, words, "\u00e9" + std::string(30000, 'x') + "\u00e9\u00e9\u00e9"}) {
        const auto start = std::chrono::steady_clock::now();
        const DrawnSheet sheet = drawSheet(madeUpContents(notes), SheetFormat::Png);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(seconds < 20.0);  // a hang guard, far above the ~1 s it takes; minutes before the fix
        CHECK(inkedRowsOfNotes(sheet) > ruledOnly + 10);  // the text reaches the box's lower half
    }
}
