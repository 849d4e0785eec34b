// Atomic saves: the temporary files of saves killed mid-write are cleaned up by the next save,
// and a file written piece by piece replaces the previous one only once whole.
#include "io/ImageFile.h"
#include "io/WholeFile.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>
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

namespace {

std::size_t filesIn(const std::filesystem::path& folder) {
    return std::size_t(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()));
}

}  // namespace

TEST_CASE("a file written piece by piece appears only when committed, and a failure keeps the previous one", "[workspace]") {
    TempFolder folder;
    const std::filesystem::path file = folder.path() / "a.png";
    writeFileAtomically(file, "previous");
    {
        AtomicFile partial(file);
        partial.write("half of a ");
        CHECK(readFileBytes(file, 100, "a test file") == "previous");
    }  // gone without a commit: a failure on the way
    CHECK(readFileBytes(file, 100, "a test file") == "previous");
    CHECK(filesIn(folder.path()) == 1);
    {
        AtomicFile whole(file);
        whole.write("the new ");
        whole.write("file");
        whole.commit();
    }
    CHECK(readFileBytes(file, 100, "a test file") == "the new file");
    CHECK(filesIn(folder.path()) == 1);
}

TEST_CASE("an image written row by row reads back as its rows, and one that fails part way leaves the previous file",
          "[workspace]") {
    TempFolder folder;
    const std::filesystem::path file = folder.path() / "rows.png";
    constexpr int kWidth = 301, kHeight = 203;
    Image expected;
    expected.width = kWidth;
    expected.height = kHeight;
    expected.rgba.resize(std::size_t(kWidth) * kHeight * 4);
    std::mt19937 random(11);
    for (std::uint8_t& byte : expected.rgba) byte = std::uint8_t(random());
    const auto fillRow = [&](int y, std::uint8_t* rgba) {
        std::copy_n(&expected.rgba[std::size_t(y) * kWidth * 4], std::size_t(kWidth) * 4, rgba);
    };
    writePngRows(file, kWidth, kHeight, fillRow);
    const Image written = readImage(file);
    CHECK(written.width == kWidth);
    CHECK(written.height == kHeight);
    CHECK(written.rgba == expected.rgba);
    CHECK(encodePng(expected) == readFileBytes(file, 1u << 20, "a test file"));  // the same encoder, whole or by rows

    const auto failingRow = [&](int y, std::uint8_t* rgba) {
        if (y == kHeight / 2) throw std::runtime_error("stopped part way");
        std::fill_n(rgba, std::size_t(kWidth) * 4, std::uint8_t(0));
    };
    CHECK_THROWS_WITH(writePngRows(file, kWidth, kHeight, failingRow), "stopped part way");
    CHECK(readImage(file).rgba == expected.rgba);
    CHECK(filesIn(folder.path()) == 1);
}
