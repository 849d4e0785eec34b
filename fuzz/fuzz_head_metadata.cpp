// libFuzzer target: the head sidecar reader (readHeadMetadata) against an 8-vertex head.
#include "FuzzSupport.h"
#include "core/Error.h"
#include "io/HeadMetadata.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const stipple::HeadMesh head = stipple::fuzz::boxHead();
    stipple::HeadMesh mesh = head;  // the reader fills in the landmarks and the scalp
    try {
        stipple::readHeadMetadata(stipple::fuzz::writeInput(data, size, "input.head.json"), mesh);
    } catch (const stipple::InputError&) {
        // The documented refusal; any other exception escapes and is a finding.
    }
    return 0;
}
