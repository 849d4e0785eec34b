// The skin's surface below the mesh's scale: pores and fine lines as a bumped normal (only in
// the SKIN_DETAIL variant, for views whose pixels are fine enough to show them), and the sheen
// of sebum on the scalp. Needs hash.glsl first. Lengths in mm on the skin.

// Pores: at most one a 0.5 mm cell, 0.08-0.14 mm across, a shallow dimple. Fine lines: the
// skin's microrelief, a net of shallow furrows a fraction of a millimetre apart, here the
// ridges of a value noise 0.7 mm across. Sizes and depths are display choices at the scale of
// that relief, shallow enough that the bump tilts the normal by a few degrees.
const float kPoreCellMm = 0.5;
const float kLineCellMm = 0.7;
const float kPoreDepthMm = 0.012;
const float kLineDepthMm = 0.004;
const mat3 kLineTurn = mat3(0.36, 0.48, -0.80, -0.80, 0.60, 0.0, 0.48, 0.64, 0.60);  // a rotation

// One mix a cell (the noise runs 16 of them a pixel on software GL): the cell's coordinates
// spread by large odd constants, then lowbias32.
uint cellHash(ivec3 cell) {
    return lowbias32(uint(cell.x) * 0x8da6b343u ^ uint(cell.y) * 0xd8163841u ^ uint(cell.z) * 0xcb1ab31fu);
}

float valueNoise(vec3 p) {
    ivec3 cell = ivec3(floor(p));
    vec3 f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    float c000 = hashToUnitFloat(cellHash(cell)), c100 = hashToUnitFloat(cellHash(cell + ivec3(1, 0, 0)));
    float c010 = hashToUnitFloat(cellHash(cell + ivec3(0, 1, 0))), c110 = hashToUnitFloat(cellHash(cell + ivec3(1, 1, 0)));
    float c001 = hashToUnitFloat(cellHash(cell + ivec3(0, 0, 1))), c101 = hashToUnitFloat(cellHash(cell + ivec3(1, 0, 1)));
    float c011 = hashToUnitFloat(cellHash(cell + ivec3(0, 1, 1))), c111 = hashToUnitFloat(cellHash(cell + ivec3(1, 1, 1)));
    return mix(mix(mix(c000, c100, f.x), mix(c010, c110, f.x), f.y), mix(mix(c001, c101, f.x), mix(c011, c111, f.x), f.y), f.z);
}

// The skin's height at `positionMm` (0 on the mesh, negative into the skin), each detail faded
// out where a pixel (`footprintMm`) is too coarse to show it, as dots.glsl filters the dots.
float skinHeightMm(vec3 positionMm, float footprintMm) {
    float height = 0.0;
    float poreShows = 1.0 - smoothstep(0.02, 0.06, footprintMm);
    if (poreShows > 0.0) {
        vec3 cell = floor(positionMm / kPoreCellMm);
        uint h = cellHash(ivec3(cell));
        // A pore sits well inside its cell, so a point looks at its own cell only.
        vec3 center = (cell + 0.25 + 0.5 * vec3(hashToUnitFloat(h), hashToUnitFloat(lowbias32(h ^ 1u)),
                                                 hashToUnitFloat(lowbias32(h ^ 2u)))) * kPoreCellMm;
        float radius = 0.04 + 0.03 * hashToUnitFloat(lowbias32(h ^ 3u));
        float inside = 1.0 - smoothstep(0.0, radius + 0.5 * footprintMm, distance(positionMm, center));
        height -= poreShows * kPoreDepthMm * inside * inside;
    }
    float lineShows = 1.0 - smoothstep(0.06, 0.2, footprintMm);
    if (lineShows > 0.0) {
        // Two octaves in turned frames, so the net follows no axis of the noise's lattice.
        vec3 p = positionMm / kLineCellMm;
        float net = 0.65 * valueNoise(kLineTurn * p) + 0.35 * valueNoise(2.1 * (transpose(kLineTurn) * p) + 17.0);
        float ridge = abs(net - 0.5);  // 0 along the furrows
        height -= lineShows * kLineDepthMm * (1.0 - smoothstep(0.0, 0.06, ridge));
    }
    return height;
}

// Light reaches into a pore or a furrow less than onto the skin around it: they read a little
// darker (an occlusion of up to 8 % at a pore's bottom, a display choice).
float skinCavity(float heightMm) { return 1.0 + 0.08 * heightMm / kPoreDepthMm; }

// The normal of the bumped surface: Mikkelsen's surface gradient from screen-space derivatives
// ("Bump Mapping Unparametrized Surfaces on the GPU", 2010), so no tangent frame is needed.
vec3 bumpedNormal(vec3 n, vec3 positionMm, float heightMm) {
    vec3 dpdx = dFdx(positionMm), dpdy = dFdy(positionMm);
    vec3 r1 = cross(dpdy, n), r2 = cross(n, dpdx);
    float det = dot(dpdx, r1);
    vec3 gradient = sign(det) * (dFdx(heightMm) * r1 + dFdy(heightMm) * r2);
    return normalize(abs(det) * n - gradient);
}

// Sebum: a shaved scalp shines, more on the crown and the top than low on the sides, unevenly.
// The roughness's factor, 1 off the scalp down to about 0.6 (a display choice; the clinic
// light's skin roughness is core/Lighting.cpp's).
float sebumRoughness(vec3 positionMm, float scalpWeight) {
    float patches = 0.5 + 0.25 * sin(0.09 * positionMm.x + 1.7 * sin(0.05 * positionMm.z)) +
                    0.25 * sin(0.07 * positionMm.z + 0.8 + 1.3 * sin(0.06 * positionMm.x));
    return mix(1.0, 0.55 + 0.2 * patches, scalpWeight);
}
