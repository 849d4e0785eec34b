#include "app/ExportJob.h"

#include "core/Error.h"
#include "core/Needles.h"
#include "core/SkinDiffusion.h"
#include "core/SkinTone.h"
#include "io/DesignExport.h"
#include "io/ImageFile.h"
#include "io/PoolCache.h"
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
                                              diffusion.haloTail);
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
    ExportFormats formats{false, false, false, false};
    std::istringstream items(list);
    std::string item;
    while (std::getline(items, item, ',')) {
        if (item == "png") formats.png = true;
        else if (item == "exr") formats.exr = true;
        else if (item == "glb") formats.glb = true;
        else if (item == "csv") formats.csv = true;
        else throw InputError("unknown export format '" + item + "' (png, exr, glb, csv)");
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
}

ExportJob::~ExportJob() {
    // Stopped before the end (a failed step, or cancelled): a folder this job made stays only
    // if something was written into it.
    if (!work_ || !work_->createdFolder) return;
    std::error_code error;
    if (std::filesystem::is_empty(work_->folder, error) && !error) std::filesystem::remove(work_->folder, error);
}

// The large images go as soon as they are written.
void ExportJob::finished() { work_.reset(); }

}  // namespace stipple
