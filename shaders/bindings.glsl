// Where each storage buffer, texture and image sits while a program runs. The shaders include
// this file and so does the C++ that binds them (gpu/Bindings.h): each number is written once,
// read as GLSL and as C++ (#define and integers, nothing else).
#ifndef STIPPLE_BINDINGS_GLSL
#define STIPPLE_BINDINGS_GLSL

// The impression field's buffers (gpu/ImpressionField.cpp): the scatter and the compaction
// write them, every program that draws dots (head.frag, the bake) reads them here.
#define BUFFER_CANDIDATES 0
#define BUFFER_DOT_STATES 1
#define BUFFER_ACTIVE_COUNT 2   // the scatter's count of active dots
#define BUFFER_ACTIVE_LIST 2    // the compaction's list of them
#define BUFFER_GRID_BUCKETS 3
#define BUFFER_GRID_ENTRIES 4
#define BUFFER_SCATTER_IDS 6    // the candidates a local re-scatter visits
// The pigment map's padding (gpu/PigmentBake.cpp, pad.comp).
#define BUFFER_PADDING_PAIRS 5
// The GPU brush (gpu/PaintPass.cpp, paint.comp).
#define BUFFER_PAINT_ATLAS 0
#define BUFFER_PAINT_SEGMENTS 1
#define BUFFER_PAINT_CELL_START 2
#define BUFFER_PAINT_CELL_ENTRIES 3
// The benchmark's floor pass (bench_floor.comp).
#define BUFFER_BENCH_WORDS 0

// The head's textures (gpu/HeadRenderer.cpp, head.frag).
#define TEXTURE_ALBEDO 0
#define TEXTURE_PIGMENT 1
#define TEXTURE_OVERLAY_LAYER 2
#define TEXTURE_HAIRLINE_MASK 3
#define TEXTURE_SHADING_LAYER 4
#define TEXTURE_SCAR_LAYER 5
#define TEXTURE_NATIVE_HAIR 6
// The scatter's densities (scatter.comp).
#define TEXTURE_SCATTER_DENSITY 0
#define TEXTURE_SCATTER_HAIR 1
// The pigment map's coarser levels and a copy of its full-size level, which the halo reads
// (bake.frag).
#define TEXTURE_COARSE_LEVELS 0
#define TEXTURE_FULL_LEVEL 1

// Images of the compute passes.
#define IMAGE_PAINT_LAYER 0       // paint.comp
#define IMAGE_PAINT_INFLUENCE 1
#define IMAGE_PAINT_MEAN 2
#define IMAGE_PAINT_BEFORE 3
#define IMAGE_COMPOSE_DENSITY_LAYER 0   // compose.comp
#define IMAGE_COMPOSE_HAIRLINE_LAYER 1
#define IMAGE_COMPOSE_DENSITY 2
#define IMAGE_MIP_FINER 0         // mip.comp
#define IMAGE_MIP_COARSER 1
#define IMAGE_PAD_MAP 0           // pad.comp

#endif
