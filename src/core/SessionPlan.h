// SessionPlan: the final design placed over 2-4 sessions, each adding impressions and none moving.
//
// Session k places candidate i once   rank_i < fraction_k * threshold_i,
// threshold_i = density(uv_i) * scalpWeight_i / maxDensity   (the scatter's own test, Scatter.h).
// The fractions rise to 1, so each session holds the previous one and the last is the final
// design exactly. Because the pool's prefixes are blue noise, every session is evenly spread at
// fraction_k of the final density. docs/smp-model.md cites the numbers.
#pragma once

#include "core/CandidatePool.h"
#include "core/DensityMap.h"
#include "core/Scatter.h"

#include <cstddef>
#include <vector>

namespace stipple {

constexpr int kMinSessions = 2;  // sessions: 2-4, usually 3 (docs/smp-facts.md)
constexpr int kMaxSessions = 4;
constexpr int kDefaultSessionCount = 3;

// About 14,000 impressions in a 3-5 h session (weak): 2,800-4,667 an hour, 3,500 at 4 h.
constexpr double kImpressionsPerHour = 14000.0 / 4.0;
constexpr double kImpressionsPerHourMin = 14000.0 / 5.0;
constexpr double kImpressionsPerHourMax = 14000.0 / 3.0;

struct SessionPlan {
    std::vector<float> fractions{0.3f, 0.7f, 1.0f};  // of the final density after each session
    std::vector<float> shades{0.8f, 1.0f, 1.0f};     // times the layer's shade: session 1 lightest

    int count() const { return int(fractions.size()); }
};

// 3 sessions: 30 % -> 70 % -> 100 % (PMID 40899372); 2 or 4: even steps. Count clamped to 2..4.
SessionPlan defaultSessionPlan(int sessionCount = kDefaultSessionCount);

// 2-4 sessions, fractions strictly rising in (0, 1] and ending at 1, one shade in (0, 1] each.
bool isValid(const SessionPlan& plan);

// The session (1-based) that first places a candidate, 0 if the final design does not hold it.
int sessionOf(const Candidate& candidate, float densityPerCm2, float maxDensityPerCm2, const SessionPlan& plan);

// The session of each impression of a final design, in its order. The impressions alone do not
// say how far below its local threshold each rank lies, so the density map is needed; an
// impression the map no longer activates belongs to the last session.
std::vector<int> sessionsOf(const std::vector<Impression>& finalDesign, const CandidatePool& pool,
                            const DensityMap& density, const SessionPlan& plan);

enum class SessionView {
    Alone,  // what session k itself places
    SoFar,  // what the skin holds after session k: sessions 1..k
};

// The impressions `session` (1-based) shows, each with its own session's shade applied.
std::vector<Impression> sessionImpressions(const std::vector<Impression>& finalDesign,
                                           const std::vector<int>& sessions, const SessionPlan& plan,
                                           int session, SessionView view);
// The same straight from the pool, in ascending id order.
std::vector<Impression> sessionImpressions(const CandidatePool& pool, const DensityMap& density,
                                           const SessionPlan& plan, int session, SessionView view,
                                           const ScatterParams& params = {});

struct SessionEstimate {
    int session = 0;               // 1-based
    float fraction = 0.0f;         // planned share of the final density after it
    std::size_t placed = 0;        // impressions this session adds
    std::size_t cumulative = 0;    // impressions on the skin after it
    double areaCm2 = 0.0;          // every session works over the whole design
    double hours = 0.0;            // at kImpressionsPerHour
    double hoursMin = 0.0;         // at kImpressionsPerHourMax
    double hoursMax = 0.0;         // at kImpressionsPerHourMin
};

std::vector<SessionEstimate> estimateSessions(const std::vector<int>& sessions, const SessionPlan& plan,
                                              double coveredAreaCm2);
// The same for the design the scatter places from `pool` at `density`, straight from the pool
// (each candidate's sessionOf), with coveredAreaCm2 as every session's area.
std::vector<SessionEstimate> estimateSessions(const CandidatePool& pool, const DensityMap& density,
                                              const SessionPlan& plan);

// Skin the design may place impressions on (density times scalp weight above 0), in cm^2: the
// candidates there times the pool's area per candidate.
double coveredAreaCm2(const CandidatePool& pool, const DensityMap& density);

}  // namespace stipple
