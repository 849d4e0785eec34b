// An offscreen framebuffer with multisampling, for headless renders and screenshots.
#pragma once

#include "core/HeadMesh.h"
#include "gpu/GlObject.h"

namespace stipple {

class RenderTarget {
public:
    // Throws InternalError when the size is beyond what the GL allows or the FBO is incomplete.
    RenderTarget(int width, int height, int samples = 4);

    int width() const { return width_; }
    int height() const { return height_; }

    // Binds the framebuffer drawn into (multisampled unless `samples` is 1) and sets the
    // viewport to its size.
    void bind() const;
    // Resolves the samples and reads the picture back, rows top to bottom.
    Image readPixels() const;
    // Resolves the samples and copies the picture into `framebuffer` (one sample: the GL scales
    // no blit into a multisampled one) from (0, 0) to (width, height), filtered linearly: a
    // picture rendered smaller than the window fills it.
    void blitTo(GLuint framebuffer, int width, int height) const;

private:
    int width_, height_;
    GlRenderbuffer color_, depth_, resolvedColor_;
    GlFramebuffer multisampled_, resolved_;
};

}  // namespace stipple
