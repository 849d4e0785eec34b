#include "core/Lighting.h"

namespace stipple {
namespace {

// Radiances are display choices, balanced so skin of Fitzpatrick III sits mid-range in each;
// their relations carry the meaning: sun is hard, bright and from high up; indoor light is warm
// and dim; flash comes from the camera and flattens the head.
const LightingPreset kPresets[] = {
    // clinic
    {{-0.2f, 0.85f, 0.5f}, {2.1f, 2.1f, 2.05f}, {0.6f, 0.2f, 0.75f},
     {0.35f, 0.36f, 0.4f}, {0.2f, 0.21f, 0.23f}, {0.06f, 0.055f, 0.055f}, 0.5f},
    // daylight
    {{-0.55f, 0.8f, 0.25f}, {3.6f, 3.4f, 3.0f}, {0.5f, 0.3f, 0.8f},
     {0.25f, 0.3f, 0.42f}, {0.22f, 0.27f, 0.36f}, {0.08f, 0.07f, 0.06f}, 0.28f},
    // indoor
    {{-0.45f, 0.65f, 0.6f}, {1.7f, 1.3f, 0.85f}, {0.7f, 0.1f, 0.7f},
     {0.18f, 0.14f, 0.1f}, {0.11f, 0.09f, 0.07f}, {0.04f, 0.03f, 0.025f}, 0.5f},
    // flash
    {{0.0f, 0.05f, 1.0f}, {2.9f, 2.9f, 2.9f}, {0.0f, 1.0f, 0.0f},
     {0.0f, 0.0f, 0.0f}, {0.03f, 0.03f, 0.03f}, {0.01f, 0.01f, 0.01f}, 0.45f},
};

}  // namespace

const LightingPreset& lightingPreset(Lighting lighting) { return kPresets[int(lighting)]; }

const char* lightingName(Lighting lighting) { return choiceFor(kLightingChoices, lighting).name; }

std::optional<Lighting> parseLighting(std::string_view name) {
    if (const Choice<Lighting>* choice = findChoice(kLightingChoices, name)) return choice->value;
    return std::nullopt;
}

}  // namespace stipple
