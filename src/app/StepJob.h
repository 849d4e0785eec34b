// A long task cut into named steps: the command line runs them one after another, the window
// one a frame under a progress bar, so it keeps drawing (File > Export, the consultation sheet).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace stipple {

class StepJob {
public:
    virtual ~StepJob() = default;

    std::size_t stepCount() const { return steps_.size(); }
    std::size_t stepsDone() const { return next_; }
    bool done() const { return next_ == steps_.size(); }
    const std::string& nextStepName() const { return steps_[next_].first; }
    // Runs the next step; throws InputError or InternalError when it fails.
    void runNextStep();

protected:
    void addStep(std::string name, std::function<void()> run);
    // Called once the last step has run: a job lets go of what its steps shared here.
    virtual void finished() {}

private:
    std::vector<std::pair<std::string, std::function<void()>>> steps_;
    std::size_t next_ = 0;
};

}  // namespace stipple
