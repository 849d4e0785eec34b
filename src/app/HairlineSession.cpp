#include "app/HairlineSession.h"

namespace stipple {

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
    const TemplatePlacement placement = stipple::placeTemplate(projector_, choice);
    if (placement.curve) record(editor_.setCurve(*placement.curve, choice.label));
    for (const TemplateStroke& stroke : placement.strokes) paint_.paintScripted(stroke.brush, stroke.points);
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
