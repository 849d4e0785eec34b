// Which unit a mesh file was modelled in, guessed from the head's size.
#pragma once

#include "core/HeadMesh.h"

namespace stipple {

// Multiplier from the file's units to millimetres. An adult head is about 20-25 cm tall, so the
// unit (m, cm, inch or mm) that brings the mesh's largest extent closest to that wins.
float detectMillimetresPerUnit(const Bounds& fileBounds);

// Human-readable name of a known multiplier ("m", "cm", "in", "mm"), or "custom".
const char* unitName(float millimetresPerUnit);

}  // namespace stipple
