#include "app/FitCommand.h"

#include "app/Arguments.h"
#include "core/Error.h"
#include "core/HeadFit.h"
#include "core/Layers.h"
#include "core/PhotoTexture.h"
#include "io/Design.h"
#include "io/HeadGlbFile.h"
#include "io/MeshLoader.h"
#include "io/PhotoLandmarkFile.h"

#include <glm/geometric.hpp>

#include <cstdio>
#include <unistd.h>

namespace stipple {

// The fitted head's albedo: 2048 texels across the default head's UV square give about 0.2 mm
// a texel on the scalp, finer than a phone photo shows the skin at arm's length.
constexpr int kAlbedoSize = 2048;

std::string fitHelp() {
    return "usage: stipple fit [PHOTO...] --landmarks FILE.json [--circumference CM | --scale-mm MM]\n"
           "                   --out PROJECT.stipple\n"
           "\n"
           "Fits the default head to the client's photos: the landmarks placed on each photo (FILE.json,\n"
           "docs/photo-fit.md gives its format) and the head's silhouette in each (the photo's mask, or\n"
           "the head told apart from a plain background). Each photo's camera is taken from the file or\n"
           "solved, and the photos' colours become the head's skin. Writes PROJECT.stipple carrying the\n"
           "fitted head, and the head itself beside it as PROJECT-head.glb with its .head.json. PHOTOs\n"
           "name which of the file's photos to use (all when none are given).\n"
           "\n"
           "  --circumference CM  the head's circumference, tape measured above the brows and ears\n"
           "  --scale-mm MM       a distance measured on the client between the two landmarks the file's\n"
           "                      \"scale\" names (\"between\"), or else between the outer eye corners\n"
           "Without either, the file's \"scale\" holds; without that, the cameras' size (true size for\n"
           "cameras given, as a render's --camera-out writes them) or the default head's.\n";
}

int runFit(int argc, char** argv) {
    const Arguments args(argc, argv, 2, {"--landmarks", "--circumference", "--scale-mm", "--out"}, {});
    const auto landmarksPath = args.value("--landmarks");
    const auto out = args.value("--out");
    if (!landmarksPath || !out) throw InputError("fit needs --landmarks FILE.json and --out PROJECT.stipple");
    if (args.value("--circumference") && args.value("--scale-mm"))
        throw InputError("--circumference and --scale-mm exclude each other: give one measure of the head's size");
    const LandmarkFile file = readLandmarkFile(*landmarksPath);
    FitScale scale = file.scale;
    if (const auto circumference = args.value("--circumference")) {
        scale = {};
        scale.circumferenceMm = 10.0f * float(parseNumber("--circumference", *circumference, kMinCircumferenceMm / 10.0,
                                                          kMaxCircumferenceMm / 10.0));
    } else if (const auto mm = args.value("--scale-mm")) {
        if (!scale.between) scale.between = std::make_pair(FitLandmark::LateralCanthusLeft, FitLandmark::LateralCanthusRight);
        scale.circumferenceMm.reset();
        scale.betweenMm = float(parseNumber("--scale-mm", *mm, 5.0, 400.0));
    }
    std::vector<std::filesystem::path> chosen(args.positional().begin(), args.positional().end());
    const std::vector<FitPhoto> photos = loadFitPhotos(file, chosen);
    const HeadMesh base = loadHeadMesh(defaultHeadPath());
    // On a terminal, one line that counts up while the fit runs (a few seconds).
    const bool terminal = isatty(fileno(stderr));
    FitResult fit = fitHeadToPhotos(base, photos, scale, {}, [terminal](float fraction, const std::string& stage) {
        if (terminal) std::fprintf(stderr, "\rfit: %3.0f %% %-40s%s", 100.0 * double(fraction), stage.c_str(), fraction >= 1.0f ? "\n" : "");
    });
    // The client's skin, from the photos through the cameras the fit ended with.
    std::vector<TexturePhoto> textured;
    for (std::size_t i = 0; i < photos.size(); ++i) textured.push_back({&photos[i].image, fit.photos[i].camera});
    PhotoTextureReport skin;
    fit.head.albedo = projectPhotosToAlbedo(fit.head, textured, kAlbedoSize, &skin);

    // The head beside the project, then the project carrying it.
    const std::filesystem::path project = *out;
    const std::filesystem::path meshPath = project.parent_path() / (project.stem().string() + "-head.glb");
    writeHeadGlb(meshPath, fit.head);
    Design design = openDesign(meshPath);
    design.embedHead = true;
    // The hair the client still has, as the native-hair layer's first guess.
    Layer& nativeHair = design.layers->layer(LayerKind::NativeHair);
    const NativeHairGuess hair = guessNativeHair(design.mesh, nativeHair.width());
    if (nativeHair.width() == nativeHair.height()) nativeHair.texels() = hair.perCm2;
    if (hair.colourSrgb) design.settings.hairColourSrgb = *hair.colourSrgb;
    writeProject(project, projectFor(design, project));

    for (const FitPhotoReport& photo : fit.photos) {
        std::printf("%s: camera %s, landmarks %.1f px rms", photo.name.c_str(), photo.cameraSolved ? "solved" : "given",
                    photo.landmarkRmsPixels);
        if (photo.silhouetteMeanPixels >= 0.0) std::printf(", outline %.1f px", photo.silhouetteMeanPixels);
        else std::printf(", no silhouette");
        std::printf(" (focal %.0f px, %.1f m away)\n", double(photo.camera.focalPx),
                    double(glm::length(photo.camera.eye())) / 1000.0);
    }
    std::printf("circumference: %.1f cm\n", double(fit.circumferenceMm) / 10.0);
    std::printf("skin_seen: %.0f %% of the head's texture\n", 100.0 * skin.seenShare);
    std::printf("native_hair: on %.0f %% of the scalp\n", 100.0 * hair.coveredShare);
    std::printf("scalp_area_cm2: %.1f\n", scalpAreaCm2(design.mesh));
    std::printf("wrote %s (the fitted head carried inside) and %s\n", project.string().c_str(), meshPath.string().c_str());
    return 0;
}

}  // namespace stipple
