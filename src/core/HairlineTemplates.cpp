#include "core/HairlineTemplates.h"

#include <glm/geometric.hpp>

#include <cmath>

namespace stipple {
namespace {

constexpr glm::vec3 kAcross(1.0f, 0.0f, 0.0f), kUp(0.0f, 1.0f, 0.0f), kForward(0.0f, 0.0f, 1.0f);

// Up the skin from `start` within the sagittal plane through it.
SkinPoint upTheSkin(const SurfaceProjector& projector, const SkinPoint& start, float lengthMm) {
    return projector.walkInPlane(start, kAcross, kUp, lengthMm).points.back();
}

// The skin at brow level (the glabella's height) where it reaches x = `x`, walking sideways
// from the glabella.
SkinPoint browLevel(const SurfaceProjector& projector, const SkinPoint& glabella, float x) {
    const SkinPath path = projector.walkInPlane(glabella, kUp, kAcross, 200.0f);
    for (std::size_t k = 1; k < path.points.size(); ++k) {
        const SkinPoint &a = path.points[k - 1], &b = path.points[k];
        if (b.position.x < x) continue;
        const float t = (x - a.position.x) / (b.position.x - a.position.x);
        const glm::vec3 normal = glm::normalize(a.normal + t * (b.normal - a.normal));
        const glm::vec3 p = a.position + t * (b.position - a.position);
        SkinPoint on = projector.project(glm::vec3(x, p.y, p.z), glm::normalize(glm::vec3(0.0f, normal.y, normal.z)), 2.0f).value_or(b);
        on.position.x = x;  // stay exactly in the sagittal plane the walk up will use
        return on;
    }
    return path.points.back();
}

float canthusX(const Landmarks& l) { return 0.5f * (std::abs(l.lateralCanthusLeft.x) + std::abs(l.lateralCanthusRight.x)); }

// The crown's whorl lies a few cm behind the vertex on the midline.
SkinPoint crown(const SurfaceProjector& projector) {
    const SkinPoint vertex = projector.snap(projector.mesh().landmarks.vertex);
    return projector.walkInPlane(vertex, kAcross, -kForward, 30.0f).points.back();
}

// The midline from `front` back over the top to the crown.
std::vector<glm::vec3> midline(const SurfaceProjector& projector, const SkinPoint& front, float lengthMm) {
    std::vector<glm::vec3> points;
    const SkinPath path = projector.walkInPlane(front, kAcross, -kForward, lengthMm, 5.0f);
    for (const SkinPoint& p : path.points) points.push_back(p.position);
    return points;
}

TemplateStroke densityStroke(std::vector<glm::vec3> points, float radiusMm, float value, std::string note) {
    TemplateStroke stroke;
    stroke.brush = defaultBrush(BrushTool::Density);
    stroke.brush.mode = BrushMode::Set;
    stroke.brush.value = value;
    stroke.brush.radiusMm = radiusMm;
    stroke.points = std::move(points);
    stroke.note = std::move(note);
    return stroke;
}

const char* labelOf(NorwoodStage stage) {
    for (const TemplateChoice& choice : kTemplateChoices)
        if (choice.norwood == stage) return choice.label;
    return "Norwood";
}

const char* labelOf(LudwigStage stage) {
    for (const TemplateChoice& choice : kTemplateChoices)
        if (choice.ludwig == stage) return choice.label;
    return "Ludwig";
}

}  // namespace

NorwoodRule norwoodRule(NorwoodStage stage) {
    switch (stage) {
        case NorwoodStage::I: return {80.0f, 5.0f};
        case NorwoodStage::II: return {80.0f, 15.0f};
        case NorwoodStage::III: return {85.0f, 30.0f};
        case NorwoodStage::IIIVertex: return {85.0f, 30.0f};
        case NorwoodStage::IV: return {90.0f, 30.0f};
        case NorwoodStage::V: return {90.0f, 30.0f};
        case NorwoodStage::VI: return {95.0f, 30.0f};
        case NorwoodStage::VII: return {100.0f, 30.0f};
    }
    return {80.0f, 15.0f};
}

HairlineCurve frontalHairline(const SurfaceProjector& projector, float midFrontalMm, float recessionMm) {
    const Landmarks& landmarks = projector.mesh().landmarks;
    const SkinPoint glabella = projector.snap(glm::vec3(0.0f, landmarks.glabella.y, landmarks.glabella.z));
    const float canthus = canthusX(landmarks);
    // The pupil's centre lies about 0.7 of the way out to the lateral canthus (an eye fissure of
    // ~30 mm whose outer corner is ~45 mm from the midline).
    const float pupil = 0.7f * canthus;
    const SkinPoint midFrontal = upTheSkin(projector, glabella, midFrontalMm);
    const SkinPoint midPupil = upTheSkin(projector, browLevel(projector, glabella, pupil), midFrontalMm + 0.35f * recessionMm);
    const SkinPoint frontotemporal = upTheSkin(projector, browLevel(projector, glabella, canthus), midFrontalMm + recessionMm);
    // Garg's E: 80 mm sideways from the glabella at brow level; the temporal peak lies 50 mm
    // from the frontotemporal point on the way to it.
    const SkinPoint e = projector.walkInPlane(glabella, kUp, kAcross, 80.0f).points.back();
    const glm::vec3 towards = e.position - frontotemporal.position;
    const SkinPoint temporalPeak = projector.walkInPlane(frontotemporal, glm::cross(towards, frontotemporal.normal), towards, 50.0f).points.back();
    return HairlineCurve(projector, {midFrontal.position, midPupil.position, frontotemporal.position, temporalPeak.position}, 2);
}

HairlineTemplate norwoodTemplate(const SurfaceProjector& projector, NorwoodStage stage) {
    const NorwoodRule rule = norwoodRule(stage);
    HairlineTemplate t{labelOf(stage), rule, frontalHairline(projector, rule.midFrontalMm, rule.recessionMm), {}, {}};
    const SkinPoint& front = t.curve.midFrontal();
    // Density at the mean natural follicular-unit density (SMP-FACTS: about 80 per cm^2).
    constexpr float kFull = 80.0f;
    const SkinPoint whorl = crown(projector);
    switch (stage) {
        case NorwoodStage::I:
            t.note = "No recession: density work only; the line sits parallel to the brows.";
            break;
        case NorwoodStage::II:
            t.note = "Mature hairline: temples 1.5 cm back, in front of the line 2 cm ahead of the ear canals.";
            break;
        case NorwoodStage::III:
            t.note = "Deep temple recessions reaching behind the line 2 cm ahead of the ear canals.";
            break;
        case NorwoodStage::IIIVertex:
            t.note = "As III, with thinning at the crown: lay density over the vertex.";
            t.density.push_back(densityStroke({whorl.position}, 35.0f, kFull, "crown (vertex thinning)"));
            break;
        case NorwoodStage::IV:
        case NorwoodStage::V:
            t.note = stage == NorwoodStage::IV ? "Frontal loss and crown loss, separated by a band of hair across the top."
                                               : "Frontal and crown loss, the band between them thin.";
            t.density.push_back(densityStroke(midline(projector, front, stage == NorwoodStage::IV ? 50.0f : 70.0f),
                                              stage == NorwoodStage::IV ? 35.0f : 40.0f, kFull, "front of the top"));
            t.density.push_back(densityStroke({whorl.position}, stage == NorwoodStage::IV ? 35.0f : 45.0f, kFull, "crown"));
            break;
        case NorwoodStage::VI:
        case NorwoodStage::VII:
            t.note = stage == NorwoodStage::VI ? "The band is gone: one bald area from the front to the crown."
                                               : "Only a horseshoe fringe at the sides and back remains.";
            {
                std::vector<glm::vec3> top = midline(projector, front, glm::length(whorl.position - front.position) * 1.2f);
                top.push_back(whorl.position);
                t.density.push_back(densityStroke(std::move(top), stage == NorwoodStage::VI ? 50.0f : 60.0f, kFull, "top and crown"));
            }
            break;
    }
    return t;
}

DensityTemplate ludwigTemplate(const SurfaceProjector& projector, LudwigStage stage) {
    const Landmarks& landmarks = projector.mesh().landmarks;
    const SkinPoint glabella = projector.snap(glm::vec3(0.0f, landmarks.glabella.y, landmarks.glabella.z));
    // The female frontal hairline stays; Ludwig's thinning starts 1-3 cm behind it. Women's
    // foreheads are lower (6.4 cm in one Korean sample, SMP-FACTS): the part line starts about
    // 2 cm behind a line 6.4 cm above the glabella.
    const SkinPoint partStart = upTheSkin(projector, glabella, 64.0f + 20.0f);
    const SkinPoint whorl = crown(projector);
    std::vector<glm::vec3> part = midline(projector, partStart, glm::length(whorl.position - partStart.position) * 1.2f);
    part.push_back(whorl.position);
    // Radius of the thinned band and the density that shades it, by stage: wider and fuller as
    // the loss spreads (SMP layering reaches 100 % of natural spacing, ~80 per cm^2).
    const float radius = stage == LudwigStage::I ? 15.0f : stage == LudwigStage::II ? 25.0f : 40.0f;
    const float value = stage == LudwigStage::I ? 40.0f : stage == LudwigStage::II ? 60.0f : 80.0f;
    DensityTemplate t{labelOf(stage), {}, {}};
    t.strokes.push_back(densityStroke(part, radius, value, "part line to the crown"));
    // Olsen's "Christmas tree": thinning wider towards the front; SMP-FACTS: the frontal pattern
    // covers about 70 % of female pattern loss.
    const std::vector<glm::vec3> front(part.begin(), part.begin() + std::ptrdiff_t(std::max<std::size_t>(2, part.size() / 3)));
    t.strokes.push_back(densityStroke(front, 1.4f * radius, value, "frontal widening (Christmas tree)"));
    t.note = stage == LudwigStage::I   ? "Thinning along the part, visible when the hair is parted."
             : stage == LudwigStage::II ? "Marked thinning over the top, a wider part."
                                        : "Diffuse loss over the whole top; the frontal line remains.";
    return t;
}

TemplatePlacement placeTemplate(const SurfaceProjector& projector, const TemplateChoice& choice) {
    TemplatePlacement placement;
    if (choice.norwood) {
        HairlineTemplate stage = norwoodTemplate(projector, *choice.norwood);
        placement.curve = std::move(stage.curve);
        placement.strokes = std::move(stage.density);
    } else if (choice.ludwig) {
        placement.strokes = ludwigTemplate(projector, *choice.ludwig).strokes;
    }
    return placement;
}

}  // namespace stipple
