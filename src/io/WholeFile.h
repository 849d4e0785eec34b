// Whole files in and out: saves that never leave a half-written file under the final name, and
// reads bounded for files from other machines.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace stipple {

// The file's bytes. Throws InputError naming the file when it cannot be read or is larger than
// `maxBytes` (`kind` says what it was meant to be: "a project", "a stroke file").
std::string readFileBytes(const std::filesystem::path& path, std::uintmax_t maxBytes, const char* kind);

// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it over
// `path`. On failure throws InputError naming `path`; the previous file stays as it was. After
// a save, the temporaries of earlier saves of `path` that were killed mid-write are removed.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

// The same for a file written piece by piece (an image encoded row by row): the pieces go to the
// temporary, commit() flushes it and renames it over `path`. Destroyed without a commit (a
// failure on the way), the temporary goes and the previous file stays as it was. Every failure
// throws InputError naming `path`.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes);
    void commit();
    const std::filesystem::path& path() const { return path_; }

private:
    [[noreturn]] void fail(const char* what);

    std::filesystem::path path_, temporary_;
    int fd_ = -1;
    bool committed_ = false;
};

}  // namespace stipple
