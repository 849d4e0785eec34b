#include "core/HairlineEditor.h"

#include "core/HairlineEdit.h"

#include <utility>

namespace stipple {

HairlineEditor::HairlineEditor(const SurfaceProjector& projector, Layer& layer, const SurfaceAtlas& atlas,
                               const HairlineMaskSettings& settings)
    : projector_(projector), layer_(layer), atlas_(atlas), settings_(settings) {
    validateHairlineMask(settings);
}

HairlineDesign HairlineEditor::design() const {
    HairlineDesign design;
    for (const SkinPoint& point : curve_.leftHalf()) design.leftHalf.push_back(point.position);
    design.frontotemporal = curve_.frontotemporalIndex();
    design.settings = settings_;
    return design;
}

void HairlineEditor::restore(const HairlineDesign& design) {
    validateHairlineMask(design.settings);
    curve_ = HairlineCurve(projector_, design.leftHalf, design.frontotemporal);
    settings_ = design.settings;
}

std::unique_ptr<UndoCommand> HairlineEditor::apply(HairlineCurve curve, HairlineMaskSettings settings, const std::string& name) {
    validateHairlineMask(settings);
    std::unique_ptr<LayerEdit> tiles = writeHairlineMask(layer_, atlas_, curve, settings);
    std::swap(curve_, curve);
    std::swap(settings_, settings);
    return std::make_unique<HairlineEdit>(*this, std::move(curve), settings, std::move(tiles), name);
}

std::unique_ptr<UndoCommand> HairlineEditor::setCurve(const HairlineCurve& curve, const std::string& name) {
    return apply(curve, settings_, name);
}

std::unique_ptr<UndoCommand> HairlineEditor::movePoint(std::size_t index, const glm::vec3& target) {
    HairlineCurve moved = curve_;
    moved.movePoint(projector_, index, target);
    return apply(std::move(moved), settings_, "move hairline point");
}

std::unique_ptr<UndoCommand> HairlineEditor::setSettings(const HairlineMaskSettings& settings) {
    return apply(curve_, settings, "hairline style");
}

}  // namespace stipple
