// Brushes: strokes on the 3D skin that paint the UV-space layers.
//
// A stroke is a polyline of points on the skin (model space, mm). A texel's influence is
//     w = strength * falloff(distance from the texel's 3D point to the nearest polyline segment)
// falloff = 1 within hardness * radius, then a smoothstep down to 0 at the radius. Because the
// distance is to the segments, not to dabs at the input events, the result does not depend on
// how fast the pen moved. Each texel keeps the stroke's largest w so far (the per-stroke
// maximum), and its value is always recomputed from its value before the stroke:
//     set       v = (1 - w) * before + w * value   (exactly `value` where w = 1)
//     add       v = before + w * value       (clamped to the layer's range)
//     subtract  v = before - w * value
//     smooth    v = (1 - w) * before + w * mean, mean of the values before the stroke within
//               a quarter of the radius (at least 1 mm) in 3D, so smoothing crosses seams
// so overlapping parts of one stroke never pile up, and painting the stroke point by point gives
// exactly what painting it at once gives. With symmetry the mirrored polyline (x -> -x) joins
// the same maximum: exact mirror images, and no doubling where a stroke crosses the midline.
// docs/painting.md has the numbers and their sources.
#pragma once

#include "core/Choice.h"
#include "core/LayerEdit.h"
#include "core/Layers.h"
#include "core/PaintStroke.h"
#include "core/UndoStack.h"

#include <glm/vec3.hpp>

#include <array>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace stipple {

// NativeHair paints where the client's own hair grows (follicular units per cm^2); the eraser
// clears the design's layers and leaves it.
enum class BrushTool { Density, Hairline, Shading, Scar, Eraser, NativeHair };
// Hairline: add paints the mask (value 1 = fully in), subtract erases it. The eraser ignores
// the mode and value: it sets every layer towards its default.
enum class BrushMode { Set, Add, Subtract, Smooth };
constexpr BrushTool kBrushTools[] = {BrushTool::Density, BrushTool::Hairline, BrushTool::Shading,
                                     BrushTool::Scar,    BrushTool::Eraser,   BrushTool::NativeHair};
constexpr BrushMode kBrushModes[] = {BrushMode::Set, BrushMode::Add, BrushMode::Subtract, BrushMode::Smooth};
// In the Brush panel's order.
inline constexpr Choice<BrushTool> kBrushToolChoices[] = {
    {BrushTool::Density, "density", "Density", "Impressions per cm2: set, add, subtract or smooth"},
    {BrushTool::Hairline, "hairline", "Hairline", "Where the design may place impressions: paint or erase, with a soft edge"},
    {BrushTool::Shading, "shading", "Shading", "A lighter pigment tone for extreme thinning (0..1)"},
    {BrushTool::Scar, "scar", "Scar", "Scar tissue that holds pigment less evenly: an FUT strip line (1-3 mm)"},
    {BrushTool::Eraser, "eraser", "Eraser", "Back to a fresh design: every layer of the design to its default"},
    {BrushTool::NativeHair, "native-hair", "Native hair",
     "Where the client still has hair, in follicular units per cm2 (natural 65-110, about 50 near the ears).\n"
     "Drawn as shaved stubble beside the impressions, so the match can be judged. Not part of the design."},
};
inline constexpr Choice<BrushMode> kBrushModeChoices[] = {
    {BrushMode::Set, "set", "Set"}, {BrushMode::Add, "add", "Add"},
    {BrushMode::Subtract, "subtract", "Subtract"}, {BrushMode::Smooth, "smooth", "Smooth"}};

struct BrushSettings {
    BrushTool tool = BrushTool::Density;
    BrushMode mode = BrushMode::Set;
    float value = 80.0f;     // set: the target; add/subtract: the change at full influence (layer units)
    float radiusMm = 15.0f;  // on the skin (3D distance)
    float strength = 1.0f;   // 0..1, scales the influence
    float hardness = 0.3f;   // 0..1, fraction of the radius at full influence
    bool symmetry = false;   // mirror across the mid-sagittal plane (x = 0)
};

// What each tool starts with (docs/painting.md).
BrushSettings defaultBrush(BrushTool tool);
// Throws InputError for a radius that is not positive or a strength or hardness outside 0..1.
void validateBrush(const BrushSettings& settings);

// The names stroke files and projects use (the tables' names; a mode may also be paint or erase,
// for add or subtract, as the hairline mask says it).
const char* brushToolName(BrushTool tool);
std::optional<BrushTool> parseBrushTool(std::string_view name);
const char* brushModeName(BrushMode mode);
std::optional<BrushMode> parseBrushMode(std::string_view name);
// A line scar such as an FUT strip scar, 1-3 mm wide (2 mm by default); paint it as a stroke.
BrushSettings scarLineBrush(float widthMm = 2.0f);
// A dot scar such as an FUE punch scar, 0.8-1.0 mm (0.9 mm by default); paint it as a
// one-point stroke.
BrushSettings dotScarBrush(float diameterMm = 0.9f);

// 1 within hardness * radius, smoothstep to 0 at the radius, 0 beyond.
float brushFalloff(float distanceMm, float radiusMm, float hardness);
// Smoothing averages over this radius around each texel.
float smoothingRadiusMm(float radiusMm);

// Whether a dab may go where the cursor's ray hit the skin: the surface must face the viewer
// within maxAngleDegrees (80 by default: grazing dabs smear across the UV map and misplace).
// `viewDirection` points from the eye to the surface, any length; `normal` is unit.
constexpr float kMaxDabAngleDegrees = 80.0f;
bool dabAllowed(const glm::vec3& normal, const glm::vec3& viewDirection, float maxAngleDegrees = kMaxDabAngleDegrees);

struct SurfaceSphere {
    glm::vec3 centreMm{0.0f};
    float radiusMm = 0.0f;
};

// Texels [x0, x1) x [y0, y1).
struct TexelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x0 >= x1 || y0 >= y1; }
    void include(int i, int j);
    void include(const TexelRect& other);
};

// Where a stroke (or its latest points) changed the design: what to re-scatter and re-bake.
struct StrokeChange {
    // One sphere per side of the head (two with symmetry). Every changed texel, and every point
    // of the skin whose bilinear sample of a layer can have changed (three texel footprints
    // more, for the sample's neighbours and the padding), lies inside one of them.
    std::vector<SurfaceSphere> reach;
    std::array<TexelRect, kLayerKindCount> texels;  // changed texels of each layer, padding included
    bool empty() const;
};

class StrokeInfluence;

class BrushStroke : public PaintStroke {
public:
    // Starts a stroke on `layers`, which must outlive it. Throws InputError as validateBrush().
    BrushStroke(LayerSet& layers, const BrushSettings& settings);
    ~BrushStroke() override;

    // Extends the stroke to the next point(s) on the skin and paints the new segments at once.
    // Returns what these points changed.
    StrokeChange addPoint(const glm::vec3& pointMm) override;
    StrokeChange addPoints(const std::vector<glm::vec3>& pointsMm);
    // Everything the stroke changed so far.
    const StrokeChange& change() const;

    // Ends the stroke: the undo step holding the 64x64 tiles it changed (null when it changed
    // nothing). The stroke takes no more points.
    std::unique_ptr<LayerEdit> finish() override;
    bool paintsTextures() const override { return false; }

private:
    // Paints one texel whose influence has just risen to w (StrokeInfluence finds them).
    void paint(std::size_t target, std::size_t texel, float w, bool firstTouch);
    float smoothedMean(std::size_t target, std::size_t texel) const;

    LayerSet& layers_;
    std::unique_ptr<StrokeInfluence> influence_;
    std::vector<std::vector<float>> before_;  // per target: the whole layer when the stroke began
    std::vector<std::vector<float>> mean_;    // smooth mode: mean of `before` around each touched texel
};

// Paints a whole stroke at once; pushes its undo step when `undo` is given.
StrokeChange paintStroke(LayerSet& layers, const BrushSettings& settings, const std::vector<glm::vec3>& pointsMm,
                         UndoStack* undo = nullptr);

}  // namespace stipple
