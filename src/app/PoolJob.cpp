#include "app/PoolJob.h"

#include "io/PoolCache.h"

namespace stipple {

PoolJob::PoolJob(HeadMesh mesh, PoolParams params) : mesh_(std::move(mesh)), params_(params) {
    thread_ = std::thread([this] {
        PoolProgress progress;
        progress.onProgress = [this](float fraction) { progress_.store(fraction); };
        progress.cancel = &cancel_;
        try {
            std::optional<CandidatePool> pool = loadOrBuildCandidatePool(mesh_, params_, progress, defaultPoolCacheDir());
            std::lock_guard<std::mutex> lock(mutex_);
            result_ = std::move(pool);
        } catch (const std::exception& e) {
            // Without a pool the head still shows; only the impressions are missing.
            std::lock_guard<std::mutex> lock(mutex_);
            error_ = e.what();
        }
        finished_.store(true);
    });
}

PoolJob::~PoolJob() {
    cancel_.store(true);
    thread_.join();
}

std::string PoolJob::error() {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_;
}

std::optional<CandidatePool> PoolJob::takeResult() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<CandidatePool> taken = std::move(result_);
    result_.reset();
    return taken;
}

}  // namespace stipple
