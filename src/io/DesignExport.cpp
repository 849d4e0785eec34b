#include "io/DesignExport.h"

#include "core/Error.h"
#include "core/SkinDiffusion.h"
#include "core/SkinTone.h"
// The scar and shading constants of head.frag: the export composites as the viewport does.
#include "pigment_on_skin.glsl"

#include <assimp/Exporter.hpp>
#include <assimp/material.h>
#include <assimp/scene.h>
#include <glm/common.hpp>
#include <glm/vec2.hpp>
#include <tinyexr.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace stipple {
namespace {

// Rows [0, height) split over the machine's cores: an 8192 export is 67M texels.
void forRows(int height, const std::function<void(int, int)>& rows) {
    const int workers = int(std::clamp(std::thread::hardware_concurrency(), 1u, 16u));
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
        const int first = height * w / workers, last = height * (w + 1) / workers;
        threads.emplace_back(rows, first, last);
    }
    for (std::thread& thread : threads) thread.join();
}

// The texel centre of image texel (x, y) in UV (image rows run from v = 1 down).
glm::vec2 texelUv(int x, int y, int size) { return {(float(x) + 0.5f) / float(size), 1.0f - (float(y) + 0.5f) / float(size)}; }

// Where each texel of an export row, `size` wide, samples a layer `layerWidth` texels wide at
// its u + `offsetU`, as GL_LINEAR with clamp to edge does: the two texels and the weight, worked
// out once per image instead of once per texel.
class LayerColumns {
public:
    LayerColumns(int layerWidth, int size, float offsetU = 0.0f)
        : first_(std::size_t(size)), second_(std::size_t(size)), weight_(std::size_t(size)) {
        for (int i = 0; i < size; ++i) {
            const float u = texelUv(i, 0, size).x + offsetU;
            const float x = u * float(layerWidth) - 0.5f, x0 = std::floor(x);
            first_[std::size_t(i)] = std::clamp(int(x0), 0, layerWidth - 1);
            second_[std::size_t(i)] = std::clamp(int(x0) + 1, 0, layerWidth - 1);
            weight_[std::size_t(i)] = x - x0;
        }
    }
    std::size_t size() const { return weight_.size(); }
    int first(std::size_t i) const { return first_[i]; }
    int second(std::size_t i) const { return second_[i]; }
    float weight(std::size_t i) const { return weight_[i]; }

private:
    std::vector<int> first_, second_;
    std::vector<float> weight_;
};

// GL_LINEAR with clamp to edge on a float texture stored row 0 at v = 0 (the layers' layout),
// split in two: the layer's rows are blended once per image row, then each texel blends two
// values of that (the layers are far coarser than an export, so this is most of the work saved).
class LayerRow {
public:
    LayerRow(const Layer& layer, float v) : row_(std::size_t(layer.width())) {
        const float y = v * float(layer.height()) - 0.5f, y0 = std::floor(y), fy = y - y0;
        const int j0 = std::clamp(int(y0), 0, layer.height() - 1), j1 = std::clamp(int(y0) + 1, 0, layer.height() - 1);
        for (int i = 0; i < layer.width(); ++i)
            row_[std::size_t(i)] = layer.at(i, j0) + fy * (layer.at(i, j1) - layer.at(i, j0));
    }
    // The row at every texel of an export row: `columns` made for this layer's width.
    void resample(const LayerColumns& columns, std::vector<float>& out) const {
        out.resize(columns.size());
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const float a = row_[std::size_t(columns.first(i))], b = row_[std::size_t(columns.second(i))];
            out[i] = a + columns.weight(i) * (b - a);
        }
    }

private:
    std::vector<float> row_;
};

// The mesh's albedo texture as head.frag reads it: an sRGB texture (decoded before filtering)
// at (u, 1 - v), uploaded with image row 0 at t = 0.
class AlbedoTexture {
public:
    explicit AlbedoTexture(const Image& image) : image_(image) {
        for (int i = 0; i < 256; ++i) {
            const float c = float(i) / 255.0f;
            toLinear_[std::size_t(i)] = srgbToLinear(glm::vec3(c)).x;
        }
    }
    glm::vec3 sample(glm::vec2 uv) const {
        const float x = uv.x * float(image_.width) - 0.5f, y = (1.0f - uv.y) * float(image_.height) - 0.5f;
        const float x0 = std::floor(x), y0 = std::floor(y), fx = x - x0, fy = y - y0;
        const int i0 = std::clamp(int(x0), 0, image_.width - 1), i1 = std::clamp(int(x0) + 1, 0, image_.width - 1);
        const int j0 = std::clamp(int(y0), 0, image_.height - 1), j1 = std::clamp(int(y0) + 1, 0, image_.height - 1);
        return glm::mix(glm::mix(at(i0, j0), at(i1, j0), fx), glm::mix(at(i0, j1), at(i1, j1), fx), fy);
    }

private:
    glm::vec3 at(int i, int j) const {
        const std::uint8_t* p = &image_.rgba[(std::size_t(j) * std::size_t(image_.width) + std::size_t(i)) * 4];
        return {toLinear_[p[0]], toLinear_[p[1]], toLinear_[p[2]]};
    }
    const Image& image_;
    std::array<float, 256> toLinear_{};
};

// Linear 0..1 to 16-bit sRGB: a table fine enough that interpolating it stays within one
// 16-bit step of the exact curve (pow() for 200M channels would take seconds).
class SrgbEncoder {
public:
    SrgbEncoder() {
        for (std::size_t i = 0; i < table_.size(); ++i) {
            const double c = double(i) / double(kSteps);
            table_[i] = float(c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055);
        }
    }
    std::uint16_t encode(float linear) const {
        const float x = std::clamp(linear, 0.0f, 1.0f) * float(kSteps);
        const int i = std::min(int(x), kSteps - 1);
        const float s = table_[std::size_t(i)] + (x - float(i)) * (table_[std::size_t(i) + 1] - table_[std::size_t(i)]);
        return std::uint16_t(s * 65535.0f + 0.5f);
    }

private:
    static constexpr int kSteps = 16384;
    std::array<float, kSteps + 1> table_{};
};

// Plain skin under ink of any opacity, encoded: most texels near dots are only that (no texture,
// shading or scar), and a table fine enough to interpolate stays within a 16-bit step of encoding
// each of them.
class InkOnSkin {
public:
    InkOnSkin(glm::vec3 skin, glm::vec3 ink, const SrgbEncoder& encoder) {
        for (std::size_t i = 0; i < table_.size(); ++i) {
            const glm::vec3 albedo = glm::mix(skin, ink, float(i) / float(kSteps));
            for (int c = 0; c < 3; ++c) table_[i][std::size_t(c)] = float(encoder.encode(albedo[c]));
        }
    }
    // Each channel at its own opacity (the halo's gain is per channel).
    void encode(const glm::vec3& opacity, std::uint16_t* rgb) const {
        for (std::size_t c = 0; c < 3; ++c) {
            const float x = std::clamp(opacity[int(c)], 0.0f, 1.0f) * float(kSteps);
            const int i = std::min(int(x), kSteps - 1);
            const float low = table_[std::size_t(i)][c], high = table_[std::size_t(i) + 1][c];
            rgb[c] = std::uint16_t(low + (x - float(i)) * (high - low) + 0.5f);
        }
    }

private:
    static constexpr int kSteps = 4096;
    std::array<std::array<float, 3>, kSteps + 1> table_{};
};

// The pigment's halo at the export size, row by row: the coverage blurred by a Gaussian of
// `sigma` texels within the UV islands only (the blurred coverage inside them over the blurred
// island mask), so a seam never pulls the empty background in. Separable: each row is blurred
// across once and each row of the halo sums the 2 r + 1 rows around it, so a band of rows holds
// only that window. The work follows the pigment: each dot is spread across its row, the mask's
// runs are summed from the weights' running total, and where the whole window lies inside an
// island the mask's blur is the weights' total squared.
class HaloRows {
public:
    HaloRows(const std::vector<std::uint8_t>& coverage, const std::vector<std::uint8_t>& islands, int size, float sigma,
             int firstRow)
        : coverage_(coverage), islands_(islands), size_(size), reach_(int(std::ceil(3.0f * sigma))),
          across_(std::size_t(2 * reach_ + 1)), sumCoverage_(std::size_t(size_)), sumMask_(std::size_t(size_)),
          halo_(std::size_t(size_)), next_(firstRow) {
        float total = 0.0f;
        runningTotal_.push_back(0.0f);
        for (int k = -reach_; k <= reach_; ++k) {
            weights_.push_back(k == 0 ? 1.0f : std::exp(-float(k * k) / (2.0f * sigma * sigma)));
            total += weights_.back();
            runningTotal_.push_back(total);
        }
        for (Across& row : across_) {
            row.coverage.resize(std::size_t(size_));
            row.mask.resize(std::size_t(size_));
        }
        for (int y = firstRow - reach_; y < firstRow + reach_; ++y) blurAcross(y);
    }

    // The halo of the next row (the first call gives `firstRow`), 0..1 a texel.
    const std::vector<float>& next() {
        const int y = next_++;
        blurAcross(y + reach_);
        int low = size_, high = 0, fullLow = 0, fullHigh = size_;
        for (const Across& row : across_) {
            low = std::min(low, row.low);
            high = std::max(high, row.high);
            fullLow = std::max(fullLow, row.fullLow);
            fullHigh = std::min(fullHigh, row.fullHigh);
        }
        if (fullLow >= fullHigh) fullLow = fullHigh = high;  // some row of the window leaves the islands
        std::fill(halo_.begin(), halo_.end(), 0.0f);
        if (low >= high) return halo_;
        std::fill(sumCoverage_.begin() + low, sumCoverage_.begin() + high, 0.0f);
        std::fill(sumMask_.begin() + low, sumMask_.begin() + high, 0.0f);
        // The mask's blur is needed only where the window leaves the islands' interior.
        const int edgeHigh = std::min(high, std::max(low, fullLow)), edgeLow = std::max(low, std::min(high, fullHigh));
        for (int k = -reach_; k <= reach_; ++k) {
            const Across& row = slot(y + k);
            const float w = weights_[std::size_t(k + reach_)];
            addScaled(w, row.coverage.data(), sumCoverage_.data(), row.low, row.high);
            addScaled(w, row.mask.data(), sumMask_.data(), std::max(low, row.maskLow), std::min(edgeHigh, row.maskHigh));
            addScaled(w, row.mask.data(), sumMask_.data(), std::max(edgeLow, row.maskLow), std::min(high, row.maskHigh));
        }
        const float total = runningTotal_.back();
        std::fill(sumMask_.begin() + edgeHigh, sumMask_.begin() + edgeLow, total * total);
        for (int x = low; x < high; ++x)
            if (sumMask_[std::size_t(x)] > 0.0f) halo_[std::size_t(x)] = sumCoverage_[std::size_t(x)] / sumMask_[std::size_t(x)];
        return halo_;
    }

private:
    // One row blurred across: the coverage, 0 outside [low, high); the island mask, 0 outside
    // [maskLow, maskHigh) and the weights' total inside [fullLow, fullHigh).
    struct Across {
        std::vector<float> coverage, mask;
        int low = 0, high = 0, maskLow = 0, maskHigh = 0, fullLow = 0, fullHigh = 0;
    };

    Across& slot(int y) { return across_[std::size_t((y % int(across_.size()) + int(across_.size())) % int(across_.size()))]; }

    // The weights of offsets -reach .. j.
    float weightsUpTo(int j) const { return runningTotal_[std::size_t(std::clamp(j, -reach_ - 1, reach_) + reach_ + 1)]; }

    void blurAcross(int y) {
        Across& row = slot(y);
        row.low = row.high = row.maskLow = row.maskHigh = row.fullLow = row.fullHigh = 0;
        if (y < 0 || y >= size_ || islands_.empty()) return;  // no islands: nothing was baked
        const std::size_t first = std::size_t(y) * std::size_t(size_);
        const std::uint8_t* inside = &islands_[first];
        // The islands' runs: texel x of a run [s, e) gets the weights of offsets s - x .. e - 1 - x.
        for (int x = 0; x < size_;) {
            if (!inside[x]) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < size_ && inside[x]) ++x;
            if (row.maskHigh == 0) {
                row.maskLow = std::max(0, start - reach_);
                std::fill(row.mask.begin() + row.maskLow, row.mask.end(), 0.0f);
            }
            row.maskHigh = std::min(size_, x + reach_);
            for (int t = std::max(0, start - reach_); t < row.maskHigh; ++t)
                row.mask[std::size_t(t)] += weightsUpTo(x - 1 - t) - weightsUpTo(start - 1 - t);
            if (x - start - 2 * reach_ > row.fullHigh - row.fullLow) {
                row.fullLow = start + reach_;
                row.fullHigh = x - reach_;
            }
        }
        // Each texel of pigment inside an island spread over its neighbours.
        const std::uint8_t* coverage = &coverage_[first];
        for (int x = 0; x < size_; ++x) {
            if (!inside[x] || coverage[x] == 0) continue;
            if (row.high == 0) {
                row.low = std::max(0, x - reach_);
                std::fill(row.coverage.begin() + row.low, row.coverage.end(), 0.0f);
            }
            row.high = std::min(size_, x + reach_ + 1);
            const int from = std::max(-reach_, -x), to = std::min(reach_, size_ - 1 - x);
            addScaled(float(coverage[x]) / 255.0f, weights_.data() + reach_, row.coverage.data() + x, from, to + 1);
        }
    }

    // out[i] += w in[i] over [low, high): the blur's inner loop, free to vectorise.
    static void addScaled(float w, const float* __restrict in, float* __restrict out, int low, int high) {
        for (int i = low; i < high; ++i) out[i] += w * in[i];
    }

    const std::vector<std::uint8_t>& coverage_;
    const std::vector<std::uint8_t>& islands_;
    int size_, reach_;
    std::vector<float> weights_, runningTotal_;  // offsets -reach .. reach; totals up to each
    std::vector<Across> across_;                 // rows y - reach .. y + reach, by y modulo their count
    std::vector<float> sumCoverage_, sumMask_, halo_;
    int next_;
};

std::uint8_t eightBit(std::uint16_t value) { return std::uint8_t((value + 128u) / 257u); }

float smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// compositeAlbedo's work, at 16 bits a channel; `storeRow(y, rgba)` keeps each row, called from
// several threads at once (each thread's rows in order).
void compositeAlbedoRows(const HeadMesh& mesh, const LayerSet& layers, const std::vector<std::uint8_t>& coverage, int size,
                         const std::vector<std::uint8_t>& islands, const ExportLook& look,
                         const std::function<void(int y, const std::uint16_t* rgba)>& storeRow) {
    const Layer& shadingLayer = layers.layer(LayerKind::Shading);
    const Layer& scarLayer = layers.layer(LayerKind::Scar);
    const glm::vec3 skin = srgbToLinear(look.skinAlbedoSrgb), inkAlbedo = srgbToLinear(look.inkAlbedoSrgb);
    const std::unique_ptr<AlbedoTexture> texture = mesh.albedo.empty() ? nullptr : std::make_unique<AlbedoTexture>(mesh.albedo);
    const SrgbEncoder encoder;
    const std::array<std::uint16_t, 4> bareSkin{encoder.encode(skin.x), encoder.encode(skin.y), encoder.encode(skin.z), 65535};
    const auto inkOnSkin = std::make_unique<InkOnSkin>(skin, inkAlbedo, encoder);
    const LayerColumns shadingColumns(shadingLayer.width(), size), scarColumns(scarLayer.width(), size);
    forRows(size, [&](int first, int last) {
        HaloRows haloRows(coverage, islands, size, look.haloSigmaTexels, first);
        // The halo's tail, kHaloTailScale times wider, where it has one.
        std::optional<HaloRows> tailRows;
        if (look.haloTail > 0.0f) tailRows.emplace(coverage, islands, size, kHaloTailScale * look.haloSigmaTexels, first);
        std::vector<float> haloRow, shadingRow, scarRow;
        std::vector<std::uint16_t> out(std::size_t(size) * 4);
        for (int y = first; y < last; ++y) {
            const float v = texelUv(0, y, size).y;
            LayerRow(shadingLayer, v).resample(shadingColumns, shadingRow);
            LayerRow(scarLayer, v).resample(scarColumns, scarRow);
            haloRow = haloRows.next();
            if (tailRows) {
                const std::vector<float>& tail = tailRows->next();
                for (std::size_t x = 0; x < haloRow.size(); ++x)
                    haloRow[x] = (1.0f - look.haloTail) * haloRow[x] + look.haloTail * tail[x];
            }
            for (int x = 0; x < size; ++x) {
                const std::size_t texel = std::size_t(x);
                const float scar = scarRow[texel];
                const std::uint8_t coverageByte = coverage[std::size_t(y) * std::size_t(size) + texel];
                const float halo = haloRow[std::size_t(x)];
                // Most texels lie far from dots, on plain skin: encoded once.
                if (!texture && coverageByte == 0 && halo == 0.0f && scar == 0.0f) {
                    std::copy(bareSkin.begin(), bareSkin.end(), out.begin() + std::ptrdiff_t(texel * 4));
                    continue;
                }
                const float shading = shadingRow[texel];
                const glm::vec3 opacity = inkOpacity(float(coverageByte) / 255.0f, halo, look.haloGain, look.dotCrisp);
                out[texel * 4 + 3] = 65535;
                if (!texture && shading == 0.0f && scar == 0.0f) {
                    inkOnSkin->encode(opacity, &out[texel * 4]);
                    continue;
                }
                glm::vec3 albedo = texture ? texture->sample(texelUv(x, y, size)) : skin;
                // As head.frag composites the layers.
                albedo = glm::mix(albedo, glm::vec3(SCAR_TINT_RGB) * std::max(albedo.x, SCAR_MIN_RED) / SCAR_TINT_RED,
                                  SCAR_PALING * scar);
                const glm::vec3 ink = glm::mix(inkAlbedo, albedo, SHADING_DILUTION * shading);
                albedo = glm::mix(albedo, ink, opacity * (1.0f - SCAR_INK_REFUSED * scar));
                for (int c = 0; c < 3; ++c) out[texel * 4 + std::size_t(c)] = encoder.encode(albedo[c]);
            }
            storeRow(y, out.data());
        }
    });
}

}  // namespace

ExportLook exportLookFor(const ImpressionLook& look) {
    ExportLook exported;
    exported.skinAlbedoSrgb = look.skinSrgb;
    exported.inkAlbedoSrgb = look.inkSrgb;
    exported.haloGain = look.diffusion.gain;
    exported.haloTail = look.diffusion.haloTail;
    exported.dotCrisp = look.diffusion.crisp;
    return exported;
}

Image16 compositeAlbedo16(const HeadMesh& mesh, const LayerSet& layers, const std::vector<std::uint8_t>& coverage, int size,
                          const std::vector<std::uint8_t>& islands, const ExportLook& look) {
    Image16 image;
    image.width = image.height = size;
    image.rgba.resize(std::size_t(size) * std::size_t(size) * 4);
    compositeAlbedoRows(mesh, layers, coverage, size, islands, look, [&](int y, const std::uint16_t* row) {
        std::copy_n(row, std::size_t(size) * 4, image.rgba.begin() + std::ptrdiff_t(std::size_t(y) * std::size_t(size) * 4));
    });
    return image;
}

Image compositeAlbedo(const HeadMesh& mesh, const LayerSet& layers, const std::vector<std::uint8_t>& coverage, int size,
                      const std::vector<std::uint8_t>& islands, const ExportLook& look) {
    Image image;
    image.width = image.height = size;
    image.rgba.resize(std::size_t(size) * std::size_t(size) * 4);
    compositeAlbedoRows(mesh, layers, coverage, size, islands, look, [&](int y, const std::uint16_t* row) {
        std::uint8_t* out = &image.rgba[std::size_t(y) * std::size_t(size) * 4];
        for (std::size_t i = 0; i < std::size_t(size) * 4; ++i) out[i] = eightBit(row[i]);
    });
    return image;
}

Image toEightBit(const Image16& image) {
    Image out;
    out.width = image.width;
    out.height = image.height;
    out.rgba.resize(image.rgba.size());
    std::transform(image.rgba.begin(), image.rgba.end(), out.rgba.begin(), eightBit);
    return out;
}

void writeCoveragePng(const std::filesystem::path& path, const std::vector<std::uint8_t>& coverage, int size,
                      glm::vec3 inkAlbedoSrgb) {
    std::uint8_t ink[3];
    for (int c = 0; c < 3; ++c) ink[c] = std::uint8_t(std::lround(std::clamp(inkAlbedoSrgb[c], 0.0f, 1.0f) * 255.0f));
    writePngRows(path, size, size, [&](int y, std::uint8_t* rgba) {
        const std::uint8_t* row = &coverage[std::size_t(y) * std::size_t(size)];
        for (int x = 0; x < size; ++x) {
            std::memcpy(rgba + std::size_t(x) * 4, ink, 3);
            rgba[std::size_t(x) * 4 + 3] = row[x];
        }
    });
}

void writeDesignGuidePng(const std::filesystem::path& path, const LayerSet& layers, const DensityMap& density,
                         const std::vector<std::uint8_t>& islands, int size) {
    const Layer& hairline = layers.layer(LayerKind::Hairline);
    // The contour is a line about 1/1024 of the map wide, whatever the export size.
    const int reach = std::max(1, size / 1024);
    const Layer densityLayer = Layer::fromDensityMap(density);
    const float step = float(reach) / float(size);
    const LayerColumns densityColumns(densityLayer.width(), size), maskColumns(hairline.width(), size),
        maskColumnsRight(hairline.width(), size, step);
    std::vector<float> densityRow, maskRow, maskRowRight, maskRowAbove;
    writePngRows(path, size, size, [&](int y, std::uint8_t* rgba) {
        const float v = texelUv(0, y, size).y;
        LayerRow(densityLayer, v).resample(densityColumns, densityRow);
        const LayerRow mask(hairline, v);
        mask.resample(maskColumns, maskRow);
        mask.resample(maskColumnsRight, maskRowRight);
        LayerRow(hairline, v + step).resample(maskColumns, maskRowAbove);
        for (int x = 0; x < size; ++x) {
            const std::size_t texel = std::size_t(y) * std::size_t(size) + std::size_t(x);
            std::uint8_t* out = rgba + std::size_t(x) * 4;
            // Outside the UV islands nothing is designed: plain dark grey.
            glm::vec3 color(0.25f);
            if (!islands.empty() && islands[texel]) {
                // The viewport's density overlay ramp: pale blue to deep violet at 110 per cm^2.
                const float amount = std::clamp(densityRow[std::size_t(x)] / 110.0f, 0.0f, 1.0f);
                const glm::vec3 heat = glm::mix(glm::vec3(0.55f, 0.85f, 1.0f), glm::vec3(0.30f, 0.0f, 0.55f), amount);
                color = glm::mix(glm::vec3(0.85f), heat, 0.9f * smoothstep(0.0f, 0.3f, amount));
                const bool inside = maskRow[std::size_t(x)] >= 0.5f;
                if (inside != (maskRowRight[std::size_t(x)] >= 0.5f) || inside != (maskRowAbove[std::size_t(x)] >= 0.5f))
                    color = glm::vec3(0.9f, 0.1f, 0.1f);
            }
            for (int c = 0; c < 3; ++c) out[c] = std::uint8_t(color[c] * 255.0f + 0.5f);
            out[3] = 255;
        }
    });
}

std::string densityExr(const DensityMap& density) {
    const int width = density.width(), height = density.height();
    std::vector<float> rows(std::size_t(width) * std::size_t(height));
    for (int j = 0; j < height; ++j)  // EXR rows run top down, the map's from v = 0 up
        for (int i = 0; i < width; ++i) rows[std::size_t(height - 1 - j) * std::size_t(width) + std::size_t(i)] = density.at(i, j);

    EXRHeader header;
    InitEXRHeader(&header);
    EXRImage image;
    InitEXRImage(&image);
    unsigned char* channelData[1] = {reinterpret_cast<unsigned char*>(rows.data())};
    image.images = channelData;
    image.num_channels = 1;
    image.width = width;
    image.height = height;
    EXRChannelInfo channel{};
    std::strcpy(channel.name, "Y");
    int pixelType[1] = {TINYEXR_PIXELTYPE_FLOAT};
    header.num_channels = 1;
    header.channels = &channel;
    header.pixel_types = pixelType;
    header.requested_pixel_types = pixelType;
    header.compression_type = TINYEXR_COMPRESSIONTYPE_ZIP;
    unsigned char* memory = nullptr;
    const char* error = nullptr;
    const std::size_t size = SaveEXRImageToMemory(&image, &header, &memory, &error);
    if (size == 0) {
        const std::string reason = error ? error : "unknown reason";
        FreeEXRErrorMessage(error);
        throw InternalError("EXR encoding failed (" + reason + ")");
    }
    std::string bytes(reinterpret_cast<const char*>(memory), size);
    std::free(memory);
    return bytes;
}

std::string headGlb(const HeadMesh& mesh, const std::string& albedoPng) {
    // aiScene owns (and deletes) everything hung on it.
    aiScene scene;
    scene.mRootNode = new aiNode("head");
    scene.mRootNode->mNumMeshes = 1;
    scene.mRootNode->mMeshes = new unsigned[1]{0};

    auto* out = new aiMesh;
    scene.mNumMeshes = 1;
    scene.mMeshes = new aiMesh*[1]{out};
    out->mName = "head";
    out->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    out->mMaterialIndex = 0;
    out->mNumVertices = unsigned(mesh.vertexCount());
    out->mVertices = new aiVector3D[mesh.vertexCount()];
    out->mNormals = new aiVector3D[mesh.vertexCount()];
    out->mTextureCoords[0] = new aiVector3D[mesh.vertexCount()];
    out->mNumUVComponents[0] = 2;
    constexpr float kMetresPerMm = 0.001f;
    for (std::size_t i = 0; i < mesh.vertexCount(); ++i) {
        const glm::vec3 p = mesh.positions[i] * kMetresPerMm;
        out->mVertices[i] = {p.x, p.y, p.z};
        out->mNormals[i] = {mesh.normals[i].x, mesh.normals[i].y, mesh.normals[i].z};
        out->mTextureCoords[0][i] = {mesh.uvs[i].x, mesh.uvs[i].y, 0.0f};
    }
    out->mNumFaces = unsigned(mesh.triangleCount());
    out->mFaces = new aiFace[mesh.triangleCount()];
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
        out->mFaces[t].mNumIndices = 3;
        out->mFaces[t].mIndices = new unsigned[3]{mesh.triangles[t].x, mesh.triangles[t].y, mesh.triangles[t].z};
    }

    auto* material = new aiMaterial;
    scene.mNumMaterials = 1;
    scene.mMaterials = new aiMaterial*[1]{material};
    const aiString name("skin");
    material->AddProperty(&name, AI_MATKEY_NAME);
    const aiString texturePath("*0");  // the scene's first embedded texture
    material->AddProperty(&texturePath, AI_MATKEY_TEXTURE(aiTextureType_BASE_COLOR, 0));
    // Skin is a dielectric; glTF's default metallic factor is 1.
    const float metallic = 0.0f, roughness = 0.6f;
    material->AddProperty(&metallic, 1, AI_MATKEY_METALLIC_FACTOR);
    material->AddProperty(&roughness, 1, AI_MATKEY_ROUGHNESS_FACTOR);

    auto* texture = new aiTexture;
    scene.mNumTextures = 1;
    scene.mTextures = new aiTexture*[1]{texture};
    texture->mWidth = unsigned(albedoPng.size());  // with mHeight 0: compressed bytes
    texture->mHeight = 0;
    std::strcpy(texture->achFormatHint, "png");
    texture->pcData = new aiTexel[(albedoPng.size() + sizeof(aiTexel) - 1) / sizeof(aiTexel)];
    std::memcpy(texture->pcData, albedoPng.data(), albedoPng.size());

    Assimp::Exporter exporter;
    const aiExportDataBlob* blob = exporter.ExportToBlob(&scene, "glb2");
    if (!blob) throw InternalError(std::string("glTF export failed (") + exporter.GetErrorString() + ")");
    return std::string(static_cast<const char*>(blob->data), blob->size);
}

}  // namespace stipple
