#include "core/SessionPlan.h"

#include <algorithm>

namespace stipple {

SessionPlan defaultSessionPlan(int sessionCount) {
    const int count = std::clamp(sessionCount, kMinSessions, kMaxSessions);
    SessionPlan plan;
    if (count == kDefaultSessionCount) return plan;
    plan.fractions.clear();
    plan.shades.assign(std::size_t(count), 1.0f);
    plan.shades.front() = 0.8f;
    for (int k = 1; k <= count; ++k) plan.fractions.push_back(float(k) / float(count));
    return plan;
}

bool isValid(const SessionPlan& plan) {
    if (plan.count() < kMinSessions || plan.count() > kMaxSessions) return false;
    if (plan.shades.size() != plan.fractions.size() || plan.fractions.back() != 1.0f) return false;
    float previous = 0.0f;
    for (float fraction : plan.fractions) {
        if (!(fraction > previous)) return false;
        previous = fraction;
    }
    return std::all_of(plan.shades.begin(), plan.shades.end(), [](float s) { return s > 0.0f && s <= 1.0f; });
}

int sessionOf(const Candidate& candidate, float densityPerCm2, float maxDensityPerCm2, const SessionPlan& plan) {
    // The scatter's threshold in its own float order, so the last session (fraction 1) is isActive.
    const float threshold = densityPerCm2 * candidate.scalpWeight / maxDensityPerCm2;
    for (int k = 0; k < plan.count(); ++k)
        if (candidate.rank < plan.fractions[std::size_t(k)] * threshold) return k + 1;
    return 0;
}

std::vector<int> sessionsOf(const std::vector<Impression>& finalDesign, const CandidatePool& pool,
                            const DensityMap& density, const SessionPlan& plan) {
    std::vector<int> sessions;
    sessions.reserve(finalDesign.size());
    for (const Impression& impression : finalDesign) {
        const Candidate& candidate = pool.candidates[impression.id];
        const int session = sessionOf(candidate, density.sample(candidate.uv), pool.params.maxDensityPerCm2, plan);
        sessions.push_back(session == 0 ? plan.count() : session);
    }
    return sessions;
}

namespace {

bool shows(int placedIn, int session, SessionView view) {
    return placedIn > 0 && (view == SessionView::Alone ? placedIn == session : placedIn <= session);
}

}  // namespace

std::vector<Impression> sessionImpressions(const std::vector<Impression>& finalDesign,
                                           const std::vector<int>& sessions, const SessionPlan& plan,
                                           int session, SessionView view) {
    std::vector<Impression> shown;
    for (std::size_t i = 0; i < finalDesign.size(); ++i)
        if (shows(sessions[i], session, view)) {
            shown.push_back(finalDesign[i]);
            shown.back().shade *= plan.shades[std::size_t(sessions[i] - 1)];
        }
    return shown;
}

std::vector<Impression> sessionImpressions(const CandidatePool& pool, const DensityMap& density,
                                           const SessionPlan& plan, int session, SessionView view,
                                           const ScatterParams& params) {
    std::vector<Impression> shown;
    for (std::size_t i = 0; i < pool.candidates.size(); ++i) {
        const Candidate& candidate = pool.candidates[i];
        const int placedIn = sessionOf(candidate, density.sample(candidate.uv), pool.params.maxDensityPerCm2, plan);
        if (!shows(placedIn, session, view)) continue;
        shown.push_back(makeImpression(candidate, std::uint32_t(i), pool.params.seed, params));
        shown.back().shade *= plan.shades[std::size_t(placedIn - 1)];
    }
    return shown;
}

std::vector<SessionEstimate> estimateSessions(const std::vector<int>& sessions, const SessionPlan& plan,
                                              double coveredAreaCm2) {
    std::vector<SessionEstimate> estimates(std::size_t(plan.count()));
    for (int k = 0; k < plan.count(); ++k) {
        SessionEstimate& e = estimates[std::size_t(k)];
        e.session = k + 1;
        e.fraction = plan.fractions[std::size_t(k)];
        e.placed = std::size_t(std::count(sessions.begin(), sessions.end(), k + 1));
        e.cumulative = e.placed + (k > 0 ? estimates[std::size_t(k - 1)].cumulative : 0);
        e.areaCm2 = coveredAreaCm2;
        e.hours = double(e.placed) / kImpressionsPerHour;
        e.hoursMin = double(e.placed) / kImpressionsPerHourMax;
        e.hoursMax = double(e.placed) / kImpressionsPerHourMin;
    }
    return estimates;
}

std::vector<SessionEstimate> estimateSessions(const CandidatePool& pool, const DensityMap& density,
                                              const SessionPlan& plan) {
    std::vector<int> sessions;
    for (const Candidate& candidate : pool.candidates)
        if (const int session = sessionOf(candidate, density.sample(candidate.uv), pool.params.maxDensityPerCm2, plan))
            sessions.push_back(session);
    return estimateSessions(sessions, plan, coveredAreaCm2(pool, density));
}

double coveredAreaCm2(const CandidatePool& pool, const DensityMap& density) {
    if (pool.candidates.empty()) return 0.0;
    const auto covered = std::count_if(pool.candidates.begin(), pool.candidates.end(), [&](const Candidate& c) {
        return density.sample(c.uv) * c.scalpWeight > 0.0f;
    });
    return double(covered) * pool.areaMm2 / double(pool.candidates.size()) / 100.0;
}

}  // namespace stipple
