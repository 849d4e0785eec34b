// RAII ownership of OpenGL object names: a handle deletes its object when it goes away.
#pragma once

#include <glad/gl.h>

#include <utility>

namespace stipple {

template <void (*Delete)(GLuint)>
class GlObject {
public:
    GlObject() = default;
    explicit GlObject(GLuint name) : name_(name) {}
    ~GlObject() { reset(); }
    GlObject(GlObject&& other) noexcept : name_(std::exchange(other.name_, 0)) {}
    GlObject& operator=(GlObject&& other) noexcept {
        if (this != &other) {
            reset();
            name_ = std::exchange(other.name_, 0);
        }
        return *this;
    }
    GlObject(const GlObject&) = delete;
    GlObject& operator=(const GlObject&) = delete;

    GLuint get() const { return name_; }
    explicit operator bool() const { return name_ != 0; }
    void reset() {
        if (name_) Delete(name_);
        name_ = 0;
    }

private:
    GLuint name_ = 0;
};

namespace gl_delete {
inline void buffer(GLuint name) { glDeleteBuffers(1, &name); }
inline void texture(GLuint name) { glDeleteTextures(1, &name); }
inline void vertexArray(GLuint name) { glDeleteVertexArrays(1, &name); }
inline void framebuffer(GLuint name) { glDeleteFramebuffers(1, &name); }
inline void renderbuffer(GLuint name) { glDeleteRenderbuffers(1, &name); }
inline void program(GLuint name) { glDeleteProgram(name); }
}  // namespace gl_delete

using GlBuffer = GlObject<gl_delete::buffer>;
using GlTexture = GlObject<gl_delete::texture>;
using GlVertexArray = GlObject<gl_delete::vertexArray>;
using GlFramebuffer = GlObject<gl_delete::framebuffer>;
using GlRenderbuffer = GlObject<gl_delete::renderbuffer>;
using GlProgram = GlObject<gl_delete::program>;

// DSA creation helpers (GL 4.5); each returns an owning handle.
inline GlBuffer createBuffer() { GLuint n = 0; glCreateBuffers(1, &n); return GlBuffer(n); }
inline GlTexture createTexture(GLenum target) { GLuint n = 0; glCreateTextures(target, 1, &n); return GlTexture(n); }
inline GlVertexArray createVertexArray() { GLuint n = 0; glCreateVertexArrays(1, &n); return GlVertexArray(n); }
inline GlFramebuffer createFramebuffer() { GLuint n = 0; glCreateFramebuffers(1, &n); return GlFramebuffer(n); }
inline GlRenderbuffer createRenderbuffer() { GLuint n = 0; glCreateRenderbuffers(1, &n); return GlRenderbuffer(n); }

}  // namespace stipple
