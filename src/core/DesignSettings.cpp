#include "core/DesignSettings.h"

#include "core/Error.h"

#include <cmath>
#include <iterator>

namespace stipple {

glm::vec3 skinAlbedoSrgb(const DesignSettings& settings) {
    return settings.skinType > 0 ? fitzpatrickPreset(settings.skinType).albedoSrgb : settings.customSkinSrgb;
}

int modelSkinType(const DesignSettings& settings) { return settings.skinType > 0 ? settings.skinType : 3; }

void validateDesignSettings(const DesignSettings& settings, const std::string& where) {
    if (settings.needlePreset < 0 || settings.needlePreset >= int(std::size(kNeedlePresets)))
        throw InputError(where + ": needle preset " + std::to_string(settings.needlePreset) + " is not one of 0.." +
                         std::to_string(std::size(kNeedlePresets) - 1));
    if (!(settings.depthMm >= kMinDepthMm && settings.depthMm <= kMaxDepthMm))
        throw InputError(where + ": depth " + std::to_string(settings.depthMm) + " mm is outside " +
                         std::to_string(kMinDepthMm) + ".." + std::to_string(kMaxDepthMm) + " mm");
    if (settings.skinType < 0 || settings.skinType > kFitzpatrickTypeCount)
        throw InputError(where + ": skin type " + std::to_string(settings.skinType) + " is not Fitzpatrick 1..6 (or 0, custom)");
    for (int c = 0; c < 3; ++c) {
        if (!(settings.customSkinSrgb[c] >= 0.0f && settings.customSkinSrgb[c] <= 1.0f))
            throw InputError(where + ": the custom skin colour is not sRGB 0..1");
        if (!(settings.hairColourSrgb[c] >= 0.0f && settings.hairColourSrgb[c] <= 1.0f))
            throw InputError(where + ": the hair colour is not sRGB 0..1");
    }
    if (!(settings.stubbleMm >= 0.0f && settings.stubbleMm <= kMaxStubbleMm))
        throw InputError(where + ": the stubble's length " + std::to_string(settings.stubbleMm) + " mm is outside 0.." +
                         std::to_string(kMaxStubbleMm) + " mm");
    if (!(settings.greyHairShare >= 0.0f && settings.greyHairShare <= 1.0f))
        throw InputError(where + ": the share of grey hair " + std::to_string(settings.greyHairShare) + " is outside 0..1");
    try {
        validateBrush(settings.brush);
    } catch (const InputError& e) {
        throw InputError(where + ": " + e.what());
    }
    if (!(std::abs(settings.brush.value) <= 1000.0f)) throw InputError(where + ": the brush's value is outside -1000..1000");
    if (settings.view) {
        const ViewPose& view = *settings.view;
        const bool finite = std::isfinite(view.targetMm.x) && std::isfinite(view.targetMm.y) &&
                            std::isfinite(view.targetMm.z) && std::isfinite(view.yawRadians) &&
                            std::isfinite(view.pitchRadians);
        if (!finite || !(view.distanceMm > 0.0f && view.distanceMm < 1e6f))
            throw InputError(where + ": the saved view is not a finite camera position");
    }
}

}  // namespace stipple
