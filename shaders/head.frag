#version 430 core
#include "color.glsl"
#include "skin.glsl"
#include "hash.glsl"
#include "candidates.glsl"
#include "dots.glsl"

in vec3 vPosition;
in vec3 vNormal;
in vec2 vUv;
in float vScalpWeight;

uniform vec3 uEye;
uniform vec3 uKeyLightDirection;
uniform vec3 uFillLightDirection;
uniform vec3 uSkinAlbedo;          // linear
uniform bool uUseAlbedoTexture;
uniform bool uShowScalp;
// One layer of the design as colour: 0 none, 1 density, 2 hairline mask, 3 shading, 4 scar
// (ShadingSettings::Overlay).
uniform int uOverlay;
layout(binding = 2) uniform sampler2D uOverlayLayer;
layout(binding = 3) uniform sampler2D uHairlineMask;
// The painted layers that change how skin and pigment look (when the design is at hand).
uniform bool uHasLayers;
layout(binding = 4) uniform sampler2D uShadingLayer;  // 0..1: a lighter, more diluted pigment
layout(binding = 5) uniform sampler2D uScarLayer;     // 0..1: scar tissue
layout(binding = 0) uniform sampler2D uAlbedo;
uniform bool uShowPigment;
layout(binding = 1) uniform sampler2D uPigment;   // baked dot coverage in UV space
uniform float uPigmentTexelMm;                     // finest texel of that map on the scalp
uniform vec3 uInkAlbedo;                           // linear
// False when no pixel of this frame is finer than the map's texels. A uniform condition is a
// real branch even on software GL, so far views skip the direct evaluation's cost entirely.
uniform bool uDirectDots;

// Coverage of pigment at this pixel. Far away the baked map (mipmapped) holds what a pixel can
// show; once a pixel is smaller than the map's texels the dots are evaluated exactly, so a
// 0.15 mm dot stays round however close the camera comes.
float pigmentAt(vec3 position, vec2 uv) {
    if (!uDirectDots) return texture(uPigment, uv).r;
    float footprintMm = max(length(dFdx(position)), length(dFdy(position)));
    float useMap = smoothstep(0.5 * uPigmentTexelMm, uPigmentTexelMm, footprintMm);
    float mapped = useMap > 0.0 ? texture(uPigment, uv).r : 0.0;
    return mix(pigmentCoverage(position, footprintMm, useMap < 1.0), mapped, useMap);
}

uniform vec4 uBrushCursor;   // xyz: centre on the skin (mm), w: radius (0 hides it)
uniform bool uBrushMirrored;

out vec4 fragColor;

// 1 on a thin ring of the brush's radius around `center`, measured on the skin: about two
// pixels wide at any zoom.
float brushRing(vec3 position, vec3 center, float radiusMm) {
    float pixelMm = max(length(dFdx(position)), length(dFdy(position)));
    return 1.0 - smoothstep(pixelMm, 2.0 * pixelMm, abs(distance(position, center) - radiusMm));
}

// Density as the scatter places it (under the hairline mask and the scalp's edge): none stays
// skin, light is pale blue, 110 per cm^2 and more deep violet (the ramp spans SMP's useful
// range). The 0..1 layers tint by their amount: the hairline mask (on the scalp) green,
// shading grey-blue, scar pink.
vec3 withOverlay(vec3 color, float value) {
    if (uOverlay == 2) value *= vScalpWeight;
    if (uOverlay == 1) {
        float amount = clamp(value * texture(uHairlineMask, vUv).r * vScalpWeight / 110.0, 0.0, 1.0);
        vec3 heat = mix(vec3(0.55, 0.85, 1.0), vec3(0.30, 0.0, 0.55), amount);
        return mix(color, heat * 0.6, 0.8 * smoothstep(0.0, 0.3, amount));
    }
    vec3 tint = uOverlay == 2 ? vec3(0.1, 0.6, 0.2) : uOverlay == 3 ? vec3(0.35, 0.45, 0.6) : vec3(0.9, 0.3, 0.45);
    return mix(color, tint, 0.7 * clamp(value, 0.0, 1.0));
}

void main() {
    vec3 n = normalize(vNormal);
    vec3 v = normalize(uEye - vPosition);
    // Keep the shading sane on the back faces that show through the neck's opening.
    if (!gl_FrontFacing) n = -n;

    vec3 albedo = uSkinAlbedo;
    if (uUseAlbedoTexture) albedo = texture(uAlbedo, vec2(vUv.x, 1.0 - vUv.y)).rgb;
    float shading = 0.0, scar = 0.0;
    if (uHasLayers) {
        shading = texture(uShadingLayer, vUv).r;
        scar = texture(uScarLayer, vUv).r;
    }
    // Scar tissue is paler than the skin around it (less pigment and blood flow) and smoother.
    vec3 skinAlbedo = mix(albedo, vec3(0.93, 0.80, 0.76) * max(albedo.r, 0.2) / 0.93, 0.45 * scar);
    albedo = skinAlbedo;
    // Pigment lies under the epidermis: it darkens the diffuse colour, not the surface's sheen.
    // Shading is done with a more diluted ink; scar tissue takes the ink less evenly and less.
    if (uShowPigment) {
        vec3 ink = mix(uInkAlbedo, skinAlbedo, 0.55 * shading);
        albedo = mix(skinAlbedo, ink, pigmentAt(vPosition, vUv) * (1.0 - 0.35 * scar));
    }

    const vec3 kKeyRadiance = vec3(2.4, 2.3, 2.2);
    const vec3 kFillRadiance = vec3(0.30, 0.32, 0.38);
    vec3 color = kKeyRadiance * (skinDiffuse(albedo, n, uKeyLightDirection) * kPi +
                                 skinSpecular(n, v, uKeyLightDirection, mix(0.5, 0.38, scar)));
    color += kFillRadiance * skinDiffuse(albedo, n, uFillLightDirection) * kPi;
    // Sky above, floor below: a soft hemisphere so no side of the head is black.
    float up = 0.5 + 0.5 * n.y;
    color += albedo * mix(vec3(0.05, 0.045, 0.045), vec3(0.16, 0.17, 0.19), up);

    if (uShowScalp) color = mix(color, vec3(0.05, 0.35, 0.9), 0.45 * vScalpWeight);
    if (uOverlay != 0) color = withOverlay(color, texture(uOverlayLayer, vUv).r);

    vec3 encoded = linearToSrgb(toneMap(color));
    if (uBrushCursor.w > 0.0) {
        float ring = brushRing(vPosition, uBrushCursor.xyz, uBrushCursor.w);
        if (uBrushMirrored) ring = max(ring, brushRing(vPosition, uBrushCursor.xyz * vec3(-1.0, 1.0, 1.0), uBrushCursor.w));
        encoded = mix(encoded, vec3(1.0, 0.92, 0.55), 0.9 * ring);
    }
    fragColor = vec4(encoded, 1.0);
}
