// The binding points the shaders declare (shaders/bindings.glsl, included here so that C++
// and GLSL read one number): BUFFER_*, TEXTURE_* and IMAGE_*.
#pragma once

#include "bindings.glsl"
