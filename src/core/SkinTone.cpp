#include "core/SkinTone.h"

#include <algorithm>
#include <cmath>

namespace stipple {
namespace {

const SkinTonePreset kFitzpatrick[kFitzpatrickTypeCount] = {
    {"Fitzpatrick I (very fair)", {0.96f, 0.82f, 0.74f}},
    {"Fitzpatrick II (fair)", {0.92f, 0.75f, 0.64f}},
    {"Fitzpatrick III (medium)", {0.84f, 0.65f, 0.51f}},
    {"Fitzpatrick IV (olive)", {0.71f, 0.52f, 0.38f}},
    {"Fitzpatrick V (brown)", {0.52f, 0.36f, 0.25f}},
    {"Fitzpatrick VI (dark brown)", {0.33f, 0.22f, 0.16f}},
};

float channelToLinear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }

float channelToSrgb(float c) {
    c = std::clamp(c, 0.0f, 1.0f);
    return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}

}  // namespace

const SkinTonePreset& fitzpatrickPreset(int type) {
    return kFitzpatrick[std::clamp(type, 1, kFitzpatrickTypeCount) - 1];
}

glm::vec3 srgbToLinear(glm::vec3 srgb) {
    return {channelToLinear(srgb.x), channelToLinear(srgb.y), channelToLinear(srgb.z)};
}

glm::vec3 linearToSrgb(glm::vec3 linear) {
    return {channelToSrgb(linear.x), channelToSrgb(linear.y), channelToSrgb(linear.z)};
}

}  // namespace stipple
