#include "core/LevelsOfDetail.h"

#include <meshoptimizer.h>

namespace stipple {

std::vector<DetailLevel> buildDetailLevels(const HeadMesh& mesh, std::size_t minTriangles) {
    std::vector<DetailLevel> levels(1);
    levels[0].triangles = mesh.triangles;
    // meshoptimizer reports errors relative to this scale of the mesh.
    const float scaleMm = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
    // Each level: half the triangles, and no surface error above 0.5 % of the head.
    constexpr float kMaxRelativeError = 0.005f;
    while (levels.back().triangles.size() / 2 >= minTriangles) {
        const std::vector<glm::uvec3>& finer = levels.back().triangles;
        DetailLevel coarser;
        coarser.triangles.resize(finer.size());
        float relativeError = 0.0f;
        const std::size_t indexCount = meshopt_simplify(
            &coarser.triangles[0].x, &finer[0].x, finer.size() * 3, &mesh.positions[0].x, mesh.positions.size(),
            sizeof(glm::vec3), finer.size() * 3 / 2, kMaxRelativeError, 0, &relativeError);
        if (indexCount == 0 || indexCount * 10 > finer.size() * 3 * 9) break;  // no longer shrinking
        coarser.triangles.resize(indexCount / 3);
        // Errors add up along the chain, since each level is simplified from the one before.
        coarser.maxErrorMm = levels.back().maxErrorMm + relativeError * scaleMm;
        levels.push_back(std::move(coarser));
    }
    return levels;
}

std::size_t chooseDetailLevel(const std::vector<float>& levelErrorsMm, float allowedErrorMm) {
    std::size_t chosen = 0;
    for (std::size_t i = 1; i < levelErrorsMm.size(); ++i)
        if (levelErrorsMm[i] <= allowedErrorMm) chosen = i;
    return chosen;
}

}  // namespace stipple
