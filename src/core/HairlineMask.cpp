#include "core/HairlineMask.h"

#include "core/Error.h"
#include "core/HairlineField.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace stipple {

HairlineMaskSettings hairlineStyle(HairlineStyle style) {
    HairlineMaskSettings s;
    switch (style) {
        case HairlineStyle::Soft:
            // The top of SMP-FACTS' 0.5-1 cm zone, a line that wanders and breaks up into islands.
            s.transitionMm = 10.0f;
            s.microAmplitudeMm = 2.0f;
            s.macroAmplitudeMm = 3.0f;
            s.islandChance = 0.5f;
            break;
        case HairlineStyle::Defined:
            // A barber's line-up: a crisp edge a couple of mm wide, barely irregular.
            s.transitionMm = 2.0f;
            s.microAmplitudeMm = 0.1f;
            s.macroAmplitudeMm = 0.4f;
            break;
        case HairlineStyle::Mature:
            // SMP-FACTS: a mature hairline about 1.5 cm above the juvenile one, at the temples.
            s.transitionMm = 8.0f;
            s.microAmplitudeMm = 1.2f;
            s.macroAmplitudeMm = 2.5f;
            s.templeLiftMm = 15.0f;
            break;
    }
    return s;
}

void validateHairlineMask(const HairlineMaskSettings& s) {
    const auto positive = [](float v, const char* what) {
        if (!(v > 0.0f)) throw InputError(std::string("hairline ") + what + " must be positive, got " + std::to_string(v));
    };
    const auto nonNegative = [](float v, const char* what) {
        if (!(v >= 0.0f)) throw InputError(std::string("hairline ") + what + " must not be negative, got " + std::to_string(v));
    };
    positive(s.transitionMm, "transition zone");
    positive(s.microWavelengthMm, "micro wavelength");
    positive(s.macroWavelengthMm, "macro wavelength");
    positive(s.islandSpacingMm, "island spacing");
    positive(s.islandRadiusMm, "island radius");
    nonNegative(s.microAmplitudeMm, "micro amplitude");
    nonNegative(s.macroAmplitudeMm, "macro amplitude");
    nonNegative(s.islandReachMm, "island reach");
    nonNegative(s.templeLiftMm, "temple lift");
    if (!(s.islandChance >= 0.0f && s.islandChance <= 1.0f))
        throw InputError("hairline island chance must lie in 0..1, got " + std::to_string(s.islandChance));
}

std::unique_ptr<LayerEdit> writeHairlineMask(Layer& layer, const SurfaceAtlas& atlas, const HairlineCurve& curve,
                                             const HairlineMaskSettings& settings) {
    const HairlineField field(curve, settings);
    const std::vector<float> before = layer.texels();
    std::vector<float>& texels = layer.texels();
    for (std::size_t t = 0; t < atlas.texelCount(); ++t) {
        if (!atlas.covered(t)) continue;
        const float value = field.mask(atlas.position(t));
        texels[t] = value;
        for (const std::uint32_t* pad = atlas.padsBegin(t); pad != atlas.padsEnd(t); ++pad) texels[*pad] = value;
    }
    auto edit = std::make_unique<LayerEdit>("hairline");
    const int tilesX = (layer.width() + kUndoTileSize - 1) / kUndoTileSize;
    const int tilesY = (layer.height() + kUndoTileSize - 1) / kUndoTileSize;
    for (int ty = 0; ty < tilesY; ++ty)
        for (int tx = 0; tx < tilesX; ++tx) {
            bool changed = false;
            for (int j = ty * kUndoTileSize; j < std::min((ty + 1) * kUndoTileSize, layer.height()) && !changed; ++j)
                for (int i = tx * kUndoTileSize; i < std::min((tx + 1) * kUndoTileSize, layer.width()); ++i)
                    if (texels[atlas.index(i, j)] != before[atlas.index(i, j)]) {
                        changed = true;
                        break;
                    }
            if (changed) edit->addTile(layer, tx, ty, before);
        }
    if (edit->tileCount() == 0) return nullptr;
    return edit;
}

}  // namespace stipple
