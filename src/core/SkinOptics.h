// SkinOptics: a Monte Carlo reference for how skin shows a carbon-black deposit. Photon packets
// (MCML: Wang, Jacques & Zheng 1995) walk through layered skin, an epidermis with melanin by
// Fitzpatrick type over a dermis with blood, with a Fresnel boundary at the surface and
// Henyey-Greenstein scattering, at one wavelength for each of R, G and B. It gives the bare skin's
// reflectance, the radial profile of one deposit's shadow and the drop a field of deposits makes.
// CPU, multithreaded, deterministic under a seed whatever the thread count. GL-free; the real-time
// dot model (core/SmpModel, core/SkinDiffusion) is fitted to its tables (assets/optics).
//
// docs/skin-optics.md gives the coefficients with their sources and what the reference says.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace stipple {

using Rgb = std::array<double, 3>;

// The wavelengths standing for the R, G and B channels, nm.
constexpr std::array<double, 3> kChannelWavelengthsNm{620.0, 550.0, 470.0};

// One layer of tissue. Coefficients per mm; an infinite thickness makes it semi-infinite.
struct TissueLayer {
    double thicknessMm = 0.0;
    double absorptionPerMm = 0.0;  // mu_a
    double scatteringPerMm = 0.0;  // mu_s (not reduced)
    double anisotropy = 0.0;       // g of the Henyey-Greenstein phase function
};

// Layers from the surface down, all of one refractive index, with air above and a medium below.
struct Tissue {
    std::vector<TissueLayer> layers;
    double refractiveIndex = 1.4;
    double indexAbove = 1.0;
    double indexBelow = 1.4;
};

// Skin of Fitzpatrick type 1..6 at one wavelength: an epidermis with melanin over a
// semi-infinite dermis with blood (docs/skin-optics.md, "Skin").
Tissue skinTissue(int fitzpatrickType, double wavelengthNm);
double melaninVolumeFraction(int fitzpatrickType);
constexpr double kEpidermisMm = 0.1;

// A carbon-black deposit: a vertical column along the needle track from `depthMm` (the needle's
// tip) `columnMm` up towards the surface, `diameterMm` wide; a sphere of that diameter resting on
// the tip when columnMm is 0. `opacity` is the share of light it absorbs along its diameter
// (Beer-Lambert inside it); 1 is black. The deposit scatters like the dermis around it.
struct Deposit {
    double diameterMm = 0.12;
    double depthMm = 0.5;
    double columnMm = 0.25;
    double opacity = 1.0;
};

struct OpticsQuery {
    int fitzpatrickType = 2;
    Deposit deposit;
    double densityPerCm2 = 100.0;    // the field: a square lattice of deposits at this density
    std::int64_t photons = 200000;   // per channel
    std::uint64_t seed = 1;
    int threads = 0;                 // 0: the hardware's; the result does not depend on it
};

struct OpticsResult {
    Rgb bare{};                          // diffuse reflectance of bare skin (specular left out)
    std::vector<double> radiiMm;         // where the profile is sampled
    std::vector<Rgb> contrast;           // relative shadow 1 - R(r) / bare at each radius
    Rgb peakContrast{};                  // at the deposit's axis
    Rgb fwhmRgbMm{};                     // full width at half the peak, per channel
    double fwhmMm = 0.0;                 // of the luminance (Rec. 709 weights)
    Rgb deficitAreaMm2{};                // integral of the contrast over the skin: one deposit's share
    Rgb drop{};                          // relative reflectance drop of the field
    Rgb bareStandardError{};             // of `bare`, from the spread between batches
    Rgb peakStandardError{};             // of `peakContrast`
};

// Diffuse light on the skin, seen from straight above: by reciprocity each profile point is the
// light a pencil beam entering there sends back out anywhere. One set of photon paths serves the
// bare skin, every radius and the field: a path's escaping weight is scaled by exp(-mu L) for
// the length L it runs inside the deposits.
OpticsResult simulateOptics(const OpticsQuery& query);
// The same for many deposits in one skin, on the same photon paths (query.deposit is ignored):
// a table costs little more than one deposit, and its rows share their noise.
std::vector<OpticsResult> simulateOptics(const OpticsQuery& query, const std::vector<Deposit>& deposits);

// The radii a profile is sampled at, mm: fine near the axis, where a dot's edge is.
std::vector<double> opticsProfileRadii();

// A plain MCML run with no deposit: a pencil beam into `tissue`, for tests against published
// values. Shares of the launched light, specular reflection included in `specular`.
struct SlabResult {
    double specular = 0.0;
    double diffuseReflectance = 0.0;
    double transmittance = 0.0;  // out of the bottom, or past the depth where photons are dropped
    double absorbed = 0.0;
};
SlabResult simulateSlab(const Tissue& tissue, std::int64_t photons, std::uint64_t seed, int threads = 0);

}  // namespace stipple
