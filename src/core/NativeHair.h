// The client's own hair, shaved to stubble, so a design can be judged beside it: where it
// grows (the native-hair layer, follicular units per cm^2), its colour, and how a shaved unit
// looks from above.
//
// A shaved follicular unit reads as a small dark dot: one to four cut shafts of 0.06-0.14 mm
// and the pigmented hair just under the skin (docs/smp-facts.md). SMP's impressions imitate
// exactly that, so the preview draws both as dots from the same candidate pool. Follicles take
// the candidates from the top of the ranks down (1 - rank), impressions from the bottom up: the
// two never share a candidate while both densities together stay under the pool's maximum,
// the way a practitioner sets impressions between the client's hairs. Where they would, the
// impression wins (core/Scatter.h).
#pragma once

#include "core/CandidateGrid.h"
#include "core/CandidatePool.h"
#include "core/HeadMesh.h"
#include "core/Scatter.h"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <vector>

namespace stipple {

// Natural density tops out near 110 follicular units per cm^2; the layer allows some margin.
constexpr float kMaxNativeHairPerCm2 = 150.0f;
// What a fresh native-hair brush paints: the mean natural density (docs/smp-facts.md).
constexpr float kDefaultNativeHairPerCm2 = 80.0f;

struct HairColourPreset {
    const char* name;
    glm::vec3 srgb;  // the stubble seen from above (a display choice, not a measurement)
};

constexpr HairColourPreset kHairColours[] = {
    {"Black", {0.07f, 0.06f, 0.06f}},       {"Dark brown", {0.16f, 0.11f, 0.08f}},
    {"Brown", {0.29f, 0.20f, 0.13f}},       {"Light brown", {0.46f, 0.34f, 0.23f}},
    {"Blond", {0.66f, 0.54f, 0.36f}},       {"Grey", {0.52f, 0.51f, 0.50f}},
};
constexpr int kDefaultHairColour = 1;  // dark brown

// How the follicular units are scattered: the "dot" of a unit is its hairs' shaft diameter,
// 0.085 mm +/- 30 % (0.06-0.11 mm, inside the facts' 0.057-0.122 mm), and its shade how dark
// their pigment is. Each unit grows 1-3 hairs (stubbleHairs()).
ScatterParams stubbleDots();

// How the shaved hair looks (docs/smp-model.md, "Native hair"): cut this far above the skin,
// with this share of grey (unpigmented) hairs, growing away from the crown's whorl.
struct StubbleLook {
    float lengthMm = 0.0f;   // 0 (freshly shaved) .. kMaxStubbleMm
    float greyShare = 0.0f;  // 0..1, each hair's own draw
    glm::vec3 whorlMm{0.0f};
    bool operator==(const StubbleLook& o) const {
        return lengthMm == o.lengthMm && greyShare == o.greyShare && whorlMm == o.whorlMm;
    }
    bool operator!=(const StubbleLook& o) const { return !(*this == o); }
};
constexpr float kMaxStubbleMm = 3.0f;
constexpr float kStubbleLengthsMm[] = {0.0f, 0.5f, 1.0f, 3.0f};  // what the app offers
// Grey hair has no pigment: its shaft is a pale, translucent grey above the skin (a display
// choice) and nothing shows of it under the skin.
constexpr glm::vec3 kGreyHairSrgb{0.80f, 0.79f, 0.76f};

// The shaft leaves the skin at 30 degrees to the surface (scalp hair emerges at an acute angle,
// 20-60 degrees in the FUE literature: a modelling choice within it) and runs on under it at
// the same angle, fading with depth like the reference's deposits (docs/skin-optics.md): full
// under the epidermis's 0.1 mm, then exp(-(depth - 0.1) / 0.13 mm), the slope of the healed
// deposits' contrast over 0.3-0.6 mm. Past 1 mm along the skin (depth 0.58 mm, 2.5 %) it is gone.
constexpr float kHairExitTan = 0.57735027f;  // tan 30 degrees
constexpr float kHairExitCos = 0.86602540f;
constexpr float kHairEpidermisMm = 0.1f;
constexpr float kHairFadeMm = 0.13f;
constexpr float kHairUnderSkinMm = 1.0f;

// The direction the hair grows at a point of the skin with unit normal `normal`: along the
// skin, away from the crown's whorl (forward on the top, down the sides and the back).
glm::vec3 hairGrowthDirection(const glm::vec3& positionMm, const glm::vec3& normal, const glm::vec3& whorlMm);
// Where the whorl sits on a head: 30 mm behind the vertex (the parietal whorl lies at the back
// of the vertex; a modelling choice).
glm::vec3 crownWhorl(const Landmarks& landmarks);
// How far from a unit's exit point its hairs can show: under the skin and the stubble's lean.
float stubbleReachMm(const StubbleLook& look);

// Coverage of the client's hair at a point of the skin: x the pigmented shafts (above the skin
// and, fading, under it), y the grey ones (above the skin only). The CPU twin of
// shaders/stubble.glsl, bit for bit in its choices.
class StubbleCoverage {
public:
    // `follicles` as scatterFollicles() returns them; the references must outlive this.
    StubbleCoverage(const CandidatePool& pool, const CandidateGrid& grid, const std::vector<Impression>& follicles,
                    const StubbleLook& look);
    // `normal`: the skin's unit normal at `positionMm`; `footprintMm` what one pixel covers.
    glm::vec2 at(const glm::vec3& positionMm, const glm::vec3& normal, float footprintMm) const;

private:
    const CandidatePool& pool_;
    const CandidateGrid& grid_;
    StubbleLook look_;
    std::vector<const Impression*> follicleOf_;  // per candidate, null when none
};

}  // namespace stipple
