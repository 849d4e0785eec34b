// libFuzzer target: the mesh loader's front-end (loadHeadMesh) for every kind of head file. The
// first byte picks the file's extension, so Assimp's text and binary importers all get inputs;
// the rest is the file.
#include "FuzzSupport.h"
#include "core/Error.h"
#include "io/MeshFileLimits.h"
#include "io/MeshLoader.h"

#include <cstdlib>
#include <iterator>
#include <new>

// The app lowers the address-space limit for an import (ImportMemoryBudget), so that Assimp's
// request for terabytes on a broken file fails with std::bad_alloc, which Assimp and the loader
// turn into a message. Under the sanitizers that limit is off, and the sanitizer ends the process
// instead: this harness refuses such a request itself, as the limit would. It refuses from 256 MB
// already: no input of a few KB needs that much, and ASan fills a gigabyte block slowly enough
// (seconds, tens on a busy machine) to end the run in a timeout where the app answers in about
// a second. The budget itself is checked in release by the corpus test.
constexpr std::size_t kLargestAllocation = std::size_t(256) << 20;
static_assert(kLargestAllocation < stipple::kImportMemoryBudgetBytes);

void* operator new(std::size_t size) {
    if (size > kLargestAllocation) throw std::bad_alloc();
    if (void* memory = std::malloc(size ? size : 1)) return memory;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return operator new(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t& nothrow) noexcept { return operator new(size, nothrow); }
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete[](void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
void operator delete[](void* memory, std::size_t) noexcept { std::free(memory); }
void operator delete(void* memory, const std::nothrow_t&) noexcept { std::free(memory); }
void operator delete[](void* memory, const std::nothrow_t&) noexcept { std::free(memory); }

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
