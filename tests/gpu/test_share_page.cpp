// `stipple export --formats html`: the shared page's files, each texture against the look it
// shows, and a page that stops part way. The page itself is tested in a browser (tests/browser).
#include "RunCommand.h"
#include "app/ExportJob.h"
#include "core/Error.h"
#include "core/Lighting.h"
#include "core/OrbitCamera.h"
#include "core/SmpModel.h"
#include "gpu/HeadlessContext.h"
#include "io/Design.h"
#include "io/ImageFile.h"
#include "io/ProjectFile.h"
#include "io/WholeFile.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <map>
#include <string>

using namespace stipple;
using stipple::test::TempFolder;
using stipple::test::run;

namespace {

constexpr int kSize = 1024;

// A Norwood II design with its client's and practitioner's names, as client.stipple in `folder`.
std::string paintProject(const TempFolder& folder) {
    const std::string project = (folder.path() / "client.stipple").string();
    REQUIRE(run({"paint", "--template", "norwood-2", "--client", "Alex \"Al\" Morgan", "--practitioner", "Sam Lee",
                 "--date", "2026-12-07", "--out", project}) == 0);
    return project;
}

// That design exported as a page, once for the checks of its files.
struct SharedPage {
    TempFolder folder;
    std::string project;
    std::filesystem::path out, page;
    int exitCode = -1;

    SharedPage() {
        project = paintProject(folder);
        out = folder.path() / "out";
        page = out / "client";
        exitCode = run({"export", project, "--formats", "html", "--size", std::to_string(kSize), "--out", out.string()});
    }
};

const SharedPage& sharedPage() {
    static const SharedPage instance;
    return instance;
}

std::string fileText(const std::filesystem::path& path) { return readFileBytes(path, std::uintmax_t(1) << 30, "a page file"); }

std::string decodeBase64(const std::string& text) {
    std::string bytes;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const char* found = std::strchr(digits, c);
        if (c == '=' || !found || !c) break;
        buffer = (buffer << 6) | unsigned(found - digits);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes += char((buffer >> bits) & 0xff);
        }
    }
    return bytes;
}

// The JPEG inside textures/KEY.js.
Image pageTexture(const std::string& key) {
    const std::string script = fileText(sharedPage().page / "textures" / (key + ".js"));
    const std::string marker = "base64,";
    const std::size_t start = script.find(marker);
    REQUIRE(start != std::string::npos);
    const std::string jpeg = decodeBase64(script.substr(start + marker.size(), script.rfind('"') - start - marker.size()));
    return decodeImage(reinterpret_cast<const std::uint8_t*>(jpeg.data()), jpeg.size(), key + ".js");
}

double meanLuminance(const Image& image) {
    double sum = 0.0;
    for (std::size_t i = 0; i < image.rgba.size(); i += 4)
        sum += 0.2126 * image.rgba[i] + 0.7152 * image.rgba[i + 1] + 0.0722 * image.rgba[i + 2];
    return sum / double(image.rgba.size() / 4);
}

}  // namespace

TEST_CASE("the shared page holds the page, the library and its licence, the head and the design's figures",
          "[cli][export][page]") {
    const SharedPage& e = sharedPage();
    REQUIRE(e.exitCode == 0);
    for (const char* name : {"index.html", "style.css", "app.js", "three.min.js", "THREE-LICENSE.txt", "data.js", "head.js"}) {
        INFO(name);
        CHECK(std::filesystem::file_size(e.page / name) > 0);
    }
    CHECK(fileText(e.page / "THREE-LICENSE.txt").find("MIT License") != std::string::npos);
    // Nothing is fetched from elsewhere: every script the page loads lies beside it.
    const std::string html = fileText(e.page / "index.html");
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("src=\"three.min.js\"") != std::string::npos);

    const std::string data = fileText(e.page / "data.js");
    for (const std::string expected : {"Alex \\\"Al\\\" Morgan", "Sam Lee", "2026-12-07", "midFrontalHeightMm", "hoursMax", "skinSpecular"}) {
        INFO(expected);
        CHECK(data.find(expected) != std::string::npos);
    }
    for (const StageChoice& stage : kStageChoices) CHECK(data.find(std::string("\"") + stage.label + "\"") != std::string::npos);
    for (const auto& light : kLightingChoices) CHECK(data.find(std::string("\"") + light.label + "\"") != std::string::npos);
    for (const auto& view : kViewChoices) CHECK(data.find(std::string("\"") + view.name + "\"") != std::string::npos);
    CHECK(fileText(e.page / "head.js").find("\"triangleCount\"") != std::string::npos);
    // The page was written under a hidden name and renamed: nothing of it is left beside it.
    CHECK(std::distance(std::filesystem::directory_iterator(e.out), std::filesystem::directory_iterator{}) == 1);
    // The names travel with the project.
    CHECK(readProject(e.project).settings.consultation.client == "Alex \"Al\" Morgan");
}

TEST_CASE("the shared page's textures: every look, the default stage's at full size, darker with the design",
          "[cli][export][page]") {
    REQUIRE(sharedPage().exitCode == 0);
    std::map<std::string, Image> textures;
    std::vector<std::string> keys{"before", "session-1", "session-2", "session-1-alone", "session-2-alone", "session-3-alone"};
    for (const StageChoice& stage : kStageChoices) keys.push_back(stage.name);
    for (const std::string& key : keys) {
        INFO(key);
        textures[key] = pageTexture(key);
        CHECK(textures[key].width == (key == "healed" ? kSize : kSize / 2));
        CHECK(textures[key].height == textures[key].width);
    }
    const auto mean = [&textures](const char* key) {
        Image image = textures[key];
        return meanLuminance(image.width == kSize ? halved(image) : image);
    };
    // Whole-texture means: outside the design every look is the same bare skin.
    CHECK(mean("healed") < mean("before") - 0.5);
    CHECK(mean("fresh") < mean("healed"));
    CHECK(mean("session-1") > mean("session-2"));
    CHECK(mean("session-2") > mean("healed"));
    CHECK(mean("session-1-alone") > mean("healed"));
    CHECK(mean("session-1") == Approx(mean("session-1-alone")).margin(0.01));  // the first session is alone
}

TEST_CASE("a page export that stops part way leaves no page and no folder it made", "[export][page]") {
    TempFolder folder;
    const Design design = openDesign(paintProject(folder));
    HeadlessContext context;  // the steps bake
    const std::filesystem::path made = folder.path() / "new";
    ExportFormats html{false, false, false, false, true};
    {
        ExportJob job(design, "client", made, kSize, html, false);
        for (int step = 0; step < 4; ++step) job.runNextStep();  // folder, bake, the page started, one texture
        REQUIRE(std::filesystem::is_directory(made / ".client.page-partial" / "textures"));
    }
    CHECK_FALSE(std::filesystem::exists(made));
    // A page already there (its files, as far as the export looks) stays until a new one
    // replaces it whole.
    std::filesystem::create_directories(made / "client" / "textures");
    for (const char* name : {"index.html", "data.js", "textures/healed.js"}) std::ofstream(made / "client" / name) << "older";
    {
        ExportJob job(design, "client", made, kSize, html, false);
        for (int step = 0; step < 4; ++step) job.runNextStep();
    }
    CHECK(fileText(made / "client" / "textures" / "healed.js") == "older");
    CHECK_FALSE(std::filesystem::exists(made / ".client.page-partial"));
}

TEST_CASE("a page export never replaces a folder that is not a page", "[cli][export][page]") {
    TempFolder folder;
    const std::string project = paintProject(folder);
    const std::filesystem::path out = folder.path() / "out";
    std::filesystem::create_directories(out / "client");
    const std::string notes = folder.write("out/client/notes.txt", "the user's own").string();
    CHECK(run({"export", project, "--formats", "html", "--size", "1024", "--out", out.string()}) == 2);
    CHECK(fileText(notes) == "the user's own");
    CHECK_FALSE(std::filesystem::exists(out / ".client.page-partial"));
}

TEST_CASE("export refuses an unknown format, naming the known ones, html among them", "[cli][export][page]") {
    try {
        parseExportFormats("png,htm");
        FAIL("htm was accepted");
    } catch (const InputError& error) {
        CHECK(std::string(error.what()).find("html") != std::string::npos);
    }
    CHECK(parseExportFormats("html").html);
    CHECK_FALSE(parseExportFormats("png").html);
}
