// libFuzzer target: the stroke file reader (readStrokeScript), snapping onto a small box head.
#include "FuzzSupport.h"
#include "core/Error.h"
#include "io/StrokeScript.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const stipple::HeadMesh head = stipple::fuzz::boxHead();
    try {
        stipple::readStrokeScript(stipple::fuzz::writeInput(data, size, "input.json"), head);
    } catch (const stipple::InputError&) {
        // The documented refusal; any other exception escapes and is a finding.
    }
    return 0;
}
