// DotOptics: what the skin-optics reference (core/SkinOptics) is asked about SMP, and what it
// answers for the real-time model. A stage of an impression's life is a carbon deposit of a
// stated geometry (stageDeposit); the reference's table of those deposits is committed data
// (assets/optics/deposits.csv, tools/make-optics-tables.sh), and the real-time dot is fitted to it.
//
// docs/skin-optics.md gives the stage geometry and the fit.
#pragma once

#include "core/DotCalibration.h"
#include "core/SkinDiffusion.h"
#include "core/SkinOptics.h"
#include "core/SmpModel.h"

#include <glm/vec3.hpp>

#include <array>
#include <iterator>
#include <optional>
#include <vector>

namespace stipple {

// The pigment of a typical dot of `needleImpressionMm` at `stage`, with the needle's tip
// `depthMm` deep, on skin of Fitzpatrick type 1..6, applied at `shade`.
Deposit stageDeposit(float needleImpressionMm, SmpStage stage, float depthMm, int fitzpatrickType, float shade);

// How far pigment has migrated from its healed deposit: added to its diameter.
float migrationMm(SmpStage stage);

// One row of the reference's table: a needle preset, a stage and a depth.
struct OpticsTableEntry {
    int needlePreset;
    SmpStage stage;
    float depthMm;
    Deposit deposit;
};

// The depths the table samples, mm.
constexpr float kOpticsTableDepthsMm[] = {0.3f, 0.4f, 0.5f, 0.6f, 0.75f, 1.0f, 1.25f, 1.5f, 2.0f};
// The field density the table's drop is measured at, per cm^2.
constexpr double kOpticsTableDensity = 100.0;

// The rows for one skin type: the default needle at every stage and depth, the other needles
// fresh and healed at the default depth.
std::vector<OpticsTableEntry> opticsTableEntries(int fitzpatrickType);

// [SECTION] The real-time dot and its fit

// One dot as the real-time model draws it: a disc of `diameterMm` and `opacity` with the soft
// edge of core/DotCoverage.h, the skin's halo (core/SkinDiffusion.h: the coverage blurred by a
// Gaussian of `haloSigmaMm` and a share `haloTail` by one kHaloTailScale times wider, carrying
// gain - 1 times the dot's coverage) composited with the `crisp` share of the disc itself by
// inkOpacity(), per channel, and an ink that darkens the skin by the share `inkContrast`
// (ink = skin x (1 - inkContrast)).
struct RealTimeDot {
    float diameterMm = 0.0f;
    float opacity = 0.0f;
    float haloSigmaMm = 0.0f;
    float haloTail = 0.0f;
    glm::vec3 gain{1.0f};
    float crisp = 1.0f;
    glm::vec3 inkContrast{0.0f};
};

// What the real-time dot shows, in the reference's terms (core/SkinOptics.h's OpticsResult):
// the contrast on its axis, the width at half of it (luminance weighted by `bare`, the skin's
// reflectance) and the drop of a field of such dots at `densityPerCm2`.
struct DotAppearance {
    glm::vec3 peakContrast{0.0f};
    float fwhmMm = 0.0f;
    glm::vec3 drop{0.0f};
};
DotAppearance realTimeAppearance(const RealTimeDot& dot, const glm::vec3& bare, double densityPerCm2);
// The real-time dot's contrast per channel `radiusMm` from its centre, alone on the skin: its
// radial profile, to set beside the reference's.
glm::vec3 realTimeContrast(const RealTimeDot& dot, float radiusMm);

// Where a dot's shadow lies decides how much texture a field of them shows from afar: the
// darkening within these radii of its centre (luminance-weighted contrast over the skin, mm²)
// is matched besides the peak, width and drop.
constexpr float kEncircledRadiiMm[] = {0.2f, 0.5f, 1.0f};  // radii the reference's profiles hold
using Encircled = std::array<float, std::size(kEncircledRadiiMm)>;

// What the fit matches: one row of the reference's table.
struct OpticsTarget {
    glm::vec3 bare{0.0f};
    glm::vec3 peakContrast{0.0f};
    float fwhmMm = 0.0f;
    glm::vec3 drop{0.0f};  // at kOpticsTableDensity
    Encircled encircledMm2{};
    float depositMm = 0.0f;  // the deposit's own width: the least the disc may be
};

// The darkening within each of kEncircledRadiiMm of a profile of the reference (its radii and
// contrast per channel), weighted to luminance by `bare`.
Encircled profileEncircled(const std::vector<double>& radiiMm, const std::vector<Rgb>& contrast, const Rgb& bare);
// The same of the real-time dot on skin of reflectance `bare`.
Encircled realTimeEncircled(const RealTimeDot& dot, const glm::vec3& bare);

// The real-time dot of `opacity` (the deposit's pigment) that shows `target`: for each halo
// (width and tail) and crisp share, per channel the gain and ink contrast that give the peak and
// the drop, the diameter that gives the width; of those the one that misses least, the
// darkening within kEncircledRadiiMm counting half as much, and on a tie the crispest.
RealTimeDot fitRealTimeDot(const OpticsTarget& target, float opacity);
// How far the real-time dot misses the target: the largest relative error of the width, the
// peak contrasts and the drops.
float fitError(const DotAppearance& shown, const OpticsTarget& target);

// [SECTION] The fitted table (src/core/OpticsFit.inc, written by `stipple optics --fit`)

// The real-time dot for the default needle, interpolated in depth (clamped to the table's),
// at `stage` on skin of Fitzpatrick type 1..6; without a stage, the fresh dot (as the needle
// leaves it, which is what a design draws).
RealTimeDot fittedDot(std::optional<SmpStage> stage, float depthMm, int fitzpatrickType);

// [SECTION] The practitioner's own healed dot

// The real-time dot that shows what a photo of the practitioner's healed work measured
// (core/DotCalibration.h): its width at half contrast and its peak contrast per channel, on the
// photo's skin. A photo does not show the field's drop at the table's density nor the halo's
// width on their own, so both come from the reference's healed dot at `depthMm` on skin of
// Fitzpatrick type 1..6, scaled to the measured dot's width and contrast.
RealTimeDot calibratedDot(const DotMeasurement& measured, float depthMm, int fitzpatrickType);

}  // namespace stipple
