// Shader programs built from the files in shaders/, one file per stage, with `#include "x.glsl"`
// resolved textually so stages can share code.
#pragma once

#include "gpu/GlObject.h"

#include <initializer_list>
#include <string>
#include <vector>

namespace stipple {

// Compiles and links the named stage files (e.g. {"head.vert", "head.frag"}); the stage comes
// from the extension (.vert .frag .comp). Each of `defines` ("PIGMENT", "OVERLAY_KIND 2")
// becomes a #define after the #version line of every stage. Throws InternalError with the
// compiler's log.
GlProgram buildProgram(std::initializer_list<const char*> stageFiles, const std::vector<std::string>& defines = {});

// The full source of one shader file with its includes expanded (for tests and errors).
std::string loadShaderSource(const std::string& fileName);

}  // namespace stipple
