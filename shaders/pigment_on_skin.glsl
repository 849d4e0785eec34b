// How the design's shading and scar layers change the skin and the ink. shaders/head.frag and
// the export's albedo (io/DesignExport.cpp) both include this file, so the viewport and the
// exported texture composite alike: it is read as GLSL and as C++ (#define, float literals
// with their f suffix, nothing else).
#ifndef STIPPLE_PIGMENT_ON_SKIN_GLSL
#define STIPPLE_PIGMENT_ON_SKIN_GLSL

// Scar tissue is paler than the skin around it (less pigment and blood flow): the skin moves
// SCAR_PALING of the way, at full scar, to this tint at the skin's own brightness (its red,
// no less than SCAR_MIN_RED, over the tint's).
#define SCAR_TINT_RED 0.93f
#define SCAR_TINT_RGB SCAR_TINT_RED, 0.80f, 0.76f
#define SCAR_MIN_RED 0.2f
#define SCAR_PALING 0.45f
// Scar tissue takes the ink less evenly and less: this share of it stays out at full scar.
#define SCAR_INK_REFUSED 0.35f
// Shading is done with a more diluted ink: at full shading the ink is this far towards the skin.
#define SHADING_DILUTION 0.55f

#endif
