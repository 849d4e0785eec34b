// What a design remembers besides its layers and its hairline: the needle and the look the
// preview shows, the client's skin and hair, the brush in hand and the view, so that a project
// opens the way it was left (docs/project-format.md, "design").
#pragma once

#include "core/Brush.h"
#include "core/Lighting.h"
#include "core/NativeHair.h"
#include "core/Needles.h"
#include "core/SkinTone.h"
#include "core/SmpModel.h"

#include <glm/vec3.hpp>

#include <optional>
#include <string>

namespace stipple {

// Where the camera looked from (OrbitCamera's pose, without its lens).
struct ViewPose {
    glm::vec3 targetMm{0.0f};
    float yawRadians = 0.0f;
    float pitchRadians = 0.0f;
    float distanceMm = 600.0f;
};

// Who the design is for and by, and the day it was agreed: the shared page prints them
// (docs/share-page.md). Plain text; empty when not given.
struct ConsultationDetails {
    std::string client;
    std::string practitioner;
    std::string date;  // as the practitioner writes it, say 2026-12-07
};

struct DesignSettings {
    int needlePreset = kDefaultNeedlePreset;  // index into kNeedlePresets
    float depthMm = kDefaultDepthMm;          // kMinDepthMm..kMaxDepthMm
    int skinType = 3;                         // Fitzpatrick 1..6; 0: the custom colour below
    glm::vec3 customSkinSrgb = fitzpatrickPreset(3).albedoSrgb;
    glm::vec3 hairColourSrgb = kHairColours[kDefaultHairColour].srgb;  // the client's hair
    bool longHair = false;  // worn long (the scalp shows only where it is thin) or shaved to stubble
    float stubbleMm = 0.0f;      // shaved: cut this far above the skin, 0..kMaxStubbleMm
    float greyHairShare = 0.0f;  // share of grey hairs, 0..1
    std::optional<SmpStage> stage;            // the preview's stage; none: the design as drawn
    Lighting lighting = Lighting::Clinic;
    BrushSettings brush = defaultBrush(BrushTool::Density);
    std::optional<ViewPose> view;             // none: framed on the head when opened
    ConsultationDetails consultation;
};

// The skin colour the settings describe, sRGB.
glm::vec3 skinAlbedoSrgb(const DesignSettings& settings);
// The Fitzpatrick type the SMP model heals the dots for: a custom colour counts as type III, the
// middle of the scale (a modelling choice; the colour alone does not tell how skin heals).
int modelSkinType(const DesignSettings& settings);

// Throws InputError naming `where` and the setting that is out of its range.
void validateDesignSettings(const DesignSettings& settings, const std::string& where);

}  // namespace stipple
