// Draws the head with skin shading: the viewport of the app and of headless renders.
#pragma once

#include "core/HeadMesh.h"
#include "core/OrbitCamera.h"
#include "gpu/GlObject.h"

namespace stipple {

struct ShadingSettings {
    glm::vec3 skinAlbedoSrgb{0.84f, 0.65f, 0.51f};  // used where the mesh has no albedo texture
    bool useMeshAlbedo = true;                       // the mesh's own texture, when it has one
    bool showScalpOverlay = false;                   // tint the scalp region to check it
    glm::vec3 backgroundSrgb{0.20f, 0.21f, 0.23f};
};

class HeadRenderer {
public:
    // Uploads the mesh (and its albedo, if any). Needs a current GL 4.3+ context.
    explicit HeadRenderer(const HeadMesh& mesh);

    // Clears and draws into the bound framebuffer at the given viewport size.
    void draw(const OrbitCamera& camera, int viewportWidth, int viewportHeight, const ShadingSettings& settings) const;

private:
    GlProgram program_;
    GlVertexArray vertexArray_;
    GlBuffer vertexBuffer_, indexBuffer_;
    GlTexture albedo_;
    GLsizei indexCount_ = 0;
};

}  // namespace stipple
