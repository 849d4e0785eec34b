#include "core/Units.h"

#include <cmath>
#include <limits>

namespace stipple {
namespace {

// The middle of an adult head's size range, top of the skull to the upper neck or chin.
constexpr float kTypicalHeadExtentMm = 225.0f;

}  // namespace

float detectMillimetresPerUnit(const Bounds& fileBounds) {
    const glm::vec3 size = fileBounds.size();
    const float extent = std::fmax(size.x, std::fmax(size.y, size.z));
    if (!(extent > 0.0f) || !std::isfinite(extent)) return 1.0f;
    float best = 1.0f;
    float bestError = std::numeric_limits<float>::max();
    for (const Choice<float>& unit : kUnitChoices) {
        // Compare on a log scale: 10x too big is as wrong as 10x too small.
        const float error = std::fabs(std::log(extent * unit.value / kTypicalHeadExtentMm));
        if (error < bestError) {
            bestError = error;
            best = unit.value;
        }
    }
    return best;
}

const char* unitName(float millimetresPerUnit) {
    for (const Choice<float>& unit : kUnitChoices)
        if (millimetresPerUnit == unit.value) return unit.name;
    return "custom";
}

}  // namespace stipple
