#include "core/ImpressionLook.h"
#include "core/Needles.h"
#include "core/SkinTone.h"
#include "core/SkinDiffusion.h"
#include "core/SmpModel.h"

#include <catch2/catch.hpp>

using namespace stipple;

TEST_CASE("the skin's halo is the fitted dot's: a soft shadow that darkens more than the dots' area", "[smp][diffusion]") {
    for (const std::optional<SmpStage> stage :
         {std::optional<SmpStage>{}, std::optional<SmpStage>{SmpStage::Healed}, std::optional<SmpStage>{SmpStage::Aged10y}}) {
        for (const float depth : {0.3f, 0.5f, 1.0f, 1.5f, 2.0f}) {
            INFO((stage ? stageName(*stage) : "as designed") << ", " << depth << " mm");
            const SkinDiffusion diffusion = skinDiffusion(depth, stage, 2);
            CHECK(diffusion.haloSigmaMm > 0.0f);
            CHECK(diffusion.haloTail >= 0.0f);
            CHECK(diffusion.haloTail < 1.0f);
            for (int c = 0; c < 3; ++c) CHECK(diffusion.gain[c] >= 1.0f);
        }
    }
    // Depths outside the range are clamped to it.
    CHECK(skinDiffusion(0.0f).haloSigmaMm == skinDiffusion(kMinDepthMm).haloSigmaMm);
    CHECK(skinDiffusion(9.0f).gain == skinDiffusion(kMaxDepthMm).gain);
}

TEST_CASE("sparse dots darken g times their coverage, and a full layer no more than ink", "[smp][diffusion]") {
    const glm::vec3 gains = skinDiffusion(kDefaultDepthMm, SmpStage::Healed, 3).gain;
    for (int c = 0; c < 3; ++c) {
        const float gain = gains[c];
        // Far away the crisp coverage and the blurred one are both the local coverage.
        for (const float coverage : {0.0005f, 0.001f, 0.002f}) {
            INFO("gain " << gain << ", coverage " << coverage);
            CHECK(inkOpacity(coverage, coverage, gain) == Approx(gain * coverage).epsilon(0.1));
            CHECK(inkOpacity(coverage, coverage, 1.0f) == Approx(coverage).epsilon(1e-3));  // gain 1: the dots alone
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
    CHECK(inkOpacity(0.01f, 0.01f, gains) == glm::vec3(inkOpacity(0.01f, 0.01f, gains.x), inkOpacity(0.01f, 0.01f, gains.y),
                                                       inkOpacity(0.01f, 0.01f, gains.z)));
}

TEST_CASE("one look for the impressions: the needle's dots as designed, the model's at a stage, the client's skin", "[smp][diffusion]") {
    DesignSettings settings;
    settings.needlePreset = 2;
    settings.depthMm = 1.2f;
    settings.skinType = 5;
    const ImpressionLook designed = impressionLook(settings, std::nullopt);
    CHECK(designed.dots.needleDiameterMm == kNeedlePresets[2].impressionDiameterMm);
    CHECK(designed.inkSrgb == kDesignInkSrgb);
    CHECK(designed.skinSrgb == fitzpatrickPreset(5).albedoSrgb);
    CHECK(designed.diffusion.haloSigmaMm == skinDiffusion(1.2f, std::nullopt, 5).haloSigmaMm);

    // At a stage the dots and the ink age, and the halo is the stage's on this skin.
    const ImpressionLook aged = impressionLook(settings, SmpStage::Aged10y);
    CHECK(aged.dots.needleDiameterMm > designed.dots.needleDiameterMm);  // dots spread as they age
    CHECK(aged.inkSrgb != kDesignInkSrgb);
    CHECK(aged.diffusion.gain == skinDiffusion(1.2f, SmpStage::Aged10y, 5).gain);
    CHECK(aged.skinSrgb == designed.skinSrgb);

    // A custom skin colour shows as itself and heals as type III.
    settings.skinType = 0;
    settings.customSkinSrgb = {0.5f, 0.4f, 0.3f};
    const ImpressionLook custom = impressionLook(settings, SmpStage::Healed);
    CHECK(custom.skinSrgb == glm::vec3(0.5f, 0.4f, 0.3f));
    CHECK(custom.diffusion.haloSigmaMm == skinDiffusion(1.2f, SmpStage::Healed, 3).haloSigmaMm);
    settings.skinType = 3;
    CHECK(impressionLook(settings, SmpStage::Healed).inkSrgb == custom.inkSrgb);
}
