// The design in the window: opening heads and projects, the design's settings, saving,
// autosave, the impressions and their look, and the views of the head.
#include "app/WindowState.h"

#include "core/Needles.h"
#include "core/SeenFrom.h"
#include "core/SkinDiffusion.h"
#include "core/StageLook.h"
#include "gpu/GpuBrushStroke.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace stipple::window {

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

namespace {

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
    state.shading.stubbleMm = settings.stubbleMm;
    state.shading.greyHairShare = settings.greyHairShare;
    state.head->paint->brush = settings.brush;
    if (!settings.view) return;
    state.camera.target = settings.view->targetMm;
    state.camera.yaw = settings.view->yawRadians;
    state.camera.pitch = settings.view->pitchRadians;
    state.camera.distance = settings.view->distanceMm;
}

}  // namespace

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
    settings.stubbleMm = state.shading.stubbleMm;
    settings.greyHairShare = state.shading.greyHairShare;
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
        ++state.headsLoaded;
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

// After the layers changed anywhere (undo, redo, a whole-scalp density): everything again.
void refreshImpressions(AppState& state) {
    if (!state.head) return;
    state.head->hairline->refresh();
    state.head->layerTextures->updateAll(*state.head->design.layers);
    const LayerSet& layers = *state.head->design.layers;
    if (state.head->impressions) state.head->impressions->setDensities(designDensity(layers), nativeHairDensity(layers));
}

// How the impressions look: as designed, or at a stage of healing and ageing, at a depth, in a
// light (docs/smp-model.md).
void applyLook(AppState& state, ScalpImpressions& impressions) {
    captureDesignSettings(state);
    const DesignSettings& settings = state.head->design.settings;
    // The skin over the pigment: its soft shadow widens and darkens with depth.
    const SkinDiffusion diffusion = skinDiffusion(settings.depthMm, settings.stage, modelSkinType(settings));
    state.shading.diffusionGain = diffusion.gain;
    state.shading.dotCrisp = diffusion.crisp;
    impressions.setStubbleLook(settings.stubbleMm, settings.greyHairShare);
    if (!settings.stage) {
        impressions.setDotLook(dotLookFor(settings.needlePreset), diffusion);
        state.shading.inkAlbedoSrgb = ShadingSettings{}.inkAlbedoSrgb;
        return;
    }
    const StageLook look = stageLook(settings.needlePreset, *settings.stage, settings.depthMm, modelSkinType(settings));
    impressions.setDotLook(look.scatter, diffusion);
    state.shading.inkAlbedoSrgb = look.inkSrgb;
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

// One snapshot at a time, of the latest edit once no stroke is under way: a stroke's end or a
// slider's release makes one, so an abort loses at most the edit in progress.
void keepCrashSnapshot(AppState& state) {
    using namespace std::chrono_literals;
    if (state.crashSnapshotJob.valid()) {
        if (state.crashSnapshotJob.wait_for(0s) != std::future_status::ready) return;
        try {
            std::unique_ptr<CrashSnapshot> snapshot = state.crashSnapshotJob.get();
            if (hasUnsavedChanges(state)) state.crashRecovery.keep(std::move(snapshot));
        } catch (const std::exception& e) {
            state.notice = std::string("The crash copy could not be made: ") + e.what();
            state.noticeUntil = glfwGetTime() + 10.0;
        }
    }
    if (!hasUnsavedChanges(state)) {
        if (state.crashRecovery.holdsSnapshot()) state.crashRecovery.keep(nullptr);
        state.crashSnapshotOf = {~std::size_t(0), 0};
        return;
    }
    const std::pair<std::size_t, std::size_t> now{state.headsLoaded, state.head->paint->changeCount()};
    if (now == state.crashSnapshotOf || state.head->paint->painting()) return;
    state.crashSnapshotOf = now;
    try {
        captureDesignSettings(state);
        const std::filesystem::path folder = state.workspace.recoveryProjectPath().parent_path();
        state.crashSnapshotJob = std::async(std::launch::async,
                                            [project = projectFor(state.head->design, state.workspace.recoveryProjectPath()),
                                             savedAs = state.head->projectPath, folder] {
                                                return makeCrashSnapshot(project, savedAs, folder / "crash-snapshot", folder);
                                            });
    } catch (const std::exception& e) {
        state.notice = std::string("The crash copy could not be made: ") + e.what();
        state.noticeUntil = glfwGetTime() + 10.0;
    }
}

void frameHead(AppState& state) {
    if (state.head) state.camera.frame(computeBounds(state.head->design.mesh.positions), framebufferAspect(state.window));
}

void setStandardView(AppState& state, StandardView view) {
    state.camera.setView(view);
    frameHead(state);
}

void closeUpView(AppState& state) {
    if (state.head) state.camera = closeUpCamera(state.head->design.mesh);
}

void toggleLifeSize(AppState& state) {
    state.lifeSize = !state.lifeSize;
    if (state.lifeSize) state.seenFromMetres = 0.0f;
}

float initialDisplayDpi(AppState& state) {
    if (const std::optional<float> calibrated = state.workspace.displayDpi()) return *calibrated;
    // The monitor's own report is often rounded or missing (a virtual display says 0 mm).
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    int widthMm = 0, heightMm = 0;
    if (monitor) glfwGetMonitorPhysicalSize(monitor, &widthMm, &heightMm);
    if (!mode || widthMm <= 0) return 96.0f;
    return std::clamp(float(mode->width) / (float(widthMm) / 25.4f), kMinDisplayDpi, kMaxDisplayDpi);
}

}  // namespace stipple::window
