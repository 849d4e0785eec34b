// Reading and writing images: stb_image decodes, libspng writes PNG.
#pragma once

#include "core/HeadMesh.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace stipple {

// Decodes PNG, JPEG, TGA, BMP and the other formats stb_image knows into RGBA8.
// Throws InputError naming `what` when the bytes are not an image.
Image decodeImage(const std::uint8_t* bytes, std::size_t size, const std::string& what);
Image readImage(const std::filesystem::path& path);

// A 16-bit RGBA image in memory, rows top to bottom (for exports that need more than 8 bits).
struct Image16 {
    int width = 0;
    int height = 0;
    std::vector<std::uint16_t> rgba;
};

// PNG file bytes of an image (to embed in another file, or to write).
std::string encodePng(const Image& image);
std::string encodePng(const Image16& image);

// Half the width and height, each texel the mean of four (odd sizes drop the last row or column).
Image halved(const Image& image);

// JPEG file bytes of an image's RGB (alpha dropped), `quality` 1..100: the shared page's
// textures, where a skin with dots is a tenth of its PNG size.
std::string encodeJpeg(const Image& image, int quality);

// Writes an 8-bit RGBA PNG atomically; throws InputError naming the file on failure.
void writePng(const std::filesystem::path& path, const Image& image);
// The same at 16 bits a channel.
void writePng(const std::filesystem::path& path, const Image16& image);
// An 8-bit RGBA PNG made and written row by row, atomically, holding one row at a time:
// `fillRow(y, rgba)` fills row y (top down, width x 4 bytes). Throws InputError naming the file.
void writePngRows(const std::filesystem::path& path, int width, int height,
                  const std::function<void(int y, std::uint8_t* rgba)>& fillRow);

}  // namespace stipple
