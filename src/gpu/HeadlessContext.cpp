#include "gpu/HeadlessContext.h"

#include "core/Error.h"
#include "gpu/GlInfo.h"

#include <glad/gl.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstring>

namespace stipple {

struct HeadlessContext::State {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
};

namespace {

GLADapiproc loadEglProc(const char* name) { return reinterpret_cast<GLADapiproc>(eglGetProcAddress(name)); }

EGLDisplay openSurfacelessDisplay() {
    // Plain eglGetDisplay(EGL_DEFAULT_DISPLAY) needs an X server; Mesa's surfaceless platform
    // does not.
    const char* clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (clientExtensions && std::strstr(clientExtensions, "EGL_MESA_platform_surfaceless")) {
        auto getPlatformDisplay =
            reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
        if (getPlatformDisplay) {
            EGLDisplay display = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
            if (display != EGL_NO_DISPLAY) return display;
        }
    }
    // Other drivers (NVIDIA's among them) give a usable default display without X.
    return eglGetDisplay(EGL_DEFAULT_DISPLAY);
}

}  // namespace

HeadlessContext::HeadlessContext() : state_(std::make_unique<State>()) {
    state_->display = openSurfacelessDisplay();
    EGLint major = 0, minor = 0;
    if (state_->display == EGL_NO_DISPLAY || !eglInitialize(state_->display, &major, &minor))
        throw InternalError("EGL: no display could be opened for headless rendering");
    if (!eglBindAPI(EGL_OPENGL_API)) throw InternalError("EGL: the OpenGL API is not available");

    const EGLint configAttributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint configCount = 0;
    // Surfaceless contexts need no surface type; take any OpenGL config, or none at all.
    eglChooseConfig(state_->display, configAttributes, &config, 1, &configCount);
    const EGLint contextAttributes[] = {EGL_CONTEXT_MAJOR_VERSION, kRequiredGlMajor,
                                        EGL_CONTEXT_MINOR_VERSION, kRequiredGlMinor,
                                        EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                        EGL_NONE};
    state_->context = eglCreateContext(state_->display, configCount > 0 ? config : EGL_NO_CONFIG_KHR,
                                       EGL_NO_CONTEXT, contextAttributes);
    if (state_->context == EGL_NO_CONTEXT) {
        eglTerminate(state_->display);
        throw InternalError("EGL: no OpenGL 4.5 core context could be created: a newer graphics driver, or Mesa's "
                            "software renderer (llvmpipe), provides one");
    }
    if (!eglMakeCurrent(state_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, state_->context)) {
        eglDestroyContext(state_->display, state_->context);
        eglTerminate(state_->display);
        throw InternalError("EGL: the context cannot be made current without a surface");
    }
    if (!gladLoadGL(loadEglProc)) throw InternalError("OpenGL functions could not be loaded through EGL");
    requireGl45("headless EGL context");
}

HeadlessContext::~HeadlessContext() {
    eglMakeCurrent(state_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(state_->display, state_->context);
    eglTerminate(state_->display);
}

std::string HeadlessContext::description() const { return glDescription(); }

}  // namespace stipple
