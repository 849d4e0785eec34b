// HeadFit: the client's own head from a few photos (docs/photo-fit.md). GL-free.
//
// The default head is deformed until its landmarks land on the landmarks placed on the photos
// and its outline on each photo's silhouette, while each photo's camera is solved from the same
// landmarks (or taken as given). The deformation is a smooth field of radial basis functions
// (the biharmonic kernel r with an affine part), so the head keeps its detail and its UV map,
// scalp region and landmarks move with it.
#pragma once

#include "core/Choice.h"
#include "core/HeadMesh.h"
#include "core/OrbitCamera.h"
#include "core/PhotoSilhouette.h"
#include "core/PinholeCamera.h"

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stipple {

// The points a user places on the photos: the sidecar's six (docs/head-format.md) and three more
// the fit finds on the head's mid-sagittal profile.
enum class FitLandmark { Glabella, LateralCanthusLeft, LateralCanthusRight, EarCanalLeft, EarCanalRight, Vertex,
                         NoseTip, Chin, Inion };
inline constexpr Choice<FitLandmark> kFitLandmarkChoices[] = {
    {FitLandmark::Glabella, "glabella", "Glabella", "Between the brows, the most forward point of the brow ridge"},
    {FitLandmark::LateralCanthusLeft, "lateral_canthus_left", "Outer eye corner, left", "The subject's left"},
    {FitLandmark::LateralCanthusRight, "lateral_canthus_right", "Outer eye corner, right", "The subject's right"},
    {FitLandmark::EarCanalLeft, "ear_canal_left", "Ear canal, left", "The opening of the ear canal, beside the tragus"},
    {FitLandmark::EarCanalRight, "ear_canal_right", "Ear canal, right", "The opening of the ear canal, beside the tragus"},
    {FitLandmark::Vertex, "vertex", "Vertex", "The top of the skull on the midline"},
    {FitLandmark::NoseTip, "nose_tip", "Nose tip", "The most forward point of the nose"},
    {FitLandmark::Chin, "chin", "Chin", "The most forward point of the chin"},
    {FitLandmark::Inion, "inion", "Inion", "The bump at the back of the skull, on the midline"},
};
constexpr std::size_t kFitLandmarkCount = std::size(kFitLandmarkChoices);
using FitLandmarkPoints = std::array<glm::vec3, kFitLandmarkCount>;

// The nine points on `mesh`: the sidecar's six as they are, nose tip, chin and inion from its
// mid-sagittal profile.
FitLandmarkPoints fitLandmarkPoints(const HeadMesh& mesh);

// One photo as the fit takes it.
struct FitPhoto {
    std::string name;  // the file, for messages
    StandardView view = StandardView::Front;  // where the camera roughly stood: the solve's start
    int width = 0, height = 0;
    Image image;  // the photo itself, for the skin (core/PhotoTexture.h); the fit needs only its size
    std::vector<std::pair<FitLandmark, glm::vec2>> landmarks;  // pixels from the top left corner
    std::optional<PinholeCamera> camera;  // given (a render's --camera-out); solved otherwise
    // The lens's focal length as a 35 mm camera's (phones write it in the photo's EXIF as
    // FocalLengthIn35mmFilm): where a solved camera's focal length starts and is held near.
    std::optional<float> focal35mm;
    PixelMask silhouette;                 // empty: landmarks only
};

// How large the client's head is. Without one, the head keeps the size the cameras give it
// (true size for given cameras) or the default head's size.
struct FitScale {
    std::optional<float> circumferenceMm;  // tape around the head, above the brows and ears
    // A distance between two landmarks, measured on the client (callipers, a ruler).
    std::optional<std::pair<FitLandmark, FitLandmark>> between;
    float betweenMm = 0.0f;
};

struct FitOptions {
    int iterations = 8;
    // How much a constraint may give for a smoother field, in mm of the kernel (larger: smoother).
    float smoothingMm = 1000.0f;
};

struct FitPhotoReport {
    std::string name;
    PinholeCamera camera;
    bool cameraSolved = false;
    double landmarkRmsPixels = 0.0;    // landmarks of the fitted head against the placed ones
    double silhouetteMeanPixels = -1.0;  // outline of the fitted head against the silhouette; -1 without one
};

struct FitResult {
    HeadMesh head;  // scalp region, UVs and triangles of the default head; positions, normals and landmarks fitted
    std::vector<FitPhotoReport> photos;
    float scale = 1.0f;             // what the scale applied at the end (1 without one)
    float circumferenceMm = 0.0f;   // of the fitted head, as headCircumferenceMm measures it
};

// Reports the fit's progress, 0..1, with what it is doing.
using FitProgress = std::function<void(float fraction, const std::string& stage)>;

// Fits `base` (the default head) to `photos`. Throws InputError naming the photo and the problem
// when the input cannot make a head: too few photos or landmarks, a camera that cannot be solved
// or is degenerate, a scale that makes the head smaller or larger than a head.
FitResult fitHeadToPhotos(const HeadMesh& base, const std::vector<FitPhoto>& photos, const FitScale& scale,
                          const FitOptions& options = {}, const FitProgress& progress = {});

// The head's circumference where a tape measures it: the largest girth of a plane through a
// point 10 mm above the glabella, tilted up to 15 degrees front to back, taken as the convex
// outline a tape follows (ears left out). Millimetres and margins scale with the head.
float headCircumferenceMm(const HeadMesh& mesh);

// The range of head circumferences the fit accepts (an adult's is about 52-62 cm).
constexpr float kMinCircumferenceMm = 400.0f;
constexpr float kMaxCircumferenceMm = 750.0f;

// A smooth deformation: the biharmonic radial basis function field through displacements at
// `centres`, each allowed to give by `smoothingMm` divided by its weight.
class RbfField {
public:
    struct Constraint {
        glm::vec3 at{0.0f};
        glm::vec3 displacement{0.0f};
        float weight = 1.0f;
    };
    // nullopt when the system cannot be solved (all centres on one plane, say).
    static std::optional<RbfField> fit(const std::vector<Constraint>& constraints, float smoothingMm);
    glm::vec3 operator()(const glm::vec3& p) const;

private:
    std::vector<glm::vec3> centres_, weights_;
    glm::vec3 constant_{0.0f};
    glm::mat3 linear_{0.0f};
};

}  // namespace stipple
