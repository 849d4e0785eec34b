// Which unit a mesh file was modelled in, guessed from the head's size.
#pragma once

#include "core/Choice.h"
#include "core/HeadMesh.h"

namespace stipple {

// Multiplier from the file's units to millimetres. An adult head is about 20-25 cm tall, so the
// unit (m, cm, inch or mm) that brings the mesh's largest extent closest to that wins.
float detectMillimetresPerUnit(const Bounds& fileBounds);

// What a head may measure at its largest after units: a doll's head or a cropped scan at the
// small end, a bust with its shoulders at the large end. Outside, the unit is wrong or a stray
// vertex lies far away, and every size that follows (scalp region, pool, bakes) would be too.
constexpr float kSmallestHeadMm = 50.0f;
constexpr float kLargestHeadMm = 1000.0f;

// The units a file may be modelled in, as millimetres per unit, in the order the command line
// lists them (--units mm|cm|m|in|FACTOR) and the Edit > Head units menu shows them.
inline constexpr Choice<float> kUnitChoices[] = {
    {1.0f, "mm", "mm"}, {10.0f, "cm", "cm"}, {1000.0f, "m", "m"}, {25.4f, "in", "in"}};

// The name of a known multiplier ("mm", "cm", "m", "in"), or "custom".
const char* unitName(float millimetresPerUnit);

}  // namespace stipple
