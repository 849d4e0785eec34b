#include "io/LookFile.h"

#include "core/Error.h"
#include "io/ImageFile.h"
#include "io/WholeFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace stipple {

void checkLookName(const std::string& name) {
    const bool plain = std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == ' ' || c == '-' || c == '_';
    });
    if (name.empty() || name.size() > 64 || !plain || name.front() == ' ')
        throw InputError("look name '" + name + "': use 1-64 letters, digits, spaces, '-' or '_'");
}

CalibratedLook calibrateFromPhoto(const std::filesystem::path& photo, float mmPerPixel, const std::string& name) {
    checkLookName(name);
    const Image image = readImage(photo);
    CalibratedLook look;
    look.name = name;
    look.photo = photo.filename().string();
    look.mmPerPixel = mmPerPixel;
    try {
        look.measurement = measureDots(image, mmPerPixel);
    } catch (const InputError& e) {
        throw InputError(photo.string() + ": " + e.what());
    }
    return look;
}

void writeLookFile(const std::filesystem::path& path, const CalibratedLook& look) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    const DotMeasurement& m = look.measurement;
    const auto rgb = [](const glm::vec3& v) { return nlohmann::json::array({v.x, v.y, v.z}); };
    const nlohmann::json json = {
        {"format", "stipple-look"},
        {"version", 1},
        {"name", look.name},
        {"photo", look.photo},
        {"mm_per_px", look.mmPerPixel},
        {"dots", m.dots.size()},
        {"searched_area_mm2", m.searchedAreaMm2},
        {"density_per_cm2", m.densityPerCm2},
        {"apparent_diameter_mm", m.apparentDiameterMm},
        {"peak_contrast_rgb", rgb(m.peakContrast)},
        {"ink_linear_rgb", rgb(m.inkLinear)},
        {"skin_linear_rgb", rgb(m.skinLinear)},
    };
    writeFileAtomically(path, json.dump(2) + "\n");
}

}  // namespace stipple
