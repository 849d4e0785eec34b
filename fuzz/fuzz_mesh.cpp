// libFuzzer target: the mesh loader's front-end (loadHeadMesh) for every kind of head file. The
// first byte picks the file's extension, so Assimp's text and binary importers all get inputs;
// the rest is the file.
#include "FuzzSupport.h"
#include "core/Error.h"
#include "io/MeshLoader.h"

#include <iterator>

namespace {

// The corpus's seeds start with their format's index here: append, never reorder.
constexpr const char* kExtensions[] = {"obj", "off", "ply", "stl", "dae", "gltf", "glb", "3ds", "fbx", "x",
                                       "ms3d", "ac", "ase", "lwo", "md2", "md5mesh", "nff", "smd", "dxf",
                                       "x3d", "amf", "3mf", "blend", "b3d", "irrmesh", "cob", "xgl", "raw",
                                       "iqm", "bvh", "q3o", "ter", "hmp", "mdl", "md3", "csm"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const char* extension = kExtensions[data[0] % std::size(kExtensions)];
    try {
        stipple::loadHeadMesh(stipple::fuzz::writeInput(data + 1, size - 1, std::string("input.") + extension));
    } catch (const stipple::InputError&) {
        // The documented refusal; any other exception escapes and is a finding.
    }
    return 0;
}
