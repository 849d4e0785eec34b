// The landmark file of a head fit: which photos, what each shows and where its landmarks are
// (docs/photo-fit.md). `stipple fit` reads it; a script or the app writes it.
#pragma once

#include "core/HeadFit.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace stipple {

struct PhotoLandmarks {
    std::filesystem::path file;  // resolved against the landmark file's folder
    StandardView view = StandardView::Front;
    std::vector<std::pair<FitLandmark, glm::vec2>> landmarks;
    std::optional<PinholeCamera> camera;
    std::optional<std::filesystem::path> mask;  // a drawn silhouette, resolved like `file`
    std::optional<float> focal35mm;             // the lens as a 35 mm camera's, from the photo's EXIF
};

struct LandmarkFile {
    std::filesystem::path path;
    std::vector<PhotoLandmarks> photos;
    FitScale scale;
};

constexpr std::size_t kMaxFitPhotos = 12;

// Reads and checks the file; throws InputError naming the file and the field.
LandmarkFile readLandmarkFile(const std::filesystem::path& path);

// The photos as the fit takes them: each image read, its landmarks checked to lie on it, its
// camera checked to be the photo's size, its silhouette from its mask or separated from the
// background. `chosen`, when not empty, names the photos to use (paths or file names of the
// file's entries); a photo named there but not in the file is an error.
std::vector<FitPhoto> loadFitPhotos(const LandmarkFile& file, const std::vector<std::filesystem::path>& chosen = {});

}  // namespace stipple
