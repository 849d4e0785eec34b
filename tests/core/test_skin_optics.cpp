// The skin-optics reference (core/SkinOptics.h) against physics and published values, and the
// real-time dot (core/DotOptics.h) against the reference's committed tables.
#include "core/DotOptics.h"
#include "core/Needles.h"
#include "core/SkinOptics.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace stipple;

namespace {

double luminance(const Rgb& rgb) { return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]; }

// Bare skin's diffuse reflectance per channel: an MCML run without a deposit.
Rgb bareReflectance(int fitzpatrickType, std::int64_t photons) {
    Rgb bare{};
    for (std::size_t c = 0; c < 3; ++c)
        bare[c] = simulateSlab(skinTissue(fitzpatrickType, kChannelWavelengthsNm[c]), photons, 3).diffuseReflectance;
    return bare;
}

// assets/optics/deposits.csv as rows of named fields.
std::vector<std::map<std::string, std::string>> depositsTable() {
    std::ifstream file(std::string(STIPPLE_ASSET_DIR) + "/optics/deposits.csv");
    REQUIRE(file);
    std::vector<std::map<std::string, std::string>> rows;
    std::vector<std::string> header;
    std::string line;
    while (std::getline(file, line)) {
        std::vector<std::string> fields;
        std::stringstream cells(line);
        for (std::string cell; std::getline(cells, cell, ',');) fields.push_back(cell);
        if (header.empty()) {
            header = fields;
            continue;
        }
        REQUIRE(fields.size() == header.size());
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < fields.size(); ++i) row[header[i]] = fields[i];
        rows.push_back(row);
    }
    return rows;
}

float number(const std::map<std::string, std::string>& row, const std::string& key) { return std::stof(row.at(key)); }

}  // namespace

TEST_CASE("the Monte Carlo is deterministic under a seed, whatever the thread count", "[optics]") {
    OpticsQuery query;
    query.photons = 2000;
    query.seed = 11;
    query.threads = 1;
    const OpticsResult one = simulateOptics(query);
    query.threads = 3;
    const OpticsResult three = simulateOptics(query);
    CHECK(one.bare == three.bare);
    CHECK(one.peakContrast == three.peakContrast);
    CHECK(one.drop == three.drop);
    CHECK(one.fwhmMm == three.fwhmMm);
    // Another seed, other paths.
    const Tissue skin = skinTissue(2, kChannelWavelengthsNm[1]);
    CHECK(simulateSlab(skin, 1000, 12).diffuseReflectance != simulateSlab(skin, 1000, 11).diffuseReflectance);
    CHECK(simulateSlab(skin, 1000, 11).diffuseReflectance == simulateSlab(skin, 1000, 11, 2).diffuseReflectance);
}

TEST_CASE("photon weight is conserved: reflected, transmitted and absorbed add up to the light sent in", "[optics]") {
    for (const double nm : kChannelWavelengthsNm) {
        const SlabResult slab = simulateSlab(skinTissue(2, nm), 2000, 5);
        INFO(nm << " nm: specular " << slab.specular << ", R " << slab.diffuseReflectance << ", T "
                << slab.transmittance << ", A " << slab.absorbed);
        // Russian roulette keeps the sum right on average only: 2000 photons leave about 1 %.
        CHECK(slab.specular + slab.diffuseReflectance + slab.transmittance + slab.absorbed == Approx(1.0).margin(0.02));
        CHECK(slab.specular == Approx(std::pow(0.4 / 2.4, 2.0)));  // Fresnel at normal incidence, n 1.4
    }
}

TEST_CASE("a thin slab matches van de Hulst's reflectance and transmittance (MCML's check)", "[optics]") {
    // Wang, Jacques & Zheng 1995, table 2: mu_a 10 /cm, mu_s 90 /cm, g 0.75, 0.02 cm, n 1 with a
    // matched boundary: Rd 0.09739, Tt 0.66096 (van de Hulst 1980).
    Tissue slab;
    slab.refractiveIndex = slab.indexAbove = slab.indexBelow = 1.0;
    slab.layers.push_back({0.2, 1.0, 9.0, 0.75});
    const SlabResult result = simulateSlab(slab, 20000, 9);
    CHECK(result.diffuseReflectance == Approx(0.09739).epsilon(0.06));
    CHECK(result.transmittance == Approx(0.66096).epsilon(0.02));
}

TEST_CASE("bare skin reflects less as the skin type darkens, within published skin reflectance", "[optics]") {
    // Diffuse reflectance of the inner arm and face in vivo: fair skin about 0.5-0.65 at 620 nm,
    // 0.3-0.45 at 550 nm and 0.25-0.45 at 470 nm; the darkest skin below about 0.25, 0.12 and
    // 0.08 (Zonios et al. 2001; Anderson & Parrish 1981; docs/skin-optics.md).
    double previous = 1.0;
    for (int type = 1; type <= 6; ++type) {
        const Rgb bare = bareReflectance(type, 1000);
        INFO("type " << type << ": " << bare[0] << " " << bare[1] << " " << bare[2]);
        CHECK(luminance(bare) < previous);
        CHECK(bare[0] > bare[1]);  // skin is red: haemoglobin and melanin take blue and green
        CHECK(bare[1] > bare[2]);
        previous = luminance(bare);
        if (type == 1) {
            CHECK(bare[0] > 0.5);
            CHECK(bare[0] < 0.65);
            CHECK(bare[1] > 0.3);
            CHECK(bare[1] < 0.45);
            CHECK(bare[2] > 0.25);
            CHECK(bare[2] < 0.45);
        }
        if (type == 6) {
            CHECK(bare[0] < 0.25);
            CHECK(bare[1] < 0.12);
            CHECK(bare[2] < 0.08);
        }
    }
}

TEST_CASE("a deeper deposit shows less and bluer: black seen through skin turns blue-grey", "[optics]") {
    OpticsQuery query;
    query.photons = 4000;
    query.fitzpatrickType = 2;
    Deposit shallow, deep;
    shallow.depthMm = 0.35;
    deep.depthMm = 1.0;
    const std::vector<OpticsResult> results = simulateOptics(query, {shallow, deep});
    // The shadow's hue: how much more red it takes than blue.
    const auto redOverBlue = [](const OpticsResult& r) { return r.peakContrast[0] / r.peakContrast[2]; };
    INFO("red over blue: " << redOverBlue(results[0]) << " at 0.35 mm, " << redOverBlue(results[1]) << " at 1 mm");
    for (std::size_t c = 0; c < 3; ++c) CHECK(results[1].peakContrast[c] < 0.5 * results[0].peakContrast[c]);
    CHECK(results[1].fwhmMm > results[0].fwhmMm);
    // Red reaches the pigment more than blue does, and the more so the deeper it lies: the dot
    // is a bluer grey than the skin around it.
    CHECK(redOverBlue(results[0]) > 1.0);
    CHECK(redOverBlue(results[1]) > redOverBlue(results[0]));
    CHECK((1.0 - results[0].peakContrast[2]) / (1.0 - results[0].peakContrast[0]) > 1.0);
    // The field's drop is about the profile's integral times the density where dots are sparse.
    for (std::size_t c = 0; c < 3; ++c)
        CHECK(results[0].drop[c] == Approx(results[0].deficitAreaMm2[c] * query.densityPerCm2 / 100.0).epsilon(0.25));
}

TEST_CASE("a column along the needle track darkens more than a sphere of its width at its tip", "[optics]") {
    OpticsQuery query;
    query.photons = 2000;
    Deposit sphere, column;
    sphere.columnMm = 0.0;
    column.columnMm = 0.25;
    const std::vector<OpticsResult> results = simulateOptics(query, {sphere, column});
    for (std::size_t c = 0; c < 3; ++c) {
        CHECK(results[1].peakContrast[c] > 1.5 * results[0].peakContrast[c]);
        CHECK(results[1].drop[c] > 1.5 * results[0].drop[c]);
    }
}

TEST_CASE("the real-time dot stays within 15 % of the reference's table: default needle, every stage, 0.3-1.5 mm",
          "[optics][fit]") {
    const std::string needle = kNeedlePresets[kDefaultNeedlePreset].name;
    int rows = 0;
    for (const auto& row : depositsTable()) {
        const float depth = number(row, "depth_mm");
        if (row.at("needle") != needle || depth > 1.5f) continue;
        const std::optional<SmpStage> stage = parseStage(row.at("stage"));
        REQUIRE(stage);
        const int skin = int(number(row, "skin"));
        const glm::vec3 bare(number(row, "bare_r"), number(row, "bare_g"), number(row, "bare_b"));
        const DotAppearance shown = realTimeAppearance(fittedDot(*stage, depth, skin), bare, kOpticsTableDensity);
        INFO("skin " << skin << ", " << row.at("stage") << ", " << depth << " mm: width " << shown.fwhmMm << " for "
                     << row.at("fwhm_mm"));
        CHECK(shown.fwhmMm == Approx(number(row, "fwhm_mm")).epsilon(0.15));
        for (int c = 0; c < 3; ++c) {
            const std::string channel(1, "rgb"[c]);
            INFO("channel " << channel);
            CHECK(shown.peakContrast[c] == Approx(number(row, "peak_" + channel)).epsilon(0.15));
            CHECK(shown.drop[c] == Approx(number(row, "drop_" + channel)).epsilon(0.15));
        }
        ++rows;
    }
    CHECK(rows == 6 * 6 * 8);  // skin types, stages, depths 0.3-1.5
}

TEST_CASE("the window draws the fitted dot: a stage's look and diffusion are the fit's", "[optics][fit]") {
    for (const SmpStage stage : kSmpStages) {
        const RealTimeDot fitted = fittedDot(stage, kDefaultDepthMm, 3);
        const SkinDiffusion diffusion = skinDiffusion(kDefaultDepthMm, stage, 3);
        CHECK(diffusion.haloSigmaMm == fitted.haloSigmaMm);
        CHECK(diffusion.gain == fitted.gain);
        // The dot with no variation of its own: the scatter's shade at the stage's pigment.
        SmpDot dot;
        dot.depthMm = kDefaultDepthMm;
        dot.shade = ScatterParams{}.shade;
        dot.freshDiameterMm = kNeedlePresets[kDefaultNeedlePreset].impressionDiameterMm;
        const DotLook look = dotLook(dot, stage, 3);
        INFO(stageName(stage));
        // Within the per-dot variation: depth +/- 10 %, pigment +/- 3 %, fading +/- 15 %.
        CHECK(look.diameterMm == Approx(fitted.diameterMm).epsilon(0.3));
        CHECK(look.opacity == Approx(fitted.opacity).epsilon(0.3));
    }
}

TEST_CASE("a practitioner's measured healed dot becomes a real-time dot that shows its width and contrast",
          "[optics][calibration]") {
    // Measurements as a photo could give them: wider and narrower than the reference's healed dot,
    // fainter and darker, on two skins.
    struct Case {
        int skin;
        float widthMm;
        glm::vec3 contrast;
    };
    for (const Case& measured : {Case{2, 0.45f, {0.55f, 0.62f, 0.60f}}, Case{2, 0.22f, {0.25f, 0.30f, 0.31f}},
                                 Case{4, 0.60f, {0.40f, 0.46f, 0.50f}}}) {
        DotMeasurement measurement;
        measurement.apparentDiameterMm = measured.widthMm;
        measurement.peakContrast = measured.contrast;
        measurement.skinLinear = glm::vec3(0.55f, 0.38f, 0.30f);
        const RealTimeDot dot = calibratedDot(measurement, kDefaultDepthMm, measured.skin);
        const DotAppearance shown = realTimeAppearance(dot, measurement.skinLinear, kOpticsTableDensity);
        INFO("skin " << measured.skin << ", width " << measured.widthMm << " mm: shown " << shown.fwhmMm);
        CHECK(shown.fwhmMm == Approx(measured.widthMm).epsilon(0.15));
        for (int c = 0; c < 3; ++c) CHECK(shown.peakContrast[c] == Approx(measured.contrast[c]).epsilon(0.15));
        // The reference's dot at the same depth is not what was measured: the look replaces it.
        const DotAppearance reference =
            realTimeAppearance(fittedDot(SmpStage::Healed, kDefaultDepthMm, measured.skin), measurement.skinLinear, kOpticsTableDensity);
        CHECK(std::abs(reference.fwhmMm - measured.widthMm) > 0.05f);
    }
}
