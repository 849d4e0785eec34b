#include "core/DotOptics.h"

#include "core/DotCoverage.h"
#include "core/Needles.h"
#include "core/Scatter.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <limits>

namespace stipple {

namespace {

// Each constant is listed in docs/skin-optics.md ("Stages as deposits").

// Healed pigment lies in the needle track's last quarter millimetre (never in the epidermis,
// which renews itself within weeks and sheds what it held).
constexpr float kHealedColumnMm = 0.25f;
// Pigment drifts from its deposit after healing, as the square root of time (diffusion-like).
constexpr float kMigrationPerSqrtYearMm = 0.03f;

// The fit, one row per skin type, stage and depth of the default needle, in that order.
struct FittedRow {
    int skin;
    SmpStage stage;
    float depthMm, diameterMm, opacity, haloSigmaMm, haloTail;
    float gain[3];
    float crisp;
    float inkContrast[3];
};
constexpr FittedRow kFittedRows[] = {
#include "core/OpticsFit.inc"
};

constexpr float kPi = 3.14159265f;
// The renderer draws no dot wider than the candidate grid holds (core/CandidateGrid.h: 0.6 mm,
// less the scatter's 8 % jitter).
constexpr float kMinFitDiameterMm = 0.03f, kMaxFitDiameterMm = 0.55f;
constexpr float kLuminance[3] = {0.2126f, 0.7152f, 0.0722f};

// exp(-x) I0(x) (Abramowitz & Stegun 9.8.1-2): the ring kernel of a Gaussian blur.
float scaledBesselI0(float x) {
    if (x <= 3.75f) {
        const float t = (x / 3.75f) * (x / 3.75f);
        return std::exp(-x) * (1.0f + t * (3.5156229f + t * (3.0899424f + t * (1.2067492f + t * (0.2659732f +
                                t * (0.0360768f + t * 0.0045813f))))));
    }
    const float t = 3.75f / x;
    return (0.39894228f + t * (0.01328592f + t * (0.00225319f + t * (-0.00157565f + t * (0.00916281f +
            t * (-0.02057706f + t * (0.02635537f + t * (-0.01647633f + t * 0.00392377f)))))))) / std::sqrt(x);
}

// One dot's coverage and halo as the renderer makes them (dotProfile, then the halo's Gaussian),
// as functions of the distance from its centre.
class DotShape {
public:
    DotShape(float diameterMm, float opacity, float sigmaMm, float tail)
        : radius_(0.5f * diameterMm), opacity_(opacity), sigma_(sigmaMm), tail_(tail) {
        const float outer = 1.2f * radius_;
        step_ = outer / kRings;
        for (int i = 0; i < kRings; ++i) {
            const float rho = (float(i) + 0.5f) * step_;
            ringRadius_[i] = rho;
            ringWeight_[i] = coverage(rho) * 2.0f * kPi * rho * step_;
            area_ += ringWeight_[i];
        }
    }
    float coverage(float r) const { return opacity_ * dotProfile(r, radius_, 0.0f); }
    // The coverage blurred by the halo's two Gaussians.
    float halo(float r) const {
        const float core = blurred(r, sigma_);
        return tail_ > 0.0f ? (1.0f - tail_) * core + tail_ * blurred(r, kHaloTailScale * sigma_) : core;
    }
    float area() const { return area_; }  // the coverage's integral over the skin, mm^2

private:
    // A blur much finer than the rings leaves the coverage as it is.
    float blurred(float r, float sigma) const {
        if (sigma < step_) return coverage(r);
        const float s2 = sigma * sigma;
        float sum = 0.0f;
        for (int i = 0; i < kRings; ++i) {
            const float rho = ringRadius_[i];
            sum += ringWeight_[i] * std::exp(-(r - rho) * (r - rho) / (2.0f * s2)) * scaledBesselI0(r * rho / s2);
        }
        return sum / (2.0f * kPi * s2);
    }

    static constexpr int kRings = 32;
    float radius_, opacity_, sigma_, tail_, step_ = 0.0f, area_ = 0.0f;
    float ringRadius_[kRings] = {}, ringWeight_[kRings] = {};
};

// The far field: dots at random places, `densityPerCm2` of them, each covering `area` mm^2.
float fieldCoverage(float area, double densityPerCm2) { return 1.0f - std::exp(-float(densityPerCm2 / 100.0) * area); }

float widthAtHalf(const std::function<float(float)>& contrastAt) {
    constexpr float kStepMm = 0.005f, kReachMm = 4.0f;
    const float half = 0.5f * contrastAt(0.0f);
    float previous = 2.0f * half;
    for (float r = kStepMm; r <= kReachMm; r += kStepMm) {
        const float value = contrastAt(r);
        if (value < half) return 2.0f * (r - kStepMm * (half - value) / (previous - value));
        previous = value;
    }
    return 2.0f * kReachMm;
}

}  // namespace

float migrationMm(SmpStage stage) {
    return kMigrationPerSqrtYearMm * std::sqrt(std::max(0.0f, stageAgeYears(stage) - stageAgeYears(SmpStage::Healed)));
}

Deposit stageDeposit(float needleImpressionMm, SmpStage stage, float depthMm, int fitzpatrickType, float shade) {
    Deposit deposit;
    deposit.depthMm = depthMm;
    deposit.opacity = std::clamp(double(shade * pigmentKept(stage, fitzpatrickType)), 0.01, 1.0);
    if (stage == SmpStage::Fresh) {
        // Day 0: ink fills the whole puncture, from the surface to the tip, the needle's width.
        deposit.diameterMm = needleImpressionMm;
        deposit.columnMm = depthMm;
        return deposit;
    }
    deposit.columnMm = std::min(double(kHealedColumnMm), depthMm - kEpidermisMm);
    // Ageing spreads the healed pigment wider and carries some off: the carbon per volume (its
    // absorption coefficient) falls with both, and the opacity across the wider deposit follows.
    const double healedMm = healedDepositMm(needleImpressionMm);
    const double healedOpacity = std::clamp(double(shade * pigmentKept(SmpStage::Healed, fitzpatrickType)), 0.01, 0.999);
    deposit.diameterMm = healedMm + migrationMm(stage);
    const double kept = double(pigmentKept(stage, fitzpatrickType) / pigmentKept(SmpStage::Healed, fitzpatrickType));
    const double absorption = -std::log(1.0 - healedOpacity) / healedMm * kept * (healedMm / deposit.diameterMm) *
                              (healedMm / deposit.diameterMm);
    deposit.opacity = std::clamp(1.0 - std::exp(-absorption * deposit.diameterMm), 0.01, 1.0);
    return deposit;
}

std::vector<OpticsTableEntry> opticsTableEntries(int fitzpatrickType) {
    const float shade = ScatterParams{}.shade;
    std::vector<OpticsTableEntry> entries;
    const auto add = [&](int needle, SmpStage stage, float depth) {
        entries.push_back({needle, stage, depth,
                           stageDeposit(kNeedlePresets[needle].impressionDiameterMm, stage, depth, fitzpatrickType, shade)});
    };
    for (SmpStage stage : kSmpStages)
        for (float depth : kOpticsTableDepthsMm) add(kDefaultNeedlePreset, stage, depth);
    for (int needle = 0; needle < int(std::size(kNeedlePresets)); ++needle) {
        if (needle == kDefaultNeedlePreset) continue;
        add(needle, SmpStage::Fresh, kDefaultDepthMm);
        add(needle, SmpStage::Healed, kDefaultDepthMm);
    }
    return entries;
}

DotAppearance realTimeAppearance(const RealTimeDot& dot, const glm::vec3& bare, double densityPerCm2) {
    const DotShape shape(dot.diameterMm, dot.opacity, dot.haloSigmaMm, dot.haloTail);
    const float field = fieldCoverage(shape.area(), densityPerCm2);
    DotAppearance appearance;
    for (int c = 0; c < 3; ++c) {
        appearance.peakContrast[c] = dot.inkContrast[c] * inkOpacity(shape.coverage(0.0f), shape.halo(0.0f), dot.gain[c], dot.crisp);
        appearance.drop[c] = dot.inkContrast[c] * inkOpacity(field, field, dot.gain[c], dot.crisp);
    }
    float bareLuminance = 0.0f;
    for (int c = 0; c < 3; ++c) bareLuminance += kLuminance[c] * bare[c];
    appearance.fwhmMm = widthAtHalf([&](float r) {
        const float coverage = shape.coverage(r), halo = shape.halo(r);
        float luminance = 0.0f;
        for (int c = 0; c < 3; ++c)
            luminance += kLuminance[c] * bare[c] * dot.inkContrast[c] * inkOpacity(coverage, halo, dot.gain[c], dot.crisp);
        return luminance / bareLuminance;
    });
    return appearance;
}

glm::vec3 realTimeContrast(const RealTimeDot& dot, float radiusMm) {
    const DotShape shape(dot.diameterMm, dot.opacity, dot.haloSigmaMm, dot.haloTail);
    const float coverage = shape.coverage(radiusMm), halo = shape.halo(radiusMm);
    glm::vec3 contrast;
    for (int c = 0; c < 3; ++c) contrast[c] = dot.inkContrast[c] * inkOpacity(coverage, halo, dot.gain[c], dot.crisp);
    return contrast;
}

Encircled profileEncircled(const std::vector<double>& radiiMm, const std::vector<Rgb>& contrast, const Rgb& bare) {
    double bareLuminance = 0.0;
    for (std::size_t c = 0; c < 3; ++c) bareLuminance += kLuminance[c] * bare[c];
    Encircled encircled{};
    double sum = 0.0;
    std::size_t next = 0;
    for (std::size_t i = 1; i < radiiMm.size() && next < encircled.size(); ++i) {
        double shadow = 0.0;
        for (std::size_t c = 0; c < 3; ++c)
            shadow += kLuminance[c] * bare[c] * 0.5 * (std::max(contrast[i][c], 0.0) + std::max(contrast[i - 1][c], 0.0));
        sum += shadow / bareLuminance * kPi * (radiiMm[i] * radiiMm[i] - radiiMm[i - 1] * radiiMm[i - 1]);
        if (radiiMm[i] >= double(kEncircledRadiiMm[next]) - 1e-6) encircled[next++] = float(sum);
    }
    return encircled;
}

Encircled realTimeEncircled(const RealTimeDot& dot, const glm::vec3& bare) {
    constexpr float kStepMm = 0.01f;
    float bareLuminance = 0.0f;
    for (int c = 0; c < 3; ++c) bareLuminance += kLuminance[c] * bare[c];
    const DotShape shape(dot.diameterMm, dot.opacity, dot.haloSigmaMm, dot.haloTail);
    Encircled encircled{};
    float sum = 0.0f;
    std::size_t next = 0;
    for (float r = 0.5f * kStepMm; next < encircled.size(); r += kStepMm) {
        const float coverage = shape.coverage(r), halo = shape.halo(r);
        float luminance = 0.0f;
        for (int c = 0; c < 3; ++c)
            luminance += kLuminance[c] * bare[c] * dot.inkContrast[c] * inkOpacity(coverage, halo, dot.gain[c], dot.crisp);
        sum += luminance / bareLuminance * 2.0f * kPi * r * kStepMm;
        if (r + 0.5f * kStepMm >= kEncircledRadiiMm[next] - 1e-4f) encircled[next++] = sum;
    }
    return encircled;
}

float fitError(const DotAppearance& shown, const OpticsTarget& target) {
    float error = std::abs(shown.fwhmMm / target.fwhmMm - 1.0f);
    for (int c = 0; c < 3; ++c) {
        error = std::max(error, std::abs(shown.peakContrast[c] / target.peakContrast[c] - 1.0f));
        error = std::max(error, std::abs(shown.drop[c] / target.drop[c] - 1.0f));
    }
    return error;
}

RealTimeDot fitRealTimeDot(const OpticsTarget& target, float opacity) {
    // The halo is baked in 16 bits: a higher gain would turn each of its levels into a visible step.
    constexpr float kMaxGain = 60.0f;
    // Per channel, for a dot: the peak over the drop falls as the gain rises (the halo adds more
    // to the field than to the dot's centre); then the ink gives the peak itself.
    const auto fitChannels = [&](RealTimeDot& dot) {
        const DotShape shape(dot.diameterMm, opacity, dot.haloSigmaMm, dot.haloTail);
        const float coverage = shape.coverage(0.0f), halo = shape.halo(0.0f);
        const float field = fieldCoverage(shape.area(), kOpticsTableDensity);
        for (int c = 0; c < 3; ++c) {
            const float wanted = target.peakContrast[c] / std::max(target.drop[c], 1e-6f);
            const auto ratio = [&](float gain) {
                return inkOpacity(coverage, halo, gain, dot.crisp) / inkOpacity(field, field, gain, dot.crisp);
            };
            float low = 1.0f, high = kMaxGain;
            if (ratio(low) <= wanted) high = low;
            else if (ratio(high) >= wanted) low = high;
            for (int i = 0; i < 30 && high - low > 1e-3f; ++i) {
                const float mid = 0.5f * (low + high);
                (ratio(mid) > wanted ? low : high) = mid;
            }
            dot.gain[c] = 0.5f * (low + high);
            dot.inkContrast[c] =
                std::min(1.0f, target.peakContrast[c] / std::max(inkOpacity(coverage, halo, dot.gain[c], dot.crisp), 1e-6f));
        }
    };
    // For a halo: the width grows with the diameter, bisect for the reference's.
    const auto fitFor = [&](float sigma, float tail, float crisp) {
        RealTimeDot dot;
        dot.opacity = opacity;
        dot.haloSigmaMm = sigma;
        dot.haloTail = tail;
        dot.crisp = crisp;
        float low = std::clamp(target.depositMm, kMinFitDiameterMm, kMaxFitDiameterMm), high = kMaxFitDiameterMm;
        for (int i = 0; i < 12; ++i) {
            dot.diameterMm = 0.5f * (low + high);
            fitChannels(dot);
            (realTimeAppearance(dot, target.bare, kOpticsTableDensity).fwhmMm < target.fwhmMm ? low : high) = dot.diameterMm;
        }
        dot.diameterMm = 0.5f * (low + high);
        fitChannels(dot);
        return dot;
    };
    RealTimeDot best;
    float bestScore = std::numeric_limits<float>::infinity();
    // A deep deposit's shadow is wide and faint with nothing crisp at its centre: the disc's own
    // share shrinks and the halo carries the rest.
    for (float crisp : {1.0f, 0.5f, 0.25f, 0.1f, 0.03f, 0.0f}) {
        for (float tail : {0.0f, 0.25f, 0.5f, 0.75f, 0.9f}) {
            for (float sigma = 0.05f; sigma <= 1.5f; sigma *= 1.2f) {
                const RealTimeDot dot = fitFor(sigma, tail, crisp);
                const float error = fitError(realTimeAppearance(dot, target.bare, kOpticsTableDensity), target);
                if (error > bestScore) continue;  // the encircled darkening cannot make up for it
                const Encircled encircled = realTimeEncircled(dot, target.bare);
                float encircledError = 0.0f;
                for (std::size_t k = 0; k < encircled.size(); ++k)
                    encircledError = std::max(encircledError, std::abs(encircled[k] / target.encircledMm2[k] - 1.0f));
                const float score = error + 0.5f * encircledError + 0.005f * (1.0f - crisp);
                if (score < bestScore) {
                    bestScore = score;
                    best = dot;
                }
            }
        }
    }
    return best;
}

RealTimeDot fittedDot(std::optional<SmpStage> stage, float depthMm, int fitzpatrickType) {
    const int skin = std::clamp(fitzpatrickType, 1, 6);
    const SmpStage shown = stage.value_or(SmpStage::Fresh);
    const FittedRow* below = nullptr;
    const FittedRow* above = nullptr;
    for (const FittedRow& row : kFittedRows) {
        if (row.skin != skin || row.stage != shown) continue;
        if (row.depthMm <= depthMm && (!below || row.depthMm > below->depthMm)) below = &row;
        if (row.depthMm >= depthMm && (!above || row.depthMm < above->depthMm)) above = &row;
    }
    if (!below) below = above;
    if (!above) above = below;
    if (!below) return RealTimeDot{};
    const float t = above->depthMm > below->depthMm ? (depthMm - below->depthMm) / (above->depthMm - below->depthMm) : 0.0f;
    const auto mix = [t](float a, float b) { return a + t * (b - a); };
    RealTimeDot dot;
    dot.diameterMm = mix(below->diameterMm, above->diameterMm);
    dot.opacity = mix(below->opacity, above->opacity);
    dot.haloSigmaMm = mix(below->haloSigmaMm, above->haloSigmaMm);
    dot.haloTail = mix(below->haloTail, above->haloTail);
    dot.crisp = mix(below->crisp, above->crisp);
    for (int c = 0; c < 3; ++c) {
        dot.gain[c] = mix(below->gain[c], above->gain[c]);
        dot.inkContrast[c] = mix(below->inkContrast[c], above->inkContrast[c]);
    }
    return dot;
}

RealTimeDot calibratedDot(const DotMeasurement& measured, float depthMm, int fitzpatrickType) {
    const RealTimeDot prior = fittedDot(SmpStage::Healed, depthMm, fitzpatrickType);
    const DotAppearance priorShown = realTimeAppearance(prior, measured.skinLinear, kOpticsTableDensity);
    OpticsTarget target;
    target.bare = measured.skinLinear;
    target.fwhmMm = std::clamp(measured.apparentDiameterMm, kMinFitDiameterMm, kMaxFitDiameterMm);
    const float widthRatio = target.fwhmMm / std::max(priorShown.fwhmMm, 1e-3f);
    for (int c = 0; c < 3; ++c) {
        target.peakContrast[c] = std::clamp(measured.peakContrast[c], 1e-3f, 0.95f);
        // A field's drop grows with each dot's contrast and with its area.
        const float contrastRatio = target.peakContrast[c] / std::max(priorShown.peakContrast[c], 1e-3f);
        target.drop[c] = std::min(priorShown.drop[c] * contrastRatio * widthRatio * widthRatio, 0.95f);
    }
    // The shadow keeps the reference's shape, scaled to the measured width and contrast.
    const Encircled priorEncircled = realTimeEncircled(prior, measured.skinLinear);
    const float luminanceRatio = glm::dot(target.peakContrast, glm::vec3(kLuminance[0], kLuminance[1], kLuminance[2])) /
                                 std::max(glm::dot(priorShown.peakContrast, glm::vec3(kLuminance[0], kLuminance[1], kLuminance[2])), 1e-3f);
    for (std::size_t k = 0; k < priorEncircled.size(); ++k) target.encircledMm2[k] = priorEncircled[k] * luminanceRatio * widthRatio * widthRatio;
    return fitRealTimeDot(target, prior.opacity);
}

}  // namespace stipple
