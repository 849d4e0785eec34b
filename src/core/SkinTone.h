// Skin colours for the viewport: the six Fitzpatrick types and a custom colour.
#pragma once

#include <glm/vec3.hpp>

namespace stipple {

struct SkinTonePreset {
    const char* name;         // "Fitzpatrick I (very fair)"
    glm::vec3 albedoSrgb;     // diffuse colour of the skin, sRGB 0..1
};

// Fitzpatrick I..VI in order. Colours are representative forehead-skin albedos (light scalp
// skin sees little sun); the exact values are a display choice, not a measurement.
constexpr int kFitzpatrickTypeCount = 6;
const SkinTonePreset& fitzpatrickPreset(int type);  // type 1..6, clamped

glm::vec3 srgbToLinear(glm::vec3 srgb);
glm::vec3 linearToSrgb(glm::vec3 linear);

}  // namespace stipple
