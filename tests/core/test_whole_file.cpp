// Atomic saves: the temporary files of saves killed mid-write are cleaned up by the next save.
#include "io/WholeFile.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

#include <string>

#include <sys/wait.h>
#include <unistd.h>

using namespace stipple;
using stipple::test::TempFolder;

namespace {

// The process ID of a child that has exited: a save killed with it left its temporary behind.
pid_t deadProcess() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

}  // namespace

TEST_CASE("a save removes the temporaries of killed saves, and only those", "[workspace]") {
    TempFolder folder;
    const std::filesystem::path project = folder.path() / "p.stipple";
    const std::string killed = "p.stipple.tmp-" + std::to_string(deadProcess());
    const std::string running = "p.stipple.tmp-" + std::to_string(::getppid());  // a save still under way
    const std::string other = "q.stipple.tmp-" + std::to_string(deadProcess());  // another file's
    for (const std::string& name : {killed, running, other, std::string("p.stipple.tmp-notes")}) folder.write(name, "half");

    writeFileAtomically(project, "whole");
    CHECK_FALSE(std::filesystem::exists(folder.path() / killed));
    CHECK(std::filesystem::exists(folder.path() / running));
    CHECK(std::filesystem::exists(folder.path() / other));
    CHECK(std::filesystem::exists(folder.path() / "p.stipple.tmp-notes"));
    CHECK(readFileBytes(project, 100, "a test file") == "whole");
}
