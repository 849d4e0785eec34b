// Reading and writing images: stb_image decodes, libspng writes PNG.
#pragma once

#include "core/HeadMesh.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace stipple {

// Decodes PNG, JPEG, TGA, BMP and the other formats stb_image knows into RGBA8.
// Throws InputError naming `what` when the bytes are not an image.
Image decodeImage(const std::uint8_t* bytes, std::size_t size, const std::string& what);
Image readImage(const std::filesystem::path& path);

// Writes an 8-bit RGBA PNG atomically; throws InputError naming the file on failure.
void writePng(const std::filesystem::path& path, const Image& image);

}  // namespace stipple
