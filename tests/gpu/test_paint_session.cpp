// The window's painting logic, without the window: cursor, stroke, undo.
#include "app/HairlineSession.h"
#include "app/PaintSession.h"
#include "core/NativeHair.h"
#include "gpu/GpuBrushStroke.h"
#include "gpu/HeadlessContext.h"
#include "gpu/LayerTextures.h"
#include "gpu/PaintPass.h"
#include "io/StrokeScript.h"
#include "TempFolder.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <algorithm>

using namespace stipple;
using stipple::test::TempFolder;

TEST_CASE("the brush lands under the cursor, paints there and undoes bit for bit", "[paint]") {
    Design design = openDesign(defaultHeadPath());
    PaintSession paint(design);
    const std::vector<float> fresh = design.layers->layer(LayerKind::Density).texels();
    const glm::vec3 crown = design.mesh.landmarks.vertex;

    // Looking straight down at the crown from 300 mm.
    paint.hover(crown + glm::vec3(0.0f, 300.0f, 0.0f), glm::vec3(0.0f, -1.0f, 0.0f));
    REQUIRE(paint.cursor());
    CHECK(glm::distance(*paint.cursor(), crown) < 2.0f);

    paint.brush.value = 150.0f;
    paint.brush.radiusMm = 10.0f;
    const StrokeChange changed = paint.paintAtCursor();
    REQUIRE_FALSE(changed.empty());
    CHECK(glm::distance(changed.reach[0].centreMm, crown) < 2.0f);
    CHECK_FALSE(changed.texels[std::size_t(LayerKind::Density)].empty());
    CHECK(paint.painting());
    paint.endStroke();
    CHECK_FALSE(paint.painting());
    const std::vector<float> painted = design.layers->layer(LayerKind::Density).texels();
    CHECK(painted != fresh);
    CHECK(*std::max_element(painted.begin(), painted.end()) == Approx(150.0f));

    REQUIRE(paint.undo());
    CHECK(design.layers->layer(LayerKind::Density).texels() == fresh);
    REQUIRE(paint.redo());
    CHECK(design.layers->layer(LayerKind::Density).texels() == painted);
    CHECK_FALSE(paint.redo());

    paint.fillLayer(LayerKind::Density, 30.0f);
    CHECK(design.layers->layer(LayerKind::Density).at(10, 10) == 30.0f);
    REQUIRE(paint.undo());
    CHECK(design.layers->layer(LayerKind::Density).texels() == painted);
}

TEST_CASE("no dab where the ray misses the head or grazes it", "[paint]") {
    Design design = openDesign(defaultHeadPath());
    PaintSession paint(design);
    paint.hover(glm::vec3(0.0f, 1000.0f, 0.0f), glm::vec3(1.0f, 0.0f, 0.0f));  // beside the head
    CHECK_FALSE(paint.cursor());
    CHECK(paint.paintAtCursor().empty());
    // Skimming the top of the skull from the side, nearly along the surface.
    const glm::vec3 crown = design.mesh.landmarks.vertex;
    paint.hover(crown + glm::vec3(-300.0f, -0.5f, 0.0f), glm::vec3(1.0f, 0.0f, 0.0f));
    CHECK_FALSE(paint.cursor());
}

TEST_CASE("the hairline session places templates, moves points and undoes through one history", "[paint][hairline]") {
    Design design = openDesign(defaultHeadPath());
    PaintSession paint(design);
    HairlineSession hairline(design, paint);
    CHECK_FALSE(hairline.hasCurve());
    const std::vector<float> fresh = design.layers->layer(LayerKind::Hairline).texels();

    hairline.placeTemplate(kTemplateChoices[1]);  // Norwood II
    REQUIRE(hairline.hasCurve());
    CHECK(hairline.readouts().midFrontalHeightMm == Approx(80.0f).margin(2.0f));
    CHECK_FALSE(hairline.readouts().lowHairline);
    const std::vector<float> placed = design.layers->layer(LayerKind::Hairline).texels();
    CHECK(placed != fresh);

    // Pull the mid-frontal point down towards the brows: lower than the aggressive bound.
    const glm::vec3 glabella = design.mesh.landmarks.glabella;
    hairline.movePoint(hairline.curve().controlCount() / 2, snapToSurface(design.mesh, glabella + glm::vec3(0.0f, 45.0f, 0.0f)));
    CHECK(hairline.readouts().midFrontalHeightMm < 70.0f);
    CHECK(hairline.readouts().lowHairline);

    // A saved project brings the curve back for editing, with the same readouts.
    {
        TempFolder folder;
        const auto path = folder.path() / "hairline.stipple";
        writeProject(path, projectFor(design, path));
        Design reopened = openDesign(path);
        PaintSession reopenedPaint(reopened);
        HairlineSession reopenedHairline(reopened, reopenedPaint);
        REQUIRE(reopenedHairline.hasCurve());
        CHECK(reopenedHairline.readouts().midFrontalHeightMm == Approx(hairline.readouts().midFrontalHeightMm).margin(0.01));
        CHECK(reopened.layers->layer(LayerKind::Hairline).texels() == design.layers->layer(LayerKind::Hairline).texels());
    }

    REQUIRE(paint.undo());
    hairline.refresh();
    CHECK(design.layers->layer(LayerKind::Hairline).texels() == placed);
    CHECK_FALSE(hairline.readouts().lowHairline);
    REQUIRE(paint.undo());
    hairline.refresh();
    CHECK(design.layers->layer(LayerKind::Hairline).texels() == fresh);
    CHECK_FALSE(hairline.hasCurve());
}

TEST_CASE("a session told to paint on the GPU leaves the layers the CPU session leaves", "[paint][gl]") {
    static HeadlessContext context;
    Design onCpu = openDesign(defaultHeadPath()), onGpu = openDesign(defaultHeadPath());
    PaintSession cpu(onCpu), gpu(onGpu);
    LayerTextures textures(*onGpu.layers);
    PaintPass pass(*onGpu.layers, textures);
    gpu.paintWith([&pass](const BrushSettings& brush) -> std::unique_ptr<PaintStroke> {
        return std::make_unique<GpuBrushStroke>(pass, brush);
    });
    const glm::vec3 crown = onCpu.mesh.landmarks.vertex;
    for (PaintSession* paint : {&cpu, &gpu}) {
        paint->brush = defaultBrush(BrushTool::NativeHair);
        paint->brush.symmetry = true;
        // A short drag from the crown to one side (its mirror image to the other), looking down.
        for (float x = 0.0f; x <= 40.0f; x += 4.0f) {
            paint->hover(crown + glm::vec3(x, 300.0f, 0.0f), glm::vec3(0.0f, -1.0f, 0.0f));
            REQUIRE_FALSE(paint->paintAtCursor().empty());
        }
        CHECK(paint->strokePaintsTextures() == (paint == &gpu));
        paint->endStroke();
    }
    const std::vector<float>& painted = onGpu.layers->layer(LayerKind::NativeHair).texels();
    CHECK(painted == onCpu.layers->layer(LayerKind::NativeHair).texels());
    CHECK(*std::max_element(painted.begin(), painted.end()) == Approx(kDefaultNativeHairPerCm2));
    REQUIRE(gpu.undo());
    CHECK(std::all_of(painted.begin(), painted.end(), [](float v) { return v == 0.0f; }));
}
