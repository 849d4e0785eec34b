// The window's state and the operations its files share. The window is split by what each file
// holds (App.cpp creates it and runs the main loop); only what one file needs of another is here.
//
// [SECTION] Window state          the head on screen, and everything the window keeps between frames
// [SECTION] WindowDocument.cpp    the design on screen: opening, saving, autosave, impressions, views
// [SECTION] WindowInput.cpp       mouse, trackpad, keys, drops
// [SECTION] WindowPanels.cpp      the menu bar and the editing panels
// [SECTION] ConsultationMode.cpp  large controls for the client, before and after
// [SECTION] WindowDialogs.cpp     questions, long jobs and messages
#pragma once

#include "app/CrashRecovery.h"
#include "app/ExportJob.h"
#include "app/FileBrowser.h"
#include "app/HairlineSession.h"
#include "app/PaintSession.h"
#include "app/PoolJob.h"
#include "app/SeenFromView.h"
#include "app/SheetJob.h"
#include "core/SessionPlan.h"
#include "core/SkinTone.h"
#include "gpu/DesignScene.h"
#include "gpu/HeadRenderer.h"
#include "gpu/PaintPass.h"
#include "gpu/RenderTarget.h"
#include "gpu/ScalpImpressions.h"
#include "io/Design.h"
#include "io/Workspace.h"

#include <imgui.h>

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace stipple::window {

// [SECTION] Window state

// The head on screen: its design, painting, hairline and impressions, and where it is saved.
struct LoadedHead {
    std::string openedPath;                           // the mesh or project the user opened
    std::string projectPath;                          // where Save writes; empty until saved
    Design design;
    std::unique_ptr<HeadRenderer> renderer;
    std::unique_ptr<PaintSession> paint;
    // The design on the GPU: its layers as textures, and its impressions once the pool is ready.
    std::unique_ptr<DesignScene> scene;
    std::unique_ptr<PaintPass> paintPass;             // strokes painted on the GPU, into the scene's layer textures
    std::unique_ptr<HairlineSession> hairline;
    std::size_t savedChangeCount = 0;                 // the paint session's count at the last save
    std::unique_ptr<PoolJob> poolJob;                 // until the candidate pool is ready
    SeenFromView seenFrom;                            // the view as an eye sees it from afar
    // The impressions, once the pool is ready; null before.
    ScalpImpressions* impressions() const { return scene->impressions(); }
};

// How the viewport shows the head: the camera, the shading, consultation mode and the views.
struct ViewState {
    OrbitCamera camera;
    ShadingSettings shading;
    bool showImpressions = true;
    // Consultation mode: the editing panels give way to a few large controls for the client.
    bool consultation = false;
    enum class Compare { After, Before, Wipe, SideBySide } compare = Compare::After;
    float wipe = 0.5f;                // share of the width showing "before" in the wipe
    bool turntable = false;
    // How the viewport shows the head (core/SeenFrom.h): as an eye sees it from seenFromMetres
    // (0: as the camera does), or life-size on a display of displayDpi, measured with a card.
    float seenFromMetres = 0.0f;
    bool lifeSize = false;
    float displayDpi = 96.0f;
    bool showLifeSizeCalibration = false;
    std::optional<OrbitCamera> lastDrawnCamera;  // the camera resting since cameraRestingSince
    double cameraRestingSince = 0.0;
    // The head is drawn into one of these and copied into the window (drawHeadViews): at the
    // window's size with multisampling, or while it moves at half the size, scaled up.
    std::unique_ptr<RenderTarget> viewportFrame, movingFrame;
    double lastFrameTime = 0.0;
};

// The questions, forms and messages the window shows over the viewport, with what they hold.
struct Dialogs {
    bool showSaveAs = false;
    char savePath[512] = "";    // the Save As dialog's text
    FileBrowser fileBrowser;
    std::string errorMessage;   // a problem, shown in a modal until dismissed
    std::string notice;         // news that needs no answer, shown in the menu bar for a while
    double noticeUntil = 0.0;   // glfwGetTime() when it goes
    bool showShortcuts = false;
    bool showAbout = false;
    bool offerRecovery = false;       // a recovery copy was found at start
    bool askUnsaved = false;          // the unsaved-changes question is due
    std::optional<std::string> pendingOpen;  // what to open once it is answered
    bool pendingQuit = false;
    // File > Export: the dialog's choices (the job runs in Jobs).
    bool showExport = false;
    char exportFolder[512] = "";
    int exportSize = 2;               // index into kExportSizes
    ExportFormats exportFormats;
    // File > Share as page: where, and the names the page shows (kept in the design's settings).
    bool showSharePage = false;
    char sharePageFolder[512] = "";
    char shareClient[200] = "", sharePractitioner[200] = "", shareDate[64] = "";
    int sharePageSize = 2;  // index into kExportSizes: the default stage's texture at 4096
    // File > Consultation sheet: where, and the notes.
    bool showSheet = false;
    char sheetPath[512] = "";
    char sheetNotes[1024] = "";
    // File > Calibrate from a photo: the photo, its scale and the look's name, then what was measured.
    struct {
        bool show = false;
        char photo[512] = "";
        float mmPerPixel = 0.02f;
        char name[65] = "";
        std::string result;
    } calibrate;
};

// The work the window does beside its frames: the long jobs, one step a frame under a progress
// bar, and the copies that keep unsaved work safe.
struct Jobs {
    std::unique_ptr<ExportJob> exportJob;
    std::unique_ptr<ExportJob> sharePageJob;
    std::unique_ptr<SheetJob> sheetJob;
    double autosaveSeconds = 60.0;
    double lastAutosave = 0.0;
    // What an abort writes to the recovery files: made on a worker after each edit.
    CrashRecovery crashRecovery;
    std::future<std::unique_ptr<CrashSnapshot>> crashSnapshotJob;
    std::pair<std::size_t, std::size_t> crashSnapshotOf{~std::size_t(0), 0};  // (headsLoaded, changeCount)
};

// Everything the window shows and keeps between frames; GLFW's callbacks find it through the
// window's user pointer. The document (the head on screen and the controls of its settings),
// then the view, the dialogs and the jobs.
struct AppState {
    GLFWwindow* window = nullptr;
    LoadOptions loadOptions;
    // The document: the head, its design and sessions, and the controls of the design's
    // settings, copied into the design by captureDesignSettings().
    std::unique_ptr<LoadedHead> head;
    std::size_t headsLoaded = 0;      // counts loadHead's successes: which head a snapshot is of
    int skinType = 3;           // Fitzpatrick 1..6; 0 means the custom colour
    glm::vec3 customSkin = fitzpatrickPreset(3).albedoSrgb;
    float depthMm = kDefaultDepthMm;
    int stage = 0;              // 0: the design as drawn; then kStageChoices[stage - 1]
    int session = 0;            // 0: the whole design; k: the skin after session k of the plan
    bool sessionAlone = false;  // with a session: only what it adds
    float density = kDefaultDensityPerCm2;
    int hairlineTemplate = 1;   // index into kTemplateChoices (Norwood II), one past them: none
    int hairlineStyle = 0;      // index into kHairlineStyleChoices
    std::vector<SessionEstimate> sessionEstimates;
    std::uint32_t sessionsForCount = ~0u;  // the impression count the estimates were made for
    // Editing with the mouse.
    bool paintMode = false;     // left drag paints instead of orbiting
    bool editHairline = false;  // the hairline's control points can be dragged
    std::optional<std::size_t> draggedPoint;
    bool leftWasDown = false;
    std::optional<glm::vec3> dragTarget;
    glm::dvec2 lastCursor{0.0};

    ViewState view;
    Dialogs dialogs;
    Jobs jobs;

    bool screenshotRequested = false;  // F12: the next frame is saved as a PNG
    // Nothing lost: recent files, the autosaved recovery copy, and questions before work goes.
    Workspace workspace;
    bool scripted = false;            // a --screenshot run: no questions, no autosave
    std::string title;                // the window's, as last set
};

// [SECTION] WindowDocument.cpp

// Whether the design changed since the last save: the title's star, the questions before work goes.
bool hasUnsavedChanges(const AppState& state);
// Width over height of the window's pixels, for the camera's projection.
float framebufferAspect(GLFWwindow* window);
// Sets the window's title to the file, with a star while there is unsaved work.
void updateTitle(AppState& state);
// Copies the window's look, skin, brush and view into the design's settings: what a save keeps.
void captureDesignSettings(AppState& state);
// Opens a head or project now; on failure the head on screen stays and the error is shown.
void loadHead(AppState& state, const std::string& path);
// Opens what the user asked for, asking first about unsaved work.
void openHead(AppState& state, const std::string& path);
// Closes the window, asking first about unsaved work.
void requestQuit(AppState& state);
// Makes the impressions once the worker has built the candidate pool (each frame).
void collectCandidatePool(AppState& state);
// The one way an edit of the design in the window reaches what is made from it: a change of
// the look takes the window's look settings (stage, depth, skin; docs/smp-model.md) into the
// design first, a change of every layer (undo, redo, a fill, the hairline) has the hairline
// editor read the layers again, and the GPU's copy of the design follows (gpu/DesignScene.h).
// A change of the settings the project keeps counts as unsaved work (PaintSession::markChanged);
// the layers' edits count themselves in the paint session's history.
void designEdited(AppState& state, const DesignChange& change);
// Shows session `session` of the default plan (0: the whole design), alone or so far.
void showSession(AppState& state, int session, bool alone);
// Writes the project to `path`; on failure nothing is overwritten and the error is shown.
void saveProject(AppState& state, const std::string& path);
// Copies unsaved work to the workspace every autosaveSeconds, for crash recovery (each frame).
void autosave(AppState& state);
// Keeps the crash snapshot of unsaved work up to date, off the main thread (each frame).
void keepCrashSnapshot(AppState& state);
// Fits the whole head in the window.
void frameHead(AppState& state);
// Turns the camera to front, back, a side, the top or three-quarter, the head framed.
void setStandardView(AppState& state, StandardView view);
// Looks at the skin from 3 cm, close enough to see single dots.
void closeUpView(AppState& state);
// Life size on or off; on, it replaces a seen-from distance (core/SeenFrom.h).
void toggleLifeSize(AppState& state);
// The display's pixel density: as calibrated with a card before, else as the monitor reports it.
float initialDisplayDpi(AppState& state);

// [SECTION] WindowInput.cpp

// The GLFW callbacks runApp installs. A file dropped on the window opens.
void onDrop(GLFWwindow* window, int count, const char** paths);
// Vertical scrolling zooms; a trackpad's horizontal scrolling orbits.
void onScroll(GLFWwindow* window, double dx, double dy);
// Keys for views, the brush, history, files and the F12 screenshot.
void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
// The close button asks about unsaved work first.
void onClose(GLFWwindow* window);
// What scrolling, a key press and the mouse do, wherever they came from (GLFW or a script).
void handleScroll(AppState& state, double dx, double dy);
void handleKey(AppState& state, int key, int mods);
// The mouse and the modifiers the viewport reads, read from GLFW.
struct PointerState {
    glm::dvec2 cursor{0.0};
    bool left = false, right = false, middle = false, shift = false, alt = false;
};
PointerState pointerOf(GLFWwindow* window);
// Orbits, pans, paints or drags a hairline point with the mouse (each frame).
void handleMouse(AppState& state, const PointerState& pointer);
// Where a point of the head lands in the window; nullopt when it faces away or lies behind.
std::optional<glm::vec2> onScreen(const AppState& state, const SkinPoint& point, glm::ivec2 windowSize);

// [SECTION] WindowPanels.cpp

// Every slider's flags. A ctrl+click types a value into a slider, and ImGui keeps one outside the
// slider's range unless told to clamp it: a depth of 3 mm typed in made a project that the
// reader refuses (its range is 0.3-2 mm), so the autosave could not bring the work back.
constexpr int kTypedValuesClamped = ImGuiSliderFlags_AlwaysClamp;

// File, Edit, View and Help, and the latest notice.
void drawMenuBar(AppState& state);
// The head's facts, the overlays, the client's skin and hair.
void drawHeadPanel(AppState& state);
// The impressions: density, needle, the look over time, the sessions.
void drawImpressionsPanel(AppState& state);
// The brush's tool and settings, undo and redo.
void drawBrushPanel(AppState& state);
// The hairline's template, style and measurements, and its control points on the head.
void drawHairlinePanel(AppState& state);

// [SECTION] ConsultationMode.cpp

// The bar of big buttons that stands in for the panels in consultation mode.
void drawConsultationBar(AppState& state);
// Which session the viewport shows: radio buttons in a panel, big buttons when `big`.
void drawSessionPicker(AppState& state, bool big);
// Draws the head: after, or in consultation mode before, wiped or side by side.
void drawHeadViews(AppState& state, int width, int height, const PigmentView& pigment);
// The camera the viewport draws from, `height` pixels high: the user's, seen from afar or made
// life-size. Picking on the skin goes through it too.
OrbitCamera shownCamera(const AppState& state, int height);
// The seen-from and life-size choices as big buttons, for the consultation bar.
void drawSeenFromButtons(AppState& state);

// [SECTION] WindowDialogs.cpp

// The file browser, save as, recovery and unsaved work, export, sheet, errors, help and about.
void drawDialogs(AppState& state);

}  // namespace stipple::window
