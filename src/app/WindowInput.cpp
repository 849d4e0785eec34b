// The window's input: the mouse orbits, pans, paints and drags hairline points; a trackpad
// scrolls; keys for views, the brush, history and files; files dropped on the window open.
#include "app/WindowState.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace stipple::window {

namespace {

AppState& stateOf(GLFWwindow* window) { return *static_cast<AppState*>(glfwGetWindowUserPointer(window)); }

bool keyDown(GLFWwindow* window, int left, int right) {
    return glfwGetKey(window, left) == GLFW_PRESS || glfwGetKey(window, right) == GLFW_PRESS;
}

// What the viewport draws from: seen from afar or life-size, the user's camera changed.
glm::mat4 viewProjection(const AppState& state) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(state.window, &width, &height);
    const OrbitCamera camera = shownCamera(state, height);
    return camera.projection(framebufferAspect(state.window)) * camera.view();
}

// Puts the session's cursor where the ray from the eye through the mouse meets the skin.
void hoverSkin(AppState& state, glm::dvec2 cursor, glm::ivec2 windowSize) {
    const glm::vec2 ndc(2.0f * float(cursor.x) / float(windowSize.x) - 1.0f, 1.0f - 2.0f * float(cursor.y) / float(windowSize.y));
    const glm::mat4 inverse = glm::inverse(viewProjection(state));
    const glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1.0f, 1.0f), farPoint = inverse * glm::vec4(ndc, 1.0f, 1.0f);
    const glm::vec3 eye = glm::vec3(nearPoint) / nearPoint.w;
    state.head->paint->hover(eye, glm::vec3(farPoint) / farPoint.w - eye);
}

}  // namespace

void onDrop(GLFWwindow* window, int count, const char** paths) {
    if (count > 0) openHead(stateOf(window), paths[0]);
}

void onScroll(GLFWwindow* window, double dx, double dy) { handleScroll(stateOf(window), dx, dy); }

void handleScroll(AppState& state, double dx, double dy) {
    if (ImGui::GetIO().WantCaptureMouse) return;
    // Trackpads scroll in both axes: vertical zooms, horizontal orbits.
    state.view.camera.zoom(float(std::pow(0.88, dy)));
    state.view.camera.orbit(float(-0.05 * dx), 0.0f);
}

// Where a point of the head lands in the window (ImGui's coordinates); nullopt when it faces
// away from the camera or lies behind it.
std::optional<glm::vec2> onScreen(const AppState& state, const SkinPoint& point, glm::ivec2 windowSize) {
    if (glm::dot(point.normal, shownCamera(state, 1).eye() - point.position) <= 0.0f) return std::nullopt;
    const glm::vec4 clip = viewProjection(state) * glm::vec4(point.position, 1.0f);
    if (clip.w <= 0.0f) return std::nullopt;
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    return glm::vec2((ndc.x + 1.0f) * 0.5f * float(windowSize.x), (1.0f - ndc.y) * 0.5f * float(windowSize.y));
}

namespace {

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
            designEdited(state, DesignChange::ofEveryLayer());
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
    state.head->scene->strokeEnded();
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
    designEdited(state, DesignChange::ofStroke(changed, paint.strokePaintsTextures()));
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
        if (shift ? paint.redo() : paint.undo()) designEdited(state, DesignChange::ofEveryLayer());
        return true;
    case GLFW_KEY_Y:
        if (!control) return false;
        if (paint.redo()) designEdited(state, DesignChange::ofEveryLayer());
        return true;
    case GLFW_KEY_S:
        if (!control) return false;
        if (shift || state.head->projectPath.empty()) state.dialogs.showSaveAs = true;
        else saveProject(state, state.head->projectPath);
        return true;
    default: return false;
    }
}

}  // namespace

PointerState pointerOf(GLFWwindow* window) {
    PointerState pointer;
    glfwGetCursorPos(window, &pointer.cursor.x, &pointer.cursor.y);
    pointer.left = glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
    pointer.right = glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS;
    pointer.middle = glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
    pointer.shift = keyDown(window, GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT);
    pointer.alt = keyDown(window, GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT);
    return pointer;
}

void handleMouse(AppState& state, const PointerState& pointer) {
    const double x = pointer.cursor.x, y = pointer.cursor.y;
    const glm::dvec2 delta = pointer.cursor - state.lastCursor;
    state.lastCursor = pointer.cursor;
    if (state.head) state.head->paint->clearCursor();
    const bool left = pointer.left;
    const bool pressed = left && !state.leftWasDown;
    state.leftWasDown = left;
    if (ImGui::GetIO().WantCaptureMouse) {
        if (state.head) endStroke(state);
        return;
    }
    int width = 0, height = 0;
    glfwGetWindowSize(state.window, &width, &height);
    const float scale = 1.0f / float(std::max(height, 1));
    const bool right = pointer.right, middle = pointer.middle, shift = pointer.shift, alt = pointer.alt;
    if (state.head && dragHairlinePoint(state, {x, y}, {width, height}, left, pressed)) return;
    const bool painting = state.paintMode && state.head && !alt;
    if (painting) paintWithMouse(state, {x, y}, {width, height}, left);
    // Painting: middle or Alt + left orbits, right pans. Navigating: left orbits, the others pan.
    const bool orbit = state.paintMode ? (middle || (left && alt)) : (left && !shift);
    const bool pan = state.paintMode ? right : (middle || right || (left && shift));
    if (pan) state.view.camera.pan(-float(delta.x) * scale, float(delta.y) * scale);
    else if (orbit) state.view.camera.orbit(-3.0f * float(delta.x) * scale, 3.0f * float(delta.y) * scale);
}

void onKey(GLFWwindow* window, int key, int, int action, int mods) {
    if (action != GLFW_RELEASE) handleKey(stateOf(window), key, mods);
}

void handleKey(AppState& state, int key, int mods) {
    ViewState& view = state.view;
    // A picture of the window is wanted whatever has the keyboard, dialogs included.
    if (key == GLFW_KEY_F12) state.screenshotRequested = true;
    if (ImGui::GetIO().WantCaptureKeyboard) return;
    constexpr float kStep = 0.0873f;  // 5 degrees
    const bool control = mods & GLFW_MOD_CONTROL;
    const bool shift = mods & GLFW_MOD_SHIFT;
    if (state.head && handleBrushKey(state, key, control, shift)) return;
    switch (key) {
    case GLFW_KEY_O: if (control) state.dialogs.fileBrowser.open(std::filesystem::current_path()); break;
    case GLFW_KEY_Q: if (control) requestQuit(state); break;
    case GLFW_KEY_F: frameHead(state); break;
    case GLFW_KEY_C: closeUpView(state); break;
    case GLFW_KEY_I: view.showImpressions = !view.showImpressions; break;
    case GLFW_KEY_L: toggleLifeSize(state); break;
    case GLFW_KEY_S: view.shading.showScalpOverlay = !view.shading.showScalpOverlay; break;
    case GLFW_KEY_TAB: view.consultation = !view.consultation; break;
    case GLFW_KEY_D:
        view.shading.overlay = view.shading.overlay == ShadingSettings::Overlay::Density ? ShadingSettings::Overlay::None
                                                                                           : ShadingSettings::Overlay::Density;
        break;
    case GLFW_KEY_LEFT: view.camera.orbit(kStep, 0.0f); break;
    case GLFW_KEY_RIGHT: view.camera.orbit(-kStep, 0.0f); break;
    case GLFW_KEY_UP: view.camera.orbit(0.0f, kStep); break;
    case GLFW_KEY_DOWN: view.camera.orbit(0.0f, -kStep); break;
    case GLFW_KEY_EQUAL: case GLFW_KEY_KP_ADD: view.camera.zoom(0.85f); break;
    case GLFW_KEY_MINUS: case GLFW_KEY_KP_SUBTRACT: view.camera.zoom(1.0f / 0.85f); break;
    default:
        // 1-6: the views in the View menu's order, as it shows them.
        if (key >= GLFW_KEY_1 && key < GLFW_KEY_1 + int(std::size(kViewChoices)))
            setStandardView(state, kViewChoices[key - GLFW_KEY_1].value);
        break;
    }
}

void onClose(GLFWwindow* window) {
    AppState& state = stateOf(window);
    if (!hasUnsavedChanges(state) || state.scripted) return;
    glfwSetWindowShouldClose(window, GLFW_FALSE);
    requestQuit(state);
}

}  // namespace stipple::window
