#include "app/ExportJob.h"

#include "app/SheetJob.h"
#include "core/Error.h"
#include "core/Needles.h"
#include "core/SkinDiffusion.h"
#include "core/SkinTone.h"
#include "core/StageLook.h"
#include "io/DesignExport.h"
#include "io/ImageFile.h"
#include "io/PoolCache.h"
#include "io/SharePage.h"
#include "io/WholeFile.h"

#include <algorithm>
#include <cstdio>
#include <future>
#include <sstream>

namespace stipple {

std::unique_ptr<ScalpImpressions> impressionsFor(const Design& design, int pigmentMapSize,
                                                 const std::optional<ScatterParams>& look, const DotsShown& shown,
                                                 std::optional<SmpStage> stage) {
    const auto empty = [](const DensityMap& map) {
        return std::all_of(map.texels().begin(), map.texels().end(), [](float d) { return d <= 0.0f; });
    };
    const DensityMap density = shown.design ? designDensity(*design.layers) : DensityMap::uniform(0.0f);
    const DensityMap hair = shown.nativeHair ? nativeHairDensity(*design.layers) : DensityMap::uniform(0.0f);
    if (empty(density) && empty(hair)) return nullptr;
    const std::optional<CandidatePool> pool = loadOrBuildCandidatePool(design.mesh, {}, {}, defaultPoolCacheDir());
    const SkinDiffusion diffusion = skinDiffusion(design.settings.depthMm, stage, modelSkinType(design.settings));
    return std::make_unique<ScalpImpressions>(design.mesh, *pool, look.value_or(dotLookFor(design.settings.needlePreset)),
                                              density, pigmentMapSize, hair, shown.halo ? diffusion.haloSigmaMm : 0.0f,
                                              diffusion.haloTail, design.settings.stubbleMm,
                                              design.settings.greyHairShare);
}

std::pair<std::string, std::size_t> impressionsCsv(const ScalpImpressions* impressions) {
    std::ostringstream csv;
    csv << "id,x_mm,y_mm,z_mm,u,v,diameter_mm,shade\n";
    std::size_t rows = 0;
    if (impressions) {
        const CandidatePool& pool = impressions->pool();
        const std::vector<ImpressionField::DotState> states = impressions->field().dotStates();
        char row[256];
        for (const std::uint32_t id : impressions->field().activeIds()) {
            const Candidate& c = pool.candidates[id];
            std::snprintf(row, sizeof row, "%u,%.4f,%.4f,%.4f,%.6f,%.6f,%.4f,%.4f\n", id, c.position.x, c.position.y,
                          c.position.z, c.uv.x, c.uv.y, states[id].diameterMm, states[id].shade);
            csv << row;
            ++rows;
        }
    }
    return {csv.str(), rows};
}

ExportFormats parseExportFormats(const std::string& list) {
    ExportFormats formats{false, false, false, false, false};
    std::istringstream items(list);
    std::string item;
    while (std::getline(items, item, ',')) {
        if (item == "png") formats.png = true;
        else if (item == "exr") formats.exr = true;
        else if (item == "glb") formats.glb = true;
        else if (item == "csv") formats.csv = true;
        else if (item == "html") formats.html = true;
        else throw InputError("unknown export format '" + item + "' (png, exr, glb, csv, html)");
    }
    return formats;
}

// What the steps hand on to each other.
struct ExportJob::Work {
    std::filesystem::path folder;
    bool createdFolder = false;  // by this job: removed again if the job stops before filling it
    std::unique_ptr<ScalpImpressions> impressions;
    Image pigment;
    Image16 albedo;
    Image albedo8;
    std::string albedo8Png;  // encoded once: the PNG file and the GLB's texture share it
    // The shared page: written under a hidden name beside its place, then renamed.
    std::filesystem::path pageFolder, pageStaging;
    SharePageContents page;
};

ExportJob::ExportJob(const Design& design, std::string name, std::filesystem::path folder, int size,
                     const ExportFormats& formats, bool sixteenBit)
    : work_(std::make_shared<Work>()) {
    Work& work = *work_;
    const auto file = [name, folder](const std::string& suffix) { return folder / (name + suffix); };
    ExportLook look{skinAlbedoSrgb(design.settings), ShadingSettings{}.inkAlbedoSrgb};
    const SkinDiffusion diffusion = skinDiffusion(design.settings.depthMm, std::nullopt, modelSkinType(design.settings));
    look.haloGain = diffusion.gain;
    look.haloTail = diffusion.haloTail;
    look.dotCrisp = diffusion.crisp;
    work.folder = folder;
    addStep("Creating the folder", [&work] {
        std::error_code error;
        work.createdFolder = std::filesystem::create_directories(work.folder, error);
        if (error || !std::filesystem::is_directory(work.folder))
            throw InputError(work.folder.string() + ": cannot create the output folder" +
                             (error ? " (" + error.message() + ")" : ""));
    });
    addStep("Scattering and baking the impressions", [&design, &work, size] {
        // The design, not the client's hair; the albedo blurs the halo itself.
        work.impressions = impressionsFor(design, size, std::nullopt, {true, false, false});
    });
    if (formats.png || formats.glb) {
        addStep("Compositing the albedo", [&design, &work, size, look, diffusion] {
            static const std::vector<std::uint8_t> noIslands;
            const std::vector<std::uint8_t>* islands = &noIslands;
            ExportLook composite = look;
            if (work.impressions) {
                const PigmentBake& bake = work.impressions->bake();
                work.pigment = bake.readPixels();
                islands = &bake.islandMask();
                // One width in texels for the whole map: the scalp's median texel.
                composite.haloSigmaTexels = diffusion.haloSigmaMm / bake.scalpMedianTexelMm();
            } else {  // nothing to bake: bare skin
                work.pigment.width = work.pigment.height = size;
                work.pigment.rgba.assign(std::size_t(size) * std::size_t(size) * 4, 0);
            }
            work.albedo = compositeAlbedo(design.mesh, *design.layers, work.pigment, *islands, composite);
            work.albedo8 = toEightBit(work.albedo);
        });
    }
    if (formats.png) {
        addStep("Writing the albedo", [&work, file, sixteenBit] {
            if (sixteenBit) {
                writePng(file("-albedo.png"), work.albedo);
                return;
            }
            work.albedo8Png = encodePng(work.albedo8);
            writeFileAtomically(file("-albedo.png"), work.albedo8Png);
        });
        addStep("Writing the pigment coverage and the design guide", [&design, &work, file, size, look] {
            // Two large PNGs, each encoded on one core: side by side. A failure of either is
            // thrown once both have stopped.
            std::future<void> coverage = std::async(std::launch::async, [&work, file, look] {
                writePng(file("-coverage.png"), pigmentCoverage(work.pigment, look.inkAlbedoSrgb));
            });
            static const std::vector<std::uint8_t> noIslands;
            const std::vector<std::uint8_t>& islands = work.impressions ? work.impressions->bake().islandMask() : noIslands;
            writePng(file("-guide.png"), designGuide(*design.layers, placedDensity(design), islands, size));
            coverage.get();
        });
    }
    if (formats.glb)
        addStep("Writing the head as GLB", [&design, &work, file] {
            if (work.albedo8Png.empty()) work.albedo8Png = encodePng(work.albedo8);
            writeFileAtomically(file(".glb"), headGlb(design.mesh, work.albedo8Png));
        });
    if (formats.exr)
        addStep("Writing the density map", [&design, file] {
            writeFileAtomically(file("-density.exr"), densityExr(designDensity(*design.layers)));
        });
    if (formats.csv)
        addStep("Writing the impression list", [&work, file] {
            writeFileAtomically(file("-impressions.csv"), impressionsCsv(work.impressions.get()).first);
        });
    if (formats.html) addSharePageSteps(design, name, size);
}

std::filesystem::path ExportJob::pageFolder(const std::filesystem::path& folder, const std::string& name) {
    return folder / name;
}

// The albedo of every look the page offers, each composited as the PNG export's and sent as a
// JPEG. Every stage of the whole design, every session at the healed stage (so far and alone),
// and before; the default stage's at the full size for the close-up, the others at half, which
// keeps the default head's page under 10 MB (docs/share-page.md).
void ExportJob::addSharePageSteps(const Design& design, const std::string& name, int size) {
    Work& work = *work_;
    work.pageFolder = pageFolder(work.folder, name);
    work.pageStaging = work.folder / ("." + name + ".page-partial");
    const DesignSettings& settings = design.settings;
    const SmpStage defaultStage = settings.stage.value_or(SmpStage::Healed);
    addStep("Starting the shared page", [&design, &work, name, defaultStage] {
        std::error_code error;
        // An older page is replaced at the end; anything else of that name is the user's.
        if (std::filesystem::exists(work.pageFolder, error) && !isSharePage(work.pageFolder))
            throw InputError(work.pageFolder.string() + ": is there already and is not a page Stipple wrote; move it, "
                             "or export into another folder");
        std::filesystem::remove_all(work.pageStaging, error);
        std::filesystem::create_directories(work.pageStaging / "textures", error);
        if (error) throw InputError(work.pageStaging.string() + ": cannot create the page's folder (" + error.message() + ")");
        writeSharePageStaticFiles(work.pageStaging);
        writeFileAtomically(work.pageStaging / "head.js", sharePageHeadScript(design.mesh));
        SharePageContents& page = work.page;
        const DesignSettings& s = design.settings;
        page.title = name;
        page.client = s.consultation.client;
        page.practitioner = s.consultation.practitioner;
        page.date = s.consultation.date.empty() ? today() : s.consultation.date;
        const NeedlePreset& needle = kNeedlePresets[s.needlePreset];
        page.needle = std::string(needle.name) + " (cartridge " + needle.cartridge + ")";
        page.depthMm = s.depthMm;
        page.skin = s.skinType > 0 ? fitzpatrickPreset(s.skinType).name : "Custom colour";
        page.hasHairlineCurve = design.hairline.has_value();
        page.hairline = measureDesignHairline(design);
        const SessionPlan plan = defaultSessionPlan();
        const ScalpImpressions* impressions = work.impressions.get();
        page.impressionCount = impressions ? impressions->impressionCount() : 0;
        page.sessions = impressions ? estimateSessions(impressions->pool(), impressions->density(), plan)
                                    : estimateSessions(std::vector<int>{}, plan, 0.0);
        page.defaultStage = stageName(defaultStage);
        page.defaultLight = lightingName(s.lighting);
        for (const Choice<StandardView>& view : kViewChoices) {
            const OrbitCamera camera = cameraForView(design.mesh, view.value, 1.0f);
            page.views.push_back({camera.target, camera.eye(), camera.verticalFovRadians});
        }
        const OrbitCamera closeUp = closeUpCamera(design.mesh);
        page.closeUp = {closeUp.target, closeUp.eye(), closeUp.verticalFovRadians};
    });

    struct Variant {
        std::string key;
        std::optional<SmpStage> stage;  // none: before, no impressions
        int session = 0;                // 0: the whole design
        SessionView view = SessionView::SoFar;
    };
    std::vector<Variant> variants{{"before", std::nullopt}};
    for (const StageChoice& stage : kStageChoices) variants.push_back({stage.name, stage.value});
    const int sessionCount = defaultSessionPlan().count();
    for (int session = 1; session <= sessionCount; ++session) {
        // After the last session the skin holds the whole design: the healed stage's texture.
        if (session < sessionCount)
            variants.push_back({"session-" + std::to_string(session), SmpStage::Healed, session, SessionView::SoFar});
        variants.push_back({"session-" + std::to_string(session) + "-alone", SmpStage::Healed, session, SessionView::Alone});
    }
    for (const Variant& variant : variants) work.page.textureKeys.push_back(variant.key);

    const SkinDiffusion diffusion = skinDiffusion(settings.depthMm);
    ExportLook look{skinAlbedoSrgb(settings), ShadingSettings{}.inkAlbedoSrgb, diffusion.gain};
    for (const Variant& variant : variants) {
        const bool fullSize = variant.stage == defaultStage && variant.session == 0;
        addStep("Baking the page's texture: " + variant.key, [&design, &work, variant, look, diffusion, size, fullSize] {
            ScalpImpressions* impressions = work.impressions.get();
            ExportLook composite = look;
            Image pigment;
            static const std::vector<std::uint8_t> noIslands;
            const std::vector<std::uint8_t>* islands = &noIslands;
            if (impressions && variant.stage) {
                const DesignSettings& s = design.settings;
                const StageLook staged = stageLook(s.needlePreset, *variant.stage, s.depthMm, modelSkinType(s));
                impressions->setDotLook(staged.scatter);
                impressions->showSession(defaultSessionPlan(), variant.session, variant.view);
                composite.inkAlbedoSrgb = staged.inkSrgb;
                const PigmentBake& bake = impressions->bake();
                pigment = bake.readPixels();
                islands = &bake.islandMask();
                composite.haloSigmaTexels = diffusion.haloSigmaMm / bake.scalpMedianTexelMm();
            } else {  // before, or nothing designed: the bare skin
                pigment.width = pigment.height = size;
                pigment.rgba.assign(std::size_t(size) * std::size_t(size) * 4, 0);
            }
            Image albedo = toEightBit(compositeAlbedo(design.mesh, *design.layers, pigment, *islands, composite));
            if (!fullSize) albedo = halved(albedo);
            const SharePageTexture texture{variant.key, albedo.width, encodeJpeg(albedo, kSharePageJpegQuality)};
            writeFileAtomically(work.pageStaging / "textures" / (variant.key + ".js"), sharePageTextureScript(texture));
        });
    }
    addStep("Writing the shared page", [&work] {
        writeFileAtomically(work.pageStaging / "data.js", sharePageDataScript(work.page));
        std::error_code error;
        std::filesystem::remove_all(work.pageFolder, error);
        std::filesystem::rename(work.pageStaging, work.pageFolder, error);
        if (error) throw InputError(work.pageFolder.string() + ": cannot put the page there (" + error.message() + ")");
    });
}

ExportJob::~ExportJob() {
    // Stopped before the end (a failed step, or cancelled): a page half written goes, and a
    // folder this job made stays only if something was written into it.
    if (!work_) return;
    std::error_code error;
    if (!work_->pageStaging.empty()) std::filesystem::remove_all(work_->pageStaging, error);
    if (!work_->createdFolder) return;
    if (std::filesystem::is_empty(work_->folder, error) && !error) std::filesystem::remove(work_->folder, error);
}

// The large images go as soon as they are written.
void ExportJob::finished() { work_.reset(); }

}  // namespace stipple
