// What the current OpenGL context is and whether Stipple can use it.
#pragma once

#include <optional>
#include <string>

namespace stipple {

// The oldest OpenGL Stipple runs on: 4.5 core, for direct state access (glNamedBufferStorage,
// glTextureStorage2D, ...) besides the compute shaders and storage buffers of 4.3.
constexpr int kRequiredGlMajor = 4, kRequiredGlMinor = 5;

// Why a context of version `major`.`minor` cannot run Stipple, in words for the user; nullopt
// when it can. `where` names the context ("window", "headless EGL context").
std::optional<std::string> glVersionProblem(const char* where, int major, int minor);

// Throws InternalError with glVersionProblem's message unless the current context is new enough.
void requireGl45(const char* where);

// "OpenGL 4.5 (Core Profile) Mesa 22.3.6, llvmpipe (LLVM 15.0.6, 256 bits)".
std::string glDescription();

// Sends KHR_debug errors to stderr in debug builds; no-op where KHR_debug is missing.
void enableGlDebugOutput();

}  // namespace stipple
