#include "gpu/GlInfo.h"

#include "core/Error.h"

#include <glad/gl.h>

#include <cstdio>

namespace stipple {

std::optional<std::string> glVersionProblem(const char* where, int major, int minor) {
    if (major > kRequiredGlMajor || (major == kRequiredGlMajor && minor >= kRequiredGlMinor)) return std::nullopt;
    return std::string(where) + ": OpenGL " + std::to_string(kRequiredGlMajor) + "." + std::to_string(kRequiredGlMinor) +
           " core or newer is needed (direct state access and compute shaders), this system offers " +
           std::to_string(major) + "." + std::to_string(minor) +
           "; a newer graphics driver, or Mesa's software renderer (llvmpipe), provides it";
}

void requireGl45(const char* where) {
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    if (const std::optional<std::string> problem = glVersionProblem(where, major, minor)) throw InternalError(*problem);
}

std::string glDescription() {
    const auto text = [](GLenum name) {
        const auto* value = reinterpret_cast<const char*>(glGetString(name));
        return std::string(value ? value : "?");
    };
    return "OpenGL " + text(GL_VERSION) + ", " + text(GL_RENDERER);
}

#ifndef NDEBUG
namespace {

void GLAPIENTRY printGlMessage(GLenum, GLenum type, GLuint, GLenum severity, GLsizei, const GLchar* message,
                               const void*) {
    if (type == GL_DEBUG_TYPE_ERROR || severity == GL_DEBUG_SEVERITY_HIGH)
        std::fprintf(stderr, "GL: %s\n", message);
}

}  // namespace
#endif

void enableGlDebugOutput() {
#ifndef NDEBUG
    if (!GLAD_GL_KHR_debug) return;
    glEnable(GL_DEBUG_OUTPUT);
    glDebugMessageCallback(printGlMessage, nullptr);
#endif
}

}  // namespace stipple
