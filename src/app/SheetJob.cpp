#include "app/SheetJob.h"

#include "core/HairlineCurve.h"
#include "core/HairlineMeasurements.h"
#include "core/Needles.h"
#include "core/SessionPlan.h"
#include "core/SkinTone.h"
#include "core/SurfaceGeodesic.h"
#include "io/ConsultationSheet.h"
#include "io/WholeFile.h"

#include <cstdio>
#include <ctime>

namespace stipple {
namespace {

// A light neutral behind the head: it prints cleanly and keeps the skin's colour readable.
constexpr glm::vec3 kPictureBackgroundSrgb{0.93f, 0.94f, 0.95f};

}  // namespace

HairlineReadouts measureDesignHairline(const Design& design) {
    const LayerSet& layers = *design.layers;
    const SurfaceAtlas& atlas = layers.atlas(LayerKind::Hairline);
    const Layer& mask = layers.layer(LayerKind::Hairline);
    if (!design.hairline) {
        HairlineReadouts readouts;
        readouts.designedAreaCm2 = designedAreaCm2(design.mesh, atlas, mask);
        return readouts;
    }
    const SurfaceProjector projector(design.mesh);
    const SurfaceGeodesic geodesic(projector);
    const HairlineCurve curve(projector, design.hairline->leftHalf, design.hairline->frontotemporal);
    return measureHairline(geodesic, projector, curve, atlas, mask);
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

// What the steps hand on to each other.
struct SheetJob::Work {
    std::unique_ptr<DesignPictures> pictures;
    SheetContents contents;
};

SheetJob::SheetJob(const Design& design, const std::filesystem::path& out, const SheetOptions& options)
    : work_(std::make_shared<Work>()) {
    const SheetFormat format = sheetFormatFor(out);
    Work& work = *work_;
    SheetContents& contents = work.contents;
    contents.projectName = options.projectName;
    contents.date = options.date.empty() ? today() : options.date;
    contents.notes = options.notes;
    const PictureLook look = options.look;
    contents.stage = look.stage ? stageLabel(*look.stage) : kAsDesignedLabel;
    const NeedlePreset& needle = kNeedlePresets[design.settings.needlePreset];
    contents.needle = std::string(needle.name) + " (cartridge " + needle.cartridge + ")";
    contents.light = choiceFor(kLightingChoices, look.lighting).label;
    contents.skin = design.settings.skinType > 0 ? fitzpatrickPreset(design.settings.skinType).name : "Custom colour";
    contents.depthMm = design.settings.depthMm;
    const float metres = options.seenFromMetres;
    char seenFrom[64];
    std::snprintf(seenFrom, sizeof seenFrom, "%g m, as the eye resolves it", double(metres));
    contents.seenFrom = metres > 0.0f ? seenFrom : "the camera";

    addStep("Scattering and baking the impressions", [&design, &work, look] {
        work.pictures = std::make_unique<DesignPictures>(design, look);
        const ScalpImpressions* impressions = work.pictures->impressions();
        work.contents.impressionCount = impressions ? impressions->impressionCount() : 0;
    });
    for (std::size_t i = 0; i < kSheetViewCount; ++i)
        addStep(std::string("Rendering the ") + standardViewName(kSheetViews[i]) + " view", [&design, &work, i, metres] {
            const auto [width, height] = sheetPictureSize(kSheetRenderDpi);
            OrbitCamera camera = cameraForView(design.mesh, kSheetViews[i], float(width) / float(height));
            // The standard views leave room around the head's bounding sphere; the cells are small.
            camera.zoom(0.8f);
            ShadingSettings settings = work.pictures->shading();
            settings.backgroundSrgb = kPictureBackgroundSrgb;
            const auto picture = [&](bool before) {
                return metres > 0.0f ? work.pictures->renderSeenFrom(camera, metres, width, height, settings, before)
                                     : work.pictures->render(camera, width, height, settings, before);
            };
            work.contents.before[i] = picture(true);
            work.contents.after[i] = picture(false);
        });
    addStep("Measuring the hairline", [&design, &work] {
        work.contents.hasHairlineCurve = design.hairline.has_value();
        work.contents.hairline = measureDesignHairline(design);
    });
    addStep("Planning the sessions", [&work] {
        const SessionPlan plan = defaultSessionPlan();
        const ScalpImpressions* impressions = work.pictures->impressions();
        work.contents.sessions = impressions ? estimateSessions(impressions->pool(), impressions->density(), plan)
                                             : estimateSessions(std::vector<int>{}, plan, 0.0);
    });
    addStep("Writing " + out.filename().string(), [&work, out, format] {
        writeFileAtomically(out, drawSheet(work.contents, format).bytes);
    });
}

// The pictures and the renderer go as soon as the page is written.
void SheetJob::finished() { work_.reset(); }

}  // namespace stipple
