// libFuzzer target: a head from an OBJ file (loadHeadMesh's tinyobjloader path), through units,
// normals, landmarks and the estimated scalp region.
#include "FuzzSupport.h"
#include "core/Error.h"
#include "io/MeshLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        stipple::loadHeadMesh(stipple::fuzz::writeInput(data, size, "input.obj"));
    } catch (const stipple::InputError&) {
        // The documented refusal; any other exception escapes and is a finding.
    }
    return 0;
}
