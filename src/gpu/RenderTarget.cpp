#include "gpu/RenderTarget.h"

#include "core/Error.h"

#include <algorithm>
#include <cstring>

namespace stipple {

RenderTarget::RenderTarget(int width, int height, int samples) : width_(width), height_(height) {
    GLint maxSize = 0, maxSamples = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    if (width <= 0 || height <= 0 || width > maxSize || height > maxSize)
        throw InputError("image size " + std::to_string(width) + "x" + std::to_string(height) +
                         " is outside 1.." + std::to_string(maxSize) + " on this GL");
    samples = std::min(samples, int(maxSamples));

    color_ = createRenderbuffer();
    depth_ = createRenderbuffer();
    resolvedColor_ = createRenderbuffer();
    // One sample is no multisampling: a plain buffer, into which a blit may scale.
    glNamedRenderbufferStorageMultisample(color_.get(), samples > 1 ? samples : 0, GL_RGBA8, width, height);
    glNamedRenderbufferStorageMultisample(depth_.get(), samples > 1 ? samples : 0, GL_DEPTH_COMPONENT24, width, height);
    glNamedRenderbufferStorage(resolvedColor_.get(), GL_RGBA8, width, height);

    multisampled_ = createFramebuffer();
    glNamedFramebufferRenderbuffer(multisampled_.get(), GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_.get());
    glNamedFramebufferRenderbuffer(multisampled_.get(), GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth_.get());
    resolved_ = createFramebuffer();
    glNamedFramebufferRenderbuffer(resolved_.get(), GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolvedColor_.get());
    for (GLuint fbo : {multisampled_.get(), resolved_.get()})
        if (glCheckNamedFramebufferStatus(fbo, GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
            throw InternalError("offscreen framebuffer is incomplete");
}

void RenderTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, multisampled_.get());
    glViewport(0, 0, width_, height_);
}

void RenderTarget::blitTo(GLuint framebuffer, int width, int height) const {
    glBlitNamedFramebuffer(multisampled_.get(), resolved_.get(), 0, 0, width_, height_, 0, 0, width_, height_,
                           GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBlitNamedFramebuffer(resolved_.get(), framebuffer, 0, 0, width_, height_, 0, 0, width, height, GL_COLOR_BUFFER_BIT,
                           width == width_ && height == height_ ? GL_NEAREST : GL_LINEAR);
}

Image RenderTarget::readPixels() const {
    glBlitNamedFramebuffer(multisampled_.get(), resolved_.get(), 0, 0, width_, height_, 0, 0, width_, height_,
                           GL_COLOR_BUFFER_BIT, GL_NEAREST);
    Image image;
    image.width = width_;
    image.height = height_;
    image.rgba.resize(std::size_t(width_) * std::size_t(height_) * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // GL's rows run bottom to top; images run top to bottom.
    const std::size_t rowBytes = std::size_t(width_) * 4;
    std::vector<std::uint8_t> row(rowBytes);
    for (int y = 0; y < height_ / 2; ++y) {
        std::uint8_t* top = image.rgba.data() + std::size_t(y) * rowBytes;
        std::uint8_t* bottom = image.rgba.data() + std::size_t(height_ - 1 - y) * rowBytes;
        std::memcpy(row.data(), top, rowBytes);
        std::memcpy(top, bottom, rowBytes);
        std::memcpy(bottom, row.data(), rowBytes);
    }
    return image;
}

}  // namespace stipple
