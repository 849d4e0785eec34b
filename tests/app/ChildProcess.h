// This test binary run again as a child process, for the tests that must see the app die: the
// child runs one hidden test case (tag "[.child-...]") in the same folder and workspace.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>

namespace stipple::test {

class ChildProcess {
public:
    explicit ChildProcess(const std::string& testTag) {
        pid_ = fork();
        if (pid_ == 0) {
            const std::string self = "/proc/self/exe";
            execl(self.c_str(), "stipple_app_tests", testTag.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
    }
    ~ChildProcess() {
        if (!status_) kill(SIGKILL), waitFor(std::chrono::seconds(10));
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The child's wait status once it ended within `limit`; nullopt while it still runs.
    std::optional<int> waitFor(std::chrono::milliseconds limit) {
        const auto end = std::chrono::steady_clock::now() + limit;
        while (!status_) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) status_ = status;
            else if (std::chrono::steady_clock::now() >= end) break;
            else std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return status_;
    }
    void kill(int signal) { ::kill(pid_, signal); }

private:
    pid_t pid_ = -1;
    std::optional<int> status_;
};

}  // namespace stipple::test
