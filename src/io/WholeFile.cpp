#include "io/WholeFile.h"

#include "core/Error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace stipple {

std::string readFileBytes(const std::filesystem::path& path, std::uintmax_t maxBytes, const char* kind) {
    const std::string file = path.string();
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw InputError(file + ": cannot be read (" + ec.message() + ")");
    if (size > maxBytes)
        throw InputError(file + ": larger than " + kind + " can be (" + std::to_string(maxBytes >> 20) + " MiB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(file + ": cannot be opened for reading");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

namespace {

// The temporary files that saves of `path` killed mid-write left behind: `path`.tmp-PID whose
// process is gone. A temporary of a save still running in another process is left alone.
void removeStaleTemporaries(const std::filesystem::path& path) {
    const std::string prefix = path.filename().string() + ".tmp-";
    const std::filesystem::path folder = path.parent_path().empty() ? "." : path.parent_path();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() <= prefix.size() || name.size() > prefix.size() + 9 || name.compare(0, prefix.size(), prefix) != 0)
            continue;
        const std::string digits = name.substr(prefix.size());
        if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        const auto pid = pid_t(std::stol(digits));
        const bool running = pid == ::getpid() || ::kill(pid, 0) == 0 || errno == EPERM;
        if (!running) std::filesystem::remove(entry.path(), ec);
    }
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path path)
    : path_(std::move(path)), temporary_(path_.string() + ".tmp-" + std::to_string(::getpid())) {
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) fail("cannot create the file");
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(temporary_.c_str());
}

void AtomicFile::fail(const char* what) {
    const std::string reason = std::strerror(errno);
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    ::unlink(temporary_.c_str());
    throw InputError(path_.string() + ": " + what + " (" + reason + ")");
}

void AtomicFile::write(std::string_view bytes) {
    if (fd_ < 0) throw InternalError(path_.string() + ": written after it was closed");
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("cannot write the file");
        written += std::size_t(n);
    }
}

void AtomicFile::commit() {
    if (fd_ < 0) throw InternalError(path_.string() + ": committed after it was closed");
    if (::fsync(fd_) != 0) fail("cannot flush the file to disk");
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("cannot close the file");
    if (::rename(temporary_.c_str(), path_.c_str()) != 0) fail("cannot replace the file");
    committed_ = true;
    removeStaleTemporaries(path_);
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    AtomicFile file(path);
    file.write(bytes);
    file.commit();
}

}  // namespace stipple
