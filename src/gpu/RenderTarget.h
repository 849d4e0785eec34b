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

    // Binds the multisampled framebuffer and sets the viewport to its size.
    void bind() const;
    // Resolves the samples and reads the picture back, rows top to bottom.
    Image readPixels() const;
    // Resolves the samples and draws the picture over the viewport of the framebuffer bound
    // now, filtered linearly: a picture rendered smaller than the window fills it. (A blit
    // cannot scale into a multisampled window.)
    void drawScaled() const;

private:
    int width_, height_;
    GlRenderbuffer color_, depth_;
    GlTexture resolvedColor_;  // a texture, so that drawScaled can sample it
    GlFramebuffer multisampled_, resolved_;
    mutable GlProgram scaledProgram_;  // built on drawScaled's first call
    mutable GlVertexArray noVertices_;
};

}  // namespace stipple
