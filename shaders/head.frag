#version 430 core
// Compiled in variants (gpu/HeadRenderer.cpp): software GL runs both sides of every branch,
// even a uniform one, so each feature is in the program only when the frame uses it.
//   ALBEDO_TEXTURE  the mesh's own skin texture      SCALP_OVERLAY  tint the scalp region
//   PIGMENT         draw the dots (impressions with   DIRECT_DOTS    some pixel is finer than the
//                   their soft shadow, and the                       pigment map: evaluate dots
//                   client's stubble)
//   LAYERS          shading and scar change the look
//   OVERLAY_KIND n  one layer as colour (1 density, 2 hairline, 3 shading, 4 scar, 5 native hair)
//   BRUSH_CURSOR    the brush's outline on the skin   LONG_HAIR      the client's hair worn long
//   SKIN_DETAIL     pixels fine enough for the skin's pores and lines (skin_detail.glsl)
#include "color.glsl"
#include "skin.glsl"
#include "hash.glsl"
#include "skin_detail.glsl"
#include "candidates.glsl"
#include "dots.glsl"
#include "bindings.glsl"
#include "pigment_on_skin.glsl"
#include "stubble.glsl"

in vec3 vPosition;
in vec3 vNormal;
in vec2 vUv;
in float vScalpWeight;

uniform vec3 uEye;
uniform vec3 uKeyLightDirection;
uniform vec3 uFillLightDirection;
uniform vec3 uKeyRadiance;         // the lighting preset (core/Lighting.cpp), linear
uniform vec3 uFillRadiance;
uniform vec3 uSkyAmbient;
uniform vec3 uGroundAmbient;
uniform float uSkinRoughness;
uniform vec3 uSkinAlbedo;          // linear
layout(binding = TEXTURE_ALBEDO) uniform sampler2D uAlbedo;
layout(binding = TEXTURE_PIGMENT) uniform sampler2D uPigment;    // baked in UV space: r ink, g hair, b ink's shadow, a grey hair
uniform float uPigmentTexelMm;                     // finest texel of that map on the scalp
uniform vec3 uInkAlbedo;                           // linear
uniform vec3 uHairAlbedo;                          // linear: the client's stubble
uniform float uDesignShown;                        // 1, or 0 for "before": the stubble alone
uniform vec3 uDiffusionGain;                       // the ink's darkening over its area, per channel (core/SkinDiffusion.h)
uniform float uDotCrisp;                           // how much of a dot shows crisp where it lies
layout(binding = TEXTURE_OVERLAY_LAYER) uniform sampler2D uOverlayLayer;
layout(binding = TEXTURE_HAIRLINE_MASK) uniform sampler2D uHairlineMask;
layout(binding = TEXTURE_SHADING_LAYER) uniform sampler2D uShadingLayer;  // 0..1: a lighter, more diluted pigment
layout(binding = TEXTURE_SCAR_LAYER) uniform sampler2D uScarLayer;     // 0..1: scar tissue
layout(binding = TEXTURE_NATIVE_HAIR) uniform sampler2D uNativeHair;    // follicular units per cm^2
uniform vec4 uBrushCursor;                         // xyz: centre on the skin (mm), w: radius
uniform bool uBrushMirrored;

out vec4 fragColor;

// Coverage of pigment (x), of the client's pigmented hair (y) and grey hair (w) at this pixel,
// and the pigment's soft shadow (z: its coverage blurred by the skin, baked beside it). Far away the baked map (mipmapped) holds
// what a pixel can show; once a pixel is smaller than the map's texels the dots are evaluated
// exactly, so a 0.15 mm dot stays round however close the camera comes. The shadow is smooth
// at the map's scale: it always comes from the map.
vec4 dotsAt(vec3 position, vec3 normal, vec2 uv) {
    vec4 mapped = texture(uPigment, uv);
#ifdef DIRECT_DOTS
    float footprintMm = max(length(dFdx(position)), length(dFdy(position)));
    float useMap = smoothstep(0.5 * uPigmentTexelMm, uPigmentTexelMm, footprintMm);
    vec2 hair = stubbleCoverage(position, normal, footprintMm, useMap < 1.0);
    vec3 direct = vec3(dotCoverage(position, footprintMm, useMap < 1.0), hair);
    return vec4(mix(direct, mapped.rga, useMap), mapped.b).xywz;
#else
    return mapped;
#endif
}

// 1 on a thin ring of the brush's radius around `center`, measured on the skin: about two
// pixels wide at any zoom.
float brushRing(vec3 position, vec3 center, float radiusMm) {
    float pixelMm = max(length(dFdx(position)), length(dFdy(position)));
    return 1.0 - smoothstep(pixelMm, 2.0 * pixelMm, abs(distance(position, center) - radiusMm));
}

#ifdef OVERLAY_KIND
// Density as the scatter places it (under the hairline mask and the scalp's edge): none stays
// skin, light is pale blue, 110 per cm^2 and more deep violet (the ramp spans SMP's useful
// range). The 0..1 layers tint by their amount: the hairline mask (on the scalp) green,
// shading grey-blue, scar pink; native hair turns amber up to 110 units per cm^2.
vec3 withOverlay(vec3 color, float value) {
#if OVERLAY_KIND == 1
    float amount = clamp(value * texture(uHairlineMask, vUv).r * vScalpWeight / 110.0, 0.0, 1.0);
    vec3 heat = mix(vec3(0.55, 0.85, 1.0), vec3(0.30, 0.0, 0.55), amount);
    return mix(color, heat * 0.6, 0.8 * smoothstep(0.0, 0.3, amount));
#elif OVERLAY_KIND == 2
    return mix(color, vec3(0.1, 0.6, 0.2), 0.7 * clamp(value * vScalpWeight, 0.0, 1.0));
#elif OVERLAY_KIND == 3
    return mix(color, vec3(0.35, 0.45, 0.6), 0.7 * clamp(value, 0.0, 1.0));
#elif OVERLAY_KIND == 4
    return mix(color, vec3(0.9, 0.3, 0.45), 0.7 * clamp(value, 0.0, 1.0));
#else
    return mix(color, vec3(0.85, 0.55, 0.1), 0.7 * clamp(value * vScalpWeight / 110.0, 0.0, 1.0));
#endif
}
#endif

void main() {
    vec3 n = normalize(vNormal);
    vec3 v = normalize(uEye - vPosition);
    // Keep the shading sane on the back faces that show through the neck's opening.
    if (!gl_FrontFacing) n = -n;
    float curvatureMm = curvatureRadiusMm(vPosition, n);
#ifdef SKIN_DETAIL
    float detailMm = skinHeightMm(vPosition, max(length(dFdx(vPosition)), length(dFdy(vPosition))));
    n = bumpedNormal(n, vPosition, detailMm);
#endif

#ifdef ALBEDO_TEXTURE
    vec3 albedo = texture(uAlbedo, vec2(vUv.x, 1.0 - vUv.y)).rgb;
#else
    vec3 albedo = uSkinAlbedo;
#endif
#ifdef SKIN_DETAIL
    albedo *= skinCavity(detailMm);
#endif
    float shading = 0.0, scar = 0.0;
#ifdef LAYERS
    shading = texture(uShadingLayer, vUv).r;
    scar = texture(uScarLayer, vUv).r;
    // Scar tissue is paler than the skin around it (less pigment and blood flow) and smoother.
    albedo = mix(albedo, vec3(SCAR_TINT_RGB) * max(albedo.r, SCAR_MIN_RED) / SCAR_TINT_RED, SCAR_PALING * scar);
#endif
#ifdef PIGMENT
    // Pigment lies under the epidermis: it darkens the diffuse colour, not the surface's sheen.
    // Shading is done with a more diluted ink; scar tissue takes the ink less evenly and less.
    vec3 ink = mix(uInkAlbedo, albedo, SHADING_DILUTION * shading);
    vec4 dots = dotsAt(vPosition, n, vUv);
    // Light diffused in the skin meets the pigment more than once and carries its shadow around
    // it: the crisp dots, and g - 1 times their shadow (core/SkinDiffusion.h, inkOpacity()).
    vec3 opacity = 1.0 - (1.0 - uDotCrisp * dots.x) * (1.0 - min((uDiffusionGain - 1.0) * dots.z, 1.0));
    albedo = mix(albedo, ink, uDesignShown * opacity * (1.0 - SCAR_INK_REFUSED * scar));
#ifdef LAYERS
    albedo *= 1.0 - follicleShadow(texture(uNativeHair, vUv).r * vScalpWeight, albedo, uHairAlbedo);
#endif
    // The client's hair: its stubble, cut ends and the shafts beneath the skin (stubble.glsl).
    albedo = mix(mix(albedo, uHairAlbedo, dots.y), kGreyHairLinear, dots.w);
#endif

    float skinShows = 1.0;
#ifdef LONG_HAIR
    // Long hair lies over the scalp: where it grows thick it hides the skin, where it is thin (a
    // widening part, diffuse thinning) the scalp and its impressions show between the strands.
    // The cover from the local density is a modelling choice (docs/smp-model.md, Native hair).
    float hairCover = 1.0 - exp(-texture(uNativeHair, vUv).r * vScalpWeight / 25.0);
    // Strands 0.08 mm wide fall away from a centre part and down the head; a pixel wider than a
    // few of them sees their mean.
    vec3 away = vec3(vPosition.x < 0.0 ? -1.0 : 1.0, -1.0, -0.2);
    vec3 fall = normalize(away - n * dot(n, away));
    float strand = floor(dot(vPosition, normalize(cross(n, fall))) / 0.08);
    float strandTone = 0.85 + 0.3 * hashToUnitFloat(lowbias32(uint(int(strand))));
    float pixelMm = max(length(dFdx(vPosition)), length(dFdy(vPosition)));
    strandTone = mix(strandTone, 1.0, smoothstep(0.04, 0.12, pixelMm));
    albedo = mix(albedo, uHairAlbedo * strandTone, hairCover);
    skinShows = 1.0 - hairCover;
#endif

    // Scar tissue is smoother than the skin around it: a tighter highlight, and so is a scalp's
    // sebum. Hair over the scalp takes the skin's sheen away.
    float roughness = uSkinRoughness * mix(1.0, 0.76, scar) * sebumRoughness(vPosition, vScalpWeight);
    vec3 color = uKeyRadiance * (skinDiffuse(albedo, n, uKeyLightDirection, curvatureMm) * kPi +
                                 skinShows * skinSpecular(n, v, uKeyLightDirection, roughness));
    color += uFillRadiance * skinDiffuse(albedo, n, uFillLightDirection, curvatureMm) * kPi;
    // Sky above, floor below: a soft hemisphere so no side of the head is black.
    float up = 0.5 + 0.5 * n.y;
    color += albedo * mix(uGroundAmbient, uSkyAmbient, up);

#ifdef SCALP_OVERLAY
    color = mix(color, vec3(0.05, 0.35, 0.9), 0.45 * vScalpWeight);
#endif
#ifdef OVERLAY_KIND
    color = withOverlay(color, texture(uOverlayLayer, vUv).r);
#endif

    vec3 encoded = linearToSrgb(toneMap(color));
#ifdef BRUSH_CURSOR
    float ring = brushRing(vPosition, uBrushCursor.xyz, uBrushCursor.w);
    if (uBrushMirrored) ring = max(ring, brushRing(vPosition, uBrushCursor.xyz * vec3(-1.0, 1.0, 1.0), uBrushCursor.w));
    encoded = mix(encoded, vec3(1.0, 0.92, 0.55), 0.9 * ring);
#endif
    fragColor = vec4(encoded, 1.0);
}
