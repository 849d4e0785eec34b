#include "core/SmpModel.h"

#include "core/DotOptics.h"
#include "core/Hash.h"
#include "core/Needles.h"
#include "core/SkinTone.h"

#include <glm/common.hpp>

#include <algorithm>
#include <cmath>

namespace stipple {

namespace {

// Each constant is listed in docs/smp-model.md with its source or marked a modelling choice.

// Healed size: the geometric centre of the healed range (0.09-0.17 mm) for the geometric centre
// of the typical needles (0.18-0.30 mm). The healed dot follows the needle only as its square
// root: the facts say size depends more on depth and hand pressure than on the needle.
constexpr float kHealedRefMm = 0.1237f;     // sqrt(0.09 * 0.17)
constexpr float kRefNeedleMm = 0.2324f;     // sqrt(0.18 * 0.30)
constexpr float kNeedleExponent = 0.5f;

constexpr float kShadeStep = 0.10f;         // one dilution step, as a share of the pigment
constexpr float kHealedYears = 28.0f / 365.25f;
constexpr float kHalfLifeYears = 4.5f;      // half faded at the middle of the 3-6 year touch-ups
constexpr float kScarFadeRatio = 1.6f / 0.9f;  // scar cases faded 1.6 points, pattern loss 0.9

constexpr float kFreshRedness = 0.5f;

// Per-dot variation, as a fraction either side.
constexpr float kDepthJitter = 0.10f;       // hand pressure
constexpr float kRetentionJitter = 0.03f;   // how much of the pigment this dot keeps
constexpr float kFadeJitter = 0.15f;        // how fast it fades
constexpr float kRednessJitter = 0.20f;
constexpr float kScarUnevenness = 2.0f;     // scar tissue: twice the variation

// A value in [-1, 1) from the dot's seed; each use has its own salt so they do not correlate.
float seedSigned(std::uint32_t seed, std::uint32_t salt) {
    return 2.0f * hashToUnitFloat(lowbias32(seed ^ salt)) - 1.0f;
}

}  // namespace

const char* stageName(SmpStage stage) { return choiceFor(kStageChoices, stage).name; }

const char* stageLabel(SmpStage stage) { return choiceFor(kStageChoices, stage).label; }

std::optional<SmpStage> parseStage(std::string_view name) {
    if (const StageChoice* choice = findChoice(kStageChoices, name)) return choice->value;
    return std::nullopt;
}

float stageAgeYears(SmpStage stage) {
    switch (stage) {
        case SmpStage::Fresh: return 0.0f;
        case SmpStage::Healed: return kHealedYears;
        case SmpStage::Aged1y: return 1.0f;
        case SmpStage::Aged3y: return 3.0f;
        case SmpStage::Aged5y: return 5.0f;
        case SmpStage::Aged10y: return 10.0f;
    }
    return 0.0f;
}

SmpDot smpDot(const Impression& impression, float depthMm, bool onScar) {
    SmpDot dot;
    dot.freshDiameterMm = impression.diameterMm;
    dot.shade = impression.shade;
    dot.seed = impression.seed;
    dot.depthMm = depthMm;
    dot.onScar = onScar;
    return dot;
}

float healedShadesLighter(int fitzpatrickType) {
    const int type = std::clamp(fitzpatrickType, 1, 6);
    return 1.0f + 2.0f * float(type - 1) / 5.0f;
}

float healedDepositMm(float freshDiameterMm) {
    return kHealedRefMm * std::pow(freshDiameterMm / kRefNeedleMm, kNeedleExponent);
}

float pigmentKept(SmpStage stage, int fitzpatrickType) {
    if (stage == SmpStage::Fresh) return 1.0f;
    const float retention = 1.0f - kShadeStep * healedShadesLighter(fitzpatrickType);
    return retention * std::exp2(-(stageAgeYears(stage) - kHealedYears) / kHalfLifeYears);
}

namespace {

// dotLook, with the dot's own variation (`varied`: its seed's depth, retention, fading and
// redness) or without it.
DotLook lookOf(const SmpDot& dot, SmpStage stage, int fitzpatrickType, bool varied) {
    const auto jitter = [&](std::uint32_t salt) { return varied ? seedSigned(dot.seed, salt) : 0.0f; };
    const int type = std::clamp(fitzpatrickType, 1, 6);
    const float unevenness = dot.onScar ? kScarUnevenness : 1.0f;
    // Multiplicative, so that a deeper setting stays deeper for every dot.
    const float depth = std::clamp(dot.depthMm, kMinDepthMm, kMaxDepthMm) *
                        (1.0f + kDepthJitter * jitter(0x68e31da4U));
    // The skin-optics reference's dot for the default needle (core/DotOptics.h); another needle's
    // deposit is wider or narrower by its own width.
    const RealTimeDot fitted = fittedDot(stage, depth, type);
    const float defaultNeedleMm = kNeedlePresets[kDefaultNeedlePreset].impressionDiameterMm;
    const float needleWidthMm = stage == SmpStage::Fresh
                                    ? dot.freshDiameterMm - defaultNeedleMm
                                    : healedDepositMm(dot.freshDiameterMm) - healedDepositMm(defaultNeedleMm);

    DotLook look;
    look.diameterMm = std::max(fitted.diameterMm + needleWidthMm, 0.02f);
    // The fit's ink darkens the skin by a share per channel: the skin's colour times the rest.
    look.inkLinear = srgbToLinear(fitzpatrickPreset(type).albedoSrgb) * (glm::vec3(1.0f) - fitted.inkContrast);
    // The fit is for the typical dot's pigment; this dot's own keeps the fit's opacity in proportion.
    const float typicalPigment = ScatterParams{}.shade * pigmentKept(stage, type);
    float pigment = std::clamp(dot.shade, 0.0f, 1.0f);
    if (stage == SmpStage::Fresh) {
        look.rednessAmount = kFreshRedness * (1.0f + kRednessJitter * jitter(0xb5297a4dU));
        look.rednessRadiusMm = look.diameterMm;
    } else {
        const float years = stageAgeYears(stage);
        const float retention = 1.0f - kShadeStep * healedShadesLighter(type) +
                                kRetentionJitter * unevenness * jitter(0x1b56c4e9U);
        const float halfLife = kHalfLifeYears / (dot.onScar ? kScarFadeRatio : 1.0f) *
                               (1.0f + kFadeJitter * unevenness * jitter(0x27d4eb2fU));
        pigment *= retention * std::exp2(-(years - kHealedYears) / halfLife);
    }
    look.opacity = std::clamp(fitted.opacity * pigment / typicalPigment, 0.0f, 1.0f);
    return look;
}

}  // namespace

DotLook dotLook(const SmpDot& dot, SmpStage stage, int fitzpatrickType) { return lookOf(dot, stage, fitzpatrickType, true); }

DotLook typicalDotLook(const SmpDot& dot, SmpStage stage, int fitzpatrickType) {
    return lookOf(dot, stage, fitzpatrickType, false);
}

}  // namespace stipple
