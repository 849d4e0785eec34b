// The design in the window: opening heads and projects, the design's settings, saving,
// autosave, the impressions and their look, and the views of the head.
#include "app/WindowState.h"

#include "core/Needles.h"
#include "core/SeenFrom.h"
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
    ViewState& view = state.view;
    const DesignSettings& settings = state.head->design.settings;
    state.skinType = settings.skinType;
    state.customSkin = settings.customSkinSrgb;
    state.depthMm = settings.depthMm;
    state.stage = settings.stage ? int(std::find(std::begin(kSmpStages), std::end(kSmpStages), *settings.stage) -
                                       std::begin(kSmpStages)) + 1
                                 : 0;
    view.shading.lighting = settings.lighting;
    state.session = 0;
    view.shading.hairAlbedoSrgb = settings.hairColourSrgb;
    view.shading.longHair = settings.longHair;
    view.shading.stubbleMm = settings.stubbleMm;
    view.shading.greyHairShare = settings.greyHairShare;
    state.head->paint->brush = settings.brush;
    if (!settings.view) return;
    view.camera.target = settings.view->targetMm;
    view.camera.yaw = settings.view->yawRadians;
    view.camera.pitch = settings.view->pitchRadians;
    view.camera.distance = settings.view->distanceMm;
}

}  // namespace

// What a save keeps of the window's state.
void captureDesignSettings(AppState& state) {
    ViewState& view = state.view;
    DesignSettings& settings = state.head->design.settings;
    settings.skinType = state.skinType;
    settings.customSkinSrgb = state.customSkin;
    settings.depthMm = state.depthMm;
    settings.stage = state.stage > 0 ? std::optional<SmpStage>(kSmpStages[state.stage - 1]) : std::nullopt;
    settings.lighting = view.shading.lighting;
    settings.hairColourSrgb = view.shading.hairAlbedoSrgb;
    settings.longHair = view.shading.longHair;
    settings.stubbleMm = view.shading.stubbleMm;
    settings.greyHairShare = view.shading.greyHairShare;
    settings.brush = state.head->paint->brush;
    const OrbitCamera& camera = view.camera;
    settings.view = ViewPose{camera.target, camera.yaw, camera.pitch, camera.distance};
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
        head->scene = std::make_unique<DesignScene>(head->design.mesh, *head->design.layers, head->design.settings);
        // Strokes paint on the GPU, the chain dab -> scatter -> bake staying there, where the
        // scatter's density can be composed there (density and hairline layers of one size).
        const LayerSet& layers = *head->design.layers;
        if (layers.layer(LayerKind::Density).width() == layers.layer(LayerKind::Hairline).width() &&
            layers.layer(LayerKind::Density).height() == layers.layer(LayerKind::Hairline).height()) {
            head->paintPass = std::make_unique<PaintPass>(*head->design.layers, head->scene->layerTextures());
            head->paint->paintWith([pass = head->paintPass.get()](const BrushSettings& brush) -> std::unique_ptr<PaintStroke> {
                return std::make_unique<GpuBrushStroke>(*pass, brush);
            });
        }
        head->hairline = std::make_unique<HairlineSession>(head->design, *head->paint);
        head->poolJob = std::make_unique<PoolJob>(head->design.mesh, PoolParams{});
        const bool first = !state.head;
        state.head = std::move(head);
        ++state.headsLoaded;
        if (first) state.view.camera.setView(StandardView::ThreeQuarter);
        state.view.camera.frame(computeBounds(state.head->design.mesh.positions), framebufferAspect(state.window));
        applyDesignSettings(state);
        updateTitle(state);
        if (!state.scripted && path != state.workspace.recoveryProjectPath().string()) state.workspace.addRecentFile(path);
    } catch (const std::exception& e) {
        state.dialogs.errorMessage = std::string(e.what()) + (state.head ? "\nThe head on screen was kept." : "");
        std::fprintf(stderr, "stipple: %s\n", e.what());
    }
}

// What the user asks to open: with unsaved work on screen, the question comes first.
void openHead(AppState& state, const std::string& path) {
    if (hasUnsavedChanges(state) && !state.scripted) {
        state.dialogs.pendingOpen = path;
        state.dialogs.askUnsaved = true;
        return;
    }
    loadHead(state, path);
}

void requestQuit(AppState& state) {
    if (hasUnsavedChanges(state) && !state.scripted) {
        state.dialogs.pendingQuit = true;
        state.dialogs.askUnsaved = true;
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
        state.dialogs.errorMessage = "The candidate pool could not be built: " + error;
        return;
    }
    try {
        state.head->scene->makeImpressions(std::move(*pool));
        designEdited(state, DesignChange::ofLook());
    } catch (const std::exception& e) {
        state.dialogs.errorMessage = std::string("Impressions cannot be shown: ") + e.what();
    }
}

void designEdited(AppState& state, const DesignChange& change) {
    if (!state.head) return;
    if (change.look || change.stubble || change.keptSettings) captureDesignSettings(state);
    if (change.keptSettings) state.head->paint->markChanged();
    if (change.everyLayer) state.head->hairline->refresh();
    state.head->scene->apply(change);
    // The viewport's ink, darkening and crispness: as designed, or at a stage of healing and
    // ageing, at a depth, on the client's skin.
    if (change.look) state.view.shading.showImpressionsAs(state.head->scene->look());
}

void showSession(AppState& state, int session, bool alone) {
    state.session = session;
    state.sessionAlone = alone;
    if (state.head)
        state.head->scene->showSession(defaultSessionPlan(), session, alone ? SessionView::Alone : SessionView::SoFar);
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
        state.dialogs.errorMessage = std::string(e.what()) + "\nNothing was overwritten.";
    }
}

// Every autosaveSeconds with unsaved work, a copy goes to the workspace for crash recovery.
void autosave(AppState& state) {
    Jobs& jobs = state.jobs;
    if (state.scripted || !hasUnsavedChanges(state) || glfwGetTime() - jobs.lastAutosave < jobs.autosaveSeconds) return;
    jobs.lastAutosave = glfwGetTime();
    try {
        captureDesignSettings(state);
        state.workspace.writeRecovery(projectFor(state.head->design, state.workspace.recoveryProjectPath()),
                                      state.head->projectPath);
    } catch (const std::exception& e) {
        state.dialogs.notice = std::string("Autosave failed: ") + e.what();
        state.dialogs.noticeUntil = glfwGetTime() + 10.0;
    }
}

// One snapshot at a time, of the latest edit once no stroke is under way: a stroke's end or a
// slider's release makes one, so an abort loses at most the edit in progress.
void keepCrashSnapshot(AppState& state) {
    Jobs& jobs = state.jobs;
    Dialogs& dialogs = state.dialogs;
    using namespace std::chrono_literals;
    if (jobs.crashSnapshotJob.valid()) {
        if (jobs.crashSnapshotJob.wait_for(0s) != std::future_status::ready) return;
        try {
            std::unique_ptr<CrashSnapshot> snapshot = jobs.crashSnapshotJob.get();
            if (hasUnsavedChanges(state)) jobs.crashRecovery.keep(std::move(snapshot));
        } catch (const std::exception& e) {
            dialogs.notice = std::string("The crash copy could not be made: ") + e.what();
            dialogs.noticeUntil = glfwGetTime() + 10.0;
        }
    }
    if (!hasUnsavedChanges(state)) {
        if (jobs.crashRecovery.holdsSnapshot()) jobs.crashRecovery.keep(nullptr);
        jobs.crashSnapshotOf = {~std::size_t(0), 0};
        return;
    }
    const std::pair<std::size_t, std::size_t> now{state.headsLoaded, state.head->paint->changeCount()};
    if (now == jobs.crashSnapshotOf || state.head->paint->painting()) return;
    jobs.crashSnapshotOf = now;
    try {
        captureDesignSettings(state);
        const std::filesystem::path folder = state.workspace.recoveryProjectPath().parent_path();
        jobs.crashSnapshotJob = std::async(std::launch::async,
                                            [project = projectFor(state.head->design, state.workspace.recoveryProjectPath()),
                                             savedAs = state.head->projectPath, folder] {
                                                return makeCrashSnapshot(project, savedAs, folder / "crash-snapshot", folder);
                                            });
    } catch (const std::exception& e) {
        dialogs.notice = std::string("The crash copy could not be made: ") + e.what();
        dialogs.noticeUntil = glfwGetTime() + 10.0;
    }
}

void frameHead(AppState& state) {
    if (state.head) state.view.camera.frame(computeBounds(state.head->design.mesh.positions), framebufferAspect(state.window));
}

void setStandardView(AppState& state, StandardView view) {
    state.view.camera.setView(view);
    frameHead(state);
}

void closeUpView(AppState& state) {
    if (state.head) state.view.camera = closeUpCamera(state.head->design.mesh);
}

void toggleLifeSize(AppState& state) {
    ViewState& view = state.view;
    view.lifeSize = !view.lifeSize;
    if (view.lifeSize) view.seenFromMetres = 0.0f;
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
