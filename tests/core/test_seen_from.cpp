#include "core/SeenFrom.h"
#include "core/SkinTone.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace stipple;

namespace {

Image blankImage(int width, int height, std::uint8_t value) {
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.assign(std::size_t(width) * std::size_t(height) * 4, value);
    return image;
}

std::uint8_t* pixel(Image& image, int x, int y) {
    return &image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4];
}

float linearRed(const Image& image, int x, int y) {
    const std::uint8_t code = image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4];
    return srgbToLinear(glm::vec3(float(code) / 255.0f)).x;
}

double meanLinearRed(const Image& image) {
    double sum = 0.0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) sum += linearRed(image, x, y);
    return sum / double(image.width * image.height);
}

}  // namespace

TEST_CASE("the eye's filter spreads a point to a 1 arcminute wide spot", "[seen-from]") {
    // A line of light on black, 0.1 arcmin a pixel: the filtered profile across it is the PSF's
    // line-spread function, a Gaussian of 1 arcmin (10 pixels) at half its height.
    const float arcminPerPixel = 0.1f;
    Image line = blankImage(121, 9, 0);
    for (int y = 0; y < line.height; ++y) std::fill(pixel(line, 60, y), pixel(line, 60, y) + 4, std::uint8_t(255));
    const Image seen = eyeFilter(line, 1, arcminPerPixel);
    REQUIRE(seen.width == 121);
    const float peak = linearRed(seen, 60, 4);
    int above = 0;
    for (int x = 0; x < seen.width; ++x) above += linearRed(seen, x, 4) >= 0.5f * peak;
    // Pixels at or above half the peak: the FWHM in pixels, within a pixel's rounding.
    CHECK(std::abs(float(above) * arcminPerPixel - kEyePsfFwhmArcmin) <= 0.15f);
    CHECK(peak < 0.15f);  // the light is spread, not kept
}

TEST_CASE("the eye's filter keeps the light and averages it down in linear light", "[seen-from]") {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> code(0, 255);
    Image noise = blankImage(180, 120, 0);
    for (std::uint8_t& value : noise.rgba) value = std::uint8_t(code(random));
    for (float arcmin : {0.1f, 0.3f, 2.0f}) {
        INFO("arcmin a pixel " << arcmin);
        const Image seen = eyeFilter(noise, 3, arcmin);
        CHECK(seen.width == 60);
        CHECK(seen.height == 40);
        // Clamping at the edges moves the mean a little; the light is otherwise kept.
        CHECK(meanLinearRed(seen) == Approx(meanLinearRed(noise)).epsilon(0.03));
    }
    // A 1-pixel checkerboard of black and white, far from the eye's resolution: each output pixel
    // is half the light, sRGB 188, not the 128 an average of the codes would give.
    Image checker = blankImage(40, 40, 0);
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 40; ++x)
            if ((x + y) % 2) std::fill(pixel(checker, x, y), pixel(checker, x, y) + 4, std::uint8_t(255));
    const Image averaged = eyeFilter(checker, 2, 100.0f);
    CHECK(std::abs(int(averaged.rgba[4 * (10 * 20 + 10)]) - 188) <= 1);
    // A PSF far below a pixel leaves a picture as it is.
    const Image same = eyeFilter(noise, 1, 100.0f);
    for (std::size_t i = 0; i < noise.rgba.size(); i += 97) CHECK(std::abs(int(same.rgba[i]) - int(noise.rgba[i])) <= 1);
}

TEST_CASE("seen from a distance, the head keeps its place in the frame, and life-size is 1:1", "[seen-from]") {
    OrbitCamera framed;
    framed.distance = 620.0f;
    for (float metres : kSeenFromDistancesMetres) {
        INFO(metres << " m");
        const OrbitCamera seen = seenFromCamera(framed, metres);
        CHECK(seen.distance == Approx(metres * 1000.0f));
        // The same millimetres a pixel at the target: the framing stays.
        CHECK(seen.pixelSizeMm(seen.distance, 800) == Approx(framed.pixelSizeMm(framed.distance, 800)).epsilon(1e-4));
        // Further away, each pixel spans a smaller angle.
        CHECK(arcminutesPerPixel(seen, 800) ==
              Approx(arcminutesPerPixel(framed, 800) * framed.distance / seen.distance).epsilon(0.01));
    }
    for (float dpi : {96.0f, 264.0f}) {
        const OrbitCamera lifeSize = lifeSizeCamera(framed, 1080, dpi, 540.0f);
        CHECK(lifeSize.pixelSizeMm(540.0f, 1080) == Approx(25.4f / dpi).epsilon(1e-4));
    }
    // A 30-degree field over 800 pixels: 1800 arcmin / 800 at the centre, a little more by tan.
    CHECK(arcminutesPerPixel(framed, 800) == Approx(2.0 * std::tan(0.2618) / 800.0 * 3437.75).epsilon(1e-3));
    CHECK(seenFromSupersampling(1280, 800) == kSeenFromSupersampling);
    CHECK(seenFromSupersampling(16384, 16384) == 1);
}
