// Undo and redo: bit-exact in both directions after many strokes, bounded memory, and room for
// edits that are not layer tiles.
#include "PaintSupport.h"
#include "TestHeads.h"

#include "core/Brush.h"
#include "core/LayerEdit.h"
#include "core/Layers.h"
#include "core/UndoStack.h"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

using namespace stipple;
using testheads::Head;

namespace {

using Snapshot = std::vector<std::vector<float>>;

Snapshot snapshot(const LayerSet& layers) {
    Snapshot result;
    for (LayerKind kind : kLayerKinds) result.push_back(layers.layer(kind).texels());
    return result;
}

// A random stroke: any tool and mode, 1-12 points on the skin, radius 1-25 mm.
BrushSettings randomStroke(std::mt19937& rng, const MeshRaycaster& raycaster, std::vector<glm::vec3>& points) {
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    BrushSettings brush = defaultBrush(BrushTool(rng() % 5));
    brush.mode = BrushMode(rng() % 4);
    brush.value = brush.tool == BrushTool::Density ? 150.0f * unit(rng) : unit(rng);
    brush.radiusMm = 1.0f + 24.0f * unit(rng);
    brush.strength = unit(rng);
    brush.hardness = unit(rng);
    brush.symmetry = rng() % 2 == 0;
    const float theta = 0.2f + 1.2f * unit(rng), phi = 6.28f * unit(rng);
    points = painttest::skinArc(raycaster, {0.0f, 0.0f, 4.0f}, theta, phi, theta + 0.4f * (unit(rng) - 0.5f),
                                phi + 0.6f * (unit(rng) - 0.5f), 1 + int(rng() % 12));
    return brush;
}

// A non-layer edit: moving one control point of a curve.
class MovePoint : public UndoCommand {
public:
    MovePoint(std::vector<glm::vec3>& curve, std::size_t index, const glm::vec3& to) : curve_(curve), index_(index), other_(curve[index]) {
        curve_[index_] = to;
    }
    void undo() override { std::swap(curve_[index_], other_); }
    void redo() override { std::swap(curve_[index_], other_); }
    std::size_t memoryBytes() const override { return sizeof(*this); }
    std::string name() const override { return "move hairline point"; }

private:
    std::vector<glm::vec3>& curve_;
    std::size_t index_;
    glm::vec3 other_;
};

}  // namespace

TEST_CASE("undo and redo are bit-exact after 500 random strokes", "[paint][undo]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Bumpy);
    const MeshRaycaster raycaster(mesh);
    LayerSizes sizes;
    sizes.size = {512, 256, 128, 256, 128};
    LayerSet layers(mesh, sizes);
    UndoStack undo;
    std::mt19937 rng(99);
    std::vector<Snapshot> states{snapshot(layers)};
    std::vector<glm::vec3> curve(3, glm::vec3(0.0f));
    for (int step = 0; step < 500; ++step) {
        if (step % 50 == 25) {
            // Hairline curve edits mixed in with the strokes.
            undo.push(std::make_unique<MovePoint>(curve, std::size_t(step % 3), glm::vec3(float(step))));
        } else {
            std::vector<glm::vec3> points;
            const BrushSettings brush = randomStroke(rng, raycaster, points);
            paintStroke(layers, brush, points, &undo);
        }
        states.push_back(snapshot(layers));
    }
    const std::vector<glm::vec3> finalCurve = curve;
    // A stroke that changed nothing (strength 0) pushes no step.
    REQUIRE(undo.undoCount() <= 500);
    REQUIRE(undo.undoCount() >= 480);
    CHECK(undo.memoryBytes() <= kDefaultUndoBudgetBytes);
    const std::size_t steps = undo.undoCount();

    // Back to the start, checking every state on the way; unchanged states repeat in `states`.
    std::size_t k = states.size() - 1;
    while (undo.undo()) {
        const Snapshot now = snapshot(layers);
        // Find the previous distinct state.
        while (k > 0 && states[k - 1] == states[k] && states[k - 1] != now) --k;
        REQUIRE(k > 0);
        --k;
        REQUIRE(now == states[k]);
    }
    CHECK(snapshot(layers) == states.front());
    CHECK(curve == std::vector<glm::vec3>(3, glm::vec3(0.0f)));
    CHECK(undo.redoCount() == steps);
    while (undo.redo()) {}
    CHECK(snapshot(layers) == states.back());
    CHECK(curve == finalCurve);

    // A new edit after undoing forgets what could have been redone.
    undo.undo();
    undo.undo();
    std::vector<glm::vec3> points;
    const BrushSettings brush = randomStroke(rng, raycaster, points);
    BrushSettings sure = brush;
    sure.strength = 1.0f;
    paintStroke(layers, sure, points, &undo);
    CHECK_FALSE(undo.canRedo());
    CHECK(undo.undoCount() == steps - 1);
}

TEST_CASE("the memory budget drops the oldest steps and keeps the rest exact", "[paint][undo]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    const MeshRaycaster raycaster(mesh);
    LayerSizes sizes;
    sizes.size = {512, 64, 64, 64, 64};
    LayerSet layers(mesh, sizes);
    const std::size_t budget = std::size_t(2) << 20;
    UndoStack undo(budget);
    std::vector<Snapshot> states{snapshot(layers)};
    for (int step = 0; step < 60; ++step) {
        BrushSettings brush;
        brush.value = float(step);
        brush.radiusMm = 20.0f;
        paintStroke(layers, brush, painttest::skinArc(raycaster, {}, 0.8f, 0.1f * float(step), 0.8f, 0.1f * float(step) + 0.3f, 5), &undo);
        states.push_back(snapshot(layers));
        REQUIRE(undo.memoryBytes() <= budget);
    }
    const std::size_t kept = undo.undoCount();
    CHECK(kept >= 5);
    CHECK(kept < 60);
    REQUIRE(undo.nextUndo());
    CHECK(undo.nextUndo()->name() == "density stroke");
    while (undo.undo()) {}
    CHECK(snapshot(layers) == states[states.size() - 1 - kept]);
    while (undo.redo()) {}
    CHECK(snapshot(layers) == states.back());
}

TEST_CASE("a stroke's undo step holds only the 64x64 tiles it touched", "[paint][undo]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    const MeshRaycaster raycaster(mesh);
    LayerSizes sizes;
    sizes.size = {512, 64, 64, 64, 64};
    LayerSet layers(mesh, sizes);
    BrushStroke stroke(layers, defaultBrush(BrushTool::Density));
    stroke.addPoint(painttest::skinPoint(raycaster, {}, {0.0f, 1.0f, 0.3f}));
    const TexelRect rect = stroke.change().texels[std::size_t(LayerKind::Density)];
    const std::unique_ptr<LayerEdit> edit = stroke.finish();
    REQUIRE(edit);
    const int tilesInRect = ((rect.x1 - 1) / 64 - rect.x0 / 64 + 1) * ((rect.y1 - 1) / 64 - rect.y0 / 64 + 1);
    CHECK(edit->tileCount() >= 1);
    CHECK(int(edit->tileCount()) <= tilesInRect);
    CHECK(edit->memoryBytes() < edit->tileCount() * (64 * 64 * sizeof(float) + 256) + 1024);
    // A stroke that reaches no skin changes nothing and leaves no step.
    BrushStroke nowhere(layers, defaultBrush(BrushTool::Density));
    CHECK(nowhere.addPoint({0.0f, 1000.0f, 0.0f}).empty());
    CHECK_FALSE(nowhere.finish());
}
