#include "core/Brush.h"
#include "core/Error.h"
#include "io/Design.h"
#include "io/HeadMetadata.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>

using namespace stipple;
using stipple::test::TempFolder;

TEST_CASE("the scatter reads density where the hairline mask lets impressions go", "[design]") {
    Design design = openDesign(defaultHeadPath());
    const DensityMap fresh = designDensity(*design.layers);
    for (float d : fresh.texels()) REQUIRE(d == kDefaultDensityPerCm2);

    BrushSettings erase = defaultBrush(BrushTool::Hairline);
    erase.mode = BrushMode::Subtract;
    erase.hardness = 1.0f;
    paintStroke(*design.layers, erase, {design.mesh.landmarks.vertex});
    const DensityMap masked = designDensity(*design.layers);
    const Layer& density = design.layers->layer(LayerKind::Density);
    const Layer& mask = design.layers->layer(LayerKind::Hairline);
    std::size_t erased = 0;
    for (int j = 0; j < density.height(); ++j)
        for (int i = 0; i < density.width(); ++i) {
            REQUIRE(masked.at(i, j) == density.at(i, j) * mask.at(i, j));
            if (mask.at(i, j) == 0.0f) ++erased;
        }
    CHECK(erased > 50);

    // A mask of another size is sampled bilinearly at the density texels' centres.
    LayerSizes sizes;
    sizes.size[std::size_t(LayerKind::Hairline)] = 256;
    LayerSet mixed(design.mesh, sizes);
    paintStroke(mixed, erase, {design.mesh.landmarks.vertex});
    const DensityMap resampled = designDensity(mixed);
    const DensityMap coarseMask = mixed.layer(LayerKind::Hairline).toDensityMap();
    for (int j = 0; j < 512; j += 7)
        for (int i = 0; i < 512; i += 7)
            REQUIRE(resampled.at(i, j) == Approx(kDefaultDensityPerCm2 * coarseMask.sample({(float(i) + 0.5f) / 512.0f, (float(j) + 0.5f) / 512.0f})));
}

TEST_CASE("a design saved as a project opens with the same layers", "[design]") {
    TempFolder folder;
    Design design = openDesign(defaultHeadPath());
    BrushSettings brush = defaultBrush(BrushTool::Density);
    brush.value = 33.0f;
    paintStroke(*design.layers, brush, {design.mesh.landmarks.vertex, design.mesh.landmarks.glabella});
    design.settings.needlePreset = 3;
    const auto path = folder.path() / "client.stipple";
    writeProject(path, projectFor(design, path));
    Design reopened = openDesign(path);
    CHECK(reopened.settings.needlePreset == 3);
    // What a newer version added to the file goes through this one unharmed.
    Project withExtra = readProject(path);
    withExtra.unknownFields = R"({"sheet": {"pages": 2}})";
    writeProject(path, withExtra);
    reopened = openDesign(path);
    writeProject(path, projectFor(reopened, path));
    CHECK_THAT(readProject(path).unknownFields, Catch::Contains("\"pages\":2"));
    CHECK(meshContentHash(reopened.mesh) == meshContentHash(design.mesh));
    for (LayerKind kind : kLayerKinds)
        CHECK(reopened.layers->layer(kind).texels() == design.layers->layer(kind).texels());
}

TEST_CASE("a project that carries its head opens where the head file is not", "[design]") {
    TempFolder folder;
    // The head copied somewhere that then goes away.
    const std::filesystem::path headCopy = folder.path() / "client-head.glb";
    std::filesystem::copy_file(defaultHeadPath(), headCopy);
    std::filesystem::copy_file(headMetadataPathFor(defaultHeadPath()), headMetadataPathFor(headCopy));
    Design design = openDesign(headCopy);
    design.layers->layer(LayerKind::Density).texels()[77] = 33.0f;
    design.embedHead = true;
    const auto path = folder.path() / "travels.stipple";
    writeProject(path, projectFor(design, path));
    std::filesystem::remove(headCopy);
    std::filesystem::remove(headMetadataPathFor(headCopy));

    const Design reopened = openDesign(path);
    CHECK(meshContentHash(reopened.mesh) == meshContentHash(design.mesh));
    CHECK(reopened.loadReport.metadataFound);
    CHECK(reopened.embedHead);
    CHECK(reopened.layers->layer(LayerKind::Density).texels()[77] == 33.0f);
}
