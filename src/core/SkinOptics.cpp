#include "core/SkinOptics.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>

namespace stipple {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Each coefficient is listed in docs/skin-optics.md with its source.

// Melanin (Jacques 2013, eq. 4): 519 /cm at 500 nm, falling as lambda^-3.5. Per mm.
double melaninAbsorption(double nm) { return 51.9 * std::pow(nm / 500.0, -3.48); }
// Bloodless skin's own absorption (Jacques 1998, "Skin optics" summary): 7.84e7 lambda^-3.255 /cm.
double baselineAbsorption(double nm) { return 7.84e7 * std::pow(nm, -3.255) / 10.0; }

// Whole blood, 150 g/l haemoglobin (64,500 g/mol), from Prahl's molar extinction coefficients
// (cm^-1 / M) at the channel wavelengths; mu_a = 2.303 e c. Oxygen saturation 75 %.
struct Extinction {
    double nm, oxy, deoxy;
};
constexpr Extinction kHaemoglobin[] = {{620.0, 942.0, 6509.6}, {550.0, 43016.0, 53412.0}, {470.0, 33209.2, 16156.4}};
constexpr double kHaemoglobinMolar = 150.0 / 64500.0;
constexpr double kOxygenSaturation = 0.75;
constexpr double kBloodVolumeFraction = 0.002;

double bloodAbsorption(double nm) {
    for (const Extinction& e : kHaemoglobin) {
        if (std::abs(e.nm - nm) < 0.5) {
            const double epsilon = kOxygenSaturation * e.oxy + (1.0 - kOxygenSaturation) * e.deoxy;
            return 2.303 * epsilon * kHaemoglobinMolar / 10.0;
        }
    }
    throw std::invalid_argument("no haemoglobin data at this wavelength");
}

// Skin's reduced scattering (Jacques 2013, table 2): 46.0 /cm at 500 nm, falling as lambda^-1.421.
double reducedScattering(double nm) { return 4.60 * std::pow(nm / 500.0, -1.421); }
constexpr double kAnisotropy = 0.9;
constexpr double kSkinIndex = 1.4;

// Melanin volume fraction of the epidermis by Fitzpatrick type: light skin 1.3-6.3 %, moderately
// pigmented 11-16 %, dark 18-43 % (Jacques 1998).
constexpr double kMelaninFraction[6] = {0.013, 0.025, 0.05, 0.09, 0.13, 0.20};

// Photons deeper or farther out than this rarely come back; they count as lost (transmitted).
constexpr double kLostDepthMm = 12.0;
constexpr double kLostRadiusMm = 25.0;
constexpr double kRouletteWeight = 1e-4;
constexpr double kRouletteSurvival = 0.1;
constexpr int kPhotonsPerBatch = 1000;
// Each radius of the profile is sampled at this many azimuths around the beam.
constexpr std::size_t kAzimuths = 4;

// xoshiro256** seeded by splitmix64: each batch of photons has its own stream.
class Random {
public:
    explicit Random(std::uint64_t seed) {
        for (std::uint64_t& word : state_) {
            seed += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }
    // In (0, 1]: safe for a logarithm.
    double uniform() { return double((next() >> 11) + 1) * 0x1.0p-53; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }
    std::uint64_t state_[4];
};

std::uint64_t batchSeed(std::uint64_t seed, std::int64_t batch) {
    return seed * 0xd1342543de82ef95ULL + std::uint64_t(batch) * 0x9e3779b97f4a7c15ULL;
}

double fresnelReflectance(double nInside, double nOutside, double cosInside) {
    if (nInside == nOutside) return 0.0;
    const double sinInside = std::sqrt(std::max(0.0, 1.0 - cosInside * cosInside));
    const double sinOutside = nInside / nOutside * sinInside;
    if (sinOutside >= 1.0) return 1.0;
    const double cosOutside = std::sqrt(1.0 - sinOutside * sinOutside);
    const double rs = (nInside * cosInside - nOutside * cosOutside) / (nInside * cosInside + nOutside * cosOutside);
    const double rp = (nInside * cosOutside - nOutside * cosInside) / (nInside * cosOutside + nOutside * cosInside);
    return 0.5 * (rs * rs + rp * rp);
}

struct Photon {
    double x = 0, y = 0, z = 0;
    double ux = 0, uy = 0, uz = 1;
    double weight = 1;
    std::size_t layer = 0;
};

void scatterHenyeyGreenstein(Photon& p, double g, Random& random) {
    double cosTheta;
    if (g == 0.0) {
        cosTheta = 2.0 * random.uniform() - 1.0;
    } else {
        const double t = (1.0 - g * g) / (1.0 - g + 2.0 * g * random.uniform());
        cosTheta = std::clamp((1.0 + g * g - t * t) / (2.0 * g), -1.0, 1.0);
    }
    const double sinTheta = std::sqrt(1.0 - cosTheta * cosTheta);
    const double phi = 2.0 * kPi * random.uniform();
    const double cosPhi = std::cos(phi), sinPhi = std::sin(phi);
    if (std::abs(p.uz) > 0.99999) {
        p.ux = sinTheta * cosPhi;
        p.uy = sinTheta * sinPhi;
        p.uz = p.uz > 0.0 ? cosTheta : -cosTheta;
        return;
    }
    const double root = std::sqrt(1.0 - p.uz * p.uz);
    const double ux = sinTheta * (p.ux * p.uz * cosPhi - p.uy * sinPhi) / root + p.ux * cosTheta;
    const double uy = sinTheta * (p.uy * p.uz * cosPhi + p.ux * sinPhi) / root + p.uy * cosTheta;
    p.uz = -sinTheta * cosPhi * root + p.uz * cosTheta;
    p.ux = ux;
    p.uy = uy;
}

enum class Fate { Reflected, Transmitted, Absorbed };

// One photon packet from the surface at the origin, straight down, until it leaves or dies.
// `onSegment(photon, length)` sees every straight piece of its path before the photon moves;
// the return value is its fate and the weight it leaves with (`escaped`), the weight absorbed
// on the way in `absorbed`.
template <typename OnSegment>
Fate tracePhoton(const Tissue& tissue, const std::vector<double>& layerTops, Random& random, double& escaped,
                 double& absorbed, OnSegment&& onSegment) {
    Photon p;
    const double rSpecular = fresnelReflectance(tissue.indexAbove, tissue.refractiveIndex, 1.0);
    p.weight = 1.0 - rSpecular;
    const std::size_t layerCount = tissue.layers.size();
    double stepLeft = -std::log(random.uniform());
    for (;;) {
        const TissueLayer& layer = tissue.layers[p.layer];
        const double attenuation = layer.absorptionPerMm + layer.scatteringPerMm;
        const double top = layerTops[p.layer], bottom = layerTops[p.layer + 1];
        double toBoundary = std::numeric_limits<double>::infinity();
        if (p.uz > 0.0) toBoundary = (bottom - p.z) / p.uz;
        else if (p.uz < 0.0) toBoundary = (top - p.z) / p.uz;
        const double step = attenuation > 0.0 ? stepLeft / attenuation : std::numeric_limits<double>::infinity();

        if (step >= toBoundary) {
            onSegment(p, toBoundary);
            p.x += p.ux * toBoundary;
            p.y += p.uy * toBoundary;
            p.z = p.uz > 0.0 ? bottom : top;
            stepLeft -= toBoundary * attenuation;
            const bool goingUp = p.uz < 0.0;
            const bool outerBoundary = goingUp ? p.layer == 0 : p.layer + 1 == layerCount;
            if (!outerBoundary) {
                p.layer += goingUp ? std::size_t(-1) : 1;
                continue;
            }
            const double outside = goingUp ? tissue.indexAbove : tissue.indexBelow;
            if (random.uniform() <= fresnelReflectance(tissue.refractiveIndex, outside, std::abs(p.uz))) {
                p.uz = -p.uz;
                continue;
            }
            escaped = p.weight;
            return goingUp ? Fate::Reflected : Fate::Transmitted;
        }

        onSegment(p, step);
        p.x += p.ux * step;
        p.y += p.uy * step;
        p.z += p.uz * step;
        if (p.z > kLostDepthMm || p.x * p.x + p.y * p.y > kLostRadiusMm * kLostRadiusMm) {
            escaped = p.weight;
            return Fate::Transmitted;
        }
        const double lost = p.weight * layer.absorptionPerMm / attenuation;
        absorbed += lost;
        p.weight -= lost;
        scatterHenyeyGreenstein(p, layer.anisotropy, random);
        stepLeft = -std::log(random.uniform());
        if (p.weight < kRouletteWeight) {
            if (random.uniform() > kRouletteSurvival) {
                escaped = 0.0;
                return Fate::Absorbed;
            }
            p.weight /= kRouletteSurvival;
        }
    }
}

std::vector<double> layerTopsOf(const Tissue& tissue) {
    if (tissue.layers.empty()) throw std::invalid_argument("a tissue needs at least one layer");
    std::vector<double> tops{0.0};
    for (const TissueLayer& layer : tissue.layers) tops.push_back(tops.back() + layer.thicknessMm);
    return tops;
}

// Runs `batches` batches of photons on `threads` threads; batch b always gets the same stream,
// and the caller sums the per-batch results in batch order, so the thread count never shows.
template <typename RunBatch>
void forEachBatch(std::int64_t batches, int threads, RunBatch&& runBatch) {
    const int count = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    std::atomic<std::int64_t> next{0};
    const auto work = [&] {
        for (std::int64_t b = next++; b < batches; b = next++) runBatch(b);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min<std::int64_t>(count, batches); ++t) pool.emplace_back(work);
    work();
    for (std::thread& thread : pool) thread.join();
}

// Length of the segment from `p` along its direction for `length` mm inside a vertical cylinder
// (axis at cx, cy; radius rho; depths z0..z1).
double chordInColumn(const Photon& p, double length, double cx, double cy, double rho, double z0, double z1) {
    double lo = 0.0, hi = length;
    if (std::abs(p.uz) < 1e-12) {
        if (p.z < z0 || p.z > z1) return 0.0;
    } else {
        double a = (z0 - p.z) / p.uz, b = (z1 - p.z) / p.uz;
        if (a > b) std::swap(a, b);
        lo = std::max(lo, a);
        hi = std::min(hi, b);
        if (lo >= hi) return 0.0;
    }
    const double dx = p.x - cx, dy = p.y - cy;
    const double a = p.ux * p.ux + p.uy * p.uy;
    const double c = dx * dx + dy * dy - rho * rho;
    if (a < 1e-12) return c <= 0.0 ? hi - lo : 0.0;
    const double b = 2.0 * (dx * p.ux + dy * p.uy);
    const double discriminant = b * b - 4.0 * a * c;
    if (discriminant <= 0.0) return 0.0;
    const double root = std::sqrt(discriminant);
    lo = std::max(lo, (-b - root) / (2.0 * a));
    hi = std::min(hi, (-b + root) / (2.0 * a));
    return std::max(0.0, hi - lo);
}

double chordInSphere(const Photon& p, double length, double cx, double cy, double cz, double rho) {
    const double dx = p.x - cx, dy = p.y - cy, dz = p.z - cz;
    const double b = dx * p.ux + dy * p.uy + dz * p.uz;
    const double c = dx * dx + dy * dy + dz * dz - rho * rho;
    const double discriminant = b * b - c;
    if (discriminant <= 0.0) return 0.0;
    const double root = std::sqrt(discriminant);
    return std::max(0.0, std::min(length, -b + root) - std::max(0.0, -b - root));
}

// The deposit's shape at an axis position: the chord a segment runs inside it.
struct DepositShape {
    double radius, top, bottom;  // the depths it spans
    bool sphere;
    double sphereCentre;

    explicit DepositShape(const Deposit& deposit)
        : radius(0.5 * deposit.diameterMm),
          top(deposit.columnMm > 0.0 ? std::max(0.0, deposit.depthMm - deposit.columnMm) : deposit.depthMm - deposit.diameterMm),
          bottom(deposit.depthMm),
          sphere(deposit.columnMm <= 0.0),
          sphereCentre(deposit.depthMm - radius) {}

    double chord(const Photon& p, double length, double cx, double cy) const {
        return sphere ? chordInSphere(p, length, cx, cy, sphereCentre, radius)
                      : chordInColumn(p, length, cx, cy, radius, top, bottom);
    }
};


struct BatchSums {
    double escaped = 0.0;
    std::vector<double> deficit;       // per deposit and radius
    std::vector<double> fieldDeficit;  // per deposit
};

// The share of the escaping weight the deposit takes for a path `chord` mm inside it.
double shadowed(double chord, double inkAbsorption) {
    if (chord <= 0.0) return 0.0;
    return std::isinf(inkAbsorption) ? 1.0 : 1.0 - std::exp(-inkAbsorption * chord);
}

double halfWidth(const std::vector<double>& radii, const std::vector<double>& profile) {
    const double half = 0.5 * profile[0];
    for (std::size_t i = 1; i < radii.size(); ++i) {
        if (profile[i] < half) {
            const double t = (profile[i - 1] - half) / (profile[i - 1] - profile[i]);
            return 2.0 * (radii[i - 1] + t * (radii[i] - radii[i - 1]));
        }
    }
    return 2.0 * radii.back();
}

void checkDeposit(const Deposit& d) {
    if (!(d.diameterMm > 0.0) || !(d.depthMm > 0.0) || !(d.columnMm >= 0.0) || !(d.opacity > 0.0 && d.opacity <= 1.0))
        throw std::invalid_argument("a deposit needs a positive diameter and depth and an opacity in (0, 1]");
    if (d.columnMm <= 0.0 && d.diameterMm > d.depthMm) throw std::invalid_argument("the sphere reaches above the skin");
}

void checkQuery(const OpticsQuery& query) {
    if (query.fitzpatrickType < 1 || query.fitzpatrickType > 6) throw std::invalid_argument("skin type outside 1..6");
    if (!(query.densityPerCm2 >= 0.0) || query.photons < kPhotonsPerBatch)
        throw std::invalid_argument("density must be 0 or more and photons at least 1000");
}

}  // namespace

std::vector<double> opticsProfileRadii() {
    std::vector<double> radii;
    for (int i = 0; i <= 15; ++i) radii.push_back(0.02 * i);
    for (int i = 7; i <= 20; ++i) radii.push_back(0.05 * i);
    for (int i = 6; i <= 15; ++i) radii.push_back(0.2 * i);
    return radii;
}

double melaninVolumeFraction(int fitzpatrickType) { return kMelaninFraction[std::clamp(fitzpatrickType, 1, 6) - 1]; }

Tissue skinTissue(int fitzpatrickType, double wavelengthNm) {
    const double scattering = reducedScattering(wavelengthNm) / (1.0 - kAnisotropy);
    const double baseline = baselineAbsorption(wavelengthNm);
    const double melanin = melaninVolumeFraction(fitzpatrickType);
    Tissue tissue;
    tissue.refractiveIndex = kSkinIndex;
    tissue.indexBelow = kSkinIndex;
    tissue.layers.push_back({kEpidermisMm, melanin * melaninAbsorption(wavelengthNm) + (1.0 - melanin) * baseline,
                             scattering, kAnisotropy});
    tissue.layers.push_back({std::numeric_limits<double>::infinity(),
                             kBloodVolumeFraction * bloodAbsorption(wavelengthNm) + (1.0 - kBloodVolumeFraction) * baseline,
                             scattering, kAnisotropy});
    return tissue;
}

OpticsResult simulateOptics(const OpticsQuery& query) { return simulateOptics(query, {query.deposit}).front(); }

std::vector<OpticsResult> simulateOptics(const OpticsQuery& query, const std::vector<Deposit>& deposits) {
    checkQuery(query);
    std::vector<DepositShape> shapes;
    std::vector<double> inkAbsorption;
    for (const Deposit& deposit : deposits) {
        checkDeposit(deposit);
        shapes.emplace_back(deposit);
        inkAbsorption.push_back(deposit.opacity >= 1.0 ? std::numeric_limits<double>::infinity()
                                                       : -std::log(1.0 - deposit.opacity) / deposit.diameterMm);
    }
    const std::size_t depositCount = deposits.size();
    const double spacing = query.densityPerCm2 > 0.0 ? 10.0 / std::sqrt(query.densityPerCm2) : 0.0;
    const std::vector<double> radii = opticsProfileRadii();
    const std::size_t radiusCount = radii.size();
    const std::int64_t batches = (query.photons + kPhotonsPerBatch - 1) / kPhotonsPerBatch;
    const double photons = double(batches) * kPhotonsPerBatch;

    std::vector<OpticsResult> results(depositCount);
    // profiles[deposit][channel][radius]
    std::vector<std::array<std::vector<double>, 3>> profiles(depositCount);
    for (OpticsResult& result : results) {
        result.radiiMm = radii;
        result.contrast.assign(radiusCount, Rgb{});
    }

    for (std::size_t channel = 0; channel < 3; ++channel) {
        const Tissue tissue = skinTissue(query.fitzpatrickType, kChannelWavelengthsNm[channel]);
        const std::vector<double> tops = layerTopsOf(tissue);
        std::vector<BatchSums> sums(static_cast<std::size_t>(batches));
        forEachBatch(batches, query.threads, [&](std::int64_t batch) {
            Random random(batchSeed(query.seed, batch));
            BatchSums& out = sums[std::size_t(batch)];
            out.deficit.assign(depositCount * radiusCount, 0.0);
            out.fieldDeficit.assign(depositCount, 0.0);
            // chords[deposit * radiusCount + radius]; the field's per deposit.
            std::vector<double> chords(depositCount * kAzimuths * radiusCount), fieldChords(depositCount);
            for (int n = 0; n < kPhotonsPerBatch; ++n) {
                std::fill(chords.begin(), chords.end(), 0.0);
                std::fill(fieldChords.begin(), fieldChords.end(), 0.0);
                // The field's lattice lies at a random offset under each photon.
                const double offsetX = spacing * random.uniform(), offsetY = spacing * random.uniform();
                const auto onSegment = [&](const Photon& p, double length) {
                    const double x1 = p.x + p.ux * length, y1 = p.y + p.uy * length, z1 = p.z + p.uz * length;
                    const double zLow = std::min(p.z, z1), zHigh = std::max(p.z, z1);
                    // The profile's deposits lie on the four half-axes, one per radius on each: the
                    // segment turned by a quarter turn k times meets the +x axis's.
                    Photon turned[kAzimuths] = {p, p, p, p};
                    for (std::size_t k = 1; k < kAzimuths; ++k) {
                        const Photon& q = turned[k - 1];
                        turned[k].x = q.y, turned[k].y = -q.x, turned[k].ux = q.uy, turned[k].uy = -q.ux;
                    }
                    for (std::size_t d = 0; d < depositCount; ++d) {
                        const DepositShape& shape = shapes[d];
                        if (zHigh < shape.top || zLow > shape.bottom) continue;
                        for (std::size_t k = 0; k < kAzimuths; ++k) {
                            const Photon& q = turned[k];
                            const double qx1 = q.x + q.ux * length, qy1 = q.y + q.uy * length;
                            if (std::min(q.y, qy1) - shape.radius > 0.0 || std::max(q.y, qy1) + shape.radius < 0.0) continue;
                            const double xLow = std::min(q.x, qx1) - shape.radius, xHigh = std::max(q.x, qx1) + shape.radius;
                            for (std::size_t i = 0; i < radiusCount; ++i)
                                if (radii[i] >= xLow && radii[i] <= xHigh)
                                    chords[(d * kAzimuths + k) * radiusCount + i] += shape.chord(q, length, radii[i], 0.0);
                        }
                        if (spacing <= 0.0) continue;
                        const double xLow = std::min(p.x, x1) - shape.radius, xHigh = std::max(p.x, x1) + shape.radius;
                        const double yLow = std::min(p.y, y1) - shape.radius, yHigh = std::max(p.y, y1) + shape.radius;
                        for (double i = std::ceil((xLow - offsetX) / spacing); offsetX + i * spacing <= xHigh; ++i)
                            for (double j = std::ceil((yLow - offsetY) / spacing); offsetY + j * spacing <= yHigh; ++j)
                                fieldChords[d] += shape.chord(p, length, offsetX + i * spacing, offsetY + j * spacing);
                    }
                };
                double escaped = 0.0, absorbed = 0.0;
                if (tracePhoton(tissue, tops, random, escaped, absorbed, onSegment) != Fate::Reflected) continue;
                out.escaped += escaped;
                for (std::size_t d = 0; d < depositCount; ++d) {
                    for (std::size_t k = 0; k < kAzimuths; ++k)
                        for (std::size_t i = 0; i < radiusCount; ++i)
                            out.deficit[d * radiusCount + i] +=
                                escaped / kAzimuths * shadowed(chords[(d * kAzimuths + k) * radiusCount + i], inkAbsorption[d]);
                    out.fieldDeficit[d] += escaped * shadowed(fieldChords[d], inkAbsorption[d]);
                }
            }
        });

        // Sums in batch order; the spread between batches gives the standard errors.
        double escaped = 0.0;
        std::vector<double> deficit(depositCount * radiusCount, 0.0), field(depositCount, 0.0);
        for (const BatchSums& s : sums) {
            escaped += s.escaped;
            for (std::size_t k = 0; k < deficit.size(); ++k) deficit[k] += s.deficit[k];
            for (std::size_t d = 0; d < depositCount; ++d) field[d] += s.fieldDeficit[d];
        }
        const double meanBare = escaped / double(batches);
        const double dof = double(batches) * double(std::max<std::int64_t>(batches - 1, 1));
        double bareVariance = 0.0;
        for (const BatchSums& s : sums) bareVariance += (s.escaped - meanBare) * (s.escaped - meanBare);

        for (std::size_t d = 0; d < depositCount; ++d) {
            OpticsResult& result = results[d];
            result.bare[channel] = escaped / photons;
            result.bareStandardError[channel] = std::sqrt(bareVariance / dof) / kPhotonsPerBatch;
            result.drop[channel] = field[d] / escaped;
            const double meanPeak = deficit[d * radiusCount] / escaped;
            double peakVariance = 0.0;
            for (const BatchSums& s : sums) {
                const double peak = s.escaped > 0.0 ? s.deficit[d * radiusCount] / s.escaped : 0.0;
                peakVariance += (peak - meanPeak) * (peak - meanPeak);
            }
            result.peakStandardError[channel] = std::sqrt(peakVariance / dof);

            std::vector<double>& profile = profiles[d][channel];
            profile.resize(radiusCount);
            for (std::size_t i = 0; i < radiusCount; ++i) {
                profile[i] = deficit[d * radiusCount + i] / escaped;
                result.contrast[i][channel] = profile[i];
            }
            result.peakContrast[channel] = profile[0];
            result.fwhmRgbMm[channel] = halfWidth(radii, profile);
            double area = 0.0;
            for (std::size_t i = 1; i < radiusCount; ++i)
                area += kPi * (radii[i] * radii[i] - radii[i - 1] * radii[i - 1]) * 0.5 * (profile[i] + profile[i - 1]);
            result.deficitAreaMm2[channel] = area;
        }
    }

    // The luminance's shadow, relative to the bare skin's luminance.
    constexpr double kLuminance[3] = {0.2126, 0.7152, 0.0722};
    for (std::size_t d = 0; d < depositCount; ++d) {
        OpticsResult& result = results[d];
        const double bareLuminance = kLuminance[0] * result.bare[0] + kLuminance[1] * result.bare[1] + kLuminance[2] * result.bare[2];
        std::vector<double> luminance(radiusCount, 0.0);
        for (std::size_t i = 0; i < radiusCount; ++i)
            for (std::size_t c = 0; c < 3; ++c) luminance[i] += kLuminance[c] * result.bare[c] * profiles[d][c][i] / bareLuminance;
        result.fwhmMm = halfWidth(radii, luminance);
    }
    return results;
}

SlabResult simulateSlab(const Tissue& tissue, std::int64_t photons, std::uint64_t seed, int threads) {
    const std::vector<double> tops = layerTopsOf(tissue);
    const std::int64_t batches = (photons + kPhotonsPerBatch - 1) / kPhotonsPerBatch;
    std::vector<SlabResult> sums(static_cast<std::size_t>(batches));
    forEachBatch(batches, threads, [&](std::int64_t batch) {
        Random random(batchSeed(seed, batch));
        SlabResult& out = sums[std::size_t(batch)];
        for (int n = 0; n < kPhotonsPerBatch; ++n) {
            double escaped = 0.0;
            const Fate fate = tracePhoton(tissue, tops, random, escaped, out.absorbed, [](const Photon&, double) {});
            (fate == Fate::Reflected ? out.diffuseReflectance : out.transmittance) += escaped;
        }
    });
    SlabResult total;
    for (const SlabResult& s : sums) {
        total.diffuseReflectance += s.diffuseReflectance;
        total.transmittance += s.transmittance;
        total.absorbed += s.absorbed;
    }
    const double count = double(batches) * kPhotonsPerBatch;
    total.specular = fresnelReflectance(tissue.indexAbove, tissue.refractiveIndex, 1.0);
    total.diffuseReflectance /= count;
    total.transmittance /= count;
    total.absorbed /= count;
    return total;
}

}  // namespace stipple
