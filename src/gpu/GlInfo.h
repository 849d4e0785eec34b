// What the current OpenGL context is and whether Stipple can use it.
#pragma once

#include <string>

namespace stipple {

// Throws InternalError naming `where` unless the current context is OpenGL 4.3+ core (compute
// shaders and storage buffers are needed).
void requireGl43(const char* where);

// "OpenGL 4.5 (Core Profile) Mesa 22.3.6, llvmpipe (LLVM 15.0.6, 256 bits)".
std::string glDescription();

// Sends KHR_debug errors to stderr in debug builds; no-op where KHR_debug is missing.
void enableGlDebugOutput();

}  // namespace stipple
