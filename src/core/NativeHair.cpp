#include "core/NativeHair.h"

namespace stipple {

ScatterParams stubbleDots() {
    ScatterParams stubble;
    stubble.needleDiameterMm = 0.22f;
    stubble.diameterJitter = 0.3f;
    stubble.shade = 0.9f;
    stubble.shadeJitter = 0.25f;
    return stubble;
}

}  // namespace stipple
