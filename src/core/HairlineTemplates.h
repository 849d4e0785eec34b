// Hairline templates placed from the head's landmarks: Norwood stages I-VII for men (a
// frontal hairline curve plus notes and density strokes for the areas of loss), Ludwig stages
// I-III for women (density strokes along the part line and over the crown; the female frontal
// hairline usually stays, so there is no curve). docs/hairline.md gives every number with its
// source and what was assumed.
//
// The frontal curve (SMP-FACTS, hairline design; Garg et al. 2017; Shapiro & Shapiro 2013):
//   mid-frontal point   `midFrontalMm` above the glabella along the skin, up the midline
//                       (80 mm standard, 70 aggressive, 100 conservative)
//   frontotemporal point on the lateral epicanthal line (x of the lateral canthus), the same
//                       distance above brow level as the mid-frontal point plus the stage's
//                       temple recession: a line parallel to the brows bends back at the temples
//   mid-pupil point     where the outline turns from convex to concave, 35 % of the recession
//   temporal peak       50 mm from the frontotemporal point along the skin towards the point
//                       80 mm sideways from the glabella at brow level (Garg's point E)
// The frontotemporal angle is left open: the curve passes through the frontotemporal point and
// turns there towards the temporal peak.
#pragma once

#include "core/Brush.h"
#include "core/HairlineCurve.h"
#include "core/SurfaceProjector.h"

#include <glm/vec3.hpp>

#include <optional>
#include <string>
#include <vector>

namespace stipple {

enum class NorwoodStage { I, II, III, IIIVertex, IV, V, VI, VII };
enum class LudwigStage { I, II, III };

constexpr NorwoodStage kNorwoodStages[] = {NorwoodStage::I,  NorwoodStage::II, NorwoodStage::III, NorwoodStage::IIIVertex,
                                           NorwoodStage::IV, NorwoodStage::V,  NorwoodStage::VI,  NorwoodStage::VII};

// A density stroke a template suggests, ready for paintStroke (points on the skin, mm).
struct TemplateStroke {
    BrushSettings brush;
    std::vector<glm::vec3> points;
    std::string note;  // what it covers, for the UI
};

struct NorwoodRule {
    float midFrontalMm;      // above the glabella along the skin
    float recessionMm;       // extra height of the frontotemporal points, along the skin
};
NorwoodRule norwoodRule(NorwoodStage stage);

// The templates a practitioner picks from, in the Hairline panel's order (which adds "None").
struct TemplateChoice {
    const char* name;                     // command line: "norwood-3v"
    const char* label;                    // the Hairline panel: "Norwood III vertex"
    std::optional<NorwoodStage> norwood;  // exactly one of the two is set
    std::optional<LudwigStage> ludwig;
};
inline constexpr TemplateChoice kTemplateChoices[] = {
    {"norwood-1", "Norwood I", NorwoodStage::I, std::nullopt},
    {"norwood-2", "Norwood II", NorwoodStage::II, std::nullopt},
    {"norwood-3", "Norwood III", NorwoodStage::III, std::nullopt},
    {"norwood-3v", "Norwood III vertex", NorwoodStage::IIIVertex, std::nullopt},
    {"norwood-4", "Norwood IV", NorwoodStage::IV, std::nullopt},
    {"norwood-5", "Norwood V", NorwoodStage::V, std::nullopt},
    {"norwood-6", "Norwood VI", NorwoodStage::VI, std::nullopt},
    {"norwood-7", "Norwood VII", NorwoodStage::VII, std::nullopt},
    {"ludwig-1", "Ludwig I (female)", std::nullopt, LudwigStage::I},
    {"ludwig-2", "Ludwig II (female)", std::nullopt, LudwigStage::II},
    {"ludwig-3", "Ludwig III (female)", std::nullopt, LudwigStage::III},
};
// kTemplateChoices' names in short, for help texts (the core tests check it names them all).
constexpr const char* kTemplateNamesSummary = "norwood-1 .. norwood-7, norwood-3v, ludwig-1 .. ludwig-3";

struct HairlineTemplate {
    std::string name;
    NorwoodRule rule;
    HairlineCurve curve;                  // left half: mid-frontal, mid-pupil, frontotemporal, temporal peak
    std::vector<TemplateStroke> density;  // where the stage has lost hair: crown, top
    std::string note;
};

struct DensityTemplate {
    std::string name;
    std::vector<TemplateStroke> strokes;
    std::string note;
};

// Builds a frontal hairline from the projector's head landmarks with an explicit mid-frontal
// height and temple recession (mm along the skin): the templates' common form.
HairlineCurve frontalHairline(const SurfaceProjector& projector, float midFrontalMm, float recessionMm);

HairlineTemplate norwoodTemplate(const SurfaceProjector& projector, NorwoodStage stage);
DensityTemplate ludwigTemplate(const SurfaceProjector& projector, LudwigStage stage);

// What placing a template puts into a design: a Norwood stage's frontal hairline, and the
// density strokes of the areas the stage thins. The command line and the Hairline panel both
// place templates through it and differ only in how they record the result.
struct TemplatePlacement {
    std::optional<HairlineCurve> curve;
    std::vector<TemplateStroke> strokes;
};
TemplatePlacement placeTemplate(const SurfaceProjector& projector, const TemplateChoice& choice);

}  // namespace stipple
