// A content hash for cache keys and file references: FNV-1a, 64 bit. Simple, stable across
// platforms and runs, fast enough for a few megabytes. Not for security.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace stipple {

class ContentHash {
public:
    void add(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) hash_ = (hash_ ^ bytes[i]) * 0x100000001b3ULL;
    }
    template <typename T>
    void add(const T& value) {
        add(&value, sizeof value);
    }
    template <typename T>
    void addVector(const std::vector<T>& values) {
        const std::uint64_t count = values.size();
        add(count);  // so that bytes cannot move from one array to the next
        add(values.data(), values.size() * sizeof(T));
    }
    std::uint64_t value() const { return hash_; }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace stipple
