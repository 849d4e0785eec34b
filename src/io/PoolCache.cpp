#include "io/PoolCache.h"

#include "core/ContentHash.h"
#include "core/Error.h"
#include "io/WholeFile.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

namespace stipple {

namespace {

constexpr char kMagic[8] = {'S', 'T', 'P', 'L', 'P', 'O', 'O', 'L'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kHeaderBytes = 8 + 4 + 4 + 8 + 8 + 4 + 4 + 8 + 8;
constexpr std::size_t kRecordBytes = 4 + 4 * 12;

template <typename T>
void put(std::string& out, const T& value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Reads fixed-size values from a byte buffer; the caller has checked the size beforehand.
class Reader {
public:
    explicit Reader(const std::string& bytes) : bytes_(bytes) {}
    template <typename T>
    T get() {
        T value;
        std::memcpy(&value, bytes_.data() + offset_, sizeof value);
        offset_ += sizeof value;
        return value;
    }

private:
    const std::string& bytes_;
    std::size_t offset_ = 0;
};

std::string encodeRecords(const std::vector<Candidate>& candidates) {
    std::string out;
    out.reserve(candidates.size() * kRecordBytes);
    for (const Candidate& c : candidates) {
        put(out, c.triangle);
        for (float f : {c.barycentric.x, c.barycentric.y, c.uv.x, c.uv.y, c.position.x, c.position.y,
                        c.position.z, c.normal.x, c.normal.y, c.normal.z, c.scalpWeight, c.rank})
            put(out, f);
    }
    return out;
}

}  // namespace

std::uint64_t poolCacheKey(const HeadMesh& mesh, const PoolParams& params) {
    ContentHash hash;
    hash.add(meshContentHash(mesh));
    hash.add(params.maxDensityPerCm2);
    hash.add(params.seed);
    hash.add(kCandidatePoolAlgorithmVersion);
    return hash.value();
}

std::filesystem::path defaultPoolCacheDir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg && std::filesystem::path(xdg).is_absolute()) return std::filesystem::path(xdg) / "stipple";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::filesystem::path(home) / ".cache" / "stipple";
    std::error_code error;
    const std::filesystem::path temp = std::filesystem::temp_directory_path(error);
    return (error ? std::filesystem::path("/tmp") : temp) / "stipple-cache";
}

std::filesystem::path poolCacheFile(const std::filesystem::path& cacheDir, std::uint64_t key) {
    char name[40];
    std::snprintf(name, sizeof name, "pool-%016llx.bin", static_cast<unsigned long long>(key));
    return cacheDir / name;
}

void savePoolCache(const std::filesystem::path& file, std::uint64_t key, const CandidatePool& pool) {
    const std::string records = encodeRecords(pool.candidates);
    ContentHash recordHash;
    recordHash.add(records.data(), records.size());
    std::string out;
    out.reserve(kHeaderBytes + records.size());
    out.append(kMagic, sizeof kMagic);
    put(out, kFormatVersion);
    put(out, kCandidatePoolAlgorithmVersion);
    put(out, key);
    put(out, std::uint64_t(pool.candidates.size()));
    put(out, pool.params.maxDensityPerCm2);
    put(out, pool.params.seed);
    put(out, pool.areaMm2);
    put(out, recordHash.value());
    out += records;
    writeFileAtomically(file, out);
}

std::optional<CandidatePool> loadPoolCache(const std::filesystem::path& file, std::uint64_t key) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;

    Reader header(bytes);
    header.get<std::uint64_t>();  // the magic, checked above
    if (header.get<std::uint32_t>() != kFormatVersion) return std::nullopt;
    if (header.get<std::uint32_t>() != kCandidatePoolAlgorithmVersion) return std::nullopt;
    if (header.get<std::uint64_t>() != key) return std::nullopt;
    const std::uint64_t count = header.get<std::uint64_t>();
    CandidatePool pool;
    pool.params.maxDensityPerCm2 = header.get<float>();
    pool.params.seed = header.get<std::uint32_t>();
    pool.areaMm2 = header.get<double>();
    const std::uint64_t expectedHash = header.get<std::uint64_t>();
    // Compare counts before multiplying: a corrupt count must not overflow the size check.
    if (count > (bytes.size() - kHeaderBytes) / kRecordBytes ||
        bytes.size() != kHeaderBytes + count * kRecordBytes)
        return std::nullopt;
    ContentHash recordHash;
    recordHash.add(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes);
    if (recordHash.value() != expectedHash) return std::nullopt;

    const std::string records = bytes.substr(kHeaderBytes);
    Reader reader(records);
    pool.candidates.resize(count);
    for (Candidate& c : pool.candidates) {
        c.triangle = reader.get<std::uint32_t>();
        c.barycentric = {reader.get<float>(), reader.get<float>()};
        c.uv = {reader.get<float>(), reader.get<float>()};
        c.position = {reader.get<float>(), reader.get<float>(), reader.get<float>()};
        c.normal = {reader.get<float>(), reader.get<float>(), reader.get<float>()};
        c.scalpWeight = reader.get<float>();
        c.rank = reader.get<float>();
    }
    return pool;
}

std::optional<CandidatePool> loadOrBuildCandidatePool(const HeadMesh& mesh, const PoolParams& params,
                                                      const PoolProgress& progress,
                                                      const std::filesystem::path& cacheDir) {
    const std::uint64_t key = poolCacheKey(mesh, params);
    const std::filesystem::path file = poolCacheFile(cacheDir, key);
    if (std::optional<CandidatePool> cached = loadPoolCache(file, key)) {
        if (progress.onProgress) progress.onProgress(1.0f);
        return cached;
    }
    std::optional<CandidatePool> pool = buildCandidatePool(mesh, params, progress);
    if (!pool) return std::nullopt;
    try {
        std::error_code error;
        std::filesystem::create_directories(cacheDir, error);
        savePoolCache(file, key, *pool);
    } catch (const InputError&) {
        // A read-only or full disk costs the next open a rebuild, nothing more.
    }
    return pool;
}

}  // namespace stipple
