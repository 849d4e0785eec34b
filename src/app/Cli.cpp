// [SECTION] Help texts
// [SECTION] Shared options
// [SECTION] Commands: info, render, open
// [SECTION] Command: export
// [SECTION] Command: sheet
// [SECTION] Command: optics
// [SECTION] Dispatch
#include "app/Cli.h"

#include "app/App.h"
#include "app/Arguments.h"
#include "app/DesignPictures.h"
#include "app/ExportJob.h"
#include "app/FitCommand.h"
#include "app/SheetJob.h"
#include "core/DotCalibration.h"
#include "core/DotOptics.h"
#include "core/Error.h"
#include "core/HairlineMask.h"
#include "core/HairlineTemplates.h"
#include "core/Needles.h"
#include "core/SeenFrom.h"
#include "core/SessionPlan.h"
#include "core/Lighting.h"
#include "core/Units.h"
#include "gpu/HeadlessContext.h"
#include "gpu/ScalpImpressions.h"
#include "io/CameraFile.h"
#include "io/LookFile.h"
#include "io/Workspace.h"
#include "io/WholeFile.h"
#include "io/ImageFile.h"
#include "io/Design.h"
#include "io/MeshLoader.h"
#include "io/StrokeScript.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace stipple {
namespace {

// [SECTION] Help texts

constexpr const char* kUsage =
    "Stipple: a scalp micropigmentation design studio.\n"
    "\n"
    "usage:\n"
    "  stipple [FILE]            open the app on FILE (a head mesh), or on the default head\n"
    "  stipple info [MESH]       print facts about a head mesh\n"
    "  stipple render [MESH] --view VIEW --size WxH --out FILE.png\n"
    "                            render the head headless (no X server needed)\n"
    "  stipple impressions [MESH|PROJECT] [--density N] --out FILE.csv\n"
    "                            list the impressions of a design\n"
    "  stipple paint [MESH|PROJECT] --strokes FILE.json --out PROJECT.stipple\n"
    "                            apply scripted brush strokes and write the project\n"
    "  stipple export PROJECT [PROJECT...] --out DIR [--size N] [--formats png,exr,glb,csv,html]\n"
    "                            write textures, the head as GLB and the impressions, or a\n"
    "                            page that shows the design on any tablet (html)\n"
    "  stipple sheet PROJECT --out FILE.pdf|FILE.png [--notes TEXT]\n"
    "                            a consultation sheet: five views before and after, the\n"
    "                            measurements, the sessions, notes and signature lines\n"
    "  stipple calibrate PHOTO --mm-per-px X --name NAME\n"
    "                            measure the dots of a close-up of healed work as a named look\n"
    "  stipple fit [PHOTO...] --landmarks FILE.json [--circumference CM] --out PROJECT.stipple\n"
    "                            the client's own head from a few photos, as a project\n"
    "  stipple optics --skin 1..6 --diameter MM --depth MM [--column MM] [--density N]\n"
    "                            the skin-optics reference: how skin shows one pigment deposit\n"
    "  stipple bench             print the benchmark figures\n"
    "  stipple COMMAND --help    details of one command\n"
    "\n"
    "Exit codes: 0 success, 2 bad input or usage, 1 internal failure.\n";

// The lists of names come from the choice tables (core/Choice.h); an option's text wraps at 92
// columns under its own start.
std::string option(const std::string& head, const std::string& text) {
    constexpr std::size_t kWidth = 92;
    std::string out = head, word;
    std::size_t column = head.size();
    const auto put = [&] {
        if (word.empty()) return;
        const bool first = column == head.size();
        if (!first && column + 1 + word.size() > kWidth) {
            out += "\n" + std::string(head.size(), ' ');
            column = head.size();
        } else if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        word.clear();
    };
    for (const char c : text) {
        if (c == ' ') put();
        else word += c;
    }
    put();
    return out + "\n";
}

const std::string kUnitsOption = "[--units " + choiceNames(kUnitChoices, "|", "|") + "|FACTOR]";

std::string infoHelp() {
    return "usage: stipple info [MESH|PROJECT] " + kUnitsOption + "\n"
    "\n"
    "Prints key: value lines about MESH, or a PROJECT's head (the default head without either):\n"
    "vertices, triangles, has_uvs, size_mm (W x H x D in model space), scalp_area_cm2 (3D\n"
    "surface), units, and where the scalp region came from (metadata or estimated).\n";
}

std::string renderHelp() {
    return "usage: stipple render [MESH|PROJECT] [--view VIEW] [--size WxH] --out FILE.png\n"
    "                      [--density N] [--needle 0..4] [--close-up] [--look-at X,Y,Z]\n"
    "                      [--distance MM] [--stage STAGE [--depth MM]] [--light LIGHT]\n"
    "                      [--session N [--alone]] [--before] [--stubble MM] [--grey PERCENT]\n"
    "                      [--seen-from M | --life-size --dpi N] [--camera-out FILE.json]\n"
    "                      [--skin 1..6] [--scalp-overlay] [--overlay LAYER]\n"
    "                      " + kUnitsOption + "\n"
    "\n"
    "Renders a design headless through EGL and writes a PNG: a PROJECT with its painted layers,\n"
    "or MESH (the default head without one) with a fresh design.\n"
    + option("  --view           ", choiceNames(kViewChoices, ", ", " or ") + " (default front)") +
    "  --size           picture size (default 1280x800)\n"
    "  --density        one density everywhere, impressions per cm2 (0 shows bare skin)\n"
    "  --needle         needle preset: 0 1RL 0.18, 1 1RL 0.20 (default), 2 1RL 0.25,\n"
    "                   3 1RL 0.30, 4 3RL 0.25 mm\n"
    "  --close-up       look at the skin from 30 mm above the vertex, to see single dots\n"
    + option("  --stage          ", "show the impressions as they look " + choiceNames(kStageChoices, ", ", " or ") +
             " (docs/smp-model.md)") +
    "  --depth MM       how deep the pigment sits, 0.3..2 mm: deeper is wider and cooler;\n"
    "                   default: the project's, else 0.5\n"
    + option("  --light          ", choiceNames(kLightingChoices, ", ", " or ", lightingName(PictureLook{}.lighting))) +
    "  --session N      the skin after session N of 3 (30 %, 70 %, 100 % of the density)\n"
    "  --alone          with --session: only what session N itself adds\n"
    "  --before         the scalp as it is: the client's own stubble, no impressions\n"
    "  --stubble MM     the client's hair shaved to this length, 0..3 mm (0: freshly shaved;\n"
    "                   default: the project's, else 0), where native hair is painted\n"
    "  --grey PERCENT   the share of the client's hairs that are grey, 0..100\n"
    "  --look-at X,Y,Z  aim the camera at this point (model space, mm), from the view's side\n"
    "  --distance MM    the camera's distance from what it looks at\n"
    "  --seen-from M    as an eye sees it from M metres (0.25..5): the camera there, the picture\n"
    "                   rendered 3x larger and filtered by the eye's 1 arcmin point-spread\n"
    "                   function (docs/seen-from.md)\n"
    "  --life-size      1:1 at the skin in the picture's centre, on a display of --dpi N pixels\n"
    "                   per inch (50..800)\n"
    "  --camera-out F   write the camera as JSON, with mm_per_px where the view meets the skin\n"
    "                   square on (docs/seen-from.md)\n"
    "  --skin           Fitzpatrick skin type 1..6 (default: the project's, else 3)\n"
    "  --scalp-overlay  tint the scalp region\n"
    + option("  --overlay        ", "show a layer as colour: " + choiceNames(kOverlayChoices, ", ", " or ", {}, 1)) +
    "  --units          the mesh's unit, overriding detection from the head's size\n";
}

std::string impressionsHelp() {
    return
    "usage: stipple impressions [MESH|PROJECT] [--density N] [--needle 0..4] --out FILE.csv\n"
    "\n"
    "Scatters the impressions of a design on the GPU, headless, and writes one row per\n"
    "impression: id,x_mm,y_mm,z_mm,u,v,diameter_mm,shade (model space, millimetres).\n"
    "A PROJECT brings its painted layers; a MESH (the default head without one) starts a fresh\n"
    "design at 80 per cm2. --density sets one density everywhere (impressions per cm2).\n";
}

std::string paintHelp() {
    return "usage: stipple paint [MESH|PROJECT] [--template NAME [--style STYLE]] [--strokes FILE.json]\n"
    "                     [--client NAME] [--practitioner NAME] [--date DATE] [--embed-head]\n"
    "                     --out PROJECT.stipple\n"
    "\n"
    "Designs headless and writes the project. Without PROJECT it starts a fresh design on MESH\n"
    "(the default head without MESH).\n"
    "  --template  a hairline template placed from the head's landmarks (docs/hairline.md):\n"
    "              " + std::string(kTemplateNamesSummary) + "\n"
    + option("  --style     ", "the hairline's edge: " + choiceNames(kHairlineStyleChoices, ", ", " or ", "soft")) +
    "  --strokes   brush strokes from a JSON file (docs/strokes.md), applied after the template;\n"
    "              points are model-space millimetres, snapped to the skin\n"
    "  --client, --practitioner, --date  who the design is for and by, and when it was agreed\n"
    "              (plain text, printed on the shared page)\n"
    "  --embed-head  carry the head inside the project, so it travels as one file\n";
}

std::string exportHelp() {
    return
    "usage: stipple export PROJECT [PROJECT...] --out DIR [--size N] [--formats LIST] [--16bit]\n"
    "\n"
    "Exports each design headless, in one GL context, into DIR as NAME-KIND.EXT, NAME being the\n"
    "project's file name without its extension (docs/export.md):\n"
    "  png  NAME-albedo.png (skin with the pigment), NAME-coverage.png (ink, alpha = coverage),\n"
    "       NAME-guide.png (density zones and the hairline contour), all in UV space\n"
    "  exr  NAME-density.exr (float, impressions per cm2, at the density layer's resolution)\n"
    "  glb  NAME.glb (the head in metres with the albedo as its base colour texture)\n"
    "  csv  NAME-impressions.csv (as `stipple impressions` writes it)\n"
    "  html NAME/index.html and the files beside it: the design on a web page that opens from\n"
    "       the file system on any tablet or phone, no network, no install (docs/share-page.md);\n"
    "       before and after, the stages, sessions and lights, the sheet's figures. Its textures\n"
    "       are JPEG, the default stage's at --size, the others at half of it\n"
    "  --size     texture size, 1024..8192 (16384 where GL allows; default 4096)\n"
    "  --formats  comma-separated subset of png,exr,glb,csv,html (default png,exr,glb,csv)\n"
    "  --16bit    write the albedo with 16 bits a channel\n"
    "The skin is the mesh's own texture, else Fitzpatrick III (projects hold no skin tone yet).\n";
}

std::string sheetHelp() {
    return "usage: stipple sheet PROJECT --out FILE.pdf|FILE.png [--notes TEXT] [--stage STAGE [--depth MM]]\n"
    "                     [--light LIGHT] [--skin 1..6] [--seen-from M] " + kUnitsOption + "\n"
    "\n"
    "Writes a one-page A4 consultation sheet of a design, headless (docs/sheet.md): the front,\n"
    "left, right, top and back views before (no impressions) and after, the hairline's\n"
    "measurements, the designed area and impression count, the sessions with their impressions,\n"
    "area and hours, the look the pictures show, a notes box and signature lines with dates for\n"
    "the client and the practitioner. The extension picks the format: .pdf (vector, the pictures\n"
    "embedded) or .png (150 dpi, 1240x1754). PROJECT may also be a head mesh (a fresh design).\n"
    "  --notes  text for the notes box (default: empty lines to write on)\n"
    + option("  --stage  ", "how the \"after\" row shows the impressions: " +
             choiceNames(kStageChoices, ", ", " or ", stageName(SmpStage::Healed)) + "; --depth MM as in `stipple render`")
    + option("  --light  ", choiceNames(kLightingChoices, ", ", " or ", lightingName(PictureLook{}.lighting))) +
    "  --skin   Fitzpatrick skin type for the skin colour (default 3)\n"
    "  --seen-from M  the pictures as an eye sees the head from M metres, 0.25..5 (default 1;\n"
    "           0: as the camera sees it; docs/seen-from.md)\n";
}

std::string calibrateHelp() {
    return "usage: stipple calibrate PHOTO --mm-per-px X --name NAME [--out FILE.json]\n"
    "\n"
    "Measures the dots of a close-up photo of your own healed work (PNG or JPEG, filled with\n"
    "scalp, X mm a pixel: measure it on a ruler in the photo, or take it from a render's\n"
    "--camera-out) and saves them as the look NAME (docs/calibration.md). Prints key: value\n"
    "lines: dots, density_per_cm2, apparent_diameter_mm (full width at half contrast),\n"
    "peak_contrast_rgb, ink_linear_rgb, skin_linear_rgb and where the look was saved.\n"
    "  --out  where to write the look (default: the workspace's looks/NAME.json)\n";
}


std::string opticsHelp() {
    return "usage: stipple optics --skin 1..6 --diameter MM --depth MM [--column MM] [--opacity A]\n"
           "                      [--density N] [--photons N] [--seed N] [--threads N]\n"
           "       stipple optics --table DIR [--skin 1..6] [--photons N] [--seed N] [--threads N]\n"
           "       stipple optics --fit DIR --out FILE.inc\n"
           "\n"
           "The skin-optics reference (docs/skin-optics.md): Monte Carlo photon transport in skin of\n"
           "Fitzpatrick type 1-6 with one carbon-black deposit, at 620, 550 and 470 nm for R, G and B.\n"
           "Diffuse light, seen from straight above. Prints key: value lines; R G B triples are linear.\n"
           "  --skin      Fitzpatrick type, 1..6\n"
           "  --diameter  the deposit's diameter, 0.02..2 mm\n"
           "  --depth     depth of its bottom (the needle's tip), 0.1..3 mm\n"
           "  --column    its length up the needle track, 0..3 mm (default 0: a sphere on the tip)\n"
           "  --opacity   share of light it absorbs along its diameter, 0.01..1 (default 1: black)\n"
           "  --density   deposits per cm^2 in the field whose drop is measured (default 100; 1..2500)\n"
           "  --photons   photon packets per channel (default 200000; 1000..100000000)\n"
           "  --seed      the random seed (default 1): the same seed gives the same numbers\n"
           "  --threads   worker threads (default: all cores; the numbers do not depend on it)\n"
           "\n"
           "bare_rgb: diffuse reflectance of the bare skin. peak_contrast_rgb: 1 - R / bare on the\n"
           "deposit's axis. fwhm_mm: full width at half that contrast, of the luminance (fwhm_rgb_mm\n"
           "per channel). dot_rgb: the reflectance on the axis. blue_shift: the axis's blue over red,\n"
           "over the skin's (above 1: bluer than the skin). shadow_red_over_blue: the shadow's hue,\n"
           "its red contrast over its blue (rises with depth). deficit_area_mm2_rgb: the contrast\n"
           "summed over the skin. drop_rgb: the field's relative reflectance drop (a square lattice).\n"
           "profile_*: the contrast by radius.\n"
           "\n"
           "--table writes the reference's table, DIR/deposits.csv and DIR/profiles.csv: every skin\n"
           "type (or --skin's), the default needle at every stage and depth, the other needles fresh\n"
           "and healed at 0.5 mm, as the stages' deposits (core/DotOptics.h);\n"
           "tools/make-optics-tables.sh makes assets/optics from it.\n"
           "--fit DIR --out FILE.inc fits the real-time dot to DIR's tables (src/core/OpticsFit.inc).\n";
}

std::string openHelp() {
    return "usage: stipple [FILE] " + kUnitsOption + " [--screenshot FILE.png] [--autosave SECONDS]\n"
    "\n"
    "Opens the Stipple window on FILE, or on the default head.\n"
    "  --screenshot  draw a few frames, save the window as a PNG and quit (for docs and scripts)\n"
    "  --autosave    how often unsaved work is copied for crash recovery (default 60 s)\n";
}

bool wantsHelp(int argc, char** argv, int first) {
    for (int i = first; i < argc; ++i)
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) return true;
    return false;
}

// [SECTION] Shared options

LoadOptions loadOptionsFrom(const Arguments& args) {
    LoadOptions options;
    if (const auto units = args.value("--units")) {
        if (const Choice<float>* unit = findChoice(kUnitChoices, *units)) options.millimetresPerUnit = unit->value;
        else options.millimetresPerUnit = float(parseNumber("--units", *units, 1e-6, 1e6));
    }
    return options;
}

std::string meshPathFrom(const Arguments& args) {
    if (args.positional().size() > 1) throw InputError("more than one file given: " + args.positional()[1]);
    return args.positional().empty() ? defaultHeadPath().string() : args.positional()[0];
}

// The design a command works on: a project, or a fresh design on a mesh. --density replaces
// the density layer with one value everywhere (the hairline mask still applies); --needle
// replaces the needle.
Design designFrom(const Arguments& args) {
    Design design = openDesign(meshPathFrom(args), loadOptionsFrom(args));
    if (const auto density = args.value("--density")) {
        const float value = float(parseNumber("--density", *density, 0.0, PoolParams{}.maxDensityPerCm2));
        for (float& texel : design.layers->layer(LayerKind::Density).texels()) texel = value;
    }
    if (const auto needle = args.value("--needle"))
        design.settings.needlePreset = int(parseNumber("--needle", *needle, 0, double(std::size(kNeedlePresets) - 1)));
    return design;
}

// --stage, --depth, --skin, --light, --stubble and --grey: how `render` and `sheet` show the
// design. The skin, the depth and the hair are the client's and the plan's: they come from the
// project unless given here.
PictureLook pictureLookFrom(const Arguments& args, DesignSettings& settings) {
    PictureLook look;
    if (const auto skin = args.value("--skin")) settings.skinType = int(parseNumber("--skin", *skin, 1, 6));
    if (const auto depth = args.value("--depth"))
        settings.depthMm = float(parseNumber("--depth", *depth, kMinDepthMm, kMaxDepthMm));
    if (const auto light = args.value("--light")) look.lighting = parseChoice(kLightingChoices, *light, "light").value;
    if (const auto stage = args.value("--stage")) look.stage = parseChoice(kStageChoices, *stage, "stage").value;
    if (const auto stubble = args.value("--stubble")) {
        settings.stubbleMm = float(parseNumber("--stubble", *stubble, 0.0, kMaxStubbleMm));
        settings.longHair = false;
    }
    if (const auto grey = args.value("--grey")) settings.greyHairShare = float(parseNumber("--grey", *grey, 0.0, 100.0)) / 100.0f;
    return look;
}

// [SECTION] Commands: info, render, open

int runInfo(int argc, char** argv) {
    const Arguments args(argc, argv, 2, {"--units"}, {});
    const std::string path = meshPathFrom(args);
    const Design design = openDesign(path, loadOptionsFrom(args));
    const HeadMesh& mesh = design.mesh;
    const LoadReport& report = design.loadReport;
    const glm::vec3 size = computeBounds(mesh.positions).size();
    if (looksLikeProject(path)) std::printf("project: %s\n", path.c_str());
    std::printf("file: %s\n", mesh.sourcePath.c_str());
    std::printf("vertices: %zu\n", mesh.vertexCount());
    std::printf("triangles: %zu\n", mesh.triangleCount());
    std::printf("has_uvs: %s\n", mesh.hasUvs() ? "yes" : "no");
    std::printf("size_mm: %.1f x %.1f x %.1f\n", size.x, size.y, size.z);
    std::printf("units: %s (%s)\n", unitName(report.millimetresPerUnit), report.unitsDetected ? "detected" : "given");
    std::printf("scalp_area_cm2: %.1f\n", scalpAreaCm2(mesh));
    std::printf("scalp_region: %s\n", report.metadataFound ? "metadata" : "estimated");
    std::printf("has_albedo_texture: %s\n", mesh.albedo.empty() ? "no" : "yes");
    return 0;
}

int runRender(int argc, char** argv) {
    const Arguments args(argc, argv, 2,
                         {"--view", "--size", "--out", "--skin", "--units", "--density", "--needle", "--overlay",
                          "--look-at", "--distance", "--stage", "--depth", "--light", "--session", "--seen-from",
                          "--dpi", "--camera-out", "--stubble", "--grey"},
                         {"--scalp-overlay", "--close-up", "--before", "--alone", "--life-size"});
    const auto out = args.value("--out");
    if (!out) throw InputError("render needs --out FILE.png");
    const std::string viewName = args.value("--view").value_or("front");
    const StandardView view = parseChoice(kViewChoices, viewName, "view").value;
    const auto [width, height] = parseSize(args.value("--size").value_or("1280x800"));
    // Read the design before making a context: a bad file then fails fast, with no GL noise.
    Design design = designFrom(args);
    const PictureLook look = pictureLookFrom(args, design.settings);
    std::optional<LayerOverlay> overlay;
    if (const auto name = args.value("--overlay")) overlay = parseChoice(kOverlayChoices, *name, "overlay").value;

    const SessionPlan plan = defaultSessionPlan();
    int session = 0;
    if (const auto value = args.value("--session")) session = int(parseNumber("--session", *value, 1, plan.count()));
    if (args.flag("--alone") && session == 0) throw InputError("--alone needs --session N");
    std::optional<float> seenFromMetres, lifeSizeDpi;
    if (const auto metres = args.value("--seen-from"))
        seenFromMetres = float(parseNumber("--seen-from", *metres, kSeenFromMinMetres, kSeenFromMaxMetres));
    if (args.flag("--life-size")) {
        const auto dpi = args.value("--dpi");
        if (!dpi) throw InputError("--life-size needs --dpi N, the display's pixels per inch (the app's View > Life size measures it with a card)");
        lifeSizeDpi = float(parseNumber("--dpi", *dpi, kMinDisplayDpi, kMaxDisplayDpi));
    } else if (args.value("--dpi")) {
        throw InputError("--dpi goes with --life-size");
    }
    if (seenFromMetres && lifeSizeDpi)
        throw InputError("--seen-from and --life-size exclude each other: a life-size picture is seen from wherever the viewer stands");
    if (seenFromMetres && args.value("--distance"))
        throw InputError("--seen-from sets the camera's distance; leave out --distance");
    const HeadMesh& mesh = design.mesh;
    HeadlessContext context;
    // Before: the client's scalp as it is today, their own stubble without the impressions.
    DesignPictures pictures(design, look, !args.flag("--before"));
    // Sessions are nested by rank: the skin after session k, or what session k itself adds.
    if (session > 0) pictures.showSession(plan, session, args.flag("--alone") ? SessionView::Alone : SessionView::SoFar);
    ShadingSettings settings = pictures.shading();
    settings.showScalpOverlay = args.flag("--scalp-overlay");
    if (overlay) settings.overlay = *overlay;
    OrbitCamera camera =
        args.flag("--close-up") ? closeUpCamera(mesh) : cameraForView(mesh, view, float(width) / float(height));
    if (const auto lookAt = args.value("--look-at")) {
        // Three finite coordinates within a metre or so of the head; "nan" or "1,2" is refused.
        constexpr double kReachMm = 2000.0;
        glm::vec3 target;
        std::size_t start = 0;
        for (int axis = 0; axis < 3; ++axis) {
            const std::size_t comma = lookAt->find(',', start);
            if ((axis < 2) != (comma != std::string::npos))
                throw InputError("option --look-at: '" + *lookAt + "' is not X,Y,Z in mm");
            const std::string coordinate = lookAt->substr(start, axis < 2 ? comma - start : std::string::npos);
            target[axis] = float(parseNumber("--look-at", coordinate, -kReachMm, kReachMm));
            start = comma + 1;
        }
        camera.target = target;
    }
    if (const auto distance = args.value("--distance"))
        camera.distance = float(parseNumber("--distance", *distance, 5.0, 5000.0));
    std::string seenAs;
    Image picture;
    // The head's triangles for rays, built once: life-size and --camera-out both ask where the
    // line of sight meets the skin.
    std::optional<MeshRaycaster> raycaster;
    const auto head = [&]() -> const MeshRaycaster& {
        if (!raycaster) raycaster.emplace(mesh);
        return *raycaster;
    };
    if (seenFromMetres) {
        picture = pictures.renderSeenFrom(camera, *seenFromMetres, width, height, settings, false, &camera);
        char text[96];
        std::snprintf(text, sizeof text, ", seen from %g m: %.2f arcmin a pixel", double(*seenFromMetres),
                      double(arcminutesPerPixel(camera, height)));
        seenAs = text;
    } else if (lifeSizeDpi) {
        camera = lifeSizeCamera(camera, height, *lifeSizeDpi, skinDepthAtTarget(head(), camera));
        picture = pictures.render(camera, width, height, settings);
        seenAs = ", life-size at " + std::to_string(int(std::lround(*lifeSizeDpi))) + " dpi";
    } else {
        picture = pictures.render(camera, width, height, settings);
    }
    writePng(*out, picture);
    if (const auto cameraOut = args.value("--camera-out"))
        writeCameraFile(*cameraOut, {camera, width, height,
                                     squareOnMmPerPixel(head(), camera, height, kSquareOnDegrees)});
    std::printf("wrote %s (%dx%d, %s%s, %u impressions)\n", out->c_str(), width, height,
                args.flag("--close-up") ? "close-up" : (viewName + " view").c_str(), seenAs.c_str(),
                pictures.impressions() ? pictures.impressions()->impressionCount() : 0u);
    return 0;
}

int runImpressions(int argc, char** argv) {
    const Arguments args(argc, argv, 2, {"--out", "--density", "--needle", "--units"}, {});
    const auto out = args.value("--out");
    if (!out) throw InputError("impressions needs --out FILE.csv");
    const Design design = designFrom(args);
    HeadlessContext context;
    const std::unique_ptr<DesignScene> scene = sceneFor(design, fixedStage(std::nullopt));
    const auto [csv, rows] = impressionsCsv(scene->impressions());
    writeFileAtomically(*out, csv);
    std::printf("wrote %s (%zu impressions)\n", out->c_str(), rows);
    return 0;
}

// A template from the head's landmarks, put into the design: its hairline mask in the style
// `styleName` (the curve kept for later editing), and its density strokes.
void applyTemplate(Design& design, const std::string& name, const std::string& styleName) {
    const HairlineStyle style = parseChoice(kHairlineStyleChoices, styleName, "hairline style").value;
    const TemplateChoice& choice = parseChoice(kTemplateChoices, name, "template");
    LayerSet& layers = *design.layers;
    const TemplatePlacement placement = placeTemplate(SurfaceProjector(design.mesh), choice);
    if (placement.curve) {
        const HairlineCurve& curve = *placement.curve;
        HairlineDesign hairline;
        for (const SkinPoint& point : curve.leftHalf()) hairline.leftHalf.push_back(point.position);
        hairline.frontotemporal = curve.frontotemporalIndex();
        hairline.settings = hairlineStyle(style);
        writeHairlineMask(layers.layer(LayerKind::Hairline), layers.atlas(LayerKind::Hairline), curve, hairline.settings);
        design.hairline = hairline;
    }
    for (const TemplateStroke& stroke : placement.strokes) paintStroke(layers, stroke.brush, stroke.points);
}

int runPaint(int argc, char** argv) {
    const Arguments args(argc, argv, 2,
                         {"--strokes", "--out", "--units", "--template", "--style", "--client", "--practitioner", "--date"},
                         {"--embed-head"});
    const auto strokes = args.value("--strokes");
    const auto templateName = args.value("--template");
    const auto out = args.value("--out");
    const bool namesOnly = args.value("--client") || args.value("--practitioner") || args.value("--date");
    if ((!strokes && !templateName && !namesOnly) || !out)
        throw InputError("paint needs --strokes FILE.json, --template NAME or --client/--practitioner/--date, and --out PROJECT.stipple");
    Design design = designFrom(args);
    if (args.flag("--embed-head")) design.embedHead = true;
    ConsultationDetails& consultation = design.settings.consultation;
    consultation.client = args.value("--client").value_or(consultation.client);
    consultation.practitioner = args.value("--practitioner").value_or(consultation.practitioner);
    consultation.date = args.value("--date").value_or(consultation.date);
    if (templateName) applyTemplate(design, *templateName, args.value("--style").value_or("soft"));
    std::size_t strokeCount = 0;
    if (strokes) {
        const std::vector<ScriptedStroke> script = readStrokeScript(*strokes, design.mesh);
        for (const ScriptedStroke& stroke : script) paintStroke(*design.layers, stroke.brush, stroke.pointsMm);
        strokeCount = script.size();
    }
    writeProject(*out, projectFor(design, *out));
    std::printf("wrote %s (%s%zu strokes on %s)\n", out->c_str(), templateName ? (*templateName + " and ").c_str() : "",
                strokeCount, design.mesh.sourcePath.c_str());
    return 0;
}

int runOpen(int argc, char** argv) {
    const Arguments args(argc, argv, 1, {"--units", "--screenshot", "--autosave"}, {});
    if (args.positional().size() > 1) throw InputError("more than one file given: " + args.positional()[1]);
    AppOptions options;
    options.load = loadOptionsFrom(args);
    options.screenshot = args.value("--screenshot");
    if (const auto seconds = args.value("--autosave")) options.autosaveSeconds = parseNumber("--autosave", *seconds, 1, 3600);
    // Enough frames for ImGui to lay its windows out before the picture is taken.
    if (options.screenshot) options.exitAfterFrames = 8;
    if (!args.positional().empty()) options.file = args.positional()[0];
    return runApp(options);
}

// [SECTION] Command: export

int runExport(int argc, char** argv) {
    const Arguments args(argc, argv, 2, {"--out", "--size", "--formats", "--units"}, {"--16bit"});
    const auto out = args.value("--out");
    if (!out || args.positional().empty()) throw InputError("export needs PROJECT [PROJECT...] and --out DIR");
    // Above 8192 the bake itself says whether this GL can hold the map.
    const int size = int(parseNumber("--size", args.value("--size").value_or("4096"), 1024, 16384));
    const ExportFormats formats = args.value("--formats") ? parseExportFormats(*args.value("--formats")) : ExportFormats{};
    const std::filesystem::path folder(*out);
    // Every design is read before GL starts: a bad file fails fast and exports nothing.
    std::vector<Design> designs;
    std::vector<std::string> names;
    for (const std::string& path : args.positional()) {
        names.push_back(std::filesystem::path(path).stem().string());
        if (std::count(names.begin(), names.end(), names.back()) > 1)
            throw InputError("two designs would both export as '" + names.back() + "' in " + folder.string());
        designs.push_back(openDesign(path, loadOptionsFrom(args)));
    }
    HeadlessContext context;
    for (std::size_t i = 0; i < designs.size(); ++i) {
        ExportJob job(designs[i], names[i], folder, size, formats, args.flag("--16bit"));
        while (!job.done()) job.runNextStep();
        if (formats.png || formats.exr || formats.glb || formats.csv)
            std::printf("exported %s to %s-* (%dx%d)\n", args.positional()[i].c_str(), (folder / names[i]).string().c_str(),
                        size, size);
        if (formats.html)
            std::printf("exported %s as a page: %s\n", args.positional()[i].c_str(),
                        (ExportJob::pageFolder(folder, names[i]) / "index.html").string().c_str());
    }
    return 0;
}

// [SECTION] Command: sheet

int runCalibrate(int argc, char** argv) {
    const Arguments args(argc, argv, 2, {"--mm-per-px", "--name", "--out"}, {});
    if (args.positional().size() != 1) throw InputError("calibrate needs one PHOTO");
    const auto scale = args.value("--mm-per-px");
    const auto name = args.value("--name");
    if (!scale || !name) throw InputError("calibrate needs --mm-per-px X and --name NAME");
    const float mmPerPixel = float(parseNumber("--mm-per-px", *scale, kMinCalibrationMmPerPixel, kMaxCalibrationMmPerPixel));
    const CalibratedLook look = calibrateFromPhoto(args.positional()[0], mmPerPixel, *name);
    const std::filesystem::path out = args.value("--out").value_or(Workspace().lookPath(look.name).string());
    writeLookFile(out, look);
    const DotMeasurement& m = look.measurement;
    std::printf("dots: %zu\n", m.dots.size());
    std::printf("density_per_cm2: %.1f\n", double(m.densityPerCm2));
    std::printf("apparent_diameter_mm: %.3f\n", double(m.apparentDiameterMm));
    std::printf("peak_contrast_rgb: %.3f %.3f %.3f\n", double(m.peakContrast.x), double(m.peakContrast.y), double(m.peakContrast.z));
    std::printf("ink_linear_rgb: %.4f %.4f %.4f\n", double(m.inkLinear.x), double(m.inkLinear.y), double(m.inkLinear.z));
    std::printf("skin_linear_rgb: %.4f %.4f %.4f\n", double(m.skinLinear.x), double(m.skinLinear.y), double(m.skinLinear.z));
    std::printf("look: %s\n", out.string().c_str());
    return 0;
}

int runSheet(int argc, char** argv) {
    const Arguments args(argc, argv, 2,
                         {"--out", "--notes", "--stage", "--depth", "--light", "--skin", "--units", "--seen-from"}, {});
    const auto out = args.value("--out");
    if (!out || args.positional().empty()) throw InputError("sheet needs PROJECT and --out FILE.pdf|FILE.png");
    if (args.positional().size() > 1) throw InputError("more than one file given: " + args.positional()[1]);
    const std::string& path = args.positional()[0];
    SheetOptions options;
    options.projectName = std::filesystem::path(path).stem().string();
    options.notes = args.value("--notes").value_or("");
    Design design = openDesign(path, loadOptionsFrom(args));
    options.look = pictureLookFrom(args, design.settings);
    if (!options.look.stage) options.look.stage = SmpStage::Healed;
    if (const auto metres = args.value("--seen-from")) {
        options.seenFromMetres = float(parseNumber("--seen-from", *metres, 0.0, kSeenFromMaxMetres));
        if (options.seenFromMetres > 0.0f && options.seenFromMetres < kSeenFromMinMetres)
            throw InputError("option --seen-from: " + *metres + " m is nearer than " + std::to_string(kSeenFromMinMetres) +
                             "; 0 shows the camera's view");
    }
    SheetJob job(design, *out, options);  // a bad extension fails here, before GL starts
    HeadlessContext context;
    while (!job.done()) job.runNextStep();
    std::printf("wrote %s (consultation sheet of %s, A4)\n", out->c_str(), path.c_str());
    return 0;
}

// [SECTION] Dispatch


// [SECTION] Command: optics

OpticsQuery opticsRunFrom(const Arguments& args) {
    OpticsQuery query;
    query.photons = std::int64_t(parseNumber("--photons", args.value("--photons").value_or("200000"), 1000, 1e8));
    query.seed = std::uint64_t(parseNumber("--seed", args.value("--seed").value_or("1"), 0, 1e15));
    query.threads = int(parseNumber("--threads", args.value("--threads").value_or("0"), 0, 256));
    return query;
}

// Into `dir`: deposits.csv, one row per skin type and table entry, the deposit and what the
// reference says of it; profiles.csv, each row's contrast by radius, per channel.
int writeOpticsTable(const Arguments& args, const std::string& dir) {
    for (const char* option : {"--diameter", "--depth", "--column", "--opacity", "--density"})
        if (args.value(option)) throw InputError(std::string("option ") + option + " does not go with --table");
    int firstSkin = 1, lastSkin = 6;
    if (const auto skin = args.value("--skin")) firstSkin = lastSkin = int(parseNumber("--skin", *skin, 1, 6));
    OpticsQuery query = opticsRunFrom(args);
    query.densityPerCm2 = kOpticsTableDensity;
    std::string csv =
        "skin,needle,stage,depth_mm,deposit_mm,column_mm,opacity,bare_r,bare_g,bare_b,peak_r,peak_g,peak_b,"
        "peak_se_g,fwhm_mm,fwhm_r_mm,fwhm_g_mm,fwhm_b_mm,area_r_mm2,area_g_mm2,area_b_mm2,drop_r,drop_g,drop_b\n";
    std::string profiles = "skin,needle,stage,depth_mm,channel";
    for (double r : opticsProfileRadii()) profiles += "," + std::to_string(r).substr(0, 4);
    profiles += "\n";
    char line[512];
    for (int skin = firstSkin; skin <= lastSkin; ++skin) {
        query.fitzpatrickType = skin;
        const std::vector<OpticsTableEntry> entries = opticsTableEntries(skin);
        std::vector<Deposit> deposits;
        for (const OpticsTableEntry& entry : entries) deposits.push_back(entry.deposit);
        const std::vector<OpticsResult> results = simulateOptics(query, deposits);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const OpticsTableEntry& e = entries[i];
            const OpticsResult& r = results[i];
            std::snprintf(line, sizeof line,
                          "%d,%s,%s,%.2f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.5f,"
                          "%.5f,%.5f,%.4f,%.4f,%.4f\n",
                          skin, kNeedlePresets[e.needlePreset].name, stageName(e.stage), double(e.depthMm),
                          e.deposit.diameterMm, e.deposit.columnMm, e.deposit.opacity, r.bare[0], r.bare[1], r.bare[2],
                          r.peakContrast[0], r.peakContrast[1], r.peakContrast[2], r.peakStandardError[1], r.fwhmMm,
                          r.fwhmRgbMm[0], r.fwhmRgbMm[1], r.fwhmRgbMm[2], r.deficitAreaMm2[0], r.deficitAreaMm2[1],
                          r.deficitAreaMm2[2], r.drop[0], r.drop[1], r.drop[2]);
            csv += line;
            for (std::size_t c = 0; c < 3; ++c) {
                profiles += std::to_string(skin) + "," + kNeedlePresets[e.needlePreset].name + "," + stageName(e.stage) +
                            "," + std::to_string(e.depthMm).substr(0, 4) + "," + "rgb"[c];
                for (const Rgb& contrast : r.contrast) {
                    std::snprintf(line, sizeof line, ",%.5f", contrast[c]);
                    profiles += line;
                }
                profiles += "\n";
            }
        }
        std::fprintf(stderr, "skin type %d: %zu deposits\n", skin, entries.size());
    }
    std::filesystem::create_directories(dir);
    const std::string depositsPath = (std::filesystem::path(dir) / "deposits.csv").string();
    writeFileAtomically(depositsPath, csv);
    writeFileAtomically(std::filesystem::path(dir) / "profiles.csv", profiles);
    std::printf("wrote %s and profiles.csv (%lld photons per channel and skin type, seed %llu)\n", depositsPath.c_str(),
                static_cast<long long>(query.photons), static_cast<unsigned long long>(query.seed));
    return 0;
}

// The stage as the C++ enumerator that OpticsFit.inc names.
const char* smpStageEnumName(SmpStage stage) {
    switch (stage) {
        case SmpStage::Fresh: return "Fresh";
        case SmpStage::Healed: return "Healed";
        case SmpStage::Aged1y: return "Aged1y";
        case SmpStage::Aged3y: return "Aged3y";
        case SmpStage::Aged5y: return "Aged5y";
        case SmpStage::Aged10y: return "Aged10y";
    }
    return "Fresh";
}

// A CSV file of the table as rows of named fields.
std::vector<std::map<std::string, std::string>> readCsv(const std::filesystem::path& path) {
    const std::string text = readFileBytes(path, 64u << 20, "optics table");
    std::vector<std::map<std::string, std::string>> rows;
    std::vector<std::string> header;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::vector<std::string> fields;
        for (std::size_t from = start;;) {
            const std::size_t comma = text.find(',', from);
            if (comma == std::string::npos || comma > end) {
                fields.push_back(text.substr(from, end - from));
                break;
            }
            fields.push_back(text.substr(from, comma - from));
            from = comma + 1;
        }
        start = end + 1;
        if (header.empty()) {
            header = fields;
            continue;
        }
        if (fields.size() != header.size()) throw InputError(path.string() + ": a row has " + std::to_string(fields.size()) + " fields, the header " + std::to_string(header.size()));
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < fields.size(); ++i) row[header[i]] = fields[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

// Fits the real-time dot to every row of the default needle in DIR's tables and writes the
// rows as C++ initialisers for core/DotOptics.cpp.
int writeOpticsFit(const Arguments& args, const std::string& dir) {
    const auto out = args.value("--out");
    if (!out) throw InputError("optics --fit needs --out FILE.inc");
    const auto deposits = readCsv(std::filesystem::path(dir) / "deposits.csv");
    const auto profiles = readCsv(std::filesystem::path(dir) / "profiles.csv");
    const std::vector<double> radii = opticsProfileRadii();
    const auto number = [](const std::map<std::string, std::string>& row, const std::string& key) {
        const auto found = row.find(key);
        if (found == row.end()) throw InputError("optics table: no column " + key);
        return std::strtod(found->second.c_str(), nullptr);
    };
    std::string text =
        "// Generated by `stipple optics --fit` (tools/make-optics-tables.sh) from the skin-optics\n"
        "// reference's tables in assets/optics: do not edit. The default needle's real-time dot per skin\n"
        "// type, stage and depth: diameter mm, opacity, halo sigma mm, halo tail, gain RGB, crisp share,\n"
        "// ink contrast RGB; after each row, the largest relative error of its width, peaks and drops.\n";
    char line[512];
    int fitted = 0;
    for (const auto& row : deposits) {
        if (row.at("needle") != kNeedlePresets[kDefaultNeedlePreset].name) continue;
        OpticsTarget target;
        for (int c = 0; c < 3; ++c) {
            const std::string channel(1, "rgb"[c]);
            target.bare[c] = float(number(row, "bare_" + channel));
            target.peakContrast[c] = float(number(row, "peak_" + channel));
            target.drop[c] = float(number(row, "drop_" + channel));
        }
        target.fwhmMm = float(number(row, "fwhm_mm"));
        target.depositMm = float(number(row, "deposit_mm"));
        std::vector<Rgb> contrast(radii.size(), Rgb{});
        int channelsFound = 0;
        for (const auto& profile : profiles) {
            if (profile.at("skin") != row.at("skin") || profile.at("needle") != row.at("needle") ||
                profile.at("stage") != row.at("stage") || profile.at("depth_mm") != row.at("depth_mm"))
                continue;
            const std::size_t c = std::size_t(std::string("rgb").find(profile.at("channel")));
            std::size_t i = 0;
            for (const auto& [key, value] : profile)
                if (key.size() == 4 && key[1] == '.') ++i;
            if (i != radii.size()) throw InputError("optics profiles: the radii are not the reference's");
            for (std::size_t k = 0; k < radii.size(); ++k) contrast[k][c] = number(profile, std::to_string(radii[k]).substr(0, 4));
            ++channelsFound;
        }
        if (channelsFound != 3) throw InputError("optics profiles: no profile for a row of deposits.csv");
        Rgb bare{};
        for (int c = 0; c < 3; ++c) bare[std::size_t(c)] = target.bare[c];
        target.encircledMm2 = profileEncircled(radii, contrast, bare);
        const RealTimeDot dot = fitRealTimeDot(target, float(number(row, "opacity")));
        const std::optional<SmpStage> stage = parseStage(row.at("stage"));
        if (!stage) throw InputError("optics table: unknown stage " + row.at("stage"));
        std::snprintf(line, sizeof line,
                      "{%s, SmpStage::%s, %.2ff, %.4ff, %.4ff, %.4ff, %.2ff, {%.3ff, %.3ff, %.3ff}, %.2ff, {%.4ff, %.4ff, %.4ff}}, // %.3f\n",
                      row.at("skin").c_str(), smpStageEnumName(*stage), number(row, "depth_mm"), double(dot.diameterMm),
                      double(dot.opacity), double(dot.haloSigmaMm), double(dot.haloTail), double(dot.gain[0]), double(dot.gain[1]),
                      double(dot.gain[2]), double(dot.crisp), double(dot.inkContrast[0]), double(dot.inkContrast[1]), double(dot.inkContrast[2]),
                      double(fitError(realTimeAppearance(dot, target.bare, kOpticsTableDensity), target)));
        text += line;
        ++fitted;
    }
    writeFileAtomically(*out, text);
    std::printf("wrote %s (%d rows fitted)\n", out->c_str(), fitted);
    return 0;
}

int runOptics(int argc, char** argv) {
    const Arguments args(argc, argv, 2,
                         {"--skin", "--diameter", "--depth", "--column", "--opacity", "--density", "--photons", "--seed",
                          "--threads", "--table", "--fit", "--out"},
                         {});
    if (!args.positional().empty()) throw InputError("optics takes no file: " + args.positional()[0]);
    if (const auto table = args.value("--table")) return writeOpticsTable(args, *table);
    if (const auto fit = args.value("--fit")) return writeOpticsFit(args, *fit);
    const auto required = [&](const char* option) {
        const auto value = args.value(option);
        if (!value) throw InputError(std::string("optics needs ") + option);
        return *value;
    };
    OpticsQuery query = opticsRunFrom(args);
    query.fitzpatrickType = int(parseNumber("--skin", required("--skin"), 1, 6));
    query.deposit.diameterMm = parseNumber("--diameter", required("--diameter"), 0.02, 2.0);
    query.deposit.depthMm = parseNumber("--depth", required("--depth"), 0.1, 3.0);
    query.deposit.columnMm = parseNumber("--column", args.value("--column").value_or("0"), 0.0, 3.0);
    query.deposit.opacity = parseNumber("--opacity", args.value("--opacity").value_or("1"), 0.01, 1.0);
    query.densityPerCm2 = parseNumber("--density", args.value("--density").value_or("100"), 1.0, 2500.0);
    if (query.deposit.columnMm == 0.0 && query.deposit.diameterMm > query.deposit.depthMm)
        throw InputError("option --diameter: a sphere " + std::to_string(query.deposit.diameterMm) +
                         " mm wide does not fit under --depth " + std::to_string(query.deposit.depthMm) + " mm");
    const auto started = std::chrono::steady_clock::now();
    const OpticsResult result = simulateOptics(query);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    const auto rgb = [](const char* key, const Rgb& v, const char* format = "%.4f") {
        std::printf("%s:", key);
        for (double c : v) {
            std::printf(" ");
            std::printf(format, c);
        }
        std::printf("\n");
    };
    const Deposit& d = query.deposit;
    std::printf("skin: %d\n", query.fitzpatrickType);
    std::printf("deposit: %s %.3f mm wide, bottom %.3f mm deep, opacity %.2f\n",
                d.columnMm > 0.0 ? "column" : "sphere", d.diameterMm, d.depthMm, d.opacity);
    if (d.columnMm > 0.0) std::printf("column_mm: %.3f\n", d.columnMm);
    std::printf("wavelengths_nm: %.0f %.0f %.0f\n", kChannelWavelengthsNm[0], kChannelWavelengthsNm[1], kChannelWavelengthsNm[2]);
    rgb("bare_rgb", result.bare);
    rgb("bare_stderr_rgb", result.bareStandardError, "%.5f");
    rgb("peak_contrast_rgb", result.peakContrast);
    rgb("peak_stderr_rgb", result.peakStandardError, "%.5f");
    std::printf("fwhm_mm: %.4f\n", result.fwhmMm);
    rgb("fwhm_rgb_mm", result.fwhmRgbMm);
    Rgb dot{};
    for (std::size_t c = 0; c < 3; ++c) dot[c] = result.bare[c] * (1.0 - result.peakContrast[c]);
    rgb("dot_rgb", dot);
    std::printf("blue_shift: %.4f\n", (dot[2] / dot[0]) / (result.bare[2] / result.bare[0]));
    std::printf("shadow_red_over_blue: %.4f\n", result.peakContrast[0] / result.peakContrast[2]);
    rgb("deficit_area_mm2_rgb", result.deficitAreaMm2, "%.5f");
    std::printf("density_per_cm2: %g\n", query.densityPerCm2);
    rgb("drop_rgb", result.drop);
    std::printf("profile_radii_mm:");
    for (double r : result.radiiMm) std::printf(" %.2f", r);
    std::printf("\n");
    for (std::size_t c = 0; c < 3; ++c) {
        std::printf("profile_%c:", "rgb"[c]);
        for (const Rgb& contrast : result.contrast) std::printf(" %.4f", contrast[c]);
        std::printf("\n");
    }
    std::printf("photons: %lld\n", static_cast<long long>(query.photons));
    std::printf("seed: %llu\n", static_cast<unsigned long long>(query.seed));
    std::printf("seconds: %.1f\n", seconds);
    return 0;
}


constexpr Command kCommands[] = {
    {"info", runInfo, infoHelp},
    {"render", runRender, renderHelp},
    {"impressions", runImpressions, impressionsHelp},
    {"paint", runPaint, paintHelp},
    {"export", runExport, exportHelp},
    {"sheet", runSheet, sheetHelp},
    {"calibrate", runCalibrate, calibrateHelp},
    {"optics", runOptics, opticsHelp},
    {"fit", runFit, fitHelp},
};

}  // namespace

int runCommandLine(int argc, char** argv, std::initializer_list<Command> more) {
    try {
        if (argc > 1 && (!std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h"))) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        const auto runIfNamed = [&](const Command& command) -> std::optional<int> {
            if (argc <= 1 || std::strcmp(argv[1], command.name)) return std::nullopt;
            if (wantsHelp(argc, argv, 2)) {
                std::fputs(command.help().c_str(), stdout);
                return 0;
            }
            return command.run(argc, argv);
        };
        for (const Command& command : kCommands)
            if (const std::optional<int> code = runIfNamed(command)) return *code;
        for (const Command& command : more)
            if (const std::optional<int> code = runIfNamed(command)) return *code;
        if (wantsHelp(argc, argv, 1)) {
            std::fputs(openHelp().c_str(), stdout);
            return 0;
        }
        return runOpen(argc, argv);
    } catch (const InputError& e) {
        std::fprintf(stderr, "stipple: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "stipple: internal error: %s\n", e.what());
        return 1;
    }
}

}  // namespace stipple
