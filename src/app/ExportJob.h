// Exporting a design's files (docs/export.md) as a list of steps: the command line runs them
// one after another, the window one a frame under a progress bar.
#pragma once

#include "gpu/ScalpImpressions.h"
#include "io/Design.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stipple {

// Which dots to put on the skin: the design's impressions, the client's stubble, or both.
struct DotsShown {
    bool design = true;
    bool nativeHair = true;
};

// The design's impressions and the client's stubble on the GPU (a context must be current);
// null where there is neither. The impressions look as the design's needle leaves them, or as
// `look` says (an SMP stage's).
std::unique_ptr<ScalpImpressions> impressionsFor(const Design& design, int pigmentMapSize = kDefaultPigmentMapSize,
                                                 const std::optional<ScatterParams>& look = std::nullopt,
                                                 const DotsShown& shown = {});

// The impressions as CSV (id,x_mm,y_mm,z_mm,u,v,diameter_mm,shade) and the number of rows.
std::pair<std::string, std::size_t> impressionsCsv(const ScalpImpressions* impressions);

struct ExportFormats {
    bool png = true, exr = true, glb = true, csv = true;
};
// "png,glb" and the like; throws InputError for an unknown format.
ExportFormats parseExportFormats(const std::string& list);

class ExportJob {
public:
    // Writes NAME-*.* into `folder`, each file atomically: a failure part way leaves the files
    // already written whole and names the one that failed. `design` must outlive the job.
    ExportJob(const Design& design, std::string name, std::filesystem::path folder, int size,
              const ExportFormats& formats, bool sixteenBit);

    std::size_t stepCount() const { return steps_.size(); }
    std::size_t stepsDone() const { return next_; }
    bool done() const { return next_ == steps_.size(); }
    const std::string& nextStepName() const { return steps_[next_].first; }
    // Runs the next step; throws InputError or InternalError when it fails.
    void runNextStep();

private:
    struct Work;
    std::shared_ptr<Work> work_;
    std::vector<std::pair<std::string, std::function<void()>>> steps_;
    std::size_t next_ = 0;
};

}  // namespace stipple
