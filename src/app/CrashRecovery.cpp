#include "app/CrashRecovery.h"

#include "io/WholeFile.h"
#include "io/Workspace.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace stipple {
namespace {

std::atomic<const CrashSnapshot*> gSnapshot{nullptr};
static_assert(std::atomic<const CrashSnapshot*>::is_always_lock_free, "the signal handler reads it");

// Async-signal-safe calls only (POSIX.1-2008, signal-safety(7)).
void writeCrashFile(const CrashFile& file) {
    const int fd = open(file.temporaryPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return;
    const char* data = file.bytes.data();
    std::size_t left = file.bytes.size();
    while (left > 0) {
        const ssize_t written = write(fd, data, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            close(fd);
            unlink(file.temporaryPath.c_str());
            return;
        }
        data += written;
        left -= std::size_t(written);
    }
    const bool synced = fsync(fd) == 0;
    close(fd);
    if (synced) rename(file.temporaryPath.c_str(), file.path.c_str());
    else unlink(file.temporaryPath.c_str());
}

void onAbort(int signal) {
    const int savedErrno = errno;
    if (const CrashSnapshot* snapshot = gSnapshot.load()) {
        // The project first: a state file without its project would name work that is not there.
        writeCrashFile(snapshot->project);
        writeCrashFile(snapshot->state);
    }
    errno = savedErrno;
    // Die of the same signal: the default action, raised again (abort() would also do it on
    // return, a kill -ABRT would not).
    struct sigaction fallback {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal, &fallback, nullptr);
    raise(signal);
}

CrashFile crashFile(const std::filesystem::path& staged, const std::filesystem::path& target) {
    constexpr std::uintmax_t kMaxRecoveryBytes = std::uintmax_t(1) << 30;
    CrashFile file;
    file.path = target.string();
    file.temporaryPath = file.path + ".crash-tmp";
    file.bytes = readFileBytes(staged, kMaxRecoveryBytes, "a recovery snapshot");
    return file;
}

}  // namespace

CrashRecovery::CrashRecovery() {
    struct sigaction action {};
    action.sa_handler = onAbort;
    sigemptyset(&action.sa_mask);
    sigaction(SIGABRT, &action, &previousAction_);
}

CrashRecovery::~CrashRecovery() {
    gSnapshot.store(nullptr);
    sigaction(SIGABRT, &previousAction_, nullptr);
}

void CrashRecovery::keep(std::unique_ptr<CrashSnapshot> snapshot) {
    gSnapshot.store(snapshot.get());
    previous_ = std::move(current_);
    current_ = std::move(snapshot);
}

std::unique_ptr<CrashSnapshot> makeCrashSnapshot(const Project& project, const std::string& savedAs,
                                                 const std::filesystem::path& stagingFolder,
                                                 const std::filesystem::path& workspaceFolder) {
    Workspace staging(stagingFolder);
    staging.writeRecovery(project, savedAs);
    const Workspace target(workspaceFolder);
    auto snapshot = std::make_unique<CrashSnapshot>();
    snapshot->project = crashFile(staging.recoveryProjectPath(), target.recoveryProjectPath());
    // Workspace's name for its note of where the work was saved (io/Workspace.cpp).
    snapshot->state = crashFile(stagingFolder / "recovery.json", workspaceFolder / "recovery.json");
    return snapshot;
}

}  // namespace stipple
