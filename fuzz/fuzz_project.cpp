// libFuzzer target: the project reader (readProject) on any bytes.
#include "FuzzSupport.h"
#include "core/Error.h"
#include "io/ProjectFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        stipple::readProject(stipple::fuzz::writeInput(data, size, "input.stipple"));
    } catch (const stipple::InputError&) {
        // The documented refusal; any other exception escapes and is a finding.
    }
    return 0;
}
