#include "TestHeads.h"

#include "core/DensityMap.h"
#include "core/Needles.h"
#include "core/Scatter.h"
#include "core/SessionPlan.h"
#include "core/DotOptics.h"
#include "core/SkinTone.h"
#include "core/SmpModel.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <iterator>
#include <set>

using namespace stipple;
using testheads::Head;

namespace {

// Impressions as the scatter makes them for a needle preset: its diameter and shade jitter.
std::vector<Impression> needleImpressions(int preset, int count = 2000) {
    std::vector<Impression> impressions;
    const ScatterParams params = dotLookFor(preset);
    for (int i = 0; i < count; ++i)
        impressions.push_back(makeImpression(Candidate{}, std::uint32_t(i), 7, params));
    return impressions;
}

glm::vec3 skinLinear(int type) { return srgbToLinear(fitzpatrickPreset(type).albedoSrgb); }

// How dark a dot's core is: its opacity times how far its ink is from the skin (luminance).
float coreDarkness(const DotLook& look, int type) {
    const glm::vec3 weights(0.2126f, 0.7152f, 0.0722f);
    return look.opacity * (1.0f - glm::dot(look.inkLinear, weights) / glm::dot(skinLinear(type), weights));
}

std::set<std::uint32_t> ids(const std::vector<Impression>& impressions) {
    std::set<std::uint32_t> result;
    for (const Impression& impression : impressions) result.insert(impression.id);
    return result;
}

// More on one side of the head than the other: 40 to 100 impressions/cm^2 across u.
DensityMap gradientMap() {
    DensityMap map(64, 8);
    for (int j = 0; j < map.height(); ++j)
        for (int i = 0; i < map.width(); ++i) map.set(i, j, 40.0f + 60.0f * float(i) / float(map.width() - 1));
    return map;
}

}  // namespace

TEST_CASE("healed 1RL deposits lie in the facts' 0.09-0.17 mm, and the skin shows them wider", "[smp]") {
    for (int preset = 0; preset < 4; ++preset) {
        INFO(kNeedlePresets[preset].name);
        const float deposit = healedDepositMm(kNeedlePresets[preset].impressionDiameterMm);
        CHECK(deposit >= kHealedMinMm);
        CHECK(deposit <= kHealedMaxMm);
        // The skin-optics reference: light diffused in the 0.25 mm of skin above spreads the shadow.
        for (const Impression& impression : needleImpressions(preset, 200))
            REQUIRE(dotLook(smpDot(impression), SmpStage::Healed, 3).diameterMm > deposit);
    }
}

TEST_CASE("fresh dots are darker than healed, about 0.25 mm at most for the usual needles", "[smp]") {
    for (int preset = 0; preset < 5; ++preset) {
        INFO(kNeedlePresets[preset].name);
        const bool usual = kNeedlePresets[preset].impressionDiameterMm <= kFreshMaxMm;
        for (const Impression& impression : needleImpressions(preset)) {
            const SmpDot dot = smpDot(impression);
            const DotLook fresh = dotLook(dot, SmpStage::Fresh, 3);
            const DotLook healed = dotLook(dot, SmpStage::Healed, 3);
            REQUIRE(coreDarkness(fresh, 3) > coreDarkness(healed, 3));
            REQUIRE(fresh.rednessAmount > 0.0f);
            REQUIRE(fresh.rednessRadiusMm > fresh.diameterMm / 2.0f);
            REQUIRE(healed.rednessAmount == 0.0f);
            // "About": the scatter's +/- 8 % diameter jitter and a little of the skin's blur on top.
            if (usual) REQUIRE(fresh.diameterMm <= kFreshMaxMm * 1.08f * 1.1f);
        }
    }
    // From afar too: the field of fresh dots darkens the skin more than the healed one.
    const glm::vec3 bare(0.39f, 0.24f, 0.17f);  // type III
    const DotAppearance fresh = realTimeAppearance(fittedDot(SmpStage::Fresh, kDefaultDepthMm, 3), bare, 100.0);
    const DotAppearance healed = realTimeAppearance(fittedDot(SmpStage::Healed, kDefaultDepthMm, 3), bare, 100.0);
    for (int c = 0; c < 3; ++c) CHECK(fresh.drop[c] > healed.drop[c]);
}

TEST_CASE("deeper dots show less and bluer once healed, and a fresh one is its puncture whatever the depth", "[smp]") {
    // The fitted dot's shadow as the reference measures it: its peak and the field's drop.
    const glm::vec3 bare(0.52f, 0.35f, 0.29f);  // skin type II's reflectance (docs/skin-optics.md)
    const glm::vec3 luminance(0.2126f, 0.7152f, 0.0722f);
    for (SmpStage stage : kSmpStages) {
        INFO(stageName(stage));
        float previousPeak = 2.0f, previousDrop = 2.0f, previousRedOverBlue = 0.0f;
        for (const float depth : {0.3f, 0.5f, 1.0f, 1.5f}) {
            const DotAppearance shown = realTimeAppearance(fittedDot(stage, depth, 2), bare, 100.0);
            const float peak = glm::dot(shown.peakContrast, luminance), drop = glm::dot(shown.drop, luminance);
            const float redOverBlue = shown.peakContrast.x / shown.peakContrast.z;
            INFO(depth << " mm: peak " << peak << ", drop " << drop << ", red over blue " << redOverBlue);
            // Red reaches the pigment more than blue does: black seen through skin is a blue-grey.
            CHECK(redOverBlue > 1.0f);
            if (stage == SmpStage::Fresh) {
                // Day 0: ink fills the puncture up to the surface, so it shows as dark at any depth.
                CHECK(peak > 0.8f);
                continue;
            }
            CHECK(peak < previousPeak);
            CHECK(redOverBlue > previousRedOverBlue);  // the deeper, the bluer
            // At 0.3 mm a healed column is shorter (it stays below the epidermis), so the field's
            // drop falls with depth from 0.5 mm on.
            if (depth > 0.5f) CHECK(drop < previousDrop);
            previousPeak = peak;
            previousDrop = drop;
            previousRedOverBlue = redOverBlue;
        }
    }
}

TEST_CASE("darker skin types heal no darker than lighter ones", "[smp]") {
    for (const Impression& impression : needleImpressions(kDefaultNeedlePreset, 500)) {
        const SmpDot dot = smpDot(impression);
        for (int type = 2; type <= 6; ++type)
            for (SmpStage stage : {SmpStage::Healed, SmpStage::Aged5y})
                REQUIRE(dotLook(dot, stage, type).opacity <= dotLook(dot, stage, type - 1).opacity);
        // "Two or three shades lighter" for some skins: type VI heals two steps lighter than type I.
        REQUIRE(dotLook(dot, SmpStage::Healed, 1).opacity - dotLook(dot, SmpStage::Healed, 6).opacity ==
                Approx(0.2f * dot.shade).margin(1e-5));
    }
    CHECK(healedShadesLighter(1) == Approx(1.0f));
    CHECK(healedShadesLighter(6) == Approx(3.0f));
}

TEST_CASE("ageing makes dots lighter and wider from healed over 1, 3, 5 and 10 years", "[smp]") {
    const SmpStage ageing[] = {SmpStage::Healed, SmpStage::Aged1y, SmpStage::Aged3y, SmpStage::Aged5y,
                               SmpStage::Aged10y};
    for (const Impression& impression : needleImpressions(kDefaultNeedlePreset, 500))
        for (bool scar : {false, true}) {
            const SmpDot dot = smpDot(impression, kDefaultDepthMm, scar);
            for (std::size_t s = 1; s < std::size(ageing); ++s) {
                const DotLook before = dotLook(dot, ageing[s - 1], 4), after = dotLook(dot, ageing[s], 4);
                REQUIRE(after.opacity < before.opacity);  // the pigment is carried off
            }
        }
    // and migrates: the dot looks wider (the drawn disc is one of the fit's parameters; what the
    // fit holds to the reference is the width the dot shows), at each depth a dot may have.
    const glm::vec3 skin4(0.27f, 0.15f, 0.08f);  // type IV bare skin (assets/optics/deposits.csv)
    for (const float depth : {0.45f, 0.5f, 0.55f})
        for (std::size_t s = 1; s < std::size(ageing); ++s) {
            INFO(depth << " mm, " << stageName(ageing[s]));
            CHECK(realTimeAppearance(fittedDot(ageing[s], depth, 4), skin4, 100.0).fwhmMm >
                  realTimeAppearance(fittedDot(ageing[s - 1], depth, 4), skin4, 100.0).fwhmMm);
        }
    // From afar (the field's drop, the fitted dot): slowly, about half the healed darkening left
    // at 5 years (touch-ups come every 3-6 years).
    const glm::vec3 bare(0.39f, 0.24f, 0.17f);  // type III
    const auto drop = [&](SmpStage stage) {
        return glm::dot(realTimeAppearance(fittedDot(stage, kDefaultDepthMm, 3), bare, 100.0).drop,
                        glm::vec3(0.2126f, 0.7152f, 0.0722f));
    };
    for (std::size_t s = 2; s < std::size(ageing); ++s) CHECK(drop(ageing[s]) < drop(ageing[s - 1]));
    CHECK(drop(SmpStage::Aged5y) / drop(SmpStage::Healed) > 0.4);
    CHECK(drop(SmpStage::Aged5y) / drop(SmpStage::Healed) < 0.9);
}

TEST_CASE("scar tissue fades more and less evenly than normal scalp", "[smp]") {
    double normal5 = 0.0, scar5 = 0.0;
    for (const Impression& impression : needleImpressions(kDefaultNeedlePreset, 2000)) {
        const SmpDot skin = smpDot(impression, kDefaultDepthMm, false);
        const SmpDot scar = smpDot(impression, kDefaultDepthMm, true);
        const float skinHealed = dotLook(skin, SmpStage::Healed, 3).opacity;
        const float scarHealed = dotLook(scar, SmpStage::Healed, 3).opacity;
        for (SmpStage stage : {SmpStage::Aged1y, SmpStage::Aged3y, SmpStage::Aged5y, SmpStage::Aged10y})
            REQUIRE(dotLook(scar, stage, 3).opacity / scarHealed < dotLook(skin, stage, 3).opacity / skinHealed);
        normal5 += double(dotLook(skin, SmpStage::Aged5y, 3).opacity);
        scar5 += double(dotLook(scar, SmpStage::Aged5y, 3).opacity);
    }
    CHECK(scar5 < 0.8 * normal5);
}

TEST_CASE("the look is deterministic per seed and varies between seeds", "[smp]") {
    const std::vector<Impression> impressions = needleImpressions(kDefaultNeedlePreset, 200);
    std::set<float> opacities, diameters;
    for (const Impression& impression : impressions) {
        const DotLook a = dotLook(smpDot(impression, 0.8f), SmpStage::Aged3y, 2);
        const DotLook b = dotLook(smpDot(impression, 0.8f), SmpStage::Aged3y, 2);
        REQUIRE(a.diameterMm == b.diameterMm);
        REQUIRE(a.opacity == b.opacity);
        REQUIRE(a.inkLinear == b.inkLinear);
        opacities.insert(a.opacity);
        diameters.insert(a.diameterMm);
    }
    CHECK(opacities.size() > 150);
    CHECK(diameters.size() > 150);
}

TEST_CASE("stage names round-trip and ages rise", "[smp]") {
    float previous = -1.0f;
    for (SmpStage stage : kSmpStages) {
        REQUIRE(parseStage(stageName(stage)) == stage);
        REQUIRE(stageAgeYears(stage) > previous);
        previous = stageAgeYears(stage);
    }
    CHECK(stageAgeYears(SmpStage::Healed) == Approx(28.0 / 365.25));
    CHECK_FALSE(parseStage("aged-2y"));
}

TEST_CASE("default session plans: 30/70/100 for three, 2-4 sessions", "[smp]") {
    const SessionPlan three = defaultSessionPlan();
    CHECK(three.fractions == std::vector<float>{0.3f, 0.7f, 1.0f});
    for (int count = 1; count <= 5; ++count) {
        const SessionPlan plan = defaultSessionPlan(count);
        REQUIRE(isValid(plan));
        REQUIRE(plan.count() == std::clamp(count, kMinSessions, kMaxSessions));
        REQUIRE(plan.shades.front() < plan.shades.back());  // session 1 lightest
    }
    SessionPlan bad = three;
    bad.fractions = {0.7f, 0.3f, 1.0f};
    CHECK_FALSE(isValid(bad));
    bad.fractions = {0.3f, 0.7f, 0.9f};
    CHECK_FALSE(isValid(bad));
}

TEST_CASE("sessions are nested by rank, add up to the final design and keep their fractions", "[smp]") {
    const CandidatePool& pool = testheads::sharedPool(Head::Ellipsoid, 200.0f);
    const DensityMap density = gradientMap();
    const std::vector<Impression> design = scatterImpressions(pool, density);
    REQUIRE(design.size() > 10000);
    const double area = coveredAreaCm2(pool, density);
    REQUIRE(area > 100.0);
    REQUIRE(area <= pool.areaMm2 / 100.0 + 1e-9);

    for (int count = kMinSessions; count <= kMaxSessions; ++count) {
        INFO(count << " sessions");
        const SessionPlan plan = defaultSessionPlan(count);
        const std::vector<int> sessions = sessionsOf(design, pool, density, plan);
        // The last session is the scatter's own test: every impression is placed by some session.
        for (const Impression& impression : design) {
            const Candidate& candidate = pool.candidates[impression.id];
            REQUIRE(sessionOf(candidate, density.sample(candidate.uv), pool.params.maxDensityPerCm2, plan) > 0);
        }

        std::set<std::uint32_t> previous, placedSoFar;
        for (int k = 1; k <= count; ++k) {
            const std::vector<Impression> soFar = sessionImpressions(design, sessions, plan, k, SessionView::SoFar);
            const std::vector<Impression> alone = sessionImpressions(design, sessions, plan, k, SessionView::Alone);
            const std::set<std::uint32_t> soFarIds = ids(soFar), aloneIds = ids(alone);
            REQUIRE(std::includes(soFarIds.begin(), soFarIds.end(), previous.begin(), previous.end()));
            for (std::uint32_t id : aloneIds) REQUIRE(previous.count(id) == 0);
            placedSoFar.insert(aloneIds.begin(), aloneIds.end());
            REQUIRE(placedSoFar == soFarIds);
            // Fractions of the final count within 2 %, on a density that varies across the head.
            const double fraction = double(soFar.size()) / double(design.size());
            REQUIRE(fraction == Approx(double(plan.fractions[std::size_t(k - 1)])).margin(0.02));
            // The pool path gives the same impressions.
            REQUIRE(ids(sessionImpressions(pool, density, plan, k, SessionView::SoFar)) == soFarIds);
            previous = soFarIds;
        }
        REQUIRE(previous == ids(design));

        const std::vector<SessionEstimate> estimates = estimateSessions(sessions, plan, area);
        REQUIRE(estimates.size() == std::size_t(count));
        const std::vector<SessionEstimate> fromPool = estimateSessions(pool, density, plan);
        REQUIRE(fromPool.size() == estimates.size());
        for (std::size_t k = 0; k < estimates.size(); ++k) {
            REQUIRE(fromPool[k].placed == estimates[k].placed);
            REQUIRE(fromPool[k].hours == estimates[k].hours);
            REQUIRE(fromPool[k].areaCm2 == area);
        }
        REQUIRE(estimates.back().cumulative == design.size());
        std::size_t total = 0;
        for (const SessionEstimate& e : estimates) {
            total += e.placed;
            REQUIRE(e.cumulative == total);
            REQUIRE(e.areaCm2 == area);
            REQUIRE(e.hours > 0.0);
            REQUIRE(e.hours / double(e.placed) == Approx(1.0 / kImpressionsPerHour));
            REQUIRE(e.hoursMin < e.hours);
            REQUIRE(e.hours < e.hoursMax);
        }
    }
}

TEST_CASE("each session's impressions carry its shade: session 1 lightest", "[smp]") {
    const CandidatePool& pool = testheads::sharedPool(Head::Ellipsoid, 200.0f);
    const DensityMap density = DensityMap::uniform(kDefaultDensityPerCm2);
    const SessionPlan plan = defaultSessionPlan();
    const std::vector<Impression> design = scatterImpressions(pool, density);
    const std::vector<int> sessions = sessionsOf(design, pool, density, plan);
    std::vector<float> finalShade(pool.size(), 0.0f);
    for (const Impression& impression : design) finalShade[impression.id] = impression.shade;
    for (int k = 1; k <= plan.count(); ++k)
        for (const Impression& impression : sessionImpressions(design, sessions, plan, k, SessionView::Alone))
            REQUIRE(impression.shade == finalShade[impression.id] * plan.shades[std::size_t(k - 1)]);
}
