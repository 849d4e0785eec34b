// Lighting presets for showing a design the way the client will see it: the consultation room,
// sunlight, a warm room at home, a camera's flash. Dots read less in bright light and a shaved
// scalp shines in the sun (docs/smp-facts.md, "Lighting").
#pragma once

#include "core/Choice.h"

#include <glm/vec3.hpp>

#include <optional>
#include <string_view>

namespace stipple {

enum class Lighting { Clinic, Daylight, Indoor, Flash };
constexpr Lighting kLightings[] = {Lighting::Clinic, Lighting::Daylight, Lighting::Indoor, Lighting::Flash};
inline constexpr Choice<Lighting> kLightingChoices[] = {
    {Lighting::Clinic, "clinic", "Clinic (soft overhead)"},
    {Lighting::Daylight, "daylight", "Daylight (hard sun)"},
    {Lighting::Indoor, "indoor", "Indoor (warm lamp)"},
    {Lighting::Flash, "flash", "Camera flash"},
};

// In kLightings order.
struct LightingPreset {
    glm::vec3 keyDirection;      // towards the key light, in camera space (x right, y up, z to the viewer)
    glm::vec3 keyRadiance;       // linear RGB
    glm::vec3 fillDirection;
    glm::vec3 fillRadiance;
    glm::vec3 skyAmbient;        // light from above, linear RGB
    glm::vec3 groundAmbient;     // light from below
    float skinRoughness;         // lower is shinier: sweat and sebum in the sun
};

const LightingPreset& lightingPreset(Lighting lighting);
const char* lightingName(Lighting lighting);
std::optional<Lighting> parseLighting(std::string_view name);

}  // namespace stipple
