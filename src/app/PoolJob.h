// Builds a head's candidate pool on a worker thread so the window stays responsive, with a
// progress fraction for the UI and cancellation when another head is opened.
#pragma once

#include "core/CandidatePool.h"
#include "core/HeadMesh.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace stipple {

class PoolJob {
public:
    PoolJob(HeadMesh mesh, PoolParams params);
    ~PoolJob();  // cancels and waits
    PoolJob(const PoolJob&) = delete;
    PoolJob& operator=(const PoolJob&) = delete;

    float progress() const { return progress_.load(); }
    // True once the worker has stopped, with a pool or with an error.
    bool finished() const { return finished_.load(); }
    // The pool once it is ready (exactly once; nullopt before, after it was taken, or on error).
    std::optional<CandidatePool> takeResult();
    // Why there is no pool, once finished without one.
    std::string error();

private:
    HeadMesh mesh_;
    PoolParams params_;
    std::atomic<float> progress_{0.0f};
    std::atomic<bool> cancel_{false};
    std::atomic<bool> finished_{false};
    std::mutex mutex_;
    std::optional<CandidatePool> result_;
    std::string error_;
    std::thread thread_;
};

}  // namespace stipple
