// Skin shading: wrapped diffuse with a red-shifted wrap as a cheap stand-in for subsurface
// scattering (light bleeds further in red than in blue), and a GGX lobe with skin's F0.

const float kPi = 3.14159265;

// Per-channel wrap: red light scatters deepest in the dermis, so its terminator is softest.
const vec3 kSkinWrap = vec3(0.42, 0.22, 0.16);

vec3 skinDiffuse(vec3 albedo, vec3 n, vec3 l) {
    float nDotL = dot(n, l);
    vec3 wrapped = clamp((vec3(nDotL) + kSkinWrap) / (1.0 + kSkinWrap), 0.0, 1.0);
    // Normalised so a light straight on gives the plain Lambert value.
    return albedo * wrapped / kPi;
}

// Skin's specular: dielectric F0 of about 0.028 (index of refraction 1.4), moderately rough.
float skinSpecular(vec3 n, vec3 v, vec3 l, float roughness) {
    vec3 h = normalize(v + l);
    float nDotH = max(dot(n, h), 0.0);
    float nDotL = max(dot(n, l), 0.0);
    float nDotV = max(dot(n, v), 1e-3);
    float a2 = roughness * roughness * roughness * roughness;
    float denominator = nDotH * nDotH * (a2 - 1.0) + 1.0;
    float d = a2 / (kPi * denominator * denominator);
    float k = (roughness + 1.0) * (roughness + 1.0) / 8.0;
    float g = (nDotL / (nDotL * (1.0 - k) + k)) * (nDotV / (nDotV * (1.0 - k) + k));
    float m = 1.0 - max(dot(h, v), 0.0);
    float fresnel = 0.028 + (1.0 - 0.028) * (m * m) * (m * m) * m;
    return d * g * fresnel / max(4.0 * nDotL * nDotV, 1e-3) * nDotL;
}
