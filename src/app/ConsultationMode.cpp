// Consultation mode: the editing panels give way to a few large controls for the client, and
// the head is shown before and after, whole, wiped or side by side.
#include "app/WindowState.h"

#include "core/Lighting.h"
#include "core/SeenFrom.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>

namespace stipple::window {

namespace {

// Big buttons that work as well with a finger on a touchscreen as with a mouse.
bool bigButton(const char* label, bool selected = false) {
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(label, ImVec2(0, 2.4f * ImGui::GetFontSize()));
    if (selected) ImGui::PopStyleColor();
    return pressed;
}

}  // namespace

// Which session the viewport shows: the whole design, the skin after session k, or what
// session k alone adds (in its own shade: session 1 is lighter).
void drawSessionPicker(AppState& state, bool big) {
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
    if (session != state.session || alone != state.sessionAlone) showSession(state, session, alone);
}

void drawSeenFromButtons(AppState& state) {
    ViewState& view = state.view;
    ImGui::TextUnformatted("Seen");
    ImGui::SameLine();
    if (bigButton("as the camera", view.seenFromMetres == 0.0f && !view.lifeSize)) {
        view.seenFromMetres = 0.0f;
        view.lifeSize = false;
    }
    for (float metres : kSeenFromDistancesMetres) {
        ImGui::SameLine();
        char label[32];
        std::snprintf(label, sizeof label, "from %g m", double(metres));
        if (bigButton(label, view.seenFromMetres == metres && !view.lifeSize)) {
            view.seenFromMetres = metres;
            view.lifeSize = false;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("What an eye resolves from %g m (docs/seen-from.md)", double(metres));
    }
    ImGui::SameLine();
    if (bigButton("Life size", view.lifeSize)) {
        view.lifeSize = !view.lifeSize;
        view.seenFromMetres = 0.0f;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("1:1 on this screen at %.0f pixels per inch (View > Calibrate life size)", double(view.displayDpi));
}

void drawConsultationBar(AppState& state) {
    ViewState& view = state.view;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 10), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::Begin("Consultation", nullptr,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar);
    ImGui::SetWindowFontScale(1.4f);
    using Compare = ViewState::Compare;
    const std::pair<Compare, const char*> compares[] = {
        {Compare::Before, "Before"}, {Compare::After, "After"}, {Compare::Wipe, "Wipe"}, {Compare::SideBySide, "Side by side"}};
    for (const auto& [compare, label] : compares) {
        if (bigButton(label, view.compare == compare)) view.compare = compare;
        ImGui::SameLine();
    }
    if (view.compare == Compare::Wipe) {
        ImGui::SetNextItemWidth(200);
        ImGui::SliderFloat("##wipe", &view.wipe, 0.0f, 1.0f, "", kTypedValuesClamped);
        ImGui::SameLine();
    }
    if (bigButton("Turn", view.turntable)) view.turntable = !view.turntable;
    ImGui::SameLine();
    if (bigButton("Sheet")) state.dialogs.showSheet = true;
    ImGui::SameLine();
    if (bigButton("Exit")) view.consultation = false;
    // The timeline: the design as drawn, then fresh to ten years.
    ImGui::SetNextItemWidth(420);
    const char* stage = state.stage == 0 ? kAsDesignedLabel : kStageChoices[state.stage - 1].shortLabel;
    if (ImGui::SliderInt("##stage", &state.stage, 0, int(std::size(kStageChoices)), stage, kTypedValuesClamped))
        designEdited(state, DesignChange::ofLook());
    ImGui::SameLine();
    for (const Choice<Lighting>& light : kLightingChoices) {
        if (bigButton(light.name, view.shading.lighting == light.value)) view.shading.lighting = light.value;
        ImGui::SameLine();
    }
    ImGui::NewLine();
    // Around the head from the front, rather than the View menu's order.
    for (const StandardView standard : {StandardView::Front, StandardView::Left, StandardView::Right,
                                        StandardView::Back, StandardView::Top, StandardView::ThreeQuarter}) {
        if (bigButton(choiceFor(kViewChoices, standard).label)) setStandardView(state, standard);
        ImGui::SameLine();
    }
    if (bigButton("Close-up")) closeUpView(state);
    if (state.head && state.head->impressions()) drawSessionPicker(state, true);
    drawSeenFromButtons(state);
    ImGui::End();
}

namespace {

// Changes whenever what the impressions show does: an edit, the stage, the session, the depth.
std::size_t designGeneration(const AppState& state) {
    std::size_t generation = state.head->paint->changeCount();
    const auto mix = [&generation](std::size_t value) { generation = generation * 1000003u ^ value; };
    mix(std::size_t(state.stage));
    mix(std::size_t(state.session) * 2 + std::size_t(state.sessionAlone));
    mix(std::hash<float>{}(state.depthMm));
    mix(std::hash<float>{}(state.density));
    mix(std::size_t(state.view.showImpressions));
    mix(state.head->impressions() ? state.head->impressions()->impressionCount() : 0u);
    return generation;
}

}  // namespace

OrbitCamera shownCamera(const AppState& state, int height) {
    const ViewState& view = state.view;
    if (view.lifeSize && state.head)
        return lifeSizeCamera(view.camera, height, view.displayDpi,
                              skinDepthAtTarget(state.head->paint->raycaster(), view.camera));
    if (view.seenFromMetres > 0.0f) return seenFromCamera(view.camera, view.seenFromMetres);
    return view.camera;
}

namespace {

// `frame`, made anew at `width` x `height` with `samples` when it has another size.
RenderTarget& frameSized(std::unique_ptr<RenderTarget>& frame, int width, int height, int samples) {
    if (!frame || frame->width() != width || frame->height() != height)
        frame = std::make_unique<RenderTarget>(width, height, samples);
    return *frame;
}

}  // namespace

// Draws the head once or twice: before (the client's own stubble, no impressions) and after,
// whole, wiped or side by side.
void drawHeadViews(AppState& state, int width, int height, const PigmentView& pigment) {
    ViewState& view = state.view;
    using Compare = ViewState::Compare;
    const Compare compare = view.consultation ? view.compare : Compare::After;
    const HeadRenderer& renderer = *state.head->renderer;
    ShadingSettings before = view.shading;
    before.showDesign = false;
    const OrbitCamera camera = shownCamera(state, height);
    // The camera as first drawn is at rest; each move after it restarts the count.
    if (view.camera != view.lastDrawnCamera) {
        if (view.lastDrawnCamera) view.cameraRestingSince = view.lastFrameTime;
        view.lastDrawnCamera = view.camera;
    }
    // A quarter second without moving, turning or painting: the picture is made in full, and
    // always for a screenshot (F12).
    const bool resting = (view.lastFrameTime - view.cameraRestingSince > 0.25 && !view.turntable &&
                          !state.head->paint->painting()) ||
                         state.screenshotRequested;
    const bool alone = compare == Compare::After || compare == Compare::Before;
    const ShadingSettings& settings = compare == Compare::Before ? before : view.shading;
    if (alone && view.seenFromMetres > 0.0f && !view.lifeSize) {
        // The eye's picture is copied into the window by the view itself.
        state.head->seenFrom.draw(renderer, view.camera, width, height, settings, pigment, view.seenFromMetres,
                                  designGeneration(state), resting);
        return;
    }
    // Fast while moving: software GL spends the frame shading pixels, and a quarter of them take
    // a third of the time (README, Benchmarks); the eye does not miss the detail of a head in
    // motion.
    const bool moving = alone && !resting && width > 1 && height > 1;
    RenderTarget& frame = moving ? frameSized(view.movingFrame, width / 2, height / 2, 1)
                                 : frameSized(view.viewportFrame, width, height, 4);
    frame.bind();
    if (alone) {
        renderer.draw(camera, frame.width(), frame.height(), settings, pigment);
    } else if (compare == Compare::Wipe) {
        glEnable(GL_SCISSOR_TEST);
        const int split = int(view.wipe * float(width));
        glScissor(0, 0, width, height);
        renderer.draw(camera, width, height, view.shading, pigment);
        glScissor(0, 0, split, height);  // the clear inside draw() respects the scissor
        renderer.draw(camera, width, height, before, pigment);
        glDisable(GL_SCISSOR_TEST);
    } else {
        glEnable(GL_SCISSOR_TEST);
        const int half = width / 2;
        // Each half frames the whole head again: half the width needs the camera farther away.
        OrbitCamera halfCamera = view.camera;
        halfCamera.frame(computeBounds(state.head->design.mesh.positions), float(half) / float(std::max(height, 1)));
        halfCamera.distance = std::max(halfCamera.distance, view.camera.distance);
        for (int side = 0; side < 2; ++side) {
            glViewport(side * half, 0, half, height);
            glScissor(side * half, 0, half, height);
            renderer.draw(halfCamera, half, height, side == 0 ? before : view.shading, pigment);
        }
        glDisable(GL_SCISSOR_TEST);
    }
    frame.blitTo(0, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width, height);
}

}  // namespace stipple::window
