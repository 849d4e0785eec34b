// The window's dialogs: save as, recovery and unsaved work, export, the shared page and the
// consultation sheet with their progress, errors, and the help and about windows.
#include "app/WindowState.h"

#include "core/DotCalibration.h"
#include "core/SeenFrom.h"
#include "gpu/GlInfo.h"
#include "io/LookFile.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace stipple::window {

namespace {

constexpr int kExportSizes[] = {1024, 2048, 4096, 8192};

void drawSaveAsDialog(AppState& state) {
    Dialogs& dialogs = state.dialogs;
    if (dialogs.showSaveAs && state.head) {
        const std::filesystem::path suggested =
            state.head->projectPath.empty()
                ? std::filesystem::path(state.head->design.mesh.sourcePath).replace_extension(".stipple")
                : std::filesystem::path(state.head->projectPath);
        std::snprintf(dialogs.savePath, sizeof dialogs.savePath, "%s", suggested.string().c_str());
        ImGui::OpenPopup("Save project as");
        dialogs.showSaveAs = false;
    }
    if (!ImGui::BeginPopupModal("Save project as", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("The design, in one .stipple file:");
    ImGui::SetNextItemWidth(520);
    const bool entered =
        ImGui::InputText("##path", dialogs.savePath, sizeof dialogs.savePath, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Checkbox("Carry the head inside the project", &state.head->design.embedHead);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The file then travels alone to another machine or clinic.\n"
                          "Off: the project refers to the head file by path and content.");
    if (ImGui::Button("Save") || entered) {
        saveProject(state, dialogs.savePath);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// Recovery at start, and the question before unsaved work is closed or replaced.
void drawWorkDialogs(AppState& state) {
    Dialogs& dialogs = state.dialogs;
    if (dialogs.offerRecovery) {
        ImGui::OpenPopup("Recover unsaved work?");
        dialogs.offerRecovery = false;
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
    if (dialogs.askUnsaved) {
        ImGui::OpenPopup("Unsaved changes");
        dialogs.askUnsaved = false;
    }
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("The design has changes that are not saved%s.",
                    state.head->projectPath.empty() ? "" : (" to " + state.head->projectPath).c_str());
        const auto proceed = [&] {
            if (dialogs.pendingQuit) {
                state.workspace.clearRecovery();
                glfwSetWindowShouldClose(state.window, GLFW_TRUE);
            }
            if (dialogs.pendingOpen) loadHead(state, *dialogs.pendingOpen);
            dialogs.pendingQuit = false;
            dialogs.pendingOpen.reset();
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
            dialogs.pendingQuit = false;
            dialogs.pendingOpen.reset();
            ImGui::CloseCurrentPopup();
        }
        if (state.head->projectPath.empty()) ImGui::TextDisabled("To keep it, cancel and use File > Save project as.");
        ImGui::EndPopup();
    }
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
            state.dialogs.notice = doneNotice;
            state.dialogs.noticeUntil = glfwGetTime() + 8.0;
            job.reset();
            ImGui::CloseCurrentPopup();
        }
    } catch (const std::exception& e) {
        state.dialogs.errorMessage = failure + std::string(e.what()) + afterFailure;
        job.reset();
        ImGui::CloseCurrentPopup();
    }
}

// File > Export: where, how large, which files; then the job runs a step a frame.
void drawExportDialog(AppState& state) {
    Dialogs& dialogs = state.dialogs;
    if (dialogs.showExport && state.head) {
        // Beside the project once it is saved; until then in the current folder, never among
        // the head's own files.
        const std::filesystem::path suggested =
            state.head->projectPath.empty()
                ? std::filesystem::current_path() / "stipple-export"
                : std::filesystem::path(state.head->projectPath).parent_path() /
                      (std::filesystem::path(state.head->projectPath).stem().string() + "-export");
        std::snprintf(dialogs.exportFolder, sizeof dialogs.exportFolder, "%s", suggested.string().c_str());
        ImGui::OpenPopup("Export");
        dialogs.showExport = false;
    }
    if (ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (!state.jobs.exportJob) {
            ImGui::TextUnformatted("Folder (docs/export.md lists the files):");
            ImGui::SetNextItemWidth(520);
            ImGui::InputText("##folder", dialogs.exportFolder, sizeof dialogs.exportFolder);
            const char* sizes[] = {"1024", "2048", "4096", "8192"};
            ImGui::SetNextItemWidth(120);
            ImGui::Combo("Texture size", &dialogs.exportSize, sizes, 4);
            ImGui::Checkbox("PNG textures", &dialogs.exportFormats.png);
            ImGui::SameLine();
            ImGui::Checkbox("EXR density", &dialogs.exportFormats.exr);
            ImGui::SameLine();
            ImGui::Checkbox("GLB model", &dialogs.exportFormats.glb);
            ImGui::SameLine();
            ImGui::Checkbox("CSV impressions", &dialogs.exportFormats.csv);
            if (ImGui::Button("Export")) {
                const std::string stem = std::filesystem::path(state.head->projectPath.empty() ? state.head->design.mesh.sourcePath
                                                                                               : state.head->projectPath)
                                             .stem()
                                             .string();
                state.jobs.exportJob = std::make_unique<ExportJob>(state.head->design, stem, dialogs.exportFolder,
                                                              kExportSizes[dialogs.exportSize], dialogs.exportFormats, false);
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        } else {
            runJobStep(state, state.jobs.exportJob, std::string("Exported to ") + dialogs.exportFolder,
                       "Export stopped: ", "\nFiles written before it are whole.");
        }
        ImGui::EndPopup();
    }
}

// File > Share as page: the design as a web page for a tablet or phone (docs/share-page.md), in
// the look on screen, with the client's and practitioner's names and the date.
void drawSharePageDialog(AppState& state) {
    Dialogs& dialogs = state.dialogs;
    if (dialogs.showSharePage && state.head) {
        const std::filesystem::path suggested = state.head->projectPath.empty()
                                                    ? std::filesystem::current_path() / "stipple-pages"
                                                    : std::filesystem::path(state.head->projectPath).parent_path();
        std::snprintf(dialogs.sharePageFolder, sizeof dialogs.sharePageFolder, "%s", suggested.string().c_str());
        const ConsultationDetails& details = state.head->design.settings.consultation;
        std::snprintf(dialogs.shareClient, sizeof dialogs.shareClient, "%s", details.client.c_str());
        std::snprintf(dialogs.sharePractitioner, sizeof dialogs.sharePractitioner, "%s", details.practitioner.c_str());
        std::snprintf(dialogs.shareDate, sizeof dialogs.shareDate, "%s", details.date.empty() ? today().c_str() : details.date.c_str());
        ImGui::OpenPopup("Share as page");
        dialogs.showSharePage = false;
    }
    if (!ImGui::BeginPopupModal("Share as page", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const std::string stem =
        std::filesystem::path(state.head->projectPath.empty() ? state.head->design.mesh.sourcePath : state.head->projectPath)
            .stem()
            .string();
    if (!state.jobs.sharePageJob) {
        ImGui::TextUnformatted("Folder (the page goes into a folder of the project's name in it):");
        ImGui::SetNextItemWidth(520);
        ImGui::InputText("##folder", dialogs.sharePageFolder, sizeof dialogs.sharePageFolder);
        ImGui::SetNextItemWidth(320);
        ImGui::InputText("Client", dialogs.shareClient, sizeof dialogs.shareClient);
        ImGui::SetNextItemWidth(320);
        ImGui::InputText("Practitioner", dialogs.sharePractitioner, sizeof dialogs.sharePractitioner);
        ImGui::SetNextItemWidth(320);
        ImGui::InputText("Date", dialogs.shareDate, sizeof dialogs.shareDate);
        const char* sizes[] = {"1024", "2048", "4096", "8192"};
        ImGui::SetNextItemWidth(120);
        ImGui::Combo("Texture size", &dialogs.sharePageSize, sizes, 4);
        ImGui::SameLine();
        ImGui::TextDisabled("the look on screen, for the close-up; the others at half");
        ImGui::TextDisabled("Opens on any tablet or phone from the folder, no network: send or copy the whole folder.");
        if (ImGui::Button("Write the page")) {
            captureDesignSettings(state);
            state.head->design.settings.consultation = {dialogs.shareClient, dialogs.sharePractitioner, dialogs.shareDate};
            ExportFormats html{false, false, false, false, true};
            state.jobs.sharePageJob = std::make_unique<ExportJob>(state.head->design, stem, dialogs.sharePageFolder,
                                                             kExportSizes[dialogs.sharePageSize], html, false);
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    } else {
        const std::filesystem::path page = ExportJob::pageFolder(dialogs.sharePageFolder, stem) / "index.html";
        runJobStep(state, state.jobs.sharePageJob, "Wrote " + page.string(), "The page was not written: ",
                   "\nA page of that name from before is whole.");
    }
    ImGui::EndPopup();
}

// File > Consultation sheet: the five views before and after in the look on screen, the
// measurements, the sessions, notes and signature lines (docs/sheet.md), as PDF or PNG.
void drawSheetDialog(AppState& state) {
    Dialogs& dialogs = state.dialogs;
    if (dialogs.showSheet && state.head) {
        const std::filesystem::path base = state.head->projectPath.empty()
                                               ? std::filesystem::current_path() / "stipple"
                                               : std::filesystem::path(state.head->projectPath).replace_extension();
        std::snprintf(dialogs.sheetPath, sizeof dialogs.sheetPath, "%s-sheet.pdf", base.string().c_str());
        ImGui::OpenPopup("Consultation sheet");
        dialogs.showSheet = false;
    }
    if (!ImGui::BeginPopupModal("Consultation sheet", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!state.jobs.sheetJob) {
        ImGui::TextUnformatted("File (.pdf or .png):");
        ImGui::SetNextItemWidth(520);
        ImGui::InputText("##sheet", dialogs.sheetPath, sizeof dialogs.sheetPath);
        ImGui::TextUnformatted("Notes for the client (empty: lines to write on):");
        ImGui::InputTextMultiline("##notes", dialogs.sheetNotes, sizeof dialogs.sheetNotes, ImVec2(520, 100));
        ImGui::TextDisabled("The \"after\" views show the stage and light on screen (healed when as designed).");
        if (ImGui::Button("Write the sheet")) {
            captureDesignSettings(state);
            SheetOptions options;
            options.projectName = std::filesystem::path(state.head->projectPath.empty() ? state.head->design.mesh.sourcePath
                                                                                         : state.head->projectPath)
                                      .stem()
                                      .string();
            options.notes = dialogs.sheetNotes;
            options.look = {state.head->design.settings.stage.value_or(SmpStage::Healed), state.view.shading.lighting};
            try {
                state.jobs.sheetJob = std::make_unique<SheetJob>(state.head->design, dialogs.sheetPath, options);
            } catch (const std::exception& e) {
                dialogs.errorMessage = e.what();
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    } else {
        runJobStep(state, state.jobs.sheetJob, std::string("Wrote ") + dialogs.sheetPath, "The sheet was not written: ",
                   "\nA file of that name from before is whole.");
    }
    ImGui::EndPopup();
}

}  // namespace

// File > Calibrate from a photo: the dots of a close-up of the practitioner's healed work,
// measured and kept as a named look (docs/calibration.md).
void drawCalibrateDialog(AppState& state) {
    auto& dialog = state.dialogs.calibrate;
    if (dialog.show) {
        ImGui::OpenPopup("Calibrate from a photo");
        dialog.show = false;
        dialog.result.clear();
    }
    if (!ImGui::BeginPopupModal("Calibrate from a photo", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("A sharp close-up of your healed work, filled with scalp (PNG or JPEG):");
    ImGui::SetNextItemWidth(520);
    ImGui::InputText("photo", dialog.photo, sizeof dialog.photo);
    ImGui::SetNextItemWidth(200);
    ImGui::InputFloat("mm a pixel", &dialog.mmPerPixel, 0.001f, 0.01f, "%.4f");
    dialog.mmPerPixel = std::clamp(dialog.mmPerPixel, kMinCalibrationMmPerPixel, kMaxCalibrationMmPerPixel);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Measure a ruler photographed at the same distance: its mm over its pixels");
    ImGui::SetNextItemWidth(320);
    ImGui::InputText("name of the look", dialog.name, sizeof dialog.name);
    if (ImGui::Button("Measure and keep")) {
        try {
            const CalibratedLook look = calibrateFromPhoto(dialog.photo, dialog.mmPerPixel, dialog.name);
            writeLookFile(state.workspace.lookPath(look.name), look);
            const DotMeasurement& m = look.measurement;
            char text[256];
            std::snprintf(text, sizeof text, "%zu dots, %.0f per cm2, %.3f mm across at half contrast, contrast %.2f",
                          m.dots.size(), double(m.densityPerCm2), double(m.apparentDiameterMm), double(m.peakContrast.y));
            dialog.result = text;
        } catch (const std::exception& e) {
            dialog.result = e.what();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    if (!dialog.result.empty()) ImGui::TextWrapped("%s", dialog.result.c_str());
    ImGui::EndPopup();
}

// View > Calibrate life size: a bank card's outline at the display's pixel density, matched
// against a real card held to the screen.
void drawLifeSizeCalibration(AppState& state) {
    ViewState& view = state.view;
    if (!view.showLifeSizeCalibration) return;
    if (ImGui::Begin("Life size", &view.showLifeSizeCalibration, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Hold a bank or ID card (85.60 mm wide) against the screen\n"
                               "and drag the slider until the outline is as wide as the card.");
        float dpi = view.displayDpi;
        ImGui::SetNextItemWidth(320);
        if (ImGui::SliderFloat("pixels per inch", &dpi, kMinDisplayDpi, kMaxDisplayDpi, "%.1f", kTypedValuesClamped)) {
            view.displayDpi = dpi;
            state.workspace.setDisplayDpi(dpi);
        }
        // The dpi counts the framebuffer's pixels; ImGui lays out in window coordinates.
        const float perPixel = 1.0f / std::max(ImGui::GetIO().DisplayFramebufferScale.x, 1e-3f);
        const float millimetre = dpi / 25.4f * perPixel;
        const ImVec2 card(kCalibrationCardWidthMm * millimetre, kCalibrationCardHeightMm * millimetre);
        const ImVec2 corner = ImGui::GetCursorScreenPos();
        ImGui::Dummy(card);
        ImGui::GetWindowDrawList()->AddRect(corner, ImVec2(corner.x + card.x, corner.y + card.y),
                                            IM_COL32(255, 255, 255, 255), kCalibrationCardCornerMm * millimetre, 0, 2.0f);
        ImGui::Text("One pixel is %.3f mm.", double(25.4f / dpi));
        ImGui::Checkbox("Show the head life-size", &view.lifeSize);
        if (view.lifeSize) view.seenFromMetres = 0.0f;
    }
    ImGui::End();
}

void drawDialogs(AppState& state) {
    Dialogs& dialogs = state.dialogs;
    if (const auto picked = dialogs.fileBrowser.draw()) openHead(state, picked->string());
    drawExportDialog(state);
    drawSharePageDialog(state);
    drawSheetDialog(state);
    drawSaveAsDialog(state);
    drawWorkDialogs(state);
    drawLifeSizeCalibration(state);
    drawCalibrateDialog(state);
    if (!dialogs.errorMessage.empty()) ImGui::OpenPopup("Stipple");
    if (ImGui::BeginPopupModal("Stipple", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(dialogs.errorMessage.c_str());
        if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            dialogs.errorMessage.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (dialogs.showShortcuts) {
        ImGui::Begin("Keyboard and mouse", &dialogs.showShortcuts, ImGuiWindowFlags_AlwaysAutoResize);
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
                               "L                 life size (View > Calibrate life size)\n"
                               "S                 scalp region overlay\n"
                               "D                 density overlay (View > Layer overlay for the others)\n"
                               "Ctrl+O            open a head (or drop a file on the window)\n"
                               "Ctrl+Q            quit");
        ImGui::End();
    }
    if (dialogs.showAbout) {
        ImGui::Begin("About Stipple", &dialogs.showAbout, ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::TextUnformatted("Stipple: a scalp micropigmentation design studio.");
        ImGui::TextUnformatted(glDescription().c_str());
        ImGui::TextDisabled("Default head: MakeHuman base mesh (CC0 1.0), see assets/heads/default/CREDITS.md");
        ImGui::End();
    }
}

}  // namespace stipple::window
