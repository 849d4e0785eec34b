#include "core/Error.h"
#include "io/ProjectFile.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace stipple;
using stipple::test::TempFolder;

namespace {

// Every layer kind at a small size, filled with random values inside its range.
Project randomProject(std::mt19937& random) {
    Project project;
    project.headPath = "heads/client.glb";
    project.headHash = 0x0123456789abcdefULL;
    project.millimetresPerUnit = 10.0f;
    DesignSettings& settings = project.settings;
    settings.needlePreset = std::uniform_int_distribution<int>(0, int(std::size(kNeedlePresets)) - 1)(random);
    settings.depthMm = std::uniform_real_distribution<float>(kMinDepthMm, kMaxDepthMm)(random);
    settings.skinType = std::uniform_int_distribution<int>(0, kFitzpatrickTypeCount)(random);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    settings.customSkinSrgb = {unit(random), unit(random), unit(random)};
    settings.hairColourSrgb = {unit(random), unit(random), unit(random)};
    settings.longHair = unit(random) < 0.5f;
    settings.stubbleMm = kMaxStubbleMm * unit(random);
    settings.greyHairShare = unit(random);
    settings.stage = kSmpStages[std::uniform_int_distribution<std::size_t>(0, std::size(kSmpStages) - 1)(random)];
    settings.lighting = kLightings[std::uniform_int_distribution<std::size_t>(0, std::size(kLightings) - 1)(random)];
    settings.brush = defaultBrush(BrushTool::Scar);
    settings.brush.mode = BrushMode::Smooth;
    settings.brush.radiusMm = 1.0f + 40.0f * unit(random);
    settings.brush.strength = unit(random);
    settings.brush.hardness = unit(random);
    settings.brush.value = unit(random);
    settings.brush.symmetry = true;
    settings.view = ViewPose{{unit(random), 100.0f * unit(random), -unit(random)}, 6.0f * unit(random) - 3.0f,
                             unit(random) - 0.5f, 200.0f + 600.0f * unit(random)};
    HairlineDesign hairline;
    hairline.leftHalf = {{0.0f, 120.0f, 80.0f}, {30.0f, 115.0f, 70.0f}, {50.0f, 105.0f, 55.0f}};
    hairline.frontotemporal = 2;
    hairline.settings = hairlineStyle(HairlineStyle::Defined);
    project.hairline = hairline;
    for (LayerKind kind : kLayerKinds) {
        Layer layer(kind, 37 + int(kind), 230);
        std::uniform_real_distribution<float> value(layer.spec().minValue, layer.spec().maxValue);
        for (float& v : layer.texels()) v = value(random);
        project.layers.push_back(std::move(layer));
    }
    return project;
}

std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A project file taken apart (docs/project-format.md): the JSON header and the blocks after it,
// to write files as older or damaged versions would.
struct ProjectParts {
    nlohmann::json header;
    std::string blocks;
};

ProjectParts splitProject(const std::string& bytes) {
    std::uint64_t headerSize = 0;
    for (int i = 0; i < 8; ++i) headerSize |= std::uint64_t(std::uint8_t(bytes[8 + std::size_t(i)])) << (8 * i);
    return {nlohmann::json::parse(bytes.substr(16, std::size_t(headerSize))), bytes.substr(16 + std::size_t(headerSize))};
}

std::string joinProject(const ProjectParts& parts) {
    const std::string header = parts.header.dump();
    std::string bytes = "STIPPLE\x1a";
    for (int shift = 0; shift < 64; shift += 8) bytes.push_back(char((header.size() >> shift) & 0xff));
    return bytes + header + parts.blocks;
}

// The project's bytes with the first `from` in its header replaced by `to`, of the same length so
// the stated header size stays right.
std::string withHeaderEdit(std::string bytes, const std::string& from, const std::string& to) {
    REQUIRE(to.size() == from.size());
    const std::size_t at = bytes.find(from);
    REQUIRE(at != std::string::npos);
    bytes.replace(at, from.size(), to);
    return bytes;
}

std::string loadError(const std::filesystem::path& path) {
    try {
        readProject(path);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a project survives a save and a load bit for bit", "[project]") {
    TempFolder folder;
    std::mt19937 random(5);
    Project saved = randomProject(random);
    saved.settings.consultation = {"Zoë \"Z\" Müller", "Sam Lee", "7 December 2026"};
    const auto path = folder.path() / "design.stipple";
    writeProject(path, saved);
    CHECK(looksLikeProject(path));
    const Project loaded = readProject(path);
    CHECK(loaded.headPath == saved.headPath);
    CHECK(loaded.headHash == saved.headHash);
    CHECK(loaded.millimetresPerUnit == saved.millimetresPerUnit);
    CHECK(loaded.settings.needlePreset == saved.settings.needlePreset);
    CHECK(loaded.settings.depthMm == saved.settings.depthMm);
    CHECK(loaded.settings.skinType == saved.settings.skinType);
    CHECK(loaded.settings.customSkinSrgb == saved.settings.customSkinSrgb);
    CHECK(loaded.settings.hairColourSrgb == saved.settings.hairColourSrgb);
    CHECK(loaded.settings.longHair == saved.settings.longHair);
    CHECK(loaded.settings.stubbleMm == saved.settings.stubbleMm);
    CHECK(loaded.settings.greyHairShare == saved.settings.greyHairShare);
    CHECK(loaded.settings.stage == saved.settings.stage);
    CHECK(loaded.settings.lighting == saved.settings.lighting);
    CHECK(loaded.settings.consultation.client == saved.settings.consultation.client);
    CHECK(loaded.settings.consultation.practitioner == saved.settings.consultation.practitioner);
    CHECK(loaded.settings.consultation.date == saved.settings.consultation.date);
    const BrushSettings& brush = loaded.settings.brush;
    CHECK(brush.tool == saved.settings.brush.tool);
    CHECK(brush.mode == saved.settings.brush.mode);
    CHECK(brush.radiusMm == saved.settings.brush.radiusMm);
    CHECK(brush.strength == saved.settings.brush.strength);
    CHECK(brush.hardness == saved.settings.brush.hardness);
    CHECK(brush.value == saved.settings.brush.value);
    CHECK(brush.symmetry == saved.settings.brush.symmetry);
    REQUIRE(loaded.settings.view);
    CHECK(loaded.settings.view->targetMm == saved.settings.view->targetMm);
    CHECK(loaded.settings.view->yawRadians == saved.settings.view->yawRadians);
    CHECK(loaded.settings.view->pitchRadians == saved.settings.view->pitchRadians);
    CHECK(loaded.settings.view->distanceMm == saved.settings.view->distanceMm);
    REQUIRE(loaded.hairline);
    CHECK(loaded.hairline->leftHalf == saved.hairline->leftHalf);
    CHECK(loaded.hairline->frontotemporal == saved.hairline->frontotemporal);
    CHECK(loaded.hairline->settings.transitionMm == saved.hairline->settings.transitionMm);
    CHECK(loaded.hairline->settings.seed == saved.hairline->settings.seed);
    REQUIRE(loaded.layers.size() == saved.layers.size());
    for (std::size_t i = 0; i < saved.layers.size(); ++i) {
        CHECK(loaded.layers[i].kind() == saved.layers[i].kind());
        CHECK(loaded.layers[i].width() == saved.layers[i].width());
        CHECK(loaded.layers[i].texels() == saved.layers[i].texels());
    }
}

TEST_CASE("damaged projects give a clear error, never a crash", "[project]") {
    TempFolder folder;
    std::mt19937 random(6);
    const auto good = folder.path() / "good.stipple";
    writeProject(good, randomProject(random));
    const std::string bytes = readBytes(good);

    // Cut at every byte of the header's end and at a spread of points through the blocks.
    for (std::size_t cut = 0; cut < bytes.size(); cut += (cut < 2000 ? 7 : 97)) {
        const auto path = folder.write("cut.stipple", bytes.substr(0, cut));
        INFO("cut at " << cut << " of " << bytes.size());
        CHECK_THAT(loadError(path), Catch::Contains("cut.stipple"));
    }
    // Flipped bytes in the compressed blocks: zlib's checksum or the sizes catch them.
    for (int trial = 0; trial < 40; ++trial) {
        std::string damaged = bytes;
        std::uniform_int_distribution<std::size_t> where(bytes.size() - 2000, bytes.size() - 1);
        damaged[where(random)] ^= char(0x5a);
        const auto path = folder.write("flipped.stipple", damaged);
        const std::string message = loadError(path);
        // A flip may land in a part zlib does not check (its padding); then the file still loads.
        if (!message.empty()) CHECK_THAT(message, Catch::Contains("flipped.stipple"));
    }
    auto withHeader = [&](const std::string& from, const std::string& to) { return withHeaderEdit(bytes, from, to); };
    CHECK_THAT(loadError(folder.write("newer.stipple", withHeader("\"version\": 1", "\"version\": 9"))),
               Catch::Contains("newer Stipple"));
    CHECK_THAT(loadError(folder.write("garbage.stipple", std::string(5000, 'x'))), Catch::Contains("not a Stipple project"));
    CHECK_THAT(loadError(folder.write("empty.stipple", "")), Catch::Contains("not a Stipple project"));
    CHECK_THAT(loadError(folder.path() / "missing.stipple"), Catch::Contains("missing.stipple"));
}

TEST_CASE("settings outside their ranges are refused, naming the file and the setting", "[project]") {
    TempFolder folder;
    std::mt19937 random(7);
    Project project = randomProject(random);
    project.settings.needlePreset = 2;
    project.settings.depthMm = 0.5f;
    project.settings.skinType = 4;
    project.settings.stage = SmpStage::Healed;
    project.settings.brush.radiusMm = 15.0f;
    project.settings.consultation = {"Alex Morgan", "Sam Lee", "2026-12-07"};
    const auto good = folder.path() / "good.stipple";
    writeProject(good, project);
    const std::string bytes = readBytes(good);
    // The header with one field (a JSON pointer) set to `value`, written whole again.
    auto damaged = [&](const std::string& name, const char* pointer, const char* value) {
        ProjectParts parts = splitProject(bytes);
        parts.header[nlohmann::json::json_pointer(pointer)] = nlohmann::json::parse(value);
        return loadError(folder.write(name, joinProject(parts)));
    };
    // Each refusal names the file, the field's JSON path, the value and what is allowed. A needle
    // index past the table would read outside it: the file must never get that far.
    struct Case {
        const char* name;
        const char* pointer;
        const char* value;
        const char* field;  // "FIELD is VALUE; it must be ALLOWED"
    };
    const Case cases[] = {
        {"needle", "/design/needle_preset", "9", "design.needle_preset is 9; it must be a whole number from 0 to 4"},
        {"depth", "/design/depth_mm", "9.5", "design.depth_mm is 9.5; it must be a number from 0.3 to 2"},
        {"skin", "/design/skin/fitzpatrick", "8", "design.skin.fitzpatrick is 8; it must be a whole number from 0 to 6"},
        {"colour", "/design/native_hair/colour_srgb/1", "1.5",
         "design.native_hair.colour_srgb[1] is 1.5; it must be a number from 0 to 1"},
        {"stubble", "/design/native_hair/stubble_mm", "3.5",
         "design.native_hair.stubble_mm is 3.5; it must be a number from 0 to 3"},
        {"grey", "/design/native_hair/grey_share", "-0.1",
         "design.native_hair.grey_share is -0.1; it must be a number from 0 to 1"},
        {"stage", "/design/preview/stage", "\"melted\"",
         "design.preview.stage is \"melted\"; it must be one of \"fresh\", \"healed\""},
        {"brush", "/design/brush/radius_mm", "-5.0", "design.brush.radius_mm is -5.0; it must be a number from 0.05 to 200"},
        {"type", "/design/brush/symmetry", "1234", "design.brush.symmetry is 1234; it must be true or false, not a number"},
        {"missing", "/design/brush", "{\"tool\": \"scar\"}", "design.brush.mode is missing"},
        {"client", "/design/consultation/client", "42", "design.consultation.client is 42; it must be a string, not a number"},
        {"island", "/design/hairline/settings/island_chance", "-2147483648",
         "design.hairline.settings.island_chance is -2147483648; it must be a number from 0 to 1"},
        {"seed", "/design/hairline/settings/seed", "\"one\"",
         "design.hairline.settings.seed is \"one\"; it must be a whole number from 0 to 4294967295, not a string"},
        {"point", "/design/hairline/frontotemporal", "3",
         "design.hairline.frontotemporal is 3; it must be a whole number from -1 to 2"},
        {"path", "/head/path", "17", "head.path is 17; it must be a string, not a number"},
        {"unit", "/head/millimetres_per_unit", "-10.0",
         "head.millimetres_per_unit is -10.0; it must be a number from 1e-06 to 1000000"},
        {"width", "/layers/0/width", "-1", "layers[0].width is -1; it must be a whole number from 1 to 16384"},
        {"height", "/layers/0/height", "9e5",
         "layers[0].height is 900000.0; it must be a whole number from 1 to 16384, not a fraction"},
        {"hash", "/head/content_hash", "\"0123456789abcdeg\"",
         "head.content_hash is \"0123456789abcdeg\"; it must be a hexadecimal number"},
        {"version", "/version", "\"1\"", "version is \"1\"; it must be a whole number from 1 to"},
    };
    for (const Case& c : cases) {
        const std::string name = std::string(c.name) + ".stipple";
        INFO(name);
        CHECK_THAT(damaged(name, c.pointer, c.value), Catch::Contains(name + ": " + c.field));
    }
}

TEST_CASE("a project without settings opens with the defaults", "[project]") {
    TempFolder folder;
    std::mt19937 random(8);
    Project project = randomProject(random);
    project.settings = DesignSettings{};
    project.settings.needlePreset = 2;
    const auto path = folder.path() / "old.stipple";
    writeProject(path, project);
    // Keep only the needle in "design", as version 1 files written before the settings were.
    ProjectParts parts = splitProject(readBytes(path));
    parts.header["design"] = {{"needle_preset", 2}};
    const Project loaded = readProject(folder.write("old.stipple", joinProject(parts)));
    CHECK(loaded.settings.needlePreset == 2);
    CHECK(loaded.settings.depthMm == kDefaultDepthMm);
    CHECK(loaded.settings.skinType == DesignSettings{}.skinType);
    CHECK_FALSE(loaded.settings.stage);
    CHECK_FALSE(loaded.settings.view);
    CHECK(loaded.settings.brush.radiusMm == DesignSettings{}.brush.radiusMm);
}

TEST_CASE("the head's path is stored relative to the project when it sits beside it", "[project]") {
    const std::filesystem::path project = "/clinic/clients/ana/design.stipple";
    CHECK(headPathForProject(project, "/clinic/clients/ana/head.glb") == "head.glb");
    CHECK(headPathForProject(project, "/clinic/heads/ana.obj") == "/clinic/heads/ana.obj");
    CHECK(resolveHeadPath(project, "head.glb") == std::filesystem::path("/clinic/clients/ana/head.glb"));
    CHECK(resolveHeadPath(project, "/clinic/heads/ana.obj") == std::filesystem::path("/clinic/heads/ana.obj"));
}

namespace {

// Runs `work` in a child process; returns its exit status (or 128 + signal).
int inChild(const std::function<int()>& work, const std::function<void(pid_t)>& whileRunning = {}) {
    const pid_t child = fork();
    if (child == 0) _exit(work());
    if (whileRunning) whileRunning(child);
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool onlyTheFile(const std::filesystem::path& folder) {
    return std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()) == 1;
}

}  // namespace

TEST_CASE("a save killed at any moment leaves the previous project whole", "[project]") {
    TempFolder folder;
    std::mt19937 random(11);
    const auto path = folder.path() / "design.stipple";
    const Project first = randomProject(random);
    writeProject(path, first);
    std::uniform_int_distribution<int> delayUs(0, 30000);
    for (int trial = 0; trial < 12; ++trial) {
        inChild(
            [&]() -> int {
                std::mt19937 childRandom{unsigned(trial)};
                for (;;) writeProject(path, randomProject(childRandom));  // saves until killed
            },
            [&](pid_t child) {
                usleep(useconds_t(delayUs(random)));
                kill(child, SIGKILL);
            });
        INFO("trial " << trial);
        // Whatever the moment, the file is a whole project: the first or one of the child's.
        REQUIRE_NOTHROW(readProject(path));
        CHECK(readProject(path).layers.size() == first.layers.size());
    }
}

TEST_CASE("a full disk fails the save with a clear error and leaves the previous file", "[project]") {
    TempFolder folder;
    std::mt19937 random(12);
    const auto path = folder.path() / "design.stipple";
    const Project previous = randomProject(random);
    writeProject(path, previous);
    const std::string before = readBytes(path);
    // The child may write files of at most 4 KiB: a disk that is full after 4 KiB.
    const int status = inChild([&] {
        signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{4096, 4096};
        setrlimit(RLIMIT_FSIZE, &limit);
        try {
            writeProject(path, randomProject(random));
        } catch (const InputError& e) {
            return std::string(e.what()).find("design.stipple") != std::string::npos ? 2 : 3;
        }
        return 0;
    });
    CHECK(status == 2);  // the save failed, naming the file
    CHECK(readBytes(path) == before);
    CHECK(onlyTheFile(folder.path()));  // no half-written temporary left behind
}

TEST_CASE("a read-only folder fails the save with a clear error and leaves the previous file", "[project]") {
    TempFolder folder;
    std::mt19937 random(14);
    const auto locked = folder.path() / "locked";
    std::filesystem::create_directories(locked);
    const auto path = locked / "design.stipple";
    writeProject(path, randomProject(random));
    const std::string before = readBytes(path);
    using std::filesystem::perms;
    std::filesystem::permissions(folder.path(), perms::owner_all | perms::group_read | perms::group_exec |
                                                    perms::others_read | perms::others_exec);
    std::filesystem::permissions(locked, perms::owner_read | perms::owner_exec | perms::group_read | perms::group_exec |
                                             perms::others_read | perms::others_exec);
    // Root writes through any permission: the save then runs as the unprivileged user "nobody".
    constexpr uid_t kNobody = 65534;
    const int status = inChild([&] {
        if (geteuid() == 0 && (setgid(kNobody) != 0 || setuid(kNobody) != 0)) return 4;
        try {
            writeProject(path, randomProject(random));
        } catch (const InputError& e) {
            return std::string(e.what()).find("design.stipple") != std::string::npos ? 2 : 3;
        }
        return 0;
    });
    std::filesystem::permissions(locked, perms::owner_all);
    CHECK(status == 2);  // the save failed, naming the file
    CHECK(readBytes(path) == before);
    CHECK(onlyTheFile(locked));  // nothing half-written beside it
}

TEST_CASE("header fields from a newer Stipple survive a load and a save", "[project]") {
    TempFolder folder;
    std::mt19937 random(13);
    Project project = randomProject(random);
    project.unknownFields = R"({"consultation": {"signed": true, "client": "A. N."}, "design": {"ink": "carbon-7"}})";
    const auto path = folder.path() / "newer.stipple";
    writeProject(path, project);
    const Project loaded = readProject(path);
    writeProject(path, loaded);  // saved again by a version that does not know the field
    const Project again = readProject(path);
    CHECK(again.unknownFields == loaded.unknownFields);
    CHECK_THAT(again.unknownFields, Catch::Contains("\"signed\":true") && Catch::Contains("A. N."));
    CHECK_THAT(again.unknownFields, Catch::Contains("carbon-7"));  // unknown fields inside "design" too
    CHECK(again.layers.size() == project.layers.size());
}

TEST_CASE("an embedded head travels inside the project, a hostile file name is refused", "[project]") {
    TempFolder folder;
    std::mt19937 random(14);
    Project project = randomProject(random);
    project.embeddedHead = EmbeddedHead{"client.obj", "v 0 0 0\n", "{}"};
    const auto path = folder.path() / "carried.stipple";
    writeProject(path, project);
    const Project loaded = readProject(path);
    REQUIRE(loaded.embeddedHead);
    CHECK(loaded.embeddedHead->fileName == "client.obj");
    CHECK(loaded.embeddedHead->mesh == "v 0 0 0\n");
    CHECK(loaded.embeddedHead->sidecar == "{}");

    // A name that would write outside the cache folder never gets in or out.
    project.embeddedHead->fileName = "../../evil.obj";
    CHECK_THROWS_AS(writeProject(folder.path() / "evil.stipple", project), InputError);
    std::string bytes = readBytes(path);
    const std::size_t at = bytes.find("\"client.obj\"");
    REQUIRE(at != std::string::npos);
    bytes.replace(at, 12, "\"../e/x.obj\"");  // same length keeps the header's size right
    CHECK_THAT(loadError(folder.write("hostile.stipple", bytes)), Catch::Contains("head.embedded.file_name is \"../e/x.obj\"; it must be a plain file name"));
    CHECK(isPlainFileName("head.glb"));
    CHECK_FALSE(isPlainFileName(".hidden"));
    CHECK_FALSE(isPlainFileName("a/b.obj"));
}

TEST_CASE("a project from before native hair opens with none", "[project]") {
    TempFolder folder;
    std::mt19937 random(15);
    const auto path = folder.path() / "older.stipple";
    writeProject(path, randomProject(random));
    // Take the native-hair layer out: its entry in the header and its block, the last one.
    ProjectParts parts = splitProject(readBytes(path));
    nlohmann::json& layers = parts.header.at("layers");
    REQUIRE(layers.back().at("kind") == "native-hair");
    parts.blocks.resize(parts.blocks.size() - layers.back().at("bytes").get<std::size_t>());
    layers.erase(layers.size() - 1);
    const Project loaded = readProject(folder.write("older.stipple", joinProject(parts)));
    REQUIRE(loaded.layers.size() == kLayerKinds.size());
    const Layer& hair = loaded.layers[std::size_t(LayerKind::NativeHair)];
    CHECK(hair.kind() == LayerKind::NativeHair);
    CHECK(std::all_of(hair.texels().begin(), hair.texels().end(), [](float v) { return v == 0.0f; }));
}
