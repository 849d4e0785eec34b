#include "core/Needles.h"
#include "core/SkinDiffusion.h"
#include "core/SmpModel.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace stipple;

namespace {

// The halo at the centre of one round dot: its coverage blurred by the halo's Gaussian there.
// A disc of radius r under a Gaussian of sigma s centred on it holds 1 - exp(-r^2 / 2 s^2).
float haloAtCentre(float diameterMm, float opacity, float sigmaMm) {
    const float r = 0.5f * diameterMm;
    return opacity * (1.0f - std::exp(-r * r / (2.0f * sigmaMm * sigmaMm)));
}

}  // namespace

TEST_CASE("deeper pigment casts a wider shadow, and a few times darker than its area", "[smp][diffusion]") {
    float previousSigma = 0.0f, previousGain = 0.0f;
    for (const float depth : {0.3f, 0.5f, 1.0f, 1.5f, 2.0f}) {
        INFO("depth " << depth);
        const SkinDiffusion diffusion = skinDiffusion(depth);
        CHECK(diffusion.haloSigmaMm == Approx(0.65f * depth));
        CHECK(diffusion.haloSigmaMm > previousSigma);
        CHECK(diffusion.gain > previousGain);
        CHECK(diffusion.gain > 4.0f);  // at least in and out, through a deposit as deep as wide
        CHECK(diffusion.gain < 7.0f);
        previousSigma = diffusion.haloSigmaMm;
        previousGain = diffusion.gain;
    }
    CHECK(skinDiffusion(kDefaultDepthMm).gain == Approx(4.61f).margin(0.01f));
    // Out of range depths are clamped like the SMP model's.
    CHECK(skinDiffusion(0.0f).haloSigmaMm == skinDiffusion(kMinDepthMm).haloSigmaMm);
    CHECK(skinDiffusion(9.0f).gain == skinDiffusion(kMaxDepthMm).gain);
}

TEST_CASE("sparse dots darken g times their coverage, and a full layer no more than ink", "[smp][diffusion]") {
    const float gain = skinDiffusion(kDefaultDepthMm).gain;
    // Far away the crisp coverage and the blurred one are both the local coverage.
    for (const float coverage : {0.005f, 0.01f, 0.02f}) {
        INFO("coverage " << coverage);
        CHECK(inkOpacity(coverage, coverage, gain) == Approx(gain * coverage).epsilon(0.1));
        CHECK(inkOpacity(coverage, coverage, 1.0f) == Approx(coverage));  // gain 1: the dots alone
    }
    CHECK(inkOpacity(0.0f, 0.0f, gain) == 0.0f);
    float previous = 0.0f;
    for (int i = 1; i <= 100; ++i) {
        const float coverage = float(i) / 100.0f;
        const float opacity = inkOpacity(coverage, coverage, gain);
        CHECK(opacity >= previous);
        CHECK(opacity <= 1.0f);
        previous = opacity;
    }
    CHECK(inkOpacity(1.0f, 1.0f, gain) == 1.0f);
}

TEST_CASE("up close a hairline dot keeps its own look, with a faint shadow around it", "[smp][diffusion]") {
    const SkinDiffusion diffusion = skinDiffusion(kDefaultDepthMm);
    for (int preset = 0; preset < 4; ++preset) {  // the 1RL needles
        for (const bool healed : {false, true}) {
            INFO(kNeedlePresets[preset].name << (healed ? ", healed" : ", as designed"));
            SmpDot dot;
            dot.freshDiameterMm = kNeedlePresets[preset].impressionDiameterMm;
            const DotLook look = dotLook(dot, SmpStage::Healed, 3);
            const float diameter = healed ? look.diameterMm : dot.freshDiameterMm;
            const float opacity = healed ? look.opacity : dot.shade;
            // The shadow is strongest at the dot's centre: there it barely changes the dot's
            // core, and it is the most the shadow adds anywhere around one dot.
            const float halo = haloAtCentre(diameter, opacity, diffusion.haloSigmaMm);
            CHECK(inkOpacity(opacity, halo, diffusion.gain) - opacity < 0.05f);
            CHECK(inkOpacity(0.0f, halo, diffusion.gain) < 0.35f);  // at most a third of the ink
            CHECK(inkOpacity(0.0f, halo, diffusion.gain) > 0.01f);  // but it is there
            CHECK(diffusion.haloSigmaMm > diameter);  // and it reaches well beyond the dot
        }
    }
}
