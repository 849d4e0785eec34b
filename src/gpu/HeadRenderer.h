// Draws the head with skin shading: the viewport of the app and of headless renders.
#pragma once

#include "core/HeadMesh.h"
#include "core/ImpressionLook.h"
#include "core/Layers.h"
#include "core/OrbitCamera.h"
#include "core/LevelsOfDetail.h"
#include "core/Lighting.h"
#include "core/NativeHair.h"
#include "core/SkinDiffusion.h"
#include "core/SmpModel.h"
#include "gpu/GlObject.h"
#include "gpu/ImpressionField.h"
#include "gpu/LayerTextures.h"
#include "gpu/PigmentBake.h"

#include <map>
#include <string>
#include <vector>

namespace stipple {

struct ShadingSettings {
    glm::vec3 skinAlbedoSrgb{0.84f, 0.65f, 0.51f};  // used where the mesh has no albedo texture
    bool useMeshAlbedo = true;                       // the mesh's own texture, when it has one
    bool showScalpOverlay = false;                   // tint the scalp region to check it
    // One layer of the design as colour, so its layout reads from across the room.
    using Overlay = LayerOverlay;
    Overlay overlay = Overlay::None;
    glm::vec3 backgroundSrgb{0.20f, 0.21f, 0.23f};
    glm::vec3 inkAlbedoSrgb = kDesignInkSrgb;
    glm::vec3 hairAlbedoSrgb = kHairColours[kDefaultHairColour].srgb;  // the client's stubble
    bool showDesign = true;                          // false: "before", the client's stubble alone
    // The skin above the pigment makes it darken more than its area from afar: the gain of
    // core/SkinDiffusion.h. The soft shadow that carries it is baked beside the dots (PigmentBake).
    glm::vec3 diffusionGain = skinDiffusion(kDefaultDepthMm).gain;  // per channel
    float dotCrisp = skinDiffusion(kDefaultDepthMm).crisp;           // the dots' own share
    bool longHair = false;  // the native hair worn long: it hides the scalp where it grows thick
    // Shaved: the stubble's length and its share of grey hair (the impressions' bake draws them:
    // ScalpImpressions::setStubbleLook).
    float stubbleMm = 0.0f;
    float greyHairShare = 0.0f;
    Lighting lighting = Lighting::Clinic;
    // The brush's outline on the skin (a ring at its radius), and its mirror image.
    struct {
        bool visible = false;
        bool mirrored = false;
        glm::vec3 centerMm{0.0f};
        float radiusMm = 0.0f;
    } brushCursor;

    // The impressions' ink, their darkening from afar and their crispness as `look` has them.
    void showImpressionsAs(const ImpressionLook& look) {
        inkAlbedoSrgb = look.inkSrgb;
        diffusionGain = look.diffusion.gain;
        dotCrisp = look.diffusion.crisp;
    }
};

// The impressions to draw on the skin: both parts come from the same scatter. `layers` (the
// painted layers) serve the overlays.
struct PigmentView {
    const ImpressionField* field = nullptr;
    const PigmentBake* bake = nullptr;
    const LayerTextures* layers = nullptr;
};

class HeadRenderer {
public:
    // Uploads the mesh (and its albedo, if any). Needs a current GL 4.5 context.
    explicit HeadRenderer(const HeadMesh& mesh);

    // Clears and draws into the bound framebuffer at the given viewport size, with the coarsest
    // level of detail whose error stays under a pixel.
    void draw(const OrbitCamera& camera, int viewportWidth, int viewportHeight, const ShadingSettings& settings,
              const PigmentView& pigment = {}) const;

    // Which level draw() uses for this view (0 = full mesh), and how many triangles it has.
    std::size_t detailLevelFor(const OrbitCamera& camera, int viewportHeight) const;
    std::size_t triangleCount(std::size_t level) const { return std::size_t(levels_[level].count) / 3; }

private:
    // Skin covered by one pixel on the nearest part of the head: the finest detail visible.
    float nearestPixelMm(const OrbitCamera& camera, int viewportHeight) const;

    struct LevelRange {
        GLsizei count;       // indices
        std::size_t offset;  // bytes into the index buffer
    };

    // Built on first use: one program a combination of features (see head.frag).
    GLuint programFor(const std::vector<std::string>& defines) const;
    mutable std::map<std::string, GlProgram> programs_;
    GlVertexArray vertexArray_;
    GlBuffer vertexBuffer_, indexBuffer_;
    GlTexture albedo_;
    std::vector<LevelRange> levels_;
    std::vector<float> levelErrorsMm_;
    float boundingRadiusMm_ = 0.0f;
};

}  // namespace stipple
