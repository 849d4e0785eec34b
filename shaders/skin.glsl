// Skin shading: pre-integrated subsurface scattering for the diffuse light, and a GGX lobe with
// skin's F0.

const float kPi = 3.14159265;

// Light that enters the skin leaves it around where it entered, so a point on a curved surface
// also gets the light of its neighbours, which face the light at other angles: the terminator
// softens and reddens where the skin curves tightly (nose, ears), hardly at all on the broad
// scalp. Penner & Borshukov's pre-integrated skin shading (GPU Pro 2, 2011) integrates the
// skin's diffusion profile over a ring of the surface's radius of curvature. The profile is
// d'Eon & Luebke's sum of Gaussians fitted to a three-layer skin model (GPU Gems 3, ch. 14):
// sigma in mm, and each Gaussian's weight in R, G and B. Its two narrowest (0.08 and 0.22 mm)
// spread less than 0.05 rad on any curve the head has: they take the light's spread alone. The clamped
// cosine against each wider Gaussian (an angle spread sigma / radius) is a 3-point Gauss-Hermite
// quadrature rather than a lookup texture.
const vec3 kLambertWeight = vec3(0.233 + 0.100, 0.455 + 0.336, 0.649 + 0.344);
const float kProfileSigmaMm[4] = float[4](0.4324, 0.7530, 1.4107, 2.7221);
const vec3 kProfileWeight[4] = vec3[4](vec3(0.118, 0.198, 0.0), vec3(0.113, 0.007, 0.007),
                                       vec3(0.358, 0.004, 0.0), vec3(0.078, 0.0, 0.0));

// The surface's radius of curvature here, in mm, from how fast the normal turns across a pixel.
float curvatureRadiusMm(vec3 position, vec3 normal) {
    return clamp(length(fwidth(position)) / max(length(fwidth(normal)), 1e-6), 2.0, 500.0);
}

// The lamps are not points: a softbox or a window seen from the head spans a few tenths of a
// radian, which softens every terminator the same way. Its angular spread (a display choice)
// adds to each Gaussian's, in quadrature.
const float kLightSpreadRad = 0.3;

// The clamped cosine nDotL averaged over angles spread by a Gaussian of `spreadRad`: 3-point
// Gauss-Hermite quadrature.
float spreadCosine(float nDotL, float sinL, float spreadRad) {
    float node = 1.7320508 * spreadRad;  // the quadrature's outer nodes
    float c = cos(node), s = sin(node);
    return (2.0 / 3.0) * max(nDotL, 0.0) + (1.0 / 6.0) * (max(nDotL * c - sinL * s, 0.0) + max(nDotL * c + sinL * s, 0.0));
}

vec3 skinDiffuse(vec3 albedo, vec3 n, vec3 l, float radiusMm) {
    float nDotL = dot(n, l);
    float sinL = sqrt(max(1.0 - nDotL * nDotL, 0.0));
    vec3 diffuse = kLambertWeight * spreadCosine(nDotL, sinL, kLightSpreadRad);
    for (int k = 0; k < 4; ++k) {
        float profile = kProfileSigmaMm[k] / radiusMm;
        diffuse += kProfileWeight[k] * spreadCosine(nDotL, sinL, sqrt(profile * profile + kLightSpreadRad * kLightSpreadRad));
    }
    return albedo * diffuse / kPi;
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
