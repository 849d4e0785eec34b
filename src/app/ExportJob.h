// Exporting a design's files (docs/export.md) as a list of steps: the command line runs them
// one after another, the window one a frame under a progress bar.
#pragma once

#include "app/StepJob.h"
#include "gpu/DesignScene.h"
#include "gpu/ScalpImpressions.h"
#include "io/Design.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stipple {

// The design on the GPU (a context must be current) with `dots` scattered and baked on its
// candidate pool, loaded from the cache or built there; no impressions where the dots would
// show nothing. They show `stage`.
std::unique_ptr<DesignScene> sceneFor(const Design& design, const ShownStage& stage, const SceneDots& dots = {});

// The impressions as CSV (id,x_mm,y_mm,z_mm,u,v,diameter_mm,shade) and the number of rows.
std::pair<std::string, std::size_t> impressionsCsv(const ScalpImpressions* impressions);

struct ExportFormats {
    bool png = true, exr = true, glb = true, csv = true;
    bool html = false;  // the shared page (io/SharePage.h), in a folder of its own
};
// "png,glb" and the like; throws InputError for an unknown format.
ExportFormats parseExportFormats(const std::string& list);

class ExportJob : public StepJob {
public:
    // Writes NAME-*.* into `folder`, each file atomically: a failure part way leaves the files
    // already written whole and names the one that failed. `design` must outlive the job.
    // The folder is created by the first step, and removed again, empty, when a later one fails.
    // The shared page goes into folder/NAME/ whole or not at all: it is written beside it under
    // a hidden name and renamed by the last step (an older page there is replaced).
    ExportJob(const Design& design, std::string name, std::filesystem::path folder, int size,
              const ExportFormats& formats, bool sixteenBit);
    ~ExportJob() override;

    // Where the shared page of `name` goes in `folder`.
    static std::filesystem::path pageFolder(const std::filesystem::path& folder, const std::string& name);

private:
    void finished() override;
    void addSharePageSteps(const Design& design, const std::string& name, int size);

    struct Work;
    std::shared_ptr<Work> work_;
};

}  // namespace stipple
