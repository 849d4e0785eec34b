// Saves that never leave a half-written file under the final name.
#pragma once

#include <filesystem>
#include <string_view>

namespace stipple {

// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it over
// `path`. On failure throws InputError naming `path`; the previous file stays as it was.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace stipple
