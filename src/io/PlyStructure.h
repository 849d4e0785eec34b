// PlyStructure: a strict walk over a PLY file before Assimp's reader sees it. Debian's Assimp
// trusts a PLY header's lines and the body's counts and indices; a damaged file (found by
// fuzzing) made it read past its buffers and crash. The walk checks the header against the PLY
// grammar and every element instance of the body against the header, streaming, so it costs one
// read of the file and no memory that grows with it.
#pragma once

#include <filesystem>

namespace stipple {

// Whether `path` holds a PLY file: its first line is "ply". Assimp picks its PLY reader by
// this signature as well as by the extension.
bool looksLikePly(const std::filesystem::path& path);

// Throws InputError naming the file, the line or element and the problem when:
// - the header breaks the grammar: a format other than ascii, binary_little_endian or
//   binary_big_endian 1.0; an element without a count or without properties; an unknown type;
// - the body does not match it: an ASCII instance with too few or too many values or a value
//   that is not a number of its type, a binary body that ends early, a list with a negative
//   length;
// - a face's vertex index is outside the vertex element.
void checkPlyStructure(const std::filesystem::path& path);

}  // namespace stipple
