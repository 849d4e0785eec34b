#include "app/HairlineSession.h"

namespace stipple {

const TemplateChoice kTemplateChoices[12] = {
    {"Norwood I", NorwoodStage::I, std::nullopt},
    {"Norwood II", NorwoodStage::II, std::nullopt},
    {"Norwood III", NorwoodStage::III, std::nullopt},
    {"Norwood III vertex", NorwoodStage::IIIVertex, std::nullopt},
    {"Norwood IV", NorwoodStage::IV, std::nullopt},
    {"Norwood V", NorwoodStage::V, std::nullopt},
    {"Norwood VI", NorwoodStage::VI, std::nullopt},
    {"Norwood VII", NorwoodStage::VII, std::nullopt},
    {"Ludwig I (female)", std::nullopt, LudwigStage::I},
    {"Ludwig II (female)", std::nullopt, LudwigStage::II},
    {"Ludwig III (female)", std::nullopt, LudwigStage::III},
    {"None", std::nullopt, std::nullopt},
};

HairlineSession::HairlineSession(Design& design, PaintSession& paint)
    : design_(design),
      paint_(paint),
      projector_(design.mesh),
      geodesic_(projector_),
      editor_(projector_, design.layers->layer(LayerKind::Hairline), design.layers->atlas(LayerKind::Hairline)) {
    if (design.hairline) editor_.restore(*design.hairline);
    refresh();
}

void HairlineSession::record(std::unique_ptr<UndoCommand> step) {
    if (step) paint_.record(std::move(step));
    refresh();
}

void HairlineSession::placeTemplate(const TemplateChoice& choice) {
    std::vector<TemplateStroke> strokes;
    if (choice.norwood) {
        HairlineTemplate stage = norwoodTemplate(projector_, *choice.norwood);
        record(editor_.setCurve(stage.curve, choice.name));
        strokes = std::move(stage.density);
    } else if (choice.ludwig) {
        strokes = ludwigTemplate(projector_, *choice.ludwig).strokes;
    }
    for (const TemplateStroke& stroke : strokes) paint_.paintScripted(stroke.brush, stroke.points);
    refresh();
}

void HairlineSession::setSettings(const HairlineMaskSettings& settings) { record(editor_.setSettings(settings)); }

void HairlineSession::movePoint(std::size_t index, const glm::vec3& targetMm) { record(editor_.movePoint(index, targetMm)); }

void HairlineSession::refresh() {
    // The design keeps the curve for saving; undo and redo may have changed it.
    design_.hairline.reset();
    if (hasCurve()) design_.hairline = editor_.design();
    const LayerSet& layers = *design_.layers;
    if (hasCurve())
        readouts_ = measureHairline(geodesic_, projector_, editor_.curve(), layers.atlas(LayerKind::Hairline),
                                    layers.layer(LayerKind::Hairline));
    else
        readouts_ = HairlineReadouts{};
    readouts_.designedAreaCm2 =
        designedAreaCm2(design_.mesh, layers.atlas(LayerKind::Hairline), layers.layer(LayerKind::Hairline));
}

}  // namespace stipple
