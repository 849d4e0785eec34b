#include "io/ImageFile.h"

#include "core/Error.h"
#include "io/WholeFile.h"

#include <spng.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <vector>

namespace stipple {

Image decodeImage(const std::uint8_t* bytes, std::size_t size, const std::string& what) {
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load_from_memory(bytes, int(size), &width, &height, &channels, 4), stbi_image_free);
    if (!pixels) throw InputError(what + ": not a readable image (" + stbi_failure_reason() + ")");
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.assign(pixels.get(), pixels.get() + std::size_t(width) * std::size_t(height) * 4);
    return image;
}

Image readImage(const std::filesystem::path& path) {
    // 1 GiB holds a 16k x 16k RGBA texture uncompressed: no image a head needs is larger.
    const std::string bytes = readFileBytes(path, std::uintmax_t(1) << 30, "an image");
    return decodeImage(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), path.string());
}

namespace {

using SpngContext = std::unique_ptr<spng_ctx, void (*)(spng_ctx*)>;

// An encoder for RGBA at `bitDepth`. Big exports (8192 x 8192) spend most of their time in zlib
// and in filtering rows: zlib's fastest level, unfiltered, takes about a ninth of the time of
// spng's defaults for files a third larger (docs/export.md).
SpngContext pngEncoder(int width, int height, int bitDepth) {
    SpngContext context(spng_ctx_new(SPNG_CTX_ENCODER), spng_ctx_free);
    if (std::size_t(width) * std::size_t(height) > (std::size_t(1) << 24)) {
        spng_set_option(context.get(), SPNG_IMG_COMPRESSION_LEVEL, 1);
        spng_set_option(context.get(), SPNG_FILTER_CHOICE, SPNG_DISABLE_FILTERING);
    }
    spng_ihdr header{};
    header.width = std::uint32_t(width);
    header.height = std::uint32_t(height);
    header.bit_depth = std::uint8_t(bitDepth);
    header.color_type = SPNG_COLOR_TYPE_TRUECOLOR_ALPHA;
    spng_set_ihdr(context.get(), &header);
    return context;
}

std::string encodePngPixels(int width, int height, int bitDepth, const void* pixels, std::size_t bytes) {
    const SpngContext context = pngEncoder(width, height, bitDepth);
    spng_set_option(context.get(), SPNG_ENCODE_TO_BUFFER, 1);
    int error = spng_encode_image(context.get(), pixels, bytes, SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE);
    if (error) throw InternalError(std::string("PNG encoding failed (") + spng_strerror(error) + ")");
    std::size_t size = 0;
    std::unique_ptr<void, void (*)(void*)> png(spng_get_png_buffer(context.get(), &size, &error), std::free);
    if (!png) throw InternalError(std::string("PNG encoding failed (") + spng_strerror(error) + ")");
    return std::string(static_cast<const char*>(png.get()), size);
}

}  // namespace

std::string encodePng(const Image& image) {
    return encodePngPixels(image.width, image.height, 8, image.rgba.data(), image.rgba.size());
}

std::string encodePng(const Image16& image) {
    return encodePngPixels(image.width, image.height, 16, image.rgba.data(), image.rgba.size() * 2);
}

namespace {

template <class AnyImage>
void writeEncodedPng(const std::filesystem::path& path, const AnyImage& image) {
    std::string png;
    try {
        png = encodePng(image);
    } catch (const InternalError& e) {
        throw InternalError(path.string() + ": " + e.what());
    }
    writeFileAtomically(path, png);
}

}  // namespace

void writePng(const std::filesystem::path& path, const Image& image) { writeEncodedPng(path, image); }
void writePng(const std::filesystem::path& path, const Image16& image) { writeEncodedPng(path, image); }

void writePngRows(const std::filesystem::path& path, int width, int height,
                  const std::function<void(int y, std::uint8_t* rgba)>& fillRow) {
    AtomicFile file(path);
    const SpngContext context = pngEncoder(width, height, 8);
    // The encoder hands its output over piece by piece; a failure to write is kept and thrown
    // once spng has returned, not through it.
    struct Output {
        AtomicFile& file;
        std::exception_ptr failure;
    } output{file, nullptr};
    const auto write = [](spng_ctx*, void* user, void* data, std::size_t length) {
        auto& out = *static_cast<Output*>(user);
        try {
            out.file.write({static_cast<const char*>(data), length});
            return 0;
        } catch (...) {
            out.failure = std::current_exception();
            return int(SPNG_IO_ERROR);
        }
    };
    spng_set_png_stream(context.get(), write, &output);
    const auto check = [&](int error) {
        if (output.failure) std::rethrow_exception(output.failure);
        if (error && error != SPNG_EOI)
            throw InternalError(path.string() + ": PNG encoding failed (" + spng_strerror(error) + ")");
    };
    check(spng_encode_image(context.get(), nullptr, 0, SPNG_FMT_PNG, SPNG_ENCODE_PROGRESSIVE | SPNG_ENCODE_FINALIZE));
    std::vector<std::uint8_t> row(std::size_t(width) * 4);
    for (int y = 0; y < height; ++y) {
        fillRow(y, row.data());
        check(spng_encode_row(context.get(), row.data(), row.size()));
    }
    file.commit();
}

Image halved(const Image& image) {
    Image half;
    half.width = image.width / 2;
    half.height = image.height / 2;
    half.rgba.resize(std::size_t(half.width) * std::size_t(half.height) * 4);
    const auto at = [&image](int x, int y, int c) { return unsigned(image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4 + std::size_t(c)]); };
    for (int y = 0; y < half.height; ++y)
        for (int x = 0; x < half.width; ++x)
            for (int c = 0; c < 4; ++c) {
                const unsigned sum = at(2 * x, 2 * y, c) + at(2 * x + 1, 2 * y, c) + at(2 * x, 2 * y + 1, c) + at(2 * x + 1, 2 * y + 1, c);
                half.rgba[(std::size_t(y) * std::size_t(half.width) + std::size_t(x)) * 4 + std::size_t(c)] = std::uint8_t((sum + 2) / 4);
            }
    return half;
}

std::string encodeJpeg(const Image& image, int quality) {
    std::string bytes;
    const auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), std::size_t(size));
    };
    // stb writes 4-channel input as RGB and ignores alpha.
    if (!stbi_write_jpg_to_func(append, &bytes, image.width, image.height, 4, image.rgba.data(), std::clamp(quality, 1, 100)))
        throw InternalError("JPEG encoding failed");
    return bytes;
}

}  // namespace stipple
