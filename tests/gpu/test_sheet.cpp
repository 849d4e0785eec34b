// `stipple sheet`: the consultation sheet made headless from a project, as PDF and PNG, its
// pictures measured on the PNG's pixels, and the errors that must leave files alone.
#include "RunCommand.h"
#include "app/SheetJob.h"
#include "core/Error.h"
#include "gpu/HeadlessContext.h"
#include "io/ConsultationSheet.h"
#include "io/Design.h"
#include "io/ImageFile.h"
#include "io/WholeFile.h"
#include "SheetPixels.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <sys/stat.h>

using namespace stipple;
using namespace stipple::test;

namespace {

std::string contentOf(const std::filesystem::path& path) { return readFileBytes(path, 1u << 30, "a test file"); }

// A Norwood III design, and the same with its density painted out (a design that places no
// impression: its "after" row must be its "before" row), each made into sheets once.
struct Sheets {
    TempFolder folder;
    std::string project, bare;
    std::filesystem::path png, pdf, barePng;
    int pngExit = -1, pdfExit = -1, bareExit = -1;

    Sheets() {
        project = (folder.path() / "client-a.stipple").string();
        bare = (folder.path() / "no-impressions.stipple").string();
        const std::string noDensity = folder.write("strokes.json",
            "{\"strokes\": [{\"tool\": \"density\", \"mode\": \"set\", \"value\": 0, \"radius_mm\": 200,"
            " \"hardness\": 1, \"points\": [[0, 140, 0]]}]}").string();
        REQUIRE(run({"paint", "--template", "norwood-3", "--out", project}) == 0);
        REQUIRE(run({"paint", "--template", "norwood-3", "--strokes", noDensity, "--out", bare}) == 0);
        png = folder.path() / "sheet.png";
        pdf = folder.path() / "sheet.pdf";
        barePng = folder.path() / "bare.png";
        pngExit = run({"sheet", project, "--out", png.string(), "--notes", "Soft front; review the temples at session 2."});
        pdfExit = run({"sheet", project, "--out", pdf.string()});
        bareExit = run({"sheet", bare, "--out", barePng.string()});
    }
};

const Sheets& sheets() {
    static const Sheets instance;
    return instance;
}

Image pageOf(const std::filesystem::path& png) {
    const Image page = readImage(png);
    REQUIRE(page.width == 1240);  // A4 at 150 dpi
    REQUIRE(page.height == 1754);
    return page;
}

std::string cellName(bool after, StandardView view) { return (after ? "after " : "before ") + std::string(standardViewName(view)); }

}  // namespace

TEST_CASE("the sheet is produced headless with all its parts, as PDF and as PNG", "[cli][sheet]") {
    const Sheets& s = sheets();
    REQUIRE(s.pngExit == 0);
    REQUIRE(s.pdfExit == 0);

    const std::string pdf = contentOf(s.pdf);
    CHECK(pdf.compare(0, 5, "%PDF-") == 0);
    CHECK(pdf.substr(pdf.find_last_not_of("\r\n") - 4, 5) == "%%EOF");
    const PdfCounts counts = countPdf(pdf);
    CHECK(counts.pages == 1);
    CHECK(counts.images == 2 * kSheetViewCount);
    CHECK(pdf.find("/FontFile") != std::string::npos);

    const Image page = pageOf(s.png);
    const SheetLayout& layout = sheetLayout();
    for (const auto& [name, rect] : layout.parts) {
        const PixelRect part = pixelsOf(rect);
        std::size_t inked = 0;
        for (int y = part.y; y < part.y + part.height; ++y)
            for (int x = part.x; x < part.x + part.width; ++x) inked += !isWhite(pixelAt(page, x, y));
        INFO(name);
        CHECK(inked > 100);
    }
    // Each picture shows the head on its background: neither blank nor all head.
    for (const bool after : {false, true})
        for (const StandardView view : kSheetViews) {
            INFO(cellName(after, view));
            const PixelRect cell = pixelsOf(layout.part(cellName(after, view)));
            const std::uint8_t* background = pixelAt(page, cell.x + 3, cell.y + 3);
            CHECK(luminance(background) > 200.0);
            std::size_t head = 0, total = 0;
            for (int y = cell.y + 2; y < cell.y + cell.height - 2; ++y)
                for (int x = cell.x + 2; x < cell.x + cell.width - 2; ++x) {
                    const std::uint8_t* p = pixelAt(page, x, y);
                    head += std::abs(int(p[0]) - int(background[0])) + std::abs(int(p[1]) - int(background[1])) +
                                std::abs(int(p[2]) - int(background[2])) > 24;
                    ++total;
                }
            CHECK(double(head) / double(total) > 0.15);
            CHECK(double(head) / double(total) < 0.9);
        }
}

TEST_CASE("the after row differs from the before row by the impressions alone", "[cli][sheet]") {
    const Sheets& s = sheets();
    REQUIRE(s.pngExit == 0);
    REQUIRE(s.bareExit == 0);
    const Image page = pageOf(s.png), barePage = pageOf(s.barePng);
    for (const StandardView view : kSheetViews) {
        INFO(standardViewName(view));
        const PixelRect before = pixelsOf(sheetLayout().part(cellName(false, view)));
        const PixelRect after = pixelsOf(sheetLayout().part(cellName(true, view)));
        REQUIRE(before.width == after.width);
        REQUIRE(before.height == after.height);
        std::size_t differing = 0, differingBare = 0;
        double lightBefore = 0.0, lightAfter = 0.0;
        for (int y = 0; y < before.height; ++y)
            for (int x = 0; x < before.width; ++x) {
                const std::uint8_t* b = pixelAt(page, before.x + x, before.y + y);
                const std::uint8_t* a = pixelAt(page, after.x + x, after.y + y);
                differing += b[0] != a[0] || b[1] != a[1] || b[2] != a[2];
                lightBefore += luminance(b);
                lightAfter += luminance(a);
                const std::uint8_t* bareB = pixelAt(barePage, before.x + x, before.y + y);
                const std::uint8_t* bareA = pixelAt(barePage, after.x + x, after.y + y);
                differingBare += bareB[0] != bareA[0] || bareB[1] != bareA[1] || bareB[2] != bareA[2];
            }
        const double cellPixels = double(before.width * before.height);
        // Healed dots of 0.1 mm at 80 per cm2 darken the scalp only a little at this size, but
        // they darken it in every view, and nothing else differs.
        CHECK(double(differing) / cellPixels > 0.005);
        CHECK(lightAfter < lightBefore);
        CHECK(differingBare == 0);
    }
}

TEST_CASE("a bad --out extension or an unwritable path exits 2 and leaves an existing file as it was",
          "[cli][sheet]") {
    const Sheets& s = sheets();
    TempFolder folder;
    const std::filesystem::path jpg = folder.write("sheet.jpg", "an older picture");
    CHECK(run({"sheet", s.project, "--out", jpg.string()}) == 2);
    CHECK(contentOf(jpg) == "an older picture");
    CHECK(run({"sheet", s.project, "--out", (folder.path() / "sheet").string()}) == 2);

    // Under a regular file no folder can be made, whoever runs the test.
    const std::string file = folder.write("file.txt", "x").string();
    CHECK(run({"sheet", s.project, "--out", file + "/sheet.pdf"}) == 2);
    CHECK(contentOf(file) == "x");

    // A name the file system holds but not with the temporary file's suffix: the write fails
    // before the existing sheet is touched, even for root.
    const std::filesystem::path longName = folder.write(std::string(246, 's') + ".pdf", "an older sheet");
    CHECK(run({"sheet", s.project, "--out", longName.string()}) == 2);
    CHECK(contentOf(longName) == "an older sheet");

    const std::filesystem::path locked = folder.path() / "locked";
    std::filesystem::create_directory(locked);
    const std::filesystem::path older = locked / "sheet.png";
    std::ofstream(older) << "an older sheet";
    REQUIRE(::chmod(locked.c_str(), 0555) == 0);
    if (std::ofstream(locked / "probe").good()) {  // root writes anyway: nothing to check
        std::filesystem::remove(locked / "probe");
        WARN("running as root: the read-only folder check is skipped");
    } else {
        CHECK(run({"sheet", s.project, "--out", older.string()}) == 2);
        CHECK(contentOf(older) == "an older sheet");
    }
    ::chmod(locked.c_str(), 0755);
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()), std::filesystem::directory_iterator()) == 4);
}

TEST_CASE("sheet refuses bad usage with exit 2 and answers --help", "[cli][sheet]") {
    const Sheets& s = sheets();
    CHECK(run({"sheet", "--help"}) == 0);
    CHECK(run({"sheet", s.project}) == 2);
    CHECK(run({"sheet", "--out", "x.pdf"}) == 2);
    CHECK(run({"sheet", s.project, s.bare, "--out", "x.pdf"}) == 2);
    CHECK(run({"sheet", s.project, "--out", "x.pdf", "--stage", "ripe"}) == 2);
    CHECK(run({"sheet", s.project, "--out", "x.pdf", "--light", "candle"}) == 2);
    CHECK_FALSE(std::filesystem::exists("x.pdf"));
}

TEST_CASE("the sheet job runs step by step for the window, naming each step and the file that fails",
          "[sheet]") {
    const Sheets& s = sheets();
    TempFolder folder;
    const Design design = openDesign(s.project);
    SheetOptions options;
    options.projectName = "client-a";
    options.date = "2025-03-14";
    CHECK_THROWS_WITH(SheetJob(design, folder.path() / "sheet.tiff", options), Catch::Contains("sheet.tiff"));

    HeadlessContext context;
    const std::filesystem::path out = folder.path() / "sheet.pdf";
    SheetJob job(design, out, options);
    REQUIRE(job.stepCount() > kSheetViewCount);
    std::vector<std::string> names;
    while (!job.done()) {
        names.push_back(job.nextStepName());
        REQUIRE_FALSE(std::filesystem::exists(out));  // written whole, at the last step
        job.runNextStep();
        CHECK(job.stepsDone() == names.size());
    }
    CHECK(names.back() == "Writing sheet.pdf");
    CHECK(contentOf(out).compare(0, 5, "%PDF-") == 0);

    const std::filesystem::path nowhere = folder.write("file.txt", "x") / "sheet.png";
    SheetJob failing(design, nowhere, options);
    while (failing.stepsDone() + 1 < failing.stepCount()) failing.runNextStep();
    try {
        failing.runNextStep();
        FAIL("writing under a file succeeded");
    } catch (const InputError& error) {
        CHECK_THAT(error.what(), Catch::Contains(nowhere.string()));
    }
}
