// Runs `stipple info` on every file of a folder of meshes (Debian's assimp-testmodels: 600 files
// in 40+ formats, broken ones among them) and fails unless each one either loads (exit 0) or is
// refused with a message naming it (exit 2), within the time limit and 2 GB of memory.
//
// usage: check_corpus STIPPLE FOLDER SECONDS
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr long kMemoryLimitKb = 2L << 20;  // 2 GB, as the README promises

struct Outcome {
    int exitCode = -1;  // -1 for a signal or a timeout
    bool timedOut = false;
    double seconds = 0.0;
    long maxRssKb = 0;
    std::string errors;  // what it printed on stderr
};

Outcome runInfo(const std::string& stipple, const std::filesystem::path& file, double limitSeconds) {
    const std::filesystem::path errorsFile = std::filesystem::temp_directory_path() / ("corpus-" + std::to_string(::getpid()));
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    if (child == 0) {
        const int out = ::open("/dev/null", O_WRONLY);
        const int err = ::open(errorsFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::execl(stipple.c_str(), stipple.c_str(), "info", file.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    Outcome outcome;
    int status = 0;
    rusage usage{};
    while (::wait4(child, &status, WNOHANG, &usage) == 0) {
        outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (outcome.seconds > limitSeconds && !outcome.timedOut) {
            outcome.timedOut = true;
            ::kill(child, SIGKILL);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    outcome.maxRssKb = usage.ru_maxrss;
    if (WIFEXITED(status) && !outcome.timedOut) outcome.exitCode = WEXITSTATUS(status);
    if (FILE* errors = std::fopen(errorsFile.c_str(), "r")) {
        char buffer[4096];
        outcome.errors.assign(buffer, std::fread(buffer, 1, sizeof buffer, errors));
        std::fclose(errors);
    }
    std::filesystem::remove(errorsFile);
    return outcome;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: check_corpus STIPPLE FOLDER SECONDS\n");
        return 2;
    }
    const std::string stipple = argv[1];
    const std::filesystem::path folder = argv[2];
    const double limitSeconds = std::atof(argv[3]);
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder, error))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (files.size() < 100) {
        std::fprintf(stderr, "%s: only %zu files; is assimp-testmodels installed?\n", folder.c_str(), files.size());
        return 1;
    }

    int failures = 0, loaded = 0, refused = 0;
    double slowest = 0.0;
    long largest = 0;
    std::string slowestFile, largestFile;
    for (const std::filesystem::path& file : files) {
        const Outcome o = runInfo(stipple, file, limitSeconds);
        std::string problem;
        if (o.timedOut) problem = "took longer than " + std::string(argv[3]) + " s";
        else if (o.exitCode != 0 && o.exitCode != 2) problem = "ended with exit " + std::to_string(o.exitCode) + " or a signal";
        else if (o.exitCode == 2 && o.errors.find(file.string()) == std::string::npos) problem = "was refused without being named";
        else if (o.maxRssKb > kMemoryLimitKb) problem = "took " + std::to_string(o.maxRssKb >> 10) + " MB";
        if (!problem.empty()) {
            ++failures;
            std::printf("FAIL %s %s: %s\n", file.c_str(), problem.c_str(), o.errors.c_str());
        }
        (o.exitCode == 0 ? loaded : refused) += 1;
        if (o.seconds > slowest) slowest = o.seconds, slowestFile = file.string();
        if (o.maxRssKb > largest) largest = o.maxRssKb, largestFile = file.string();
    }
    std::printf("%zu files: %d loaded, %d refused, %d failed\n", files.size(), loaded, refused, failures);
    std::printf("slowest %.2f s (%s), largest %ld MB (%s)\n", slowest, slowestFile.c_str(), largest >> 10,
                largestFile.c_str());
    return failures == 0 ? 0 : 1;
}
