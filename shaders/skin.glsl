// Skin shading: pre-integrated subsurface scattering for the diffuse light, and a GGX lobe with
// skin's F0.

const float kPi = 3.14159265;

// Light that enters the skin leaves it around where it entered, so a point on a curved surface
// also gets the light of its neighbours, which face the light at other angles: the terminator
// softens and reddens where the skin curves tightly (nose, ears), hardly at all on the broad
// scalp. Penner & Borshukov's pre-integrated skin shading (GPU Pro 2, 2011) integrates the
// skin's diffusion profile over a ring of the surface's radius of curvature. The profile is
// d'Eon & Luebke's sum of Gaussians fitted to a three-layer skin model (GPU Gems 3, ch. 14):
// variances in mm^2 and each Gaussian's weight in R, G and B. Seen over a ring of radius r each
// Gaussian spreads the light's angle by sigma / r; here the six are one Gaussian per channel
// with their mean variance (the second moment matched: one set of cosines a channel instead of
// six, on software GL), and the clamped cosine against it is a 3-point Gauss-Hermite quadrature
// rather than a lookup texture.
const float kProfileVarianceMm2[6] = float[6](0.0064, 0.0484, 0.187, 0.567, 1.99, 7.41);
const vec3 kProfileWeight[6] = vec3[6](vec3(0.233, 0.455, 0.649), vec3(0.100, 0.336, 0.344), vec3(0.118, 0.198, 0.0),
                                       vec3(0.113, 0.007, 0.007), vec3(0.358, 0.004, 0.0), vec3(0.078, 0.0, 0.0));
// The mean variance per channel, sum of weight x variance.
const vec3 kProfileMeanVarianceMm2 = kProfileWeight[0] * kProfileVarianceMm2[0] + kProfileWeight[1] * kProfileVarianceMm2[1] +
                                     kProfileWeight[2] * kProfileVarianceMm2[2] + kProfileWeight[3] * kProfileVarianceMm2[3] +
                                     kProfileWeight[4] * kProfileVarianceMm2[4] + kProfileWeight[5] * kProfileVarianceMm2[5];

// The lamps are not points: a softbox or a window seen from the head spans a few tenths of a
// radian, which softens every terminator the same way. Its angular spread (a display choice)
// adds to the profile's, in quadrature.
const float kLightSpreadRad = 0.3;

// The surface's radius of curvature here, in mm, from how fast the normal turns across a pixel.
float curvatureRadiusMm(vec3 position, vec3 normal) {
    return clamp(length(fwidth(position)) / max(length(fwidth(normal)), 1e-6), 2.0, 500.0);
}

vec3 skinDiffuse(vec3 albedo, vec3 n, vec3 l, float radiusMm) {
    float nDotL = dot(n, l);
    float sinL = sqrt(max(1.0 - nDotL * nDotL, 0.0));
    // Per channel: the clamped cosine averaged over angles spread by a Gaussian, at the
    // quadrature's nodes 0 and +/- sqrt(3) spread.
    vec3 node = 1.7320508 * sqrt(kProfileMeanVarianceMm2 / (radiusMm * radiusMm) + kLightSpreadRad * kLightSpreadRad);
    vec3 c = cos(node), s = sin(node);
    vec3 diffuse = (2.0 / 3.0) * max(nDotL, 0.0) + (1.0 / 6.0) * (max(nDotL * c - sinL * s, 0.0) + max(nDotL * c + sinL * s, 0.0));
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
