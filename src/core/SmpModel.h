// SmpModel: how one impression looks on the skin over time, from the day it is placed (fresh)
// through healing (4 weeks) to 10 years of ageing. GL-free: the renderer asks for each dot's
// diameter, opacity, ink colour and edge softness at a stage and draws exactly that.
//
// Every default and range comes from docs/smp-facts.md; docs/smp-model.md gives each number with
// its source and marks the values that are modelling choices.
#pragma once

#include "core/Choice.h"
#include "core/Scatter.h"

#include <glm/vec3.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace stipple {

// Depth of the deposit under the skin surface. The facts give a target of about 0.5 mm (sources
// 0.5-1.5 mm); the UI range reaches a little either side so too shallow and too deep can be shown.
constexpr float kMinDepthMm = 0.3f;
constexpr float kMaxDepthMm = 2.0f;
constexpr float kDefaultDepthMm = 0.5f;

// Healed impression about 0.09-0.17 mm (docs/smp-facts.md).
constexpr float kHealedMinMm = 0.09f;
constexpr float kHealedMaxMm = 0.17f;
// Fresh impression up to about 0.25 mm.
constexpr float kFreshMaxMm = 0.25f;

enum class SmpStage { Fresh, Healed, Aged1y, Aged3y, Aged5y, Aged10y };
constexpr SmpStage kSmpStages[] = {SmpStage::Fresh,  SmpStage::Healed, SmpStage::Aged1y,
                                   SmpStage::Aged3y, SmpStage::Aged5y, SmpStage::Aged10y};

struct StageChoice {
    SmpStage value;
    const char* name;        // command line and project files
    const char* label;       // the Impressions panel and the sheet
    const char* shortLabel;  // the consultation timeline
};
inline constexpr StageChoice kStageChoices[] = {
    {SmpStage::Fresh, "fresh", "Fresh (day 0)", "Fresh"},
    {SmpStage::Healed, "healed", "Healed (4 weeks)", "Healed"},
    {SmpStage::Aged1y, "aged-1y", "Aged 1 year", "1 year"},
    {SmpStage::Aged3y, "aged-3y", "Aged 3 years", "3 years"},
    {SmpStage::Aged5y, "aged-5y", "Aged 5 years", "5 years"},
    {SmpStage::Aged10y, "aged-10y", "Aged 10 years", "10 years"},
};
// No stage: the impressions as the design draws them. Menus put it before the stages.
constexpr const char* kAsDesignedName = "designed";
constexpr const char* kAsDesignedLabel = "As designed";

const char* stageName(SmpStage stage);
std::optional<SmpStage> parseStage(std::string_view name);
const char* stageLabel(SmpStage stage);
// Time since the session: 0 for fresh, 4 weeks for healed, then 1, 3, 5, 10 years.
float stageAgeYears(SmpStage stage);

// One impression as the model sees it.
struct SmpDot {
    float freshDiameterMm = 0.20f;    // what the needle leaves (Impression::diameterMm)
    float shade = 0.85f;              // pigment after dilution, 0 = water only, 1 = full black
    std::uint32_t seed = 0;           // Impression::seed: per-dot variation, deterministic
    float depthMm = kDefaultDepthMm;  // clamped to kMinDepthMm..kMaxDepthMm
    bool onScar = false;              // scar tissue holds pigment less evenly and fades faster
};

SmpDot smpDot(const Impression& impression, float depthMm = kDefaultDepthMm, bool onScar = false);

// What the renderer draws for one dot at one stage: a disc with the soft edge of
// core/DotCoverage.h, and around it the skin's halo (core/SkinDiffusion.h).
struct DotLook {
    float diameterMm = 0.0f;
    float opacity = 0.0f;           // how much the ink replaces the skin colour, 0..1
    glm::vec3 inkLinear{0.0f};      // linear RGB of the pigment as seen through the skin above it
    float rednessAmount = 0.0f;     // fresh only: how far the skin around it is tinted to kFreshRednessLinear
    float rednessRadiusMm = 0.0f;   // fresh only: how far from the dot's centre the redness reaches
};

// The colour reddened skin around a fresh impression tends to, linear RGB (modelling choice).
constexpr glm::vec3 kFreshRednessLinear{0.55f, 0.12f, 0.10f};

// The look of `dot` at `stage` on skin of Fitzpatrick type 1..6 (clamped): the skin-optics
// reference's dot at its depth (core/DotOptics.h), with the dot's own pigment, needle and ink
// seen through the skin's colour.
DotLook dotLook(const SmpDot& dot, SmpStage stage, int fitzpatrickType);
// The same without the dot's own variation (its depth, pigment and fading as planned): what the
// renderer draws every dot of a stage as, with the scatter's size and shade jitter. The halo it is
// drawn with is the fit at the planned depth (core/SkinDiffusion.h), so the disc must be too: the
// fit's parameters are not smooth in depth, and a disc averaged over nearby depths would not
// belong to that halo.
DotLook typicalDotLook(const SmpDot& dot, SmpStage stage, int fitzpatrickType);

// The pieces of dotLook, exposed for the docs' tables and for the tests.
float healedShadesLighter(int fitzpatrickType);  // dilution steps lighter than applied, 1..3
// The pigment's own width once healed (before the skin above blurs it), from the needle's.
float healedDepositMm(float freshDiameterMm);
// Share of the applied pigment a typical dot still holds at `stage` (1 when fresh).
float pigmentKept(SmpStage stage, int fitzpatrickType);

}  // namespace stipple
