#include "core/HairlineMeasurements.h"

#include <glm/geometric.hpp>

#include <cmath>

namespace stipple {
namespace {

float cross2(const glm::vec2& a, const glm::vec2& b) { return a.x * b.y - a.y * b.x; }

}  // namespace

double designedAreaCm2(const HeadMesh& mesh, const SurfaceAtlas& atlas, const Layer& mask) {
    const bool weighted = mesh.scalpWeight.size() == mesh.positions.size();
    const glm::vec2 size(float(atlas.width()), float(atlas.height()));
    double areaMm2 = 0.0;
    for (int j = 0; j < atlas.height(); ++j)
        for (int i = 0; i < atlas.width(); ++i) {
            const std::size_t texel = atlas.index(i, j);
            if (!atlas.covered(texel)) continue;
            const float value = mask.texels()[texel];
            if (value <= 0.0f) continue;
            const glm::uvec3& tri = mesh.triangles[atlas.triangle(texel)];
            // In texel units, a texel is 1 x 1: its skin area is the triangle's 3D area over its
            // area in texels.
            const glm::vec2 a = mesh.uvs[tri.x] * size, b = mesh.uvs[tri.y] * size, c = mesh.uvs[tri.z] * size;
            const float uvArea = cross2(b - a, c - a);  // twice the triangle's area in texels
            if (uvArea == 0.0f) continue;
            double weight = 1.0;
            if (weighted) {
                const glm::vec2 p(float(i) + 0.5f, float(j) + 0.5f);
                const float wb = cross2(p - a, c - a) / uvArea, wc = cross2(b - a, p - a) / uvArea;
                weight = double((1.0f - wb - wc) * mesh.scalpWeight[tri.x] + wb * mesh.scalpWeight[tri.y] + wc * mesh.scalpWeight[tri.z]);
            }
            areaMm2 += double(value) * weight * double(triangleArea(mesh, atlas.triangle(texel))) / (0.5 * std::abs(double(uvArea)));
        }
    return areaMm2 / 100.0;
}

HairlineReadouts measureHairline(const SurfaceGeodesic& geodesic, const SurfaceProjector& projector, const HairlineCurve& curve,
                                 const SurfaceAtlas& atlas, const Layer& mask) {
    const HeadMesh& mesh = projector.mesh();
    HairlineReadouts r;
    const SkinPoint glabella = projector.snap(glm::vec3(0.0f, mesh.landmarks.glabella.y, mesh.landmarks.glabella.z));
    r.midFrontalHeightMm = geodesic.distanceMm(glabella, curve.midFrontal());
    r.lowHairline = lowHairlineWarning(r.midFrontalHeightMm);
    if (curve.frontotemporalIndex() > 0) {
        const std::size_t middle = curve.controlCount() / 2, k = std::size_t(curve.frontotemporalIndex());
        r.hasFrontotemporal = true;
        r.frontotemporalLeft = curve.control(middle + k).position;
        r.frontotemporalRight = curve.control(middle - k).position;
        r.frontotemporalFromMidFrontalMm = geodesic.distanceMm(curve.midFrontal(), curve.control(middle + k));
    }
    r.designedAreaCm2 = designedAreaCm2(mesh, atlas, mask);
    return r;
}

}  // namespace stipple
