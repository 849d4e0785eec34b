// SkinDiffusion: what the skin above a deposit does to its look from afar. The pigment lies
// 0.3-2 mm deep in turbid skin, so the light reaching it and leaving it is diffused: its shadow
// at the surface is a soft halo wider than the dot, and diffuse light crosses the pigment's layer
// more than once, so the pigment darkens more than its area alone would. GL-free: the viewport
// (shaders/head.frag) and the export (io/DesignExport.cpp) composite with these numbers.
//
// docs/smp-model.md ("Skin diffusion") gives the reasoning and marks the modelling choices.
#pragma once

namespace stipple {

struct SkinDiffusion {
    float haloSigmaMm = 0.0f;  // width of the soft shadow around each dot: a Gaussian's sigma on the skin
    float gain = 1.0f;         // total darkening over the dots' own coverage, where dots are sparse
};

// The diffusion for pigment `depthMm` deep (clamped to kMinDepthMm..kMaxDepthMm). The stage
// does not enter: the skin above the pigment is the same at every stage, and the stage's
// amount of pigment reaches the halo through the coverage it blurs.
SkinDiffusion skinDiffusion(float depthMm);

// The ink's opacity at a point from the dots' coverage there (`coverage`, crisp) and the
// coverage blurred by the halo's Gaussian (`halo`): 1 - (1 - c)(1 - min((g - 1) h, 1)). Far
// away c and h are both the local coverage f and this is about g f; up close a dot keeps its
// own opacity in its core with a faint shadow around it. shaders/head.frag does the same.
float inkOpacity(float coverage, float halo, float gain);

}  // namespace stipple
