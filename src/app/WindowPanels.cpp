// The editing window: the menu bar and the Head, Impressions (with the look and the sessions),
// Brush and Hairline panels.
#include "app/WindowState.h"

#include "core/Lighting.h"
#include "core/NativeHair.h"
#include "core/Needles.h"
#include "core/SeenFrom.h"
#include "core/Units.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <cstdio>
#include <filesystem>

namespace stipple::window {

namespace {

// ImGui's Combo reads labels through this getter; `data` is the table.
template <typename Entry, std::size_t N>
int comboOf(const char* label, int* current, const Entry (&table)[N]) {
    return ImGui::Combo(label, current, [](void* data, int i, const char** text) {
        *text = static_cast<const Entry*>(data)[i].label;
        return true;
    }, const_cast<Entry*>(table), int(N));
}

void reloadWithUnits(AppState& state, std::optional<float> millimetresPerUnit) {
    if (!state.head) return;
    state.loadOptions.millimetresPerUnit = millimetresPerUnit;
    loadHead(state, state.head->openedPath);
}

}  // namespace

void drawMenuBar(AppState& state) {
    ViewState& view = state.view;
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open head or project...", "Ctrl+O")) state.dialogs.fileBrowser.open(std::filesystem::current_path());
        if (ImGui::MenuItem("Open default head")) openHead(state, defaultHeadPath().string());
        const std::vector<std::string> recent = state.workspace.recentFiles();
        if (ImGui::BeginMenu("Open recent", !recent.empty())) {
            // By position: a path is not a safe ID (a "###" in a name would make two files one).
            for (std::size_t i = 0; i < recent.size(); ++i) {
                ImGui::PushID(int(i));
                if (ImGui::MenuItem(recent[i].c_str())) openHead(state, recent[i]);
                ImGui::PopID();
            }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        const bool hasHead = state.head != nullptr;
        if (ImGui::MenuItem("Save project", "Ctrl+S", false, hasHead)) {
            if (state.head->projectPath.empty()) state.dialogs.showSaveAs = true;
            else saveProject(state, state.head->projectPath);
        }
        if (ImGui::MenuItem("Save project as...", "Ctrl+Shift+S", false, hasHead)) state.dialogs.showSaveAs = true;
        if (ImGui::MenuItem("Export textures and model...", nullptr, false, hasHead)) state.dialogs.showExport = true;
        if (ImGui::MenuItem("Share as page...", nullptr, false, hasHead)) state.dialogs.showSharePage = true;
        if (ImGui::MenuItem("Consultation sheet...", nullptr, false, hasHead)) state.dialogs.showSheet = true;
        if (ImGui::MenuItem("Calibrate from a photo...")) state.dialogs.calibrate.show = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) requestQuit(state);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const PaintSession* paint = state.head ? state.head->paint.get() : nullptr;
        if (ImGui::MenuItem("Undo", "Ctrl+Z", false, paint && paint->history().canUndo()) && state.head->paint->undo())
            designEdited(state, DesignChange::ofEveryLayer());
        if (ImGui::MenuItem("Redo", "Ctrl+Y", false, paint && paint->history().canRedo()) && state.head->paint->redo())
            designEdited(state, DesignChange::ofEveryLayer());
        ImGui::Separator();
        if (ImGui::BeginMenu("Head units", state.head != nullptr)) {
            const float applied = state.head ? state.head->design.loadReport.millimetresPerUnit : 1.0f;
            if (ImGui::MenuItem("Detect from size", nullptr, !state.loadOptions.millimetresPerUnit))
                reloadWithUnits(state, std::nullopt);
            for (const Choice<float>& unit : kUnitChoices)
                if (ImGui::MenuItem(unit.label, nullptr, state.loadOptions.millimetresPerUnit && applied == unit.value))
                    reloadWithUnits(state, unit.value);
            ImGui::EndMenu();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The unit the file was modelled in; Stipple works in mm");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (std::size_t i = 0; i < std::size(kViewChoices); ++i) {
            const std::string shortcut = std::to_string(i + 1);
            if (ImGui::MenuItem(kViewChoices[i].name, shortcut.c_str())) setStandardView(state, kViewChoices[i].value);
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Frame head", "F")) frameHead(state);
        ImGui::MenuItem("Consultation mode", "Tab", &view.consultation);
        if (ImGui::MenuItem("Close-up of the skin", "C")) closeUpView(state);
        ImGui::MenuItem("Impressions", "I", &view.showImpressions);
        ImGui::MenuItem("Scalp region overlay", "S", &view.shading.showScalpOverlay);
        if (ImGui::BeginMenu("Layer overlay")) {
            for (const Choice<LayerOverlay>& overlay : kOverlayChoices)
                if (ImGui::MenuItem(overlay.label, overlay.value == LayerOverlay::Density ? "D" : nullptr,
                                    view.shading.overlay == overlay.value))
                    view.shading.overlay = overlay.value;
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::BeginMenu("Seen from")) {
            if (ImGui::MenuItem("As the camera sees it", nullptr, view.seenFromMetres == 0.0f)) view.seenFromMetres = 0.0f;
            for (float metres : kSeenFromDistancesMetres) {
                char label[32];
                std::snprintf(label, sizeof label, "%g m", double(metres));
                if (ImGui::MenuItem(label, nullptr, view.seenFromMetres == metres)) {
                    view.seenFromMetres = metres;
                    view.lifeSize = false;
                }
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Life size", "L", view.lifeSize)) toggleLifeSize(state);
        ImGui::MenuItem("Calibrate life size...", nullptr, &view.showLifeSizeCalibration);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Keyboard and mouse", nullptr, &state.dialogs.showShortcuts);
        ImGui::MenuItem("About Stipple", nullptr, &state.dialogs.showAbout);
        ImGui::EndMenu();
    }
    if (!state.dialogs.notice.empty() && glfwGetTime() < state.dialogs.noticeUntil) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", state.dialogs.notice.c_str());
    }
    ImGui::EndMainMenuBar();
}

namespace {

// The colour of the client's stubble (the native-hair layer says where it grows).
void drawHairColour(AppState& state) {
    ViewState& view = state.view;
    glm::vec3& colour = view.shading.hairAlbedoSrgb;
    const auto preset = std::find_if(std::begin(kHairColours), std::end(kHairColours),
                                     [&](const HairColourPreset& p) { return p.srgb == colour; });
    bool changed = false;
    if (ImGui::BeginCombo("Hair colour", preset != std::end(kHairColours) ? preset->name : "Custom colour")) {
        for (const HairColourPreset& choice : kHairColours)
            if (ImGui::Selectable(choice.name, &choice == preset)) {
                colour = choice.srgb;
                changed = true;
            }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The client's own hair, shaved to stubble where the Native hair brush painted it.\n"
                          "Match the pigment's shade to it (docs/smp-model.md).");
    ImGui::SameLine();
    changed |= ImGui::ColorEdit3("##hair", &colour.x, ImGuiColorEditFlags_NoInputs);
    // Shaved to one of kStubbleLengthsMm, or long (the last entry).
    constexpr int kLong = int(std::size(kStubbleLengthsMm));
    int length = kLong;
    if (!view.shading.longHair)
        length = int(std::min_element(std::begin(kStubbleLengthsMm), std::end(kStubbleLengthsMm),
                                      [&](float a, float b) {
                                          return std::abs(a - view.shading.stubbleMm) < std::abs(b - view.shading.stubbleMm);
                                      }) - std::begin(kStubbleLengthsMm));
    const char* lengths[] = {"Shaved (0 mm)", "Stubble 0.5 mm", "Stubble 1 mm", "Stubble 3 mm", "Long"};
    static_assert(std::size(lengths) == kLong + 1, "one label a length, and long");
    if (ImGui::Combo("Hair length", &length, lengths, kLong + 1)) {
        view.shading.longHair = length == kLong;
        if (length < kLong) view.shading.stubbleMm = kStubbleLengthsMm[length];
        changed = true;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Shaved: the cut ends, the shafts showing through the skin, and the stubble's length.\n"
                          "Long: the client's hair covers the scalp where it grows thick, and the scalp shows\n"
                          "where it is thin: paint it thin along a woman's part line to show the part.");
    float greyPercent = 100.0f * view.shading.greyHairShare;
    if (ImGui::SliderFloat("Grey hair", &greyPercent, 0.0f, 100.0f, "%.0f %%")) {
        view.shading.greyHairShare = std::clamp(greyPercent, 0.0f, 100.0f) / 100.0f;
        changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The share of the client's hairs that are grey (no pigment).");
    if (ImGui::Button("Native hair everywhere") && state.head) {
        state.head->paint->fillLayer(LayerKind::NativeHair, kDefaultNativeHairPerCm2);
        designEdited(state, DesignChange::ofEveryLayer());
        changed = true;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("80 follicular units per cm2 over the whole scalp (undoable); then thin it with the\n"
                          "Native hair brush where the client has lost hair.");
    if (changed) {
        // The stubble is baked with the impressions: a new length or grey share bakes again.
        DesignChange change = DesignChange::ofKeptSettings(false);
        change.stubble = true;
        designEdited(state, change);
    }
}

}  // namespace

void drawHeadPanel(AppState& state) {
    ViewState& view = state.view;
    ImGui::SetNextWindowPos(ImVec2(10, 40), ImGuiCond_FirstUseEver);
    ImGui::Begin("Head", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    if (state.head) {
        const HeadMesh& mesh = state.head->design.mesh;
        const glm::vec3 size = computeBounds(mesh.positions).size();
        ImGui::TextUnformatted(std::filesystem::path(mesh.sourcePath).filename().string().c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", mesh.sourcePath.c_str());
        ImGui::Text("%zu vertices, %zu triangles", mesh.vertexCount(), mesh.triangleCount());
        ImGui::Text("Size %.0f x %.0f x %.0f mm (%s, %s)", size.x, size.y, size.z,
                    unitName(state.head->design.loadReport.millimetresPerUnit),
                    state.head->design.loadReport.unitsDetected ? "detected" : "set");
        ImGui::Text("Scalp area %.0f cm2", scalpAreaCm2(mesh));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Measured on the 3D surface. A whole adult scalp is about 775 cm2.");
        ImGui::TextDisabled(state.head->design.loadReport.metadataFound ? "Scalp region from the head's metadata"
                                                             : "Scalp region estimated from the geometry");
    } else {
        ImGui::TextUnformatted("No head loaded: File > Open or drop a mesh file here");
    }
    ImGui::Separator();
    ImGui::TextDisabled("Display");
    ImGui::Checkbox("Scalp region overlay (S)", &view.shading.showScalpOverlay);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Tint the hair-bearing area where impressions may go");
    int overlay = choiceIndex(kOverlayChoices, choiceFor(kOverlayChoices, view.shading.overlay));
    if (comboOf("Layer overlay", &overlay, kOverlayChoices)) view.shading.overlay = kOverlayChoices[overlay].value;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("One layer of the design as colour, to see its layout from afar (D: density)");
    const char* preview = state.skinType > 0 ? fitzpatrickPreset(state.skinType).name : "Custom colour";
    const int skinTypeBefore = state.skinType;
    if (ImGui::BeginCombo("Skin tone", preview)) {
        for (int type = 1; type <= kFitzpatrickTypeCount; ++type)
            if (ImGui::Selectable(fitzpatrickPreset(type).name, state.skinType == type)) state.skinType = type;
        if (ImGui::Selectable("Custom colour", state.skinType == 0)) state.skinType = 0;
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Fitzpatrick skin type of the client, or a colour of your own.\n"
                          "Saved with the design; the export and the healing model use it.");
    bool skinChanged = state.skinType != skinTypeBefore;
    if (state.skinType == 0) skinChanged |= ImGui::ColorEdit3("Custom skin", &state.customSkin.x);
    if (skinChanged) designEdited(state, DesignChange::ofKeptSettings(true));  // skin types heal differently
    view.shading.skinAlbedoSrgb = state.skinType > 0 ? fitzpatrickPreset(state.skinType).albedoSrgb : state.customSkin;
    drawHairColour(state);
    if (state.head && !state.head->design.mesh.albedo.empty()) {
        ImGui::Checkbox("Use the mesh's own texture", &view.shading.useMeshAlbedo);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off: shade with the skin tone above");
    }
    ImGui::End();
}

namespace {

void drawPreviewControls(AppState& state) {
    ImGui::Separator();
    ImGui::SetNextItemWidth(200);
    // state.stage: 0 as designed, else 1 + the index in kStageChoices.
    const bool stageChanged = ImGui::Combo("Stage", &state.stage, [](void*, int i, const char** text) {
        *text = i == 0 ? kAsDesignedLabel : kStageChoices[i - 1].label;
        return true;
    }, nullptr, 1 + int(std::size(kStageChoices)));
    if (stageChanged) designEdited(state, DesignChange::ofLook());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("What the client will see: fresh dots are larger and darker; healed ones 0.09-0.17 mm;\n"
                          "they soften and lighten over the years (docs/smp-model.md)");
    ImGui::SetNextItemWidth(200);
    ImGui::SliderFloat("Depth", &state.depthMm, kMinDepthMm, kMaxDepthMm, "%.1f mm", kTypedValuesClamped);
    if (ImGui::IsItemDeactivatedAfterEdit()) designEdited(state, DesignChange::ofKeptSettings(true));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Target about 0.5 mm. Deeper spreads the dot and cools it towards blue.");
    int light = choiceIndex(kLightingChoices, choiceFor(kLightingChoices, state.view.shading.lighting));
    ImGui::SetNextItemWidth(200);
    if (comboOf("Light", &light, kLightingChoices)) state.view.shading.lighting = kLightingChoices[light].value;
}

// The default plan (30 % -> 70 % -> 100 %, docs/smp-model.md) for the design on screen: what each
// session places, and the hours it takes. Worked out again when the design's count changes.
void drawSessionPlan(AppState& state, ScalpImpressions& impressions) {
    if (!ImGui::CollapsingHeader("Sessions")) return;
    if (state.sessionsForCount != impressions.impressionCount()) {
        const SessionPlan plan = defaultSessionPlan();
        const DensityMap density = designDensity(*state.head->design.layers);
        const std::vector<Impression> design = scatterImpressions(impressions.pool(), density, impressions.dotLook());
        state.sessionEstimates = estimateSessions(sessionsOf(design, impressions.pool(), density, plan), plan,
                                                  coveredAreaCm2(impressions.pool(), density));
        state.sessionsForCount = impressions.impressionCount();
    }
    for (const SessionEstimate& session : state.sessionEstimates)
        ImGui::Text("Session %d: %zu impressions (%.0f %%), %.1f h (%.1f-%.1f)", session.session, session.placed,
                    100.0 * session.fraction, session.hours, session.hoursMin, session.hoursMax);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Each session adds to the last, never moving an impression. Hours from about 14,000\n"
                          "impressions in a 3-5 h session (a single source: a guide, not a promise).");
    drawSessionPicker(state, false);
}

}  // namespace

void drawImpressionsPanel(AppState& state) {
    ImGui::SetNextWindowPos(ImVec2(10, 350), ImGuiCond_FirstUseEver);
    ImGui::Begin("Impressions", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    if (!state.head) {
        ImGui::TextDisabled("No head");
    } else if (state.head->poolJob) {
        ImGui::TextUnformatted("Spreading candidate points over the scalp...");
        ImGui::ProgressBar(state.head->poolJob->progress(), ImVec2(240, 0));
    } else if (!state.head->impressions()) {
        ImGui::TextDisabled("No impressions for this head (see the message it gave)");
    } else {
        ScalpImpressions& impressions = *state.head->impressions();
        ImGui::Checkbox("Show impressions (I)", &state.view.showImpressions);
        ImGui::SetNextItemWidth(200);
        ImGui::SliderFloat("Density everywhere", &state.density, 0.0f, impressions.field().maxDensityPerCm2(), "%.0f per cm2", kTypedValuesClamped);
        // Scatter and bake once the slider is let go: a full bake is too slow for every frame.
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            state.head->paint->fillLayer(LayerKind::Density, state.density);
            designEdited(state, DesignChange::ofEveryLayer());
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Impressions per cm2 over the whole scalp, replacing what was painted (undoable).\n"
                              "SMP's final layer is about 60-100; natural follicular units are 65-110 (mean 80).\n"
                              "Ctrl+click to type a value.");
        ImGui::SetNextItemWidth(200);
        int& needle = state.head->design.settings.needlePreset;
        if (ImGui::BeginCombo("Needle", kNeedlePresets[needle].name)) {
            for (int i = 0; i < int(std::size(kNeedlePresets)); ++i) {
                const std::string label = std::string(kNeedlePresets[i].name) + " (cartridge " + kNeedlePresets[i].cartridge + ")";
                if (ImGui::Selectable(label.c_str(), needle == i)) {
                    needle = i;
                    designEdited(state, DesignChange::ofKeptSettings(true));
                }
            }
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("1RL for hairlines and soft work, 3RL for fill");
        ImGui::Text("%u impressions on %.0f cm2 of scalp", impressions.impressionCount(), scalpAreaCm2(state.head->design.mesh));
        if (ImGui::Button("Close-up (C)")) closeUpView(state);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Look at the skin from 3 cm to see single dots");
        drawPreviewControls(state);
        drawSessionPlan(state, impressions);
    }
    ImGui::End();
}

void drawBrushPanel(AppState& state) {
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - 10, 290), ImGuiCond_FirstUseEver, ImVec2(1.0f, 0.0f));
    ImGui::Begin("Brush", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    if (!state.head) {
        ImGui::TextDisabled("No head");
        ImGui::End();
        return;
    }
    PaintSession& paint = *state.head->paint;
    BrushSettings& brush = paint.brush;
    ImGui::Checkbox("Paint (B)", &state.paintMode);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("On: left drag paints, middle drag or Alt + left drag orbits.\nOff: left drag orbits.");
    // The tools' names come back as the labels of their settings below ("Density"): the tools
    // get an ID scope of their own, or ImGui takes the two for one widget.
    ImGui::PushID("tools");
    for (std::size_t i = 0; i < std::size(kBrushToolChoices); ++i) {
        const Choice<BrushTool>& entry = kBrushToolChoices[i];
        if (ImGui::RadioButton(entry.label, brush.tool == entry.value)) {
            // Each tool keeps its own sensible start (a hairline is painted mirrored, say).
            brush = defaultBrush(entry.value);
            state.paintMode = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", entry.help);
        if (i % 3 != 2) ImGui::SameLine();  // three to a row
    }
    ImGui::PopID();
    if (brush.tool == BrushTool::Density || brush.tool == BrushTool::NativeHair) {
        const bool density = brush.tool == BrushTool::Density;
        int mode = choiceIndex(kBrushModeChoices, choiceFor(kBrushModeChoices, brush.mode));
        ImGui::SetNextItemWidth(200);
        if (comboOf("Mode", &mode, kBrushModeChoices)) brush.mode = kBrushModeChoices[mode].value;
        ImGui::SetNextItemWidth(200);
        if (density) ImGui::SliderFloat("Density", &brush.value, 0.0f, 200.0f, "%.0f per cm2", kTypedValuesClamped);
        else ImGui::SliderFloat("Hair", &brush.value, 0.0f, kMaxNativeHairPerCm2, "%.0f units per cm2", kTypedValuesClamped);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Set: the target; add or subtract: the change at the brush's centre");
    } else if (brush.tool == BrushTool::Hairline) {
        bool erase = brush.mode == BrushMode::Subtract;
        if (ImGui::Checkbox("Erase the mask", &erase)) brush.mode = erase ? BrushMode::Subtract : BrushMode::Add;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off: paint where impressions may go. On: take it away.");
    } else if (brush.tool == BrushTool::Shading) {
        ImGui::SetNextItemWidth(200);
        ImGui::SliderFloat("Tone", &brush.value, 0.0f, 1.0f, "%.2f", kTypedValuesClamped);
    } else if (brush.tool == BrushTool::Scar) {
        // Scars come in two shapes (docs/smp-facts.md): the line of an FUT strip, 1-3 mm wide,
        // and the round punch of an FUE graft, 0.75-1.0 mm.
        if (ImGui::Button("FUT strip line (2 mm)")) brush = scarLineBrush();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag along the scar; set the width with the radius");
        ImGui::SameLine();
        if (ImGui::Button("FUE punch dot (0.9 mm)")) brush = dotScarBrush();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click once on each punch scar");
    }
    ImGui::SetNextItemWidth(200);
    ImGui::SliderFloat("Radius ([ ])", &brush.radiusMm, 0.3f, 60.0f, "%.1f mm", ImGuiSliderFlags_Logarithmic | kTypedValuesClamped);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Measured on the skin. [ and ] change it.");
    ImGui::SetNextItemWidth(200);
    ImGui::SliderFloat("Strength (Shift+[ ])", &brush.strength, 0.0f, 1.0f, "%.2f", kTypedValuesClamped);
    ImGui::SetNextItemWidth(200);
    ImGui::SliderFloat("Hardness", &brush.hardness, 0.0f, 1.0f, "%.2f", kTypedValuesClamped);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Share of the radius at full strength; the rest fades softly");
    ImGui::Checkbox("Mirror left and right (X)", &brush.symmetry);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Paint both sides of the head at once, across the mid-sagittal plane");
    ImGui::BeginDisabled(!paint.history().canUndo());
    if (ImGui::Button("Undo (Ctrl+Z)") && paint.undo()) designEdited(state, DesignChange::ofEveryLayer());
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!paint.history().canRedo());
    if (ImGui::Button("Redo (Ctrl+Y)") && paint.redo()) designEdited(state, DesignChange::ofEveryLayer());
    ImGui::EndDisabled();
    ImGui::Text("Steps to undo: %zu", paint.history().undoCount());
    ImGui::End();
}

void drawHairlinePanel(AppState& state) {
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - 10, 40), ImGuiCond_FirstUseEver, ImVec2(1.0f, 0.0f));
    ImGui::Begin("Hairline", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    if (!state.head) {
        ImGui::TextDisabled("No head");
        ImGui::End();
        return;
    }
    HairlineSession& hairline = *state.head->hairline;
    ImGui::SetNextItemWidth(200);
    // The templates, then "None" (the index one past them), which places nothing.
    constexpr int kTemplateCount = int(std::size(kTemplateChoices));
    ImGui::Combo("##template", &state.hairlineTemplate, [](void*, int i, const char** text) {
        *text = i < kTemplateCount ? kTemplateChoices[i].label : "None";
        return true;
    }, nullptr, kTemplateCount + 1);
    ImGui::SameLine();
    if (ImGui::Button("Place template")) {
        if (state.hairlineTemplate < kTemplateCount) hairline.placeTemplate(kTemplateChoices[state.hairlineTemplate]);
        designEdited(state, DesignChange::ofEveryLayer());
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("From the head's landmarks (docs/hairline.md): Norwood stages set the hairline and thin\n"
                          "the crown; Ludwig stages thin the part line and crown for female density. Undoable.");
    ImGui::SetNextItemWidth(200);
    if (comboOf("Style", &state.hairlineStyle, kHairlineStyleChoices) && hairline.hasCurve()) {
        hairline.setSettings(hairlineStyle(kHairlineStyleChoices[state.hairlineStyle].value));
        designEdited(state, DesignChange::ofEveryLayer());
    }
    if (hairline.hasCurve()) {
        HairlineMaskSettings settings = hairline.settings();
        ImGui::SetNextItemWidth(200);
        ImGui::SliderFloat("Transition zone", &settings.transitionMm, 2.0f, 20.0f, "%.0f mm", kTypedValuesClamped);
        const bool transitionDone = ImGui::IsItemDeactivatedAfterEdit();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Width of the soft fall-off across the line; 5-10 mm is natural");
        if (transitionDone) {
            hairline.setSettings(settings);
            designEdited(state, DesignChange::ofEveryLayer());
        }
        ImGui::Checkbox("Drag the control points", &state.editHairline);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Left drag a point on the head; its mirror follows");
    }
    ImGui::Separator();
    const HairlineReadouts& readouts = hairline.readouts();
    if (hairline.hasCurve()) {
        ImGui::Text("Mid-frontal: %.1f cm above the glabella", readouts.midFrontalHeightMm / 10.0f);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Along the skin. About 8 cm is usual; 7 aggressive, 10 conservative.");
        if (readouts.lowHairline)
            ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "Lower than the aggressive bound of 7 cm");
        if (readouts.hasFrontotemporal)
            ImGui::Text("Frontotemporal: %.1f cm from mid-frontal", readouts.frontotemporalFromMidFrontalMm / 10.0f);
    }
    ImGui::Text("Designed area: %.0f cm2", readouts.designedAreaCm2);
    if (state.head->impressions()) ImGui::Text("Impressions: %u", state.head->impressions()->impressionCount());
    ImGui::End();

    // The control points on the head, the one held at the skin under the mouse.
    if (!state.editHairline || !hairline.hasCurve()) return;
    int width = 0, height = 0;
    glfwGetWindowSize(state.window, &width, &height);
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    for (std::size_t i = 0; i < hairline.curve().controlCount(); ++i) {
        SkinPoint point = hairline.curve().control(i);
        if (state.draggedPoint == i && state.dragTarget) point.position = *state.dragTarget;
        if (const auto screen = onScreen(state, point, {width, height}))
            draw->AddCircleFilled(ImVec2(screen->x, screen->y), 6.0f,
                                  state.draggedPoint == i ? IM_COL32(255, 220, 90, 255) : IM_COL32(255, 255, 255, 220));
    }
}

}  // namespace stipple::window
