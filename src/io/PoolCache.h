// PoolCache: candidate pools saved on disk, so the second open of a head is instant.
//
// A pool file is keyed by a 64-bit hash of everything the pool depends on: the mesh's positions,
// normals, uvs, triangles and scalp weights, the pool parameters and the pool algorithm version.
// Format (host byte order, little-endian on every platform Stipple builds for):
//   "STPLPOOL", u32 format version, u32 algorithm version, u64 key, u64 count,
//   f32 max density, u32 seed, f64 area mm^2, u64 FNV-1a hash of the records,
//   then count records: u32 triangle, f32 barycentric[2], uv[2], position[3], normal[3],
//   scalp weight, rank.
// A file whose header, size or record hash does not match is treated as not cached.
#pragma once

#include "core/CandidatePool.h"
#include "core/HeadMesh.h"

#include <cstdint>
#include <filesystem>
#include <optional>

namespace stipple {

std::uint64_t poolCacheKey(const HeadMesh& mesh, const PoolParams& params);

// $XDG_CACHE_HOME/stipple, else ~/.cache/stipple, else a folder in the system's temp directory.
std::filesystem::path defaultPoolCacheDir();

// Where the pool with this key lives inside a cache folder.
std::filesystem::path poolCacheFile(const std::filesystem::path& cacheDir, std::uint64_t key);

// Writes atomically; throws InputError naming the file when it cannot be written.
void savePoolCache(const std::filesystem::path& file, std::uint64_t key, const CandidatePool& pool);

// The pool stored under this key, or nullopt when the file is missing, truncated, corrupt, from
// another version or for another key. Never throws for a bad file.
std::optional<CandidatePool> loadPoolCache(const std::filesystem::path& file, std::uint64_t key);

// The cached pool when there is one; otherwise builds it and caches it (a cache that cannot be
// written is not an error: the pool is still returned). nullopt only when cancelled.
std::optional<CandidatePool> loadOrBuildCandidatePool(const HeadMesh& mesh, const PoolParams& params,
                                                      const PoolProgress& progress,
                                                      const std::filesystem::path& cacheDir);

}  // namespace stipple
