#include "io/PhotoLandmarkFile.h"

#include "core/Error.h"
#include "io/CameraFile.h"
#include "io/ImageFile.h"
#include "io/JsonField.h"
#include "io/WholeFile.h"

#include <cstdio>

namespace stipple {
namespace {

constexpr std::uintmax_t kMaxFileBytes = 4u << 20;
// Pixel positions beyond any photo's size are refused before the photo is read.
constexpr double kPixelLimit = 1e6;

std::string landmarkNames() { return "one of \"" + choiceNames(kFitLandmarkChoices, "\", \"", "\", \"") + "\""; }

FitScale readScale(const JsonField& scale) {
    FitScale result;
    const bool circumference = scale.has("circumference_cm"), between = scale.has("between");
    if (circumference == between)
        scale.refuse("an object with either \"circumference_cm\" or \"between\" (two landmark names) and \"mm\"");
    if (circumference) {
        result.circumferenceMm = 10.0f * scale["circumference_cm"].real(kMinCircumferenceMm / 10.0f, kMaxCircumferenceMm / 10.0f);
        return result;
    }
    const JsonField pair = scale["between"];
    pair.arraySize(2, 2);
    const FitLandmark a = pair.element(0).choice(kFitLandmarkChoices), b = pair.element(1).choice(kFitLandmarkChoices);
    if (a == b) pair.refuse("two different landmarks");
    result.between = std::make_pair(a, b);
    result.betweenMm = scale["mm"].real(5.0f, 400.0f);
    return result;
}

}  // namespace

LandmarkFile readLandmarkFile(const std::filesystem::path& path) {
    const std::string file = path.string();
    const std::string text = readFileBytes(path, kMaxFileBytes, "a landmark file");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(file + ": not valid JSON (" + e.what() + ")");
    }
    const JsonField root(json, file);
    LandmarkFile result;
    result.path = path;
    const std::filesystem::path folder = path.parent_path();
    const JsonField photos = root["photos"];
    const std::size_t count = photos.arraySize(1, kMaxFitPhotos);
    for (std::size_t i = 0; i < count; ++i) {
        const JsonField photo = photos.element(i);
        PhotoLandmarks entry;
        const JsonField fileField = photo["file"];
        const std::string name = fileField.text(1024);
        if (name.empty()) fileField.refuse("the photo's file name");
        entry.file = folder / name;
        entry.view = photo["view"].choice(kViewChoices);
        const JsonField landmarks = photo["landmarks"];
        if (!landmarks.json().is_object()) landmarks.refuse("an object of landmark names and [x, y] pixel positions");
        for (const auto& item : landmarks.json().items()) {
            const JsonField point = landmarks[item.key().c_str()];
            const Choice<FitLandmark>* choice = findChoice(kFitLandmarkChoices, item.key());
            if (!choice)
                throw InputError(point.where() + ": \"" + item.key() + "\" is not a landmark; it must be " + landmarkNames());
            point.arraySize(2, 2);
            entry.landmarks.emplace_back(choice->value, glm::vec2(point.element(0).real(-kPixelLimit, kPixelLimit),
                                                                  point.element(1).real(-kPixelLimit, kPixelLimit)));
        }
        if (const auto camera = photo.optional("camera")) entry.camera = readCamera(*camera);
        if (const auto mask = photo.optional("mask")) entry.mask = folder / mask->text(1024);
        // From an ultra-wide phone lens (13 mm) to a long portrait lens.
        if (const auto focal = photo.optional("focal_35mm")) entry.focal35mm = focal->real(10.0f, 300.0f);
        result.photos.push_back(std::move(entry));
    }
    if (const auto scale = root.optional("scale")) result.scale = readScale(*scale);
    return result;
}

std::vector<FitPhoto> loadFitPhotos(const LandmarkFile& file, const std::vector<std::filesystem::path>& chosen) {
    const std::string where = file.path.string();
    std::vector<const PhotoLandmarks*> entries;
    if (chosen.empty()) {
        for (const PhotoLandmarks& entry : file.photos) entries.push_back(&entry);
    } else {
        for (const std::filesystem::path& photo : chosen) {
            const PhotoLandmarks* match = nullptr;
            std::error_code ec;
            for (const PhotoLandmarks& entry : file.photos)
                if (std::filesystem::equivalent(entry.file, photo, ec) || entry.file.filename() == photo.filename())
                    match = &entry;
            if (!match) throw InputError(photo.string() + ": the landmark file " + where + " has no entry for this photo");
            entries.push_back(match);
        }
    }
    std::vector<FitPhoto> photos;
    for (const PhotoLandmarks* entry : entries) {
        const std::string name = entry->file.string();
        FitPhoto photo;
        photo.image = readImage(entry->file);
        const Image& image = photo.image;
        photo.name = name;
        photo.view = entry->view;
        photo.width = image.width;
        photo.height = image.height;
        photo.landmarks = entry->landmarks;
        photo.focal35mm = entry->focal35mm;
        for (const auto& [landmark, pixel] : photo.landmarks)
            if (!(pixel.x >= 0.0f && pixel.y >= 0.0f && pixel.x <= float(image.width) && pixel.y <= float(image.height))) {
                char text[64];
                std::snprintf(text, sizeof text, "[%g, %g]", double(pixel.x), double(pixel.y));
                throw InputError(where + ": " + name + ": landmark " + choiceFor(kFitLandmarkChoices, landmark).name + " at " +
                                 text + " lies outside the " + std::to_string(image.width) + "x" +
                                 std::to_string(image.height) + " photo");
            }
        if (entry->camera) {
            if (entry->camera->width != image.width || entry->camera->height != image.height)
                throw InputError(where + ": " + name + ": the camera is for a " + std::to_string(entry->camera->width) +
                                 "x" + std::to_string(entry->camera->height) + " picture but the photo is " +
                                 std::to_string(image.width) + "x" + std::to_string(image.height));
            photo.camera = entry->camera;
        }
        if (entry->mask) {
            const Image mask = readImage(*entry->mask);
            if (mask.width != image.width || mask.height != image.height)
                throw InputError(entry->mask->string() + ": the mask is " + std::to_string(mask.width) + "x" +
                                 std::to_string(mask.height) + " but its photo " + name + " is " +
                                 std::to_string(image.width) + "x" + std::to_string(image.height));
            photo.silhouette = maskFromImage(mask);
        } else {
            std::vector<glm::vec2> seeds;
            for (const auto& entryLandmark : photo.landmarks) seeds.push_back(entryLandmark.second);
            photo.silhouette = separateFromBackground(image, seeds);
        }
        // A silhouette that is nearly all or nearly none of the picture was not told apart.
        const double coverage = photo.silhouette.coverage();
        if (coverage < 0.02 || coverage > 0.95) photo.silhouette = {};
        photos.push_back(std::move(photo));
    }
    return photos;
}

}  // namespace stipple
