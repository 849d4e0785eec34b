// Colour space helpers shared by the stages.

vec3 linearToSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    return mix(12.92 * c, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

vec3 srgbToLinear(vec3 srgb) {
    return mix(srgb / 12.92, pow((srgb + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), srgb));
}

// A gentle filmic shoulder so highlights on a shiny scalp roll off instead of clipping.
vec3 toneMap(vec3 linear) {
    return linear / (1.0 + 0.25 * max(max(linear.r, linear.g), linear.b));
}
