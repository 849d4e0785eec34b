// [SECTION] Window state
// [SECTION] Loading heads
// [SECTION] Input: mouse, trackpad, keys, drops
// [SECTION] Panels and menus
// [SECTION] Main loop
#include "app/App.h"

#include "app/ExportJob.h"
#include "app/FileBrowser.h"
#include "app/HairlineSession.h"
#include "app/PaintSession.h"
#include "app/PoolJob.h"
#include "app/SheetJob.h"
#include "core/Error.h"
#include "core/NativeHair.h"
#include "core/Needles.h"
#include "core/SessionPlan.h"
#include "core/Lighting.h"
#include "core/SkinTone.h"
#include "core/StageLook.h"
#include "core/Units.h"
#include "gpu/GlInfo.h"
#include "gpu/GpuBrushStroke.h"
#include "gpu/PaintPass.h"
#include "gpu/HeadRenderer.h"
#include "gpu/ScalpImpressions.h"
#include "io/Design.h"
#include "io/ImageFile.h"
#include "io/Workspace.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <memory>

namespace stipple {
namespace {

// [SECTION] Window state

struct LoadedHead {
    std::string openedPath;                           // the mesh or project the user opened
    std::string projectPath;                          // where Save writes; empty until saved
    Design design;
    std::unique_ptr<HeadRenderer> renderer;
    std::unique_ptr<PaintSession> paint;
    std::unique_ptr<LayerTextures> layerTextures;     // for the overlays
    std::unique_ptr<PaintPass> paintPass;             // strokes painted on the GPU, into layerTextures
    std::unique_ptr<HairlineSession> hairline;
    std::size_t savedChangeCount = 0;                 // the paint session's count at the last save
    std::unique_ptr<PoolJob> poolJob;                 // until the candidate pool is ready
    std::unique_ptr<ScalpImpressions> impressions;    // after
};

struct AppState {
    GLFWwindow* window = nullptr;
    LoadOptions loadOptions;
    std::unique_ptr<LoadedHead> head;
    OrbitCamera camera;
    ShadingSettings shading;
    int skinType = 3;           // Fitzpatrick 1..6; 0 means the custom colour
    bool showImpressions = true;
    bool paintMode = false;     // left drag paints instead of orbiting
    bool editHairline = false;  // the hairline's control points can be dragged
    int hairlineTemplate = 1;   // index into kTemplateChoices: Norwood II
    int hairlineStyle = 0;      // HairlineStyle
    int stage = 0;              // 0: the design as drawn; then kSmpStages[stage - 1]
    int session = 0;            // 0: the whole design; k: the skin after session k of the plan
    bool sessionAlone = false;  // with a session: only what it adds
    float depthMm = kDefaultDepthMm;
    // Consultation mode: the editing panels give way to a few large controls for the client.
    bool consultation = false;
    enum class Compare { After, Before, Wipe, SideBySide } compare = Compare::After;
    float wipe = 0.5f;                // share of the width showing "before" in the wipe
    bool turntable = false;
    double lastFrameTime = 0.0;
    std::vector<SessionEstimate> sessionEstimates;
    std::uint32_t sessionsForCount = ~0u;  // the impression count the estimates were made for
    std::optional<std::size_t> draggedPoint;
    bool leftWasDown = false;
    std::optional<glm::vec3> dragTarget;
    float density = kDefaultDensityPerCm2;
    bool showSaveAs = false;
    bool screenshotRequested = false;  // F12: the next frame is saved as a PNG
    char savePath[512] = "";    // the Save As dialog's text
    glm::vec3 customSkin = fitzpatrickPreset(3).albedoSrgb;
    FileBrowser fileBrowser;
    std::string errorMessage;   // a problem, shown in a modal until dismissed
    std::string notice;         // news that needs no answer, shown in the menu bar for a while
    double noticeUntil = 0.0;   // glfwGetTime() when it goes
    bool showShortcuts = false;
    bool showAbout = false;
    glm::dvec2 lastCursor{0.0};
    // Nothing lost: recent files, the autosaved recovery copy, and questions before work goes.
    Workspace workspace;
    bool scripted = false;            // a --screenshot run: no questions, no autosave
    double autosaveSeconds = 60.0;
    double lastAutosave = 0.0;
    bool offerRecovery = false;       // a recovery copy was found at start
    bool askUnsaved = false;          // the unsaved-changes question is due
    std::optional<std::string> pendingOpen;  // what to open once it is answered
    bool pendingQuit = false;
    std::string title;                // the window's, as last set
    // File > Export: the dialog's choices, then the job, one step a frame under a progress bar.
    bool showExport = false;
    char exportFolder[512] = "";
    int exportSize = 2;               // index into kExportSizes
    ExportFormats exportFormats;
    std::unique_ptr<ExportJob> exportJob;
    // File > Consultation sheet: where, and the notes; then the job, as the export runs.
    bool showSheet = false;
    char sheetPath[512] = "";
    char sheetNotes[1024] = "";
    std::unique_ptr<SheetJob> sheetJob;
};

constexpr int kExportSizes[] = {1024, 2048, 4096, 8192};

bool hasUnsavedChanges(const AppState& state) {
    return state.head && state.head->paint->changeCount() != state.head->savedChangeCount;
}

float framebufferAspect(GLFWwindow* window) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    return height > 0 ? float(width) / float(height) : 1.0f;
}

// "Stipple - design.stipple *": the file, and a star while there is unsaved work.
void updateTitle(AppState& state) {
    std::string title = "Stipple - no head";
    if (state.head)
        title = "Stipple - " + (state.head->projectPath.empty() ? state.head->design.mesh.sourcePath : state.head->projectPath) +
                (hasUnsavedChanges(state) ? " *" : "");
    if (title == state.title) return;
    state.title = title;
    glfwSetWindowTitle(state.window, title.c_str());
}

// [SECTION] Loading heads

// A design opens the way it was left: its look, the client's skin, the brush and the view.
void applyDesignSettings(AppState& state) {
    const DesignSettings& settings = state.head->design.settings;
    state.skinType = settings.skinType;
    state.customSkin = settings.customSkinSrgb;
    state.depthMm = settings.depthMm;
    state.stage = settings.stage ? int(std::find(std::begin(kSmpStages), std::end(kSmpStages), *settings.stage) -
                                       std::begin(kSmpStages)) + 1
                                 : 0;
    state.shading.lighting = settings.lighting;
    state.session = 0;
    state.shading.hairAlbedoSrgb = settings.hairColourSrgb;
    state.shading.longHair = settings.longHair;
    state.head->paint->brush = settings.brush;
    if (!settings.view) return;
    state.camera.target = settings.view->targetMm;
    state.camera.yaw = settings.view->yawRadians;
    state.camera.pitch = settings.view->pitchRadians;
    state.camera.distance = settings.view->distanceMm;
}

// What a save keeps of the window's state.
void captureDesignSettings(AppState& state) {
    DesignSettings& settings = state.head->design.settings;
    settings.skinType = state.skinType;
    settings.customSkinSrgb = state.customSkin;
    settings.depthMm = state.depthMm;
    settings.stage = state.stage > 0 ? std::optional<SmpStage>(kSmpStages[state.stage - 1]) : std::nullopt;
    settings.lighting = state.shading.lighting;
    settings.hairColourSrgb = state.shading.hairAlbedoSrgb;
    settings.longHair = state.shading.longHair;
    settings.brush = state.head->paint->brush;
    settings.view = ViewPose{state.camera.target, state.camera.yaw, state.camera.pitch, state.camera.distance};
}

// Loads a head or project; on failure the head already on screen stays and the error is shown.
void loadHead(AppState& state, const std::string& path) {
    try {
        auto head = std::make_unique<LoadedHead>();
        head->design = openDesign(path, state.loadOptions);
        head->renderer = std::make_unique<HeadRenderer>(head->design.mesh);
        head->openedPath = path;
        if (looksLikeProject(path)) head->projectPath = path;
        head->paint = std::make_unique<PaintSession>(head->design);
        head->layerTextures = std::make_unique<LayerTextures>(*head->design.layers);
        // Strokes paint on the GPU, the chain dab -> scatter -> bake staying there, where the
        // scatter's density can be composed there (density and hairline layers of one size).
        const LayerSet& layers = *head->design.layers;
        if (layers.layer(LayerKind::Density).width() == layers.layer(LayerKind::Hairline).width() &&
            layers.layer(LayerKind::Density).height() == layers.layer(LayerKind::Hairline).height()) {
            head->paintPass = std::make_unique<PaintPass>(*head->design.layers, *head->layerTextures);
            head->paint->paintWith([pass = head->paintPass.get()](const BrushSettings& brush) -> std::unique_ptr<PaintStroke> {
                return std::make_unique<GpuBrushStroke>(*pass, brush);
            });
        }
        head->hairline = std::make_unique<HairlineSession>(head->design, *head->paint);
        head->poolJob = std::make_unique<PoolJob>(head->design.mesh, PoolParams{});
        const bool first = !state.head;
        state.head = std::move(head);
        if (first) state.camera.setView(StandardView::ThreeQuarter);
        state.camera.frame(computeBounds(state.head->design.mesh.positions), framebufferAspect(state.window));
        applyDesignSettings(state);
        updateTitle(state);
        if (!state.scripted && path != state.workspace.recoveryProjectPath().string()) state.workspace.addRecentFile(path);
    } catch (const std::exception& e) {
        state.errorMessage = std::string(e.what()) + (state.head ? "\nThe head on screen was kept." : "");
        std::fprintf(stderr, "stipple: %s\n", e.what());
    }
}

// What the user asks to open: with unsaved work on screen, the question comes first.
void openHead(AppState& state, const std::string& path) {
    if (hasUnsavedChanges(state) && !state.scripted) {
        state.pendingOpen = path;
        state.askUnsaved = true;
        return;
    }
    loadHead(state, path);
}

void requestQuit(AppState& state) {
    if (hasUnsavedChanges(state) && !state.scripted) {
        state.pendingQuit = true;
        state.askUnsaved = true;
        return;
    }
    glfwSetWindowShouldClose(state.window, GLFW_TRUE);
}

void applyLook(AppState& state, ScalpImpressions& impressions);

// Once the worker has built the pool, the impressions are made on the GL thread.
void collectCandidatePool(AppState& state) {
    if (!state.head || !state.head->poolJob || !state.head->poolJob->finished()) return;
    std::optional<CandidatePool> pool = state.head->poolJob->takeResult();
    const std::string error = state.head->poolJob->error();
    state.head->poolJob.reset();
    if (!pool) {
        state.errorMessage = "The candidate pool could not be built: " + error;
        return;
    }
    try {
        const Design& design = state.head->design;
        state.head->impressions = std::make_unique<ScalpImpressions>(
            design.mesh, std::move(*pool), dotLookFor(design.settings.needlePreset), designDensity(*design.layers),
            kDefaultPigmentMapSize, nativeHairDensity(*design.layers));
        applyLook(state, *state.head->impressions);
    } catch (const std::exception& e) {
        state.errorMessage = std::string("Impressions cannot be shown: ") + e.what();
    }
}

void closeUpView(AppState& state) {
    if (state.head) state.camera = closeUpCamera(state.head->design.mesh);
}

void reloadWithUnits(AppState& state, std::optional<float> millimetresPerUnit) {
    if (!state.head) return;
    state.loadOptions.millimetresPerUnit = millimetresPerUnit;
    loadHead(state, state.head->openedPath);
}

// After the layers changed anywhere (undo, redo, a whole-scalp density): everything again.
void refreshImpressions(AppState& state) {
    if (!state.head) return;
    state.head->hairline->refresh();
    state.head->layerTextures->updateAll(*state.head->design.layers);
    const LayerSet& layers = *state.head->design.layers;
    if (state.head->impressions) state.head->impressions->setDensities(designDensity(layers), nativeHairDensity(layers));
}

void saveProject(AppState& state, const std::string& path) {
    if (!state.head) return;
    try {
        captureDesignSettings(state);
        writeProject(path, projectFor(state.head->design, path));
        state.head->projectPath = path;
        state.head->savedChangeCount = state.head->paint->changeCount();
        state.workspace.addRecentFile(path);
        state.workspace.clearRecovery();
        updateTitle(state);
    } catch (const std::exception& e) {
        state.errorMessage = std::string(e.what()) + "\nNothing was overwritten.";
    }
}

// [SECTION] Input: mouse, trackpad, keys, drops

AppState& stateOf(GLFWwindow* window) { return *static_cast<AppState*>(glfwGetWindowUserPointer(window)); }

void onDrop(GLFWwindow* window, int count, const char** paths) {
    if (count > 0) openHead(stateOf(window), paths[0]);
}

void onScroll(GLFWwindow* window, double dx, double dy) {
    if (ImGui::GetIO().WantCaptureMouse) return;
    AppState& state = stateOf(window);
    // Trackpads scroll in both axes: vertical zooms, horizontal orbits.
    state.camera.zoom(float(std::pow(0.88, dy)));
    state.camera.orbit(float(-0.05 * dx), 0.0f);
}

bool keyDown(GLFWwindow* window, int left, int right) {
    return glfwGetKey(window, left) == GLFW_PRESS || glfwGetKey(window, right) == GLFW_PRESS;
}

glm::mat4 viewProjection(const AppState& state) {
    return state.camera.projection(framebufferAspect(state.window)) * state.camera.view();
}

// Puts the session's cursor where the ray from the eye through the mouse meets the skin.
void hoverSkin(AppState& state, glm::dvec2 cursor, glm::ivec2 windowSize) {
    const glm::vec2 ndc(2.0f * float(cursor.x) / float(windowSize.x) - 1.0f, 1.0f - 2.0f * float(cursor.y) / float(windowSize.y));
    const glm::mat4 inverse = glm::inverse(viewProjection(state));
    const glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1.0f, 1.0f), farPoint = inverse * glm::vec4(ndc, 1.0f, 1.0f);
    const glm::vec3 eye = glm::vec3(nearPoint) / nearPoint.w;
    state.head->paint->hover(eye, glm::vec3(farPoint) / farPoint.w - eye);
}

// Where a point of the head lands in the window (ImGui's coordinates); nullopt when it faces
// away from the camera or lies behind it.
std::optional<glm::vec2> onScreen(const AppState& state, const SkinPoint& point, glm::ivec2 windowSize) {
    if (glm::dot(point.normal, state.camera.eye() - point.position) <= 0.0f) return std::nullopt;
    const glm::vec4 clip = viewProjection(state) * glm::vec4(point.position, 1.0f);
    if (clip.w <= 0.0f) return std::nullopt;
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    return glm::vec2((ndc.x + 1.0f) * 0.5f * float(windowSize.x), (1.0f - ndc.y) * 0.5f * float(windowSize.y));
}

// Hairline point editing: a press near a control point picks it up, the skin under the mouse
// is where it goes, and the release moves it (the mask is rewritten once, on release). Returns
// true while a point is held, so the mouse does nothing else.
bool dragHairlinePoint(AppState& state, glm::dvec2 cursor, glm::ivec2 windowSize, bool left, bool pressed) {
    HairlineSession& hairline = *state.head->hairline;
    if (!state.editHairline || !hairline.hasCurve()) return false;
    if (!state.draggedPoint && pressed) {
        constexpr float kPickRadiusPx = 12.0f;
        float nearest = kPickRadiusPx;
        for (std::size_t i = 0; i < hairline.curve().controlCount(); ++i) {
            const auto screen = onScreen(state, hairline.curve().control(i), windowSize);
            if (screen && glm::distance(*screen, glm::vec2(cursor)) < nearest) {
                nearest = glm::distance(*screen, glm::vec2(cursor));
                state.draggedPoint = i;
            }
        }
    }
    if (!state.draggedPoint) return false;
    hoverSkin(state, cursor, windowSize);
    if (state.head->paint->cursor()) state.dragTarget = state.head->paint->cursor();
    if (!left) {
        if (state.dragTarget) {
            hairline.movePoint(*state.draggedPoint, *state.dragTarget);
            refreshImpressions(state);
        }
        state.draggedPoint.reset();
        state.dragTarget.reset();
    }
    return true;
}

// Ends the stroke under way; the impressions take the layers it left as their own.
void endStroke(AppState& state) {
    PaintSession& paint = *state.head->paint;
    if (!paint.painting()) return;
    paint.endStroke();
    const LayerSet& layers = *state.head->design.layers;
    if (state.head->impressions) state.head->impressions->adoptDensities(designDensity(layers), nativeHairDensity(layers));
}

// Places the brush under the mouse and paints while the left button is held.
void paintWithMouse(AppState& state, glm::dvec2 cursor, glm::ivec2 windowSize, bool paintButton) {
    PaintSession& paint = *state.head->paint;
    hoverSkin(state, cursor, windowSize);
    if (!paintButton) {
        endStroke(state);
        return;
    }
    const StrokeChange changed = paint.paintAtCursor();
    if (changed.empty()) return;
    const LayerSet& layers = *state.head->design.layers;
    LayerTextures& textures = *state.head->layerTextures;
    // A stroke on the GPU has painted the textures already; the CPU's is uploaded.
    const bool onGpu = paint.strokePaintsTextures();
    if (!onGpu)
        for (LayerKind kind : kLayerKinds) textures.update(layers, kind, changed.texels[std::size_t(kind)]);
    if (!paint.changesImpressions() || !state.head->impressions) return;
    ScalpImpressions& impressions = *state.head->impressions;
    std::vector<ScalpImpressions::Region> regions;
    for (const SurfaceSphere& sphere : changed.reach) regions.push_back({sphere.centreMm, sphere.radiusMm});
    if (paint.brush.tool == BrushTool::NativeHair) {
        const TexelRect& hair = changed.texels[std::size_t(LayerKind::NativeHair)];
        if (onGpu) impressions.setNativeHairWithin(textures, hair, regions);
        else impressions.setNativeHairWithin(nativeHairDensity(layers), regions);
        return;
    }
    TexelRect scattered = changed.texels[std::size_t(LayerKind::Density)];
    scattered.include(changed.texels[std::size_t(LayerKind::Hairline)]);
    if (onGpu) impressions.setDensityWithin(textures, scattered, regions);
    else impressions.setDensityWithin(designDensity(layers), regions);
}

void handleMouse(AppState& state) {
    double x = 0.0, y = 0.0;
    glfwGetCursorPos(state.window, &x, &y);
    const glm::dvec2 delta = glm::dvec2(x, y) - state.lastCursor;
    state.lastCursor = {x, y};
    if (state.head) state.head->paint->clearCursor();
    const bool left = glfwGetMouseButton(state.window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
    const bool pressed = left && !state.leftWasDown;
    state.leftWasDown = left;
    if (ImGui::GetIO().WantCaptureMouse) {
        if (state.head) endStroke(state);
        return;
    }
    int width = 0, height = 0;
    glfwGetWindowSize(state.window, &width, &height);
    const float scale = 1.0f / float(std::max(height, 1));
    const bool right = glfwGetMouseButton(state.window, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS;
    const bool middle = glfwGetMouseButton(state.window, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
    const bool shift = keyDown(state.window, GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT);
    const bool alt = keyDown(state.window, GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT);
    if (state.head && dragHairlinePoint(state, {x, y}, {width, height}, left, pressed)) return;
    const bool painting = state.paintMode && state.head && !alt;
    if (painting) paintWithMouse(state, {x, y}, {width, height}, left);
    // Painting: middle or Alt + left orbits, right pans. Navigating: left orbits, the others pan.
    const bool orbit = state.paintMode ? (middle || (left && alt)) : (left && !shift);
    const bool pan = state.paintMode ? right : (middle || right || (left && shift));
    if (pan) state.camera.pan(-float(delta.x) * scale, float(delta.y) * scale);
    else if (orbit) state.camera.orbit(-3.0f * float(delta.x) * scale, 3.0f * float(delta.y) * scale);
}

void frameHead(AppState& state) {
    if (state.head) state.camera.frame(computeBounds(state.head->design.mesh.positions), framebufferAspect(state.window));
}

void setStandardView(AppState& state, StandardView view) {
    state.camera.setView(view);
    frameHead(state);
}

// Brush and history keys; false when `key` is not one of them.
bool handleBrushKey(AppState& state, int key, bool control, bool shift) {
    PaintSession& paint = *state.head->paint;
    BrushSettings& brush = paint.brush;
    switch (key) {
    case GLFW_KEY_LEFT_BRACKET:
        if (shift) brush.strength = std::max(0.0f, brush.strength - 0.05f);
        else brush.radiusMm = std::max(0.3f, brush.radiusMm / 1.15f);
        return true;
    case GLFW_KEY_RIGHT_BRACKET:
        if (shift) brush.strength = std::min(1.0f, brush.strength + 0.05f);
        else brush.radiusMm = std::min(60.0f, brush.radiusMm * 1.15f);
        return true;
    case GLFW_KEY_X: brush.symmetry = !brush.symmetry; return true;
    case GLFW_KEY_B: state.paintMode = !state.paintMode; return true;
    case GLFW_KEY_Z:
        if (!control) return false;
        if (shift ? paint.redo() : paint.undo()) refreshImpressions(state);
        return true;
    case GLFW_KEY_Y:
        if (!control) return false;
        if (paint.redo()) refreshImpressions(state);
        return true;
    case GLFW_KEY_S:
        if (!control) return false;
        if (shift || state.head->projectPath.empty()) state.showSaveAs = true;
        else saveProject(state, state.head->projectPath);
        return true;
    default: return false;
    }
}

void onKey(GLFWwindow* window, int key, int, int action, int mods) {
    if (action == GLFW_RELEASE) return;
    AppState& state = stateOf(window);
    // A picture of the window is wanted whatever has the keyboard, dialogs included.
    if (key == GLFW_KEY_F12) state.screenshotRequested = true;
    if (ImGui::GetIO().WantCaptureKeyboard) return;
    constexpr float kStep = 0.0873f;  // 5 degrees
    const bool control = mods & GLFW_MOD_CONTROL;
    const bool shift = mods & GLFW_MOD_SHIFT;
    if (state.head && handleBrushKey(state, key, control, shift)) return;
    switch (key) {
    case GLFW_KEY_O: if (control) state.fileBrowser.open(std::filesystem::current_path()); break;
    case GLFW_KEY_Q: if (control) requestQuit(state); break;
    case GLFW_KEY_F: frameHead(state); break;
    case GLFW_KEY_C: closeUpView(state); break;
    case GLFW_KEY_I: state.showImpressions = !state.showImpressions; break;
    case GLFW_KEY_S: state.shading.showScalpOverlay = !state.shading.showScalpOverlay; break;
    case GLFW_KEY_TAB: state.consultation = !state.consultation; break;
    case GLFW_KEY_D:
        state.shading.overlay = state.shading.overlay == ShadingSettings::Overlay::Density ? ShadingSettings::Overlay::None
                                                                                           : ShadingSettings::Overlay::Density;
        break;
    case GLFW_KEY_LEFT: state.camera.orbit(kStep, 0.0f); break;
    case GLFW_KEY_RIGHT: state.camera.orbit(-kStep, 0.0f); break;
    case GLFW_KEY_UP: state.camera.orbit(0.0f, kStep); break;
    case GLFW_KEY_DOWN: state.camera.orbit(0.0f, -kStep); break;
    case GLFW_KEY_EQUAL: case GLFW_KEY_KP_ADD: state.camera.zoom(0.85f); break;
    case GLFW_KEY_MINUS: case GLFW_KEY_KP_SUBTRACT: state.camera.zoom(1.0f / 0.85f); break;
    case GLFW_KEY_1: setStandardView(state, StandardView::Front); break;
    case GLFW_KEY_2: setStandardView(state, StandardView::Back); break;
    case GLFW_KEY_3: setStandardView(state, StandardView::Left); break;
    case GLFW_KEY_4: setStandardView(state, StandardView::Right); break;
    case GLFW_KEY_5: setStandardView(state, StandardView::Top); break;
    case GLFW_KEY_6: setStandardView(state, StandardView::ThreeQuarter); break;
    default: break;
    }
}

// [SECTION] Panels and menus

// In ShadingSettings::Overlay order.
constexpr const char* kOverlayNames[] = {"None", "Density", "Hairline mask", "Shading", "Scar", "Native hair"};

constexpr StandardView kViewMenu[] = {StandardView::Front, StandardView::Back, StandardView::Left,
                                      StandardView::Right, StandardView::Top, StandardView::ThreeQuarter};

void drawMenuBar(AppState& state) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open head or project...", "Ctrl+O")) state.fileBrowser.open(std::filesystem::current_path());
        if (ImGui::MenuItem("Open default head")) openHead(state, defaultHeadPath().string());
        const std::vector<std::string> recent = state.workspace.recentFiles();
        if (ImGui::BeginMenu("Open recent", !recent.empty())) {
            for (const std::string& file : recent)
                if (ImGui::MenuItem(file.c_str())) openHead(state, file);
            ImGui::EndMenu();
        }
        ImGui::Separator();
        const bool hasHead = state.head != nullptr;
        if (ImGui::MenuItem("Save project", "Ctrl+S", false, hasHead)) {
            if (state.head->projectPath.empty()) state.showSaveAs = true;
            else saveProject(state, state.head->projectPath);
        }
        if (ImGui::MenuItem("Save project as...", "Ctrl+Shift+S", false, hasHead)) state.showSaveAs = true;
        if (ImGui::MenuItem("Export textures and model...", nullptr, false, hasHead)) state.showExport = true;
        if (ImGui::MenuItem("Consultation sheet...", nullptr, false, hasHead)) state.showSheet = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) requestQuit(state);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const PaintSession* paint = state.head ? state.head->paint.get() : nullptr;
        if (ImGui::MenuItem("Undo", "Ctrl+Z", false, paint && paint->history().canUndo()) && state.head->paint->undo())
            refreshImpressions(state);
        if (ImGui::MenuItem("Redo", "Ctrl+Y", false, paint && paint->history().canRedo()) && state.head->paint->redo())
            refreshImpressions(state);
        ImGui::Separator();
        if (ImGui::BeginMenu("Head units", state.head != nullptr)) {
            const float applied = state.head ? state.head->design.loadReport.millimetresPerUnit : 1.0f;
            if (ImGui::MenuItem("Detect from size", nullptr, !state.loadOptions.millimetresPerUnit))
                reloadWithUnits(state, std::nullopt);
            for (const float unit : {1.0f, 10.0f, 25.4f, 1000.0f})
                if (ImGui::MenuItem(unitName(unit), nullptr, state.loadOptions.millimetresPerUnit && applied == unit))
                    reloadWithUnits(state, unit);
            ImGui::EndMenu();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The unit the file was modelled in; Stipple works in mm");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (std::size_t i = 0; i < std::size(kViewMenu); ++i) {
            const std::string shortcut = std::to_string(i + 1);
            if (ImGui::MenuItem(standardViewName(kViewMenu[i]), shortcut.c_str())) setStandardView(state, kViewMenu[i]);
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Frame head", "F")) frameHead(state);
        ImGui::MenuItem("Consultation mode", "Tab", &state.consultation);
        if (ImGui::MenuItem("Close-up of the skin", "C")) closeUpView(state);
        ImGui::MenuItem("Impressions", "I", &state.showImpressions);
        ImGui::MenuItem("Scalp region overlay", "S", &state.shading.showScalpOverlay);
        if (ImGui::BeginMenu("Layer overlay")) {
            for (int i = 0; i < int(std::size(kOverlayNames)); ++i)
                if (ImGui::MenuItem(kOverlayNames[i], i == 1 ? "D" : nullptr, int(state.shading.overlay) == i))
                    state.shading.overlay = ShadingSettings::Overlay(i);
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Keyboard and mouse", nullptr, &state.showShortcuts);
        ImGui::MenuItem("About Stipple", nullptr, &state.showAbout);
        ImGui::EndMenu();
    }
    if (!state.notice.empty() && glfwGetTime() < state.noticeUntil) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", state.notice.c_str());
    }
    ImGui::EndMainMenuBar();
}

// The colour of the client's stubble (the native-hair layer says where it grows).
void drawHairColour(AppState& state) {
    glm::vec3& colour = state.shading.hairAlbedoSrgb;
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
    int length = state.shading.longHair ? 1 : 0;
    const char* lengths[] = {"Shaved (stubble)", "Long"};
    if (ImGui::Combo("Hair length", &length, lengths, 2)) {
        state.shading.longHair = length == 1;
        changed = true;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Long: the client's hair covers the scalp where it grows thick, and the scalp shows\n"
                          "where it is thin: paint it thin along a woman's part line to show the part.");
    if (ImGui::Button("Native hair everywhere") && state.head) {
        state.head->paint->fillLayer(LayerKind::NativeHair, kDefaultNativeHairPerCm2);
        refreshImpressions(state);
        changed = true;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("80 follicular units per cm2 over the whole scalp (undoable); then thin it with the\n"
                          "Native hair brush where the client has lost hair.");
    if (changed && state.head) state.head->paint->markChanged();
}

void drawHeadPanel(AppState& state) {
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
    ImGui::Checkbox("Scalp region overlay (S)", &state.shading.showScalpOverlay);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Tint the hair-bearing area where impressions may go");
    int overlay = int(state.shading.overlay);
    if (ImGui::Combo("Layer overlay", &overlay, kOverlayNames, int(std::size(kOverlayNames))))
        state.shading.overlay = ShadingSettings::Overlay(overlay);
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
    if (skinChanged && state.head) {
        state.head->paint->markChanged();
        if (state.head->impressions) applyLook(state, *state.head->impressions);  // skin types heal differently
    }
    state.shading.skinAlbedoSrgb = state.skinType > 0 ? fitzpatrickPreset(state.skinType).albedoSrgb : state.customSkin;
    drawHairColour(state);
    if (state.head && !state.head->design.mesh.albedo.empty()) {
        ImGui::Checkbox("Use the mesh's own texture", &state.shading.useMeshAlbedo);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off: shade with the skin tone above");
    }
    ImGui::End();
}

// How the impressions look: as designed, or at a stage of healing and ageing, at a depth, in a
// light (docs/smp-model.md).
void applyLook(AppState& state, ScalpImpressions& impressions) {
    captureDesignSettings(state);
    const DesignSettings& settings = state.head->design.settings;
    if (!settings.stage) {
        impressions.setDotLook(dotLookFor(settings.needlePreset));
        state.shading.inkAlbedoSrgb = ShadingSettings{}.inkAlbedoSrgb;
        return;
    }
    const StageLook look = stageLook(settings.needlePreset, *settings.stage, settings.depthMm, modelSkinType(settings));
    impressions.setDotLook(look.scatter);
    state.shading.inkAlbedoSrgb = look.inkSrgb;
}

void drawPreviewControls(AppState& state, ScalpImpressions& impressions) {
    ImGui::Separator();
    const char* stages[] = {"As designed", "Fresh (day 0)", "Healed (4 weeks)", "Aged 1 year", "Aged 3 years", "Aged 5 years", "Aged 10 years"};
    ImGui::SetNextItemWidth(200);
    if (ImGui::Combo("Stage", &state.stage, stages, 7)) applyLook(state, impressions);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("What the client will see: fresh dots are larger and darker; healed ones 0.09-0.17 mm;\n"
                          "they soften and lighten over the years (docs/smp-model.md)");
    ImGui::SetNextItemWidth(200);
    ImGui::SliderFloat("Depth", &state.depthMm, kMinDepthMm, kMaxDepthMm, "%.1f mm");
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        state.head->paint->markChanged();
        applyLook(state, impressions);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Target about 0.5 mm. Deeper spreads the dot and cools it towards blue.");
    int light = int(state.shading.lighting);
    ImGui::SetNextItemWidth(200);
    if (ImGui::Combo("Light", &light, [](void*, int i, const char** text) {
            *text = lightingPreset(kLightings[i]).label;
            return true;
        }, nullptr, int(std::size(kLightings))))
        state.shading.lighting = Lighting(light);
}

bool bigButton(const char* label, bool selected = false);

// Which session the viewport shows: the whole design, the skin after session k, or what
// session k alone adds (in its own shade: session 1 is lighter).
void drawSessionPicker(AppState& state, ScalpImpressions& impressions, bool big) {
    const SessionPlan plan = defaultSessionPlan();
    int session = state.session;
    bool alone = state.sessionAlone;
    const auto button = [big](const char* label, bool selected) {
        return big ? bigButton(label, selected) : ImGui::RadioButton(label, selected);
    };
    if (button("Whole design", session == 0)) session = 0;
    for (int k = 1; k <= plan.count(); ++k) {
        ImGui::SameLine();
        const std::string label = "Session " + std::to_string(k);
        if (button(label.c_str(), session == k)) session = k;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("The skin after session %d (%.0f %% of the final density)", k, 100.0 * plan.fractions[std::size_t(k - 1)]);
    }
    ImGui::SameLine();
    if (!big) ImGui::Checkbox("Alone", &alone);
    else if (bigButton("Alone", alone)) alone = !alone;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Only what the chosen session adds");
    if (session == state.session && alone == state.sessionAlone) return;
    state.session = session;
    state.sessionAlone = alone;
    impressions.showSession(plan, session, alone ? SessionView::Alone : SessionView::SoFar);
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
    drawSessionPicker(state, impressions, false);
}

// [SECTION] Consultation mode

// Big buttons that work as well with a finger on a touchscreen as with a mouse.
bool bigButton(const char* label, bool selected) {
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(label, ImVec2(0, 2.4f * ImGui::GetFontSize()));
    if (selected) ImGui::PopStyleColor();
    return pressed;
}

void drawConsultationBar(AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 10), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::Begin("Consultation", nullptr,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar);
    ImGui::SetWindowFontScale(1.4f);
    using Compare = AppState::Compare;
    const std::pair<Compare, const char*> compares[] = {
        {Compare::Before, "Before"}, {Compare::After, "After"}, {Compare::Wipe, "Wipe"}, {Compare::SideBySide, "Side by side"}};
    for (const auto& [compare, label] : compares) {
        if (bigButton(label, state.compare == compare)) state.compare = compare;
        ImGui::SameLine();
    }
    if (state.compare == Compare::Wipe) {
        ImGui::SetNextItemWidth(200);
        ImGui::SliderFloat("##wipe", &state.wipe, 0.0f, 1.0f, "");
        ImGui::SameLine();
    }
    if (bigButton("Turn", state.turntable)) state.turntable = !state.turntable;
    ImGui::SameLine();
    if (bigButton("Sheet")) state.showSheet = true;
    ImGui::SameLine();
    if (bigButton("Exit")) state.consultation = false;
    // The timeline: the design as drawn, then fresh to ten years.
    ImGui::SetNextItemWidth(420);
    const char* stages[] = {"As designed", "Fresh", "Healed", "1 year", "3 years", "5 years", "10 years"};
    if (ImGui::SliderInt("##stage", &state.stage, 0, 6, stages[state.stage]) && state.head && state.head->impressions)
        applyLook(state, *state.head->impressions);
    ImGui::SameLine();
    for (Lighting lighting : kLightings) {
        const char* name = lightingPreset(lighting).name;
        if (bigButton(name, state.shading.lighting == lighting)) state.shading.lighting = lighting;
        ImGui::SameLine();
    }
    ImGui::NewLine();
    const std::pair<StandardView, const char*> views[] = {{StandardView::Front, "Front"}, {StandardView::Left, "Left"},
                                                          {StandardView::Right, "Right"}, {StandardView::Back, "Back"},
                                                          {StandardView::Top, "Top"}, {StandardView::ThreeQuarter, "3/4"}};
    for (const auto& [view, label] : views) {
        if (bigButton(label)) setStandardView(state, view);
        ImGui::SameLine();
    }
    if (bigButton("Close-up")) closeUpView(state);
    if (state.head && state.head->impressions) drawSessionPicker(state, *state.head->impressions, true);
    ImGui::End();
}

// Draws the head once or twice: before (the client's own stubble, no impressions) and after,
// whole, wiped or side by side.
void drawHeadViews(AppState& state, int width, int height, const PigmentView& pigment) {
    using Compare = AppState::Compare;
    const Compare compare = state.consultation ? state.compare : Compare::After;
    HeadRenderer& renderer = *state.head->renderer;
    ShadingSettings before = state.shading;
    before.showDesign = false;
    if (compare == Compare::After || compare == Compare::Before) {
        renderer.draw(state.camera, width, height, compare == Compare::After ? state.shading : before, pigment);
        return;
    }
    glEnable(GL_SCISSOR_TEST);
    if (compare == Compare::Wipe) {
        const int split = int(state.wipe * float(width));
        glScissor(0, 0, width, height);
        renderer.draw(state.camera, width, height, state.shading, pigment);
        glScissor(0, 0, split, height);  // the clear inside draw() respects the scissor
        renderer.draw(state.camera, width, height, before, pigment);
    } else {
        const int half = width / 2;
        // Each half frames the whole head again: half the width needs the camera farther away.
        OrbitCamera halfCamera = state.camera;
        halfCamera.frame(computeBounds(state.head->design.mesh.positions), float(half) / float(std::max(height, 1)));
        halfCamera.distance = std::max(halfCamera.distance, state.camera.distance);
        for (int side = 0; side < 2; ++side) {
            glViewport(side * half, 0, half, height);
            glScissor(side * half, 0, half, height);
            renderer.draw(halfCamera, half, height, side == 0 ? before : state.shading, pigment);
        }
        glViewport(0, 0, width, height);
    }
    glDisable(GL_SCISSOR_TEST);
}

void drawImpressionsPanel(AppState& state) {
    ImGui::SetNextWindowPos(ImVec2(10, 350), ImGuiCond_FirstUseEver);
    ImGui::Begin("Impressions", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    if (!state.head) {
        ImGui::TextDisabled("No head");
    } else if (state.head->poolJob) {
        ImGui::TextUnformatted("Spreading candidate points over the scalp...");
        ImGui::ProgressBar(state.head->poolJob->progress(), ImVec2(240, 0));
    } else if (!state.head->impressions) {
        ImGui::TextDisabled("No impressions for this head (see the message it gave)");
    } else {
        ScalpImpressions& impressions = *state.head->impressions;
        ImGui::Checkbox("Show impressions (I)", &state.showImpressions);
        ImGui::SetNextItemWidth(200);
        ImGui::SliderFloat("Density everywhere", &state.density, 0.0f, impressions.field().maxDensityPerCm2(), "%.0f per cm2");
        // Scatter and bake once the slider is let go: a full bake is too slow for every frame.
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            state.head->paint->fillLayer(LayerKind::Density, state.density);
            refreshImpressions(state);
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
                    state.head->paint->markChanged();
                    applyLook(state, impressions);
                }
            }
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("1RL for hairlines and soft work, 3RL for fill");
        ImGui::Text("%u impressions on %.0f cm2 of scalp", impressions.impressionCount(), scalpAreaCm2(state.head->design.mesh));
        if (ImGui::Button("Close-up (C)")) closeUpView(state);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Look at the skin from 3 cm to see single dots");
        drawPreviewControls(state, impressions);
        drawSessionPlan(state, impressions);
    }
    ImGui::End();
}

struct ToolEntry {
    BrushTool tool;
    const char* name;
    const char* tip;
};
constexpr ToolEntry kTools[] = {
    {BrushTool::Density, "Density", "Impressions per cm2: set, add, subtract or smooth"},
    {BrushTool::Hairline, "Hairline", "Where the design may place impressions: paint or erase, with a soft edge"},
    {BrushTool::Shading, "Shading", "A lighter pigment tone for extreme thinning (0..1)"},
    {BrushTool::Scar, "Scar", "Scar tissue that holds pigment less evenly: an FUT strip line (1-3 mm)"},
    {BrushTool::Eraser, "Eraser", "Back to a fresh design: every layer of the design to its default"},
    {BrushTool::NativeHair, "Native hair",
     "Where the client still has hair, in follicular units per cm2 (natural 65-110, about 50 near the ears).\n"
     "Drawn as shaved stubble beside the impressions, so the match can be judged. Not part of the design."},
};

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
    for (std::size_t i = 0; i < std::size(kTools); ++i) {
        const ToolEntry& entry = kTools[i];
        if (ImGui::RadioButton(entry.name, brush.tool == entry.tool)) {
            // Each tool keeps its own sensible start (a hairline is painted mirrored, say).
            brush = defaultBrush(entry.tool);
            state.paintMode = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", entry.tip);
        if (i % 3 != 2) ImGui::SameLine();  // three to a row
    }
    if (brush.tool == BrushTool::Density || brush.tool == BrushTool::NativeHair) {
        const bool density = brush.tool == BrushTool::Density;
        const char* modes[] = {"Set", "Add", "Subtract", "Smooth"};
        int mode = int(brush.mode);
        ImGui::SetNextItemWidth(200);
        if (ImGui::Combo("Mode", &mode, modes, 4)) brush.mode = BrushMode(mode);
        ImGui::SetNextItemWidth(200);
        if (density) ImGui::SliderFloat("Density", &brush.value, 0.0f, 200.0f, "%.0f per cm2");
        else ImGui::SliderFloat("Hair", &brush.value, 0.0f, kMaxNativeHairPerCm2, "%.0f units per cm2");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Set: the target; add or subtract: the change at the brush's centre");
    } else if (brush.tool == BrushTool::Hairline) {
        bool erase = brush.mode == BrushMode::Subtract;
        if (ImGui::Checkbox("Erase the mask", &erase)) brush.mode = erase ? BrushMode::Subtract : BrushMode::Add;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off: paint where impressions may go. On: take it away.");
    } else if (brush.tool == BrushTool::Shading) {
        ImGui::SetNextItemWidth(200);
        ImGui::SliderFloat("Tone", &brush.value, 0.0f, 1.0f, "%.2f");
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
    ImGui::SliderFloat("Radius ([ ])", &brush.radiusMm, 0.3f, 60.0f, "%.1f mm", ImGuiSliderFlags_Logarithmic);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Measured on the skin. [ and ] change it.");
    ImGui::SetNextItemWidth(200);
    ImGui::SliderFloat("Strength (Shift+[ ])", &brush.strength, 0.0f, 1.0f, "%.2f");
    ImGui::SetNextItemWidth(200);
    ImGui::SliderFloat("Hardness", &brush.hardness, 0.0f, 1.0f, "%.2f");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Share of the radius at full strength; the rest fades softly");
    ImGui::Checkbox("Mirror left and right (X)", &brush.symmetry);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Paint both sides of the head at once, across the mid-sagittal plane");
    ImGui::BeginDisabled(!paint.history().canUndo());
    if (ImGui::Button("Undo (Ctrl+Z)") && paint.undo()) refreshImpressions(state);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!paint.history().canRedo());
    if (ImGui::Button("Redo (Ctrl+Y)") && paint.redo()) refreshImpressions(state);
    ImGui::EndDisabled();
    ImGui::Text("Steps to undo: %zu", paint.history().undoCount());
    ImGui::End();
}

void drawSaveAsDialog(AppState& state) {
    if (state.showSaveAs && state.head) {
        const std::filesystem::path suggested =
            state.head->projectPath.empty()
                ? std::filesystem::path(state.head->design.mesh.sourcePath).replace_extension(".stipple")
                : std::filesystem::path(state.head->projectPath);
        std::snprintf(state.savePath, sizeof state.savePath, "%s", suggested.string().c_str());
        ImGui::OpenPopup("Save project as");
        state.showSaveAs = false;
    }
    if (!ImGui::BeginPopupModal("Save project as", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("The design, in one .stipple file:");
    ImGui::SetNextItemWidth(520);
    const bool entered = ImGui::InputText("##path", state.savePath, sizeof state.savePath, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Checkbox("Carry the head inside the project", &state.head->design.embedHead);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The file then travels alone to another machine or clinic.\n"
                          "Off: the project refers to the head file by path and content.");
    if (ImGui::Button("Save") || entered) {
        saveProject(state, state.savePath);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
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
    ImGui::Combo("##template", &state.hairlineTemplate, [](void*, int i, const char** text) {
        *text = kTemplateChoices[i].name;
        return true;
    }, nullptr, int(std::size(kTemplateChoices)));
    ImGui::SameLine();
    if (ImGui::Button("Place template")) {
        hairline.placeTemplate(kTemplateChoices[state.hairlineTemplate]);
        refreshImpressions(state);
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("From the head's landmarks (docs/hairline.md): Norwood stages set the hairline and thin\n"
                          "the crown; Ludwig stages thin the part line and crown for female density. Undoable.");
    const char* styles[] = {"Soft / broken", "Defined / edge-up", "Mature"};
    ImGui::SetNextItemWidth(200);
    if (ImGui::Combo("Style", &state.hairlineStyle, styles, 3) && hairline.hasCurve()) {
        hairline.setSettings(hairlineStyle(HairlineStyle(state.hairlineStyle)));
        refreshImpressions(state);
    }
    if (hairline.hasCurve()) {
        HairlineMaskSettings settings = hairline.settings();
        ImGui::SetNextItemWidth(200);
        ImGui::SliderFloat("Transition zone", &settings.transitionMm, 2.0f, 20.0f, "%.0f mm");
        const bool transitionDone = ImGui::IsItemDeactivatedAfterEdit();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Width of the soft fall-off across the line; 5-10 mm is natural");
        if (transitionDone) {
            hairline.setSettings(settings);
            refreshImpressions(state);
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
    if (state.head->impressions) ImGui::Text("Impressions: %u", state.head->impressions->impressionCount());
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

// Recovery at start, and the question before unsaved work is closed or replaced.
void drawWorkDialogs(AppState& state) {
    if (state.offerRecovery) {
        ImGui::OpenPopup("Recover unsaved work?");
        state.offerRecovery = false;
    }
    if (ImGui::BeginPopupModal("Recover unsaved work?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Stipple closed last time without saving a design.");
        const std::string savedAs = state.workspace.recoverySavedAs();
        if (!savedAs.empty()) ImGui::Text("It was last saved as %s.", savedAs.c_str());
        if (ImGui::Button("Recover it")) {
            loadHead(state, state.workspace.recoveryProjectPath().string());
            if (state.head) {
                state.head->projectPath = savedAs;
                state.head->savedChangeCount = state.head->paint->changeCount() + 1;  // not saved yet
                updateTitle(state);
            }
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Discard it")) {
            state.workspace.clearRecovery();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (state.askUnsaved) {
        ImGui::OpenPopup("Unsaved changes");
        state.askUnsaved = false;
    }
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("The design has changes that are not saved%s.",
                    state.head->projectPath.empty() ? "" : (" to " + state.head->projectPath).c_str());
        const auto proceed = [&] {
            if (state.pendingQuit) {
                state.workspace.clearRecovery();
                glfwSetWindowShouldClose(state.window, GLFW_TRUE);
            }
            if (state.pendingOpen) loadHead(state, *state.pendingOpen);
            state.pendingQuit = false;
            state.pendingOpen.reset();
        };
        if (!state.head->projectPath.empty() && ImGui::Button("Save")) {
            saveProject(state, state.head->projectPath);
            if (!hasUnsavedChanges(state)) proceed();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Don't save")) {
            proceed();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            state.pendingQuit = false;
            state.pendingOpen.reset();
            ImGui::CloseCurrentPopup();
        }
        if (state.head->projectPath.empty()) ImGui::TextDisabled("To keep it, cancel and use File > Save project as.");
        ImGui::EndPopup();
    }
}

// Every autosaveSeconds with unsaved work, a copy goes to the workspace for crash recovery.
void autosave(AppState& state) {
    if (state.scripted || !hasUnsavedChanges(state) || glfwGetTime() - state.lastAutosave < state.autosaveSeconds) return;
    state.lastAutosave = glfwGetTime();
    try {
        captureDesignSettings(state);
        state.workspace.writeRecovery(projectFor(state.head->design, state.workspace.recoveryProjectPath()),
                                      state.head->projectPath);
    } catch (const std::exception& e) {
        state.notice = std::string("Autosave failed: ") + e.what();
        state.noticeUntil = glfwGetTime() + 10.0;
    }
}

void onClose(GLFWwindow* window) {
    AppState& state = stateOf(window);
    if (!hasUnsavedChanges(state) || state.scripted) return;
    glfwSetWindowShouldClose(window, GLFW_FALSE);
    requestQuit(state);
}

// A long job (an export, a sheet) inside its dialog: one step a frame under a progress bar,
// so the window keeps drawing. The dialog closes when it ends or fails.
template <typename Job>
void runJobStep(AppState& state, std::unique_ptr<Job>& job, const std::string& doneNotice, const char* failure,
                const char* afterFailure) {
    ImGui::TextUnformatted(job->done() ? "Done" : job->nextStepName().c_str());
    ImGui::ProgressBar(float(job->stepsDone()) / float(job->stepCount()), ImVec2(420, 0));
    try {
        if (!job->done()) job->runNextStep();
        if (job->done()) {
            state.notice = doneNotice;
            state.noticeUntil = glfwGetTime() + 8.0;
            job.reset();
            ImGui::CloseCurrentPopup();
        }
    } catch (const std::exception& e) {
        state.errorMessage = failure + std::string(e.what()) + afterFailure;
        job.reset();
        ImGui::CloseCurrentPopup();
    }
}

// File > Export: where, how large, which files; then the job runs a step a frame.
void drawExportDialog(AppState& state) {
    if (state.showExport && state.head) {
        // Beside the project once it is saved; until then in the current folder, never among
        // the head's own files.
        const std::filesystem::path suggested =
            state.head->projectPath.empty()
                ? std::filesystem::current_path() / "stipple-export"
                : std::filesystem::path(state.head->projectPath).parent_path() /
                      (std::filesystem::path(state.head->projectPath).stem().string() + "-export");
        std::snprintf(state.exportFolder, sizeof state.exportFolder, "%s", suggested.string().c_str());
        ImGui::OpenPopup("Export");
        state.showExport = false;
    }
    if (ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (!state.exportJob) {
            ImGui::TextUnformatted("Folder (docs/export.md lists the files):");
            ImGui::SetNextItemWidth(520);
            ImGui::InputText("##folder", state.exportFolder, sizeof state.exportFolder);
            const char* sizes[] = {"1024", "2048", "4096", "8192"};
            ImGui::SetNextItemWidth(120);
            ImGui::Combo("Texture size", &state.exportSize, sizes, 4);
            ImGui::Checkbox("PNG textures", &state.exportFormats.png);
            ImGui::SameLine();
            ImGui::Checkbox("EXR density", &state.exportFormats.exr);
            ImGui::SameLine();
            ImGui::Checkbox("GLB model", &state.exportFormats.glb);
            ImGui::SameLine();
            ImGui::Checkbox("CSV impressions", &state.exportFormats.csv);
            if (ImGui::Button("Export")) {
                std::error_code error;
                std::filesystem::create_directories(state.exportFolder, error);
                const std::string stem = std::filesystem::path(state.head->projectPath.empty() ? state.head->design.mesh.sourcePath
                                                                                               : state.head->projectPath)
                                             .stem()
                                             .string();
                state.exportJob = std::make_unique<ExportJob>(state.head->design, stem, state.exportFolder,
                                                              kExportSizes[state.exportSize], state.exportFormats, false);
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        } else {
            runJobStep(state, state.exportJob, std::string("Exported to ") + state.exportFolder,
                       "Export stopped: ", "\nFiles written before it are whole.");
        }
        ImGui::EndPopup();
    }
}

// File > Consultation sheet: the five views before and after in the look on screen, the
// measurements, the sessions, notes and signature lines (docs/sheet.md), as PDF or PNG.
void drawSheetDialog(AppState& state) {
    if (state.showSheet && state.head) {
        const std::filesystem::path base = state.head->projectPath.empty()
                                               ? std::filesystem::current_path() / "stipple"
                                               : std::filesystem::path(state.head->projectPath).replace_extension();
        std::snprintf(state.sheetPath, sizeof state.sheetPath, "%s-sheet.pdf", base.string().c_str());
        ImGui::OpenPopup("Consultation sheet");
        state.showSheet = false;
    }
    if (!ImGui::BeginPopupModal("Consultation sheet", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!state.sheetJob) {
        ImGui::TextUnformatted("File (.pdf or .png):");
        ImGui::SetNextItemWidth(520);
        ImGui::InputText("##sheet", state.sheetPath, sizeof state.sheetPath);
        ImGui::TextUnformatted("Notes for the client (empty: lines to write on):");
        ImGui::InputTextMultiline("##notes", state.sheetNotes, sizeof state.sheetNotes, ImVec2(520, 100));
        ImGui::TextDisabled("The \"after\" views show the stage and light on screen (healed when as designed).");
        if (ImGui::Button("Write the sheet")) {
            captureDesignSettings(state);
            SheetOptions options;
            options.projectName = std::filesystem::path(state.head->projectPath.empty() ? state.head->design.mesh.sourcePath
                                                                                         : state.head->projectPath)
                                      .stem()
                                      .string();
            options.notes = state.sheetNotes;
            options.look = {state.head->design.settings.stage.value_or(SmpStage::Healed), state.shading.lighting};
            try {
                state.sheetJob = std::make_unique<SheetJob>(state.head->design, state.sheetPath, options);
            } catch (const std::exception& e) {
                state.errorMessage = e.what();
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    } else {
        runJobStep(state, state.sheetJob, std::string("Wrote ") + state.sheetPath, "The sheet was not written: ",
                   "\nA file of that name from before is whole.");
    }
    ImGui::EndPopup();
}

void drawDialogs(AppState& state) {
    if (const auto picked = state.fileBrowser.draw()) openHead(state, picked->string());
    drawExportDialog(state);
    drawSheetDialog(state);
    drawSaveAsDialog(state);
    drawWorkDialogs(state);
    if (!state.errorMessage.empty()) ImGui::OpenPopup("Stipple");
    if (ImGui::BeginPopupModal("Stipple", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(state.errorMessage.c_str());
        if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            state.errorMessage.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (state.showShortcuts) {
        ImGui::Begin("Keyboard and mouse", &state.showShortcuts, ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::TextUnformatted("Left drag         orbit\n"
                               "Right/middle drag pan (or Shift + left drag)\n"
                               "Scroll / pinch    zoom; horizontal scroll orbits\n"
                               "Arrow keys        orbit in 5 degree steps\n"
                               "+ / -             zoom\n"
                               "1..6              front, back, left, right, top, three-quarter\n"
                               "F                 frame the head\n"
                               "F12               save the view as a PNG in the current folder\n"
                               "Tab               consultation mode: before/after, timeline, lights, turntable\n"
                               "C                 close-up of the skin (single dots)\n"
                               "B                 paint mode on or off\n"
                               "  painting: left drag paints, middle or Alt + left drag orbits, right pans\n"
                               "[ and ]           brush radius; with Shift: strength\n"
                               "X                 mirror the brush left and right\n"
                               "Ctrl+Z, Ctrl+Y    undo, redo (also Ctrl+Shift+Z)\n"
                               "Ctrl+S            save the project (Ctrl+Shift+S: save as)\n"
                               "I                 show or hide the impressions\n"
                               "S                 scalp region overlay\n"
                               "D                 density overlay (View > Layer overlay for the others)\n"
                               "Ctrl+O            open a head (or drop a file on the window)\n"
                               "Ctrl+Q            quit");
        ImGui::End();
    }
    if (state.showAbout) {
        ImGui::Begin("About Stipple", &state.showAbout, ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::TextUnformatted("Stipple: a scalp micropigmentation design studio.");
        ImGui::TextUnformatted(glDescription().c_str());
        ImGui::TextDisabled("Default head: MakeHuman base mesh (CC0 1.0), see assets/heads/default/CREDITS.md");
        ImGui::End();
    }
}

// [SECTION] Main loop

GLFWwindow* createWindow() {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 4);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 4);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    for (const int minor : {5, 3}) {
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, minor);
        if (GLFWwindow* window = glfwCreateWindow(1280, 800, "Stipple", nullptr, nullptr)) return window;
    }
    return nullptr;
}

// UI size follows the monitor's content scale, also when the window moves to another monitor.
void applyContentScale(float xScale, float yScale) {
    const float scale = std::max(1.0f, std::max(xScale, yScale));
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
    ImGui::GetIO().FontGlobalScale = scale;
}

void onContentScale(GLFWwindow*, float xScale, float yScale) { applyContentScale(xScale, yScale); }

void writeScreenshot(GLFWwindow* window, const std::string& path) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(std::size_t(width) * std::size_t(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    Image flipped = image;
    const std::size_t row = std::size_t(width) * 4;
    for (int y = 0; y < height; ++y)
        std::memcpy(&flipped.rgba[std::size_t(y) * row], &image.rgba[std::size_t(height - 1 - y) * row], row);
    writePng(path, flipped);
}

}  // namespace

int runApp(const AppOptions& options) {
    glfwSetErrorCallback([](int, const char* message) { std::fprintf(stderr, "GLFW: %s\n", message); });
    if (!glfwInit())
        throw InternalError("no window system is available (for pictures without one, use `stipple render`)");
    AppState state;
    state.loadOptions = options.load;
    state.window = createWindow();
    if (!state.window) {
        glfwTerminate();
        throw InternalError("no OpenGL 4.3+ core window could be created");
    }
    glfwMakeContextCurrent(state.window);
    glfwSwapInterval(1);
    int exitCode = 0;
    try {
        if (!gladLoadGL(glfwGetProcAddress)) throw InternalError("OpenGL functions could not be loaded");
        requireGl43("window");
        enableGlDebugOutput();

        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;  // panels start where the code puts them
        float xScale = 1.0f, yScale = 1.0f;
        glfwGetWindowContentScale(state.window, &xScale, &yScale);
        applyContentScale(xScale, yScale);
        glfwSetWindowContentScaleCallback(state.window, onContentScale);
        // Ours first: ImGui's backend installs its own and chains to these.
        glfwSetWindowUserPointer(state.window, &state);
        glfwSetDropCallback(state.window, onDrop);
        glfwSetScrollCallback(state.window, onScroll);
        glfwSetKeyCallback(state.window, onKey);
        glfwSetWindowCloseCallback(state.window, onClose);
        ImGui_ImplGlfw_InitForOpenGL(state.window, true);
        ImGui_ImplOpenGL3_Init("#version 430 core");

        state.scripted = options.exitAfterFrames > 0;
        state.autosaveSeconds = options.autosaveSeconds;
        state.lastAutosave = glfwGetTime();
        state.offerRecovery = !state.scripted && state.workspace.hasRecovery();
        loadHead(state, options.file.value_or(defaultHeadPath().string()));
        if (!state.head && options.exitAfterFrames > 0) exitCode = 2;  // scripted run with a bad file

        for (int frame = 1; !glfwWindowShouldClose(state.window); ++frame) {
            glfwPollEvents();
            handleMouse(state);
            collectCandidatePool(state);
            if (state.head) autosave(state);
            updateTitle(state);
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            drawMenuBar(state);
            if (state.consultation) {
                drawConsultationBar(state);
            } else {
                drawHeadPanel(state);
                drawImpressionsPanel(state);
                drawBrushPanel(state);
                drawHairlinePanel(state);
            }
            drawDialogs(state);
            const double now = glfwGetTime();
            if (state.consultation && state.turntable) state.camera.orbit(float(0.35 * (now - state.lastFrameTime)), 0.0f);
            state.lastFrameTime = now;
            ImGui::Render();

            int width = 0, height = 0;
            glfwGetFramebufferSize(state.window, &width, &height);
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            glViewport(0, 0, width, height);
            if (state.head) {
                const std::optional<glm::vec3>& cursor = state.head->paint->cursor();
                state.shading.brushCursor.visible = state.paintMode && cursor.has_value();
                if (cursor) state.shading.brushCursor.centerMm = *cursor;
                state.shading.brushCursor.radiusMm = state.head->paint->brush.radiusMm;
                state.shading.brushCursor.mirrored = state.head->paint->brush.symmetry;
                // Hiding the impressions (I) keeps the client's own stubble.
                state.shading.showDesign = state.showImpressions;
                PigmentView pigment;
                if (state.head->impressions) pigment = state.head->impressions->view();
                pigment.layers = state.head->layerTextures.get();
                drawHeadViews(state, width, height, pigment);
            } else {
                glClearColor(state.shading.backgroundSrgb.x, state.shading.backgroundSrgb.y,
                             state.shading.backgroundSrgb.z, 1.0f);
                glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
            }
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            // A scripted run waits for the impressions before it counts frames.
            const bool busy = state.head && state.head->poolJob;
            if (busy) frame = 0;
            if (state.screenshotRequested) {
                state.screenshotRequested = false;
                char name[64];
                const std::time_t clock = std::time(nullptr);
                std::strftime(name, sizeof name, "stipple-%Y%m%d-%H%M%S.png", std::localtime(&clock));
                try {
                    writeScreenshot(state.window, name);
                    state.notice = std::string("Saved the view as ") + (std::filesystem::current_path() / name).string();
                    state.noticeUntil = glfwGetTime() + 5.0;
                } catch (const std::exception& e) {
                    state.errorMessage = e.what();
                }
            }
            if (options.exitAfterFrames > 0 && frame >= options.exitAfterFrames) {
                if (options.screenshot) writeScreenshot(state.window, *options.screenshot);
                glfwSetWindowShouldClose(state.window, GLFW_TRUE);
            }
            glfwSwapBuffers(state.window);
        }
    } catch (...) {
        state.head.reset();
        glfwDestroyWindow(state.window);
        glfwTerminate();
        throw;
    }
    // A normal end with nothing unsaved needs no recovery copy.
    if (!state.scripted && !hasUnsavedChanges(state)) state.workspace.clearRecovery();
    state.head.reset();  // GL objects go before the context
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(state.window);
    glfwTerminate();
    return exitCode;
}

}  // namespace stipple
