// The consultation sheet of a design (docs/sheet.md) as a list of steps: the five standard
// views rendered before and after, the hairline measured, the sessions planned, then the page
// drawn (io/ConsultationSheet.h) and written as PDF or PNG. `stipple sheet` runs the steps one
// after another; the window runs one a frame under a progress bar, as it does an export.
#pragma once

#include "app/DesignPictures.h"
#include "app/StepJob.h"
#include "core/HairlineMeasurements.h"
#include "io/Design.h"

#include <filesystem>
#include <memory>
#include <string>

namespace stipple {

// Pictures for print: a 96 x 118 pt cell holds 399 x 492 pixels.
constexpr double kSheetRenderDpi = 300.0;

struct SheetOptions {
    std::string projectName;  // in the header: the project's file name without its extension, say
    std::string date;         // as printed; empty: today's, YYYY-MM-DD
    std::string notes;        // empty: ruled lines to write on
    PictureLook look{SmpStage::Healed};  // the "after" row: healed dots in clinic light
    float seenFromMetres = 1.0f;         // the pictures as an eye sees the head from there; 0: the camera's
};

// The readouts of the hairline editor (app/HairlineSession.h), measured once; only the designed
// area where the design has no hairline curve.
HairlineReadouts measureDesignHairline(const Design& design);
// Today's date, YYYY-MM-DD: the date a sheet or a page prints when none is given.
std::string today();

class SheetJob : public StepJob {
public:
    // Writes the sheet to `out` atomically, so a failure leaves the file that was there, and
    // throws InputError naming it. The format follows the extension, .pdf or .png; any other
    // throws InputError here, before any step. `design` must outlive the job; the steps need a
    // current GL context.
    SheetJob(const Design& design, const std::filesystem::path& out, const SheetOptions& options);

private:
    void finished() override;

    struct Work;
    std::shared_ptr<Work> work_;
};

}  // namespace stipple
