// The window: created with its GL context and ImGui, then one frame at a time (input, panels,
// the head drawn) until it closes; screenshots on F12 and for scripted runs.
#include "app/App.h"

#include "app/WindowState.h"
#include "core/Error.h"
#include "gpu/GlInfo.h"
#include "io/ImageFile.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cfloat>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iterator>
#include <vector>

namespace stipple {
namespace {

GLFWwindow* createWindow() {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, kRequiredGlMajor);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // One sample: the head is multisampled offscreen and copied in (drawHeadViews), which lets a
    // picture drawn smaller while the view moves be scaled into the window by a blit.
    glfwWindowHint(GLFW_SAMPLES, 0);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, kRequiredGlMinor);
    return glfwCreateWindow(1280, 800, "Stipple", nullptr, nullptr);
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

// A script's mouse as the viewport reads it.
window::PointerState pointerOf(const ScriptedInput& input) {
    window::PointerState pointer;
    pointer.cursor = {input.mouseX, input.mouseY};
    pointer.left = input.mouseDown[0];
    pointer.right = input.mouseDown[1];
    pointer.middle = input.mouseDown[2];
    pointer.shift = input.shift;
    pointer.alt = input.alt;
    return pointer;
}

// A script's input as ImGui reads it, over what the GLFW backend read of the real devices.
// Keys pressed in the last frame are released now, so each press is one press.
void applyToImGui(const ScriptedInput& input, std::vector<int>& keysDown) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = input.mouseX < 0.0f || input.mouseY < 0.0f ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(input.mouseX, input.mouseY);
    for (int button = 0; button < 3; ++button) io.MouseDown[button] = input.mouseDown[button];
    io.KeyCtrl = input.ctrl;
    io.KeyShift = input.shift;
    io.KeyAlt = input.alt;
    io.MouseWheel += input.wheel;
    for (const int key : keysDown) io.KeysDown[key] = false;
    keysDown.clear();
    for (const int key : input.keyPresses)
        if (key >= 0 && key < int(std::size(io.KeysDown))) {
            io.KeysDown[key] = true;
            keysDown.push_back(key);
        }
    if (!input.text.empty()) io.AddInputCharactersUTF8(input.text.c_str());
}

// What runApp sets up, each undone by its destructor however the window ends, normal or by an
// exception: ImGui's backends and context, the window with its GL context, GLFW itself.
struct GlfwLibrary {
    GlfwLibrary() {
        glfwSetErrorCallback([](int, const char* message) { std::fprintf(stderr, "GLFW: %s\n", message); });
        if (!glfwInit())
            throw InternalError("no window system is available (for pictures without one, use `stipple render`)");
    }
    ~GlfwLibrary() { glfwTerminate(); }
    GlfwLibrary(const GlfwLibrary&) = delete;
    GlfwLibrary& operator=(const GlfwLibrary&) = delete;
};

struct OwnedWindow {
    GLFWwindow* window = createWindow();
    OwnedWindow() {
        if (!window)
            throw InternalError("no OpenGL 4.5 core window could be created: a newer graphics driver, or Mesa's software "
                                "renderer (llvmpipe), provides one");
    }
    ~OwnedWindow() { glfwDestroyWindow(window); }
    OwnedWindow(const OwnedWindow&) = delete;
    OwnedWindow& operator=(const OwnedWindow&) = delete;
};

class ImGuiLayer {
public:
    explicit ImGuiLayer(GLFWwindow* window) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;  // panels start where the code puts them
        float xScale = 1.0f, yScale = 1.0f;
        glfwGetWindowContentScale(window, &xScale, &yScale);
        applyContentScale(xScale, yScale);
        glfwSetWindowContentScaleCallback(window, onContentScale);
    }
    // ImGui's GLFW backend installs its callbacks and chains to those installed before.
    void initBackends(GLFWwindow* window) {
        glfwBackend_ = ImGui_ImplGlfw_InitForOpenGL(window, true);
        glBackend_ = ImGui_ImplOpenGL3_Init("#version 430 core");
    }
    ~ImGuiLayer() {
        if (glBackend_) ImGui_ImplOpenGL3_Shutdown();
        if (glfwBackend_) ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

private:
    bool glfwBackend_ = false, glBackend_ = false;
};

}  // namespace

int runApp(const AppOptions& options) {
    using namespace window;
    const GlfwLibrary glfw;
    const OwnedWindow window;
    glfwMakeContextCurrent(window.window);
    glfwSwapInterval(1);
    if (!gladLoadGL(glfwGetProcAddress)) throw InternalError("OpenGL functions could not be loaded");
    requireGl45("window");
    enableGlDebugOutput();
    ImGuiLayer imgui(window.window);
    // Declared after the window and ImGui: the head's GL objects go before the context.
    AppState state;
    state.loadOptions = options.load;
    state.window = window.window;
    // Ours first: ImGui's backend installs its own and chains to these.
    glfwSetWindowUserPointer(state.window, &state);
    glfwSetDropCallback(state.window, onDrop);
    glfwSetScrollCallback(state.window, onScroll);
    glfwSetKeyCallback(state.window, onKey);
    glfwSetWindowCloseCallback(state.window, onClose);
    imgui.initBackends(state.window);
    int exitCode = 0;
    state.scripted = options.exitAfterFrames > 0;
    state.jobs.autosaveSeconds = options.autosaveSeconds;
    state.jobs.lastAutosave = glfwGetTime();
    state.dialogs.offerRecovery = !state.scripted && state.workspace.hasRecovery();
    state.view.displayDpi = initialDisplayDpi(state);
    loadHead(state, options.file.value_or(defaultHeadPath().string()));
    if (!state.head && options.exitAfterFrames > 0) exitCode = 2;  // scripted run with a bad file

    std::vector<int> scriptedKeysDown;
    for (int frame = 1, framesDrawn = 0; !glfwWindowShouldClose(state.window); ++frame, ++framesDrawn) {
        glfwPollEvents();
        ScriptedInput scripted;
        if (options.script) {
            options.script(ScriptedFrame{framesDrawn, state.title}, scripted);
            if (scripted.quit) glfwSetWindowShouldClose(state.window, GLFW_TRUE);
            const int mods = (scripted.ctrl ? GLFW_MOD_CONTROL : 0) | (scripted.shift ? GLFW_MOD_SHIFT : 0) |
                             (scripted.alt ? GLFW_MOD_ALT : 0);
            for (const int key : scripted.keyPresses) handleKey(state, key, mods);
            if (scripted.wheel != 0.0f) handleScroll(state, 0.0, scripted.wheel);
        }
        handleMouse(state, options.script ? pointerOf(scripted) : pointerOf(state.window));
        collectCandidatePool(state);
        if (state.head) {
            autosave(state);
            keepCrashSnapshot(state);
        }
        updateTitle(state);
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        if (options.script) applyToImGui(scripted, scriptedKeysDown);
        ImGui::NewFrame();
        drawMenuBar(state);
        if (state.view.consultation) {
            drawConsultationBar(state);
        } else {
            drawHeadPanel(state);
            drawImpressionsPanel(state);
            drawBrushPanel(state);
            drawHairlinePanel(state);
        }
        drawDialogs(state);
        const double now = glfwGetTime();
        ViewState& view = state.view;
        if (view.consultation && view.turntable) view.camera.orbit(float(0.35 * (now - view.lastFrameTime)), 0.0f);
        view.lastFrameTime = now;
        ImGui::Render();

        int width = 0, height = 0;
        glfwGetFramebufferSize(state.window, &width, &height);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, width, height);
        if (state.head) {
            const std::optional<glm::vec3>& cursor = state.head->paint->cursor();
            state.view.shading.brushCursor.visible = state.paintMode && cursor.has_value();
            if (cursor) state.view.shading.brushCursor.centerMm = *cursor;
            state.view.shading.brushCursor.radiusMm = state.head->paint->brush.radiusMm;
            state.view.shading.brushCursor.mirrored = state.head->paint->brush.symmetry;
            // Hiding the impressions (I) keeps the client's own stubble.
            state.view.shading.showDesign = state.view.showImpressions;
            drawHeadViews(state, width, height, state.head->scene->view());
        } else {
            glClearColor(state.view.shading.backgroundSrgb.x, state.view.shading.backgroundSrgb.y,
                         state.view.shading.backgroundSrgb.z, 1.0f);
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
                state.dialogs.notice =
                    std::string("Saved the view as ") + (std::filesystem::current_path() / name).string();
                state.dialogs.noticeUntil = glfwGetTime() + 5.0;
            } catch (const std::exception& e) {
                state.dialogs.errorMessage = e.what();
            }
        }
        if (options.exitAfterFrames > 0 && frame >= options.exitAfterFrames) {
            if (options.screenshot) writeScreenshot(state.window, *options.screenshot);
            glfwSetWindowShouldClose(state.window, GLFW_TRUE);
        }
        glfwSwapBuffers(state.window);
    }
    // A normal end with nothing unsaved needs no recovery copy.
    if (!state.scripted && !hasUnsavedChanges(state)) state.workspace.clearRecovery();
    return exitCode;
}

}  // namespace stipple
