// What a mesh file may ask of the machine before a parser sees it. A 309-byte OFF file that
// declares 353 billion vertices, or a deeply broken FBX, must get a message, not the OOM killer.
#pragma once

#include <cstdint>
#include <filesystem>

namespace stipple {

// A head is a few MB; a scan of a whole head at 1 million triangles is about 100 MB.
constexpr std::uintmax_t kMaxMeshFileBytes = std::uintmax_t(1) << 30;

// Memory an import may take on top of what the process holds already (docs: README).
constexpr std::uintmax_t kImportMemoryBudgetBytes = std::uintmax_t(2) << 30;

// Throws InputError naming the file when it is larger than kMaxMeshFileBytes, or when a count it
// declares (OFF and PLY headers; ASE, AC3D, MD5 and Collada counts) needs more bytes than the
// file holds: each vertex, face or number takes at least a byte or two of text or its binary size.
void checkDeclaredCounts(const std::filesystem::path& path);

// While alive, allocations beyond kImportMemoryBudgetBytes more fail (std::bad_alloc) instead of
// taking the machine: the process's address-space limit is lowered for the import and put back
// after. Only on Linux and only outside sanitizer builds, whose shadow memory needs the space.
class ImportMemoryBudget {
public:
    ImportMemoryBudget();
    ~ImportMemoryBudget();
    ImportMemoryBudget(const ImportMemoryBudget&) = delete;
    ImportMemoryBudget& operator=(const ImportMemoryBudget&) = delete;

    bool active() const { return active_; }

private:
    bool active_ = false;
    std::uint64_t previousSoftLimit_ = 0;
};

}  // namespace stipple
