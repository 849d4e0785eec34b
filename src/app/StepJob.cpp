#include "app/StepJob.h"

namespace stipple {

void StepJob::runNextStep() {
    steps_[next_].second();
    ++next_;
    if (done()) finished();
}

void StepJob::addStep(std::string name, std::function<void()> run) { steps_.emplace_back(std::move(name), std::move(run)); }

}  // namespace stipple
