// The hairline editor's model: a symmetric curve on the skin, its mask, templates from the
// landmarks, readouts and undo. Heights are checked against the mesh's own mid-sagittal
// section, computed here from the triangles without the projector or the geodesic.
#include "TestHeads.h"

#include "core/Error.h"
#include "core/HairlineCurve.h"
#include "core/HairlineEditor.h"
#include "core/HairlineField.h"
#include "core/HairlineMask.h"
#include "core/HairlineMeasurements.h"
#include "core/HairlineTemplates.h"
#include "core/Segment.h"
#include "core/SurfaceGeodesic.h"
#include "io/MeshLoader.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

using namespace stipple;

namespace {

struct DefaultHead {
    HeadMesh mesh = loadHeadMesh(defaultHeadPath());
    SurfaceProjector projector{mesh};
    SurfaceGeodesic geodesic{projector};
};

const DefaultHead& head() {
    static const DefaultHead h;
    return h;
}

LayerSizes sizes(int hairline) {
    LayerSizes result;
    result.size = {64, hairline, 64, 64, 64};
    return result;
}

// The mesh cut by the plane x = 0, front and top only (above the brows, ahead of the back of
// the skull): where each triangle edge crosses the plane, kept outermost per 0.25 degree seen
// from a point inside the skull, in angular order from the face up over the top.
struct Profile {
    std::vector<glm::vec3> points;
    std::vector<double> arc;  // along the polyline from points[0]

    // Arc length at the point of the polyline nearest to p.
    double arcAt(const glm::vec3& p) const {
        double best = 1e30, at = 0.0;
        for (std::size_t k = 1; k < points.size(); ++k) {
            const glm::dvec3 a(points[k - 1]), ab = glm::dvec3(points[k]) - a;
            const double length2 = glm::dot(ab, ab);
            const double t = length2 > 0.0 ? std::clamp(glm::dot(glm::dvec3(p) - a, ab) / length2, 0.0, 1.0) : 0.0;
            const double d = glm::length(glm::dvec3(p) - (a + t * ab));
            if (d < best) {
                best = d;
                at = arc[k - 1] + t * (arc[k] - arc[k - 1]);
            }
        }
        return at;
    }
    glm::vec3 pointAt(double s) const {
        for (std::size_t k = 1; k < points.size(); ++k)
            if (arc[k] >= s) {
                const float t = float((s - arc[k - 1]) / std::max(arc[k] - arc[k - 1], 1e-9));
                return points[k - 1] + t * (points[k] - points[k - 1]);
            }
        return points.back();
    }
};

Profile midSagittalProfile(const HeadMesh& mesh) {
    const glm::vec3 centre(0.0f, 40.0f, 0.0f);
    std::map<int, glm::vec3> outermost;
    for (const glm::uvec3& t : mesh.triangles)
        for (int e = 0; e < 3; ++e) {
            const glm::vec3 a = mesh.positions[t[e]], b = mesh.positions[t[(e + 1) % 3]];
            if ((a.x < 0.0f) == (b.x < 0.0f) || a.x == b.x) continue;
            const glm::vec3 p = a + (b - a) * (a.x / (a.x - b.x));
            const glm::vec3 d = p - centre;
            const double angle = std::atan2(double(d.y), double(d.z)) * 180.0 / M_PI;  // 0 at the face, 90 at the top
            if (angle < -5.0 || angle > 120.0) continue;
            const int bin = int(std::floor(angle * 4.0));
            auto found = outermost.find(bin);
            if (found == outermost.end() || glm::length(d) > glm::length(found->second - centre)) outermost[bin] = glm::vec3(0.0f, p.y, p.z);
        }
    Profile profile;
    for (const auto& [bin, p] : outermost) {
        profile.arc.push_back(profile.points.empty() ? 0.0 : profile.arc.back() + double(glm::length(p - profile.points.back())));
        profile.points.push_back(p);
    }
    return profile;
}

const Profile& profile() {
    static const Profile p = midSagittalProfile(head().mesh);
    return p;
}

double heightAboveGlabella(const glm::vec3& p) {
    const glm::vec3 glabella = head().mesh.landmarks.glabella;
    return profile().arcAt(p) - profile().arcAt(glm::vec3(0.0f, glabella.y, glabella.z));
}

HairlineMaskSettings plain(float transitionMm) {
    HairlineMaskSettings s = hairlineStyle(HairlineStyle::Soft);
    s.transitionMm = transitionMm;
    s.microAmplitudeMm = s.macroAmplitudeMm = 0.0f;
    s.islandChance = 0.0f;
    return s;
}

}  // namespace

TEST_CASE("the hairline curve is mirror-symmetric bit for bit, and edits keep it so", "[hairline][symmetry][default-head]") {
    const SurfaceProjector& projector = head().projector;
    HairlineCurve curve = norwoodTemplate(projector, NorwoodStage::II).curve;
    const auto check = [](const HairlineCurve& c) {
        const std::vector<SkinPoint> s = c.samples();
        REQUIRE(s.size() % 2 == 1);
        for (std::size_t k = 0; k < s.size(); ++k) {
            REQUIRE(s[k].position == mirrorX(s[s.size() - 1 - k].position));
            REQUIRE(s[k].normal == mirrorX(s[s.size() - 1 - k].normal));
        }
        REQUIRE(s[s.size() / 2].position.x == 0.0f);
        REQUIRE(c.midFrontal().position.x == 0.0f);
        for (std::size_t k = 0; k < c.controlCount(); ++k)
            REQUIRE(c.control(k).position == mirrorX(c.control(c.controlCount() - 1 - k).position));
        // Left of the midline at +X, right at -X; the curve runs from right to left.
        REQUIRE(s.front().position.x < -40.0f);
        REQUIRE(s.back().position.x > 40.0f);
    };
    check(curve);
    CHECK(curve.controlCount() == 7);
    CHECK(curve.lengthMm() > 150.0f);

    // Move a point on the subject's right: its mirror on the left follows exactly.
    const std::size_t right = 1, left = curve.controlCount() - 2;
    const SkinPoint from = curve.control(right);
    const glm::vec3 target = projector.project(from.position + glm::vec3(-3.0f, 4.0f, -2.0f), from.normal)->position;
    curve.movePoint(projector, right, target);
    check(curve);
    CHECK(glm::length(curve.control(right).position - target) < 0.05f);
    CHECK(curve.control(left).position == mirrorX(curve.control(right).position));
    // The mid-frontal point, dragged sideways and down, stays on the midline.
    const std::size_t middle = curve.controlCount() / 2;
    curve.movePoint(projector, middle, curve.midFrontal().position + glm::vec3(12.0f, -5.0f, 3.0f));
    check(curve);
    CHECK(curve.midFrontal().position.x == 0.0f);
    // Samples stay on the skin: each within 0.05 mm of where a ray along its normal meets it.
    for (const SkinPoint& s : curve.leftSamples()) {
        const auto on = projector.project(s.position, s.normal, 5.0f);
        REQUIRE(on);
        REQUIRE(glm::length(on->position - s.position) < 0.05f);
    }
}

TEST_CASE("templates: the mid-frontal point sits at each stage's height above the glabella", "[hairline][templates][default-head]") {
    const DefaultHead& h = head();
    const float earZ = 0.5f * (h.mesh.landmarks.earCanalLeft.z + h.mesh.landmarks.earCanalRight.z);
    const float canthus = 0.5f * (h.mesh.landmarks.lateralCanthusLeft.x - h.mesh.landmarks.lateralCanthusRight.x);
    float previousHeight = 0.0f;
    for (NorwoodStage stage : kNorwoodStages) {
        const HairlineTemplate t = norwoodTemplate(h.projector, stage);
        const double independent = heightAboveGlabella(t.curve.midFrontal().position);
        const SkinPoint glabella = h.projector.snap(h.mesh.landmarks.glabella);
        const float readout = h.geodesic.distanceMm(glabella, t.curve.midFrontal());
        INFO(t.name << ": rule " << t.rule.midFrontalMm << " mm, section " << independent << " mm, readout " << readout << " mm");
        CHECK(std::abs(independent - double(t.rule.midFrontalMm)) < 2.0);
        CHECK(std::abs(double(readout) - independent) < 1.0);
        CHECK(t.rule.midFrontalMm >= previousHeight);  // later stages: more conservative
        previousHeight = t.rule.midFrontalMm;
        // Frontotemporal points above the lateral canthi; the temporal peak below and in front.
        const SkinPoint& ftp = t.curve.leftHalf()[2];
        const SkinPoint& peak = t.curve.leftHalf()[3];
        CHECK(ftp.position.x == Approx(canthus).margin(0.5));
        CHECK(peak.position.y < ftp.position.y - 20.0f);
        CHECK(peak.position.z > ftp.position.z);
        CHECK(glm::length(peak.position - ftp.position) == Approx(50.0f).margin(3.0f));  // 50 mm along the skin, a shorter chord
        // Norwood II's recession stays in front of the line 2 cm ahead of the ear canals; III's
        // reaches behind it.
        if (stage == NorwoodStage::II) CHECK(ftp.position.z > earZ + 20.0f);
        if (stage == NorwoodStage::III) CHECK(ftp.position.z < earZ + 20.0f);
        CHECK((stage == NorwoodStage::IIIVertex || stage >= NorwoodStage::IV) == !t.density.empty());
    }
    for (LudwigStage stage : {LudwigStage::I, LudwigStage::II, LudwigStage::III}) {
        const DensityTemplate t = ludwigTemplate(h.projector, stage);
        REQUIRE(t.strokes.size() == 2);
        for (const glm::vec3& p : t.strokes[0].points) CHECK(std::abs(p.x) < 0.5f);  // the part on the midline
        CHECK(t.strokes[1].brush.radiusMm > t.strokes[0].brush.radiusMm);         // wider at the front
    }
}

TEST_CASE("the mask: 1 behind the line, 0 in front, and a transition zone of the set width", "[hairline][mask][default-head]") {
    const DefaultHead& h = head();
    const HairlineCurve curve = norwoodTemplate(h.projector, NorwoodStage::II).curve;
    const double line = profile().arcAt(curve.midFrontal().position);
    for (float width : {5.0f, 8.0f, 10.0f}) {
        const HairlineField field(curve, plain(width));
        // Walk the mid-sagittal section across the line and find the zone: first value above 0,
        // last below 1.
        double first = 1e9, last = -1e9;
        for (double s = line - 25.0; s <= line + 25.0; s += 0.05) {
            const float m = field.mask(profile().pointAt(s));
            if (s < line - 15.0) REQUIRE(m == 0.0f);
            if (s > line + 15.0) REQUIRE(m == 1.0f);
            if (m > 0.0f) first = std::min(first, s);
            if (m < 1.0f) last = std::max(last, s);
        }
        INFO("width " << width << ": zone from " << first - line << " to " << last - line << " mm");
        CHECK(last - first == Approx(width).margin(0.3));
        CHECK((first + last) / 2.0 == Approx(line).margin(0.3));
    }
    // The same in the layer: texels on the midline strip well behind are 1, well in front 0.
    LayerSet layers(h.mesh, sizes(512));
    const HairlineMaskSettings settings = hairlineStyle(HairlineStyle::Soft);
    REQUIRE(writeHairlineMask(layers.layer(LayerKind::Hairline), layers.atlas(LayerKind::Hairline), curve, settings));
    const SurfaceAtlas& atlas = layers.atlas(LayerKind::Hairline);
    const HairlineField field(curve, settings);
    int behind = 0, ahead = 0;
    for (std::size_t t = 0; t < atlas.texelCount(); ++t) {
        if (!atlas.covered(t)) continue;
        const float value = layers.layer(LayerKind::Hairline).texels()[t];
        REQUIRE(value == field.mask(atlas.position(t)));
        const float s = field.signedDistance(atlas.position(t));
        if (s > 15.0f) {
            REQUIRE(value == 1.0f);
            ++behind;
        }
        if (s < -25.0f && s > -60.0f) {
            REQUIRE(value == 0.0f);
            ++ahead;
        }
    }
    CHECK(behind > 10000);
    CHECK(ahead > 1000);
    // The face below the glabella is in front, the crown and back of the head behind.
    CHECK(field.signedDistance(h.mesh.landmarks.glabella) < -40.0f);
    CHECK(field.signedDistance(h.mesh.landmarks.vertex) > 40.0f);
    CHECK(field.signedDistance(glm::vec3(0.0f, 60.0f, -100.0f)) > 0.0f);
}

TEST_CASE("the mask on the mirrored head is the same, bit for bit", "[hairline][symmetry][default-head]") {
    const DefaultHead& h = head();
    HeadMesh mirrored = h.mesh;
    for (glm::vec3& p : mirrored.positions) p = mirrorX(p);
    for (glm::vec3& n : mirrored.normals) n = mirrorX(n);
    const HairlineCurve curve = norwoodTemplate(h.projector, NorwoodStage::III).curve;
    for (HairlineStyle style : {HairlineStyle::Soft, HairlineStyle::Mature}) {
        LayerSet a(h.mesh, sizes(256)), b(mirrored, sizes(256));
        writeHairlineMask(a.layer(LayerKind::Hairline), a.atlas(LayerKind::Hairline), curve, hairlineStyle(style));
        writeHairlineMask(b.layer(LayerKind::Hairline), b.atlas(LayerKind::Hairline), curve, hairlineStyle(style));
        CHECK(a.layer(LayerKind::Hairline).texels() == b.layer(LayerKind::Hairline).texels());
    }
}

TEST_CASE("irregularity is deterministic for a seed, changes with it, and follows the style", "[hairline][mask][default-head]") {
    const DefaultHead& h = head();
    const HairlineCurve curve = norwoodTemplate(h.projector, NorwoodStage::II).curve;
    LayerSet layers(h.mesh, sizes(256));
    Layer& layer = layers.layer(LayerKind::Hairline);
    const SurfaceAtlas& atlas = layers.atlas(LayerKind::Hairline);
    HairlineMaskSettings soft = hairlineStyle(HairlineStyle::Soft);
    writeHairlineMask(layer, atlas, curve, soft);
    const std::vector<float> first = layer.texels();
    CHECK_FALSE(writeHairlineMask(layer, atlas, curve, soft));  // the same seed: nothing changes
    CHECK(layer.texels() == first);
    soft.seed = 2;
    writeHairlineMask(layer, atlas, curve, soft);
    std::size_t changed = 0;
    for (std::size_t t = 0; t < first.size(); ++t) changed += layer.texels()[t] != first[t];
    CHECK(changed > 1000);

    // How far the 0.5 line wanders from the curve, and islands ahead of it: along the left
    // half's samples, the signed distance where the mask crosses 0.5 on the section through it.
    const auto wander = [&](const HairlineMaskSettings& settings) {
        const HairlineField field(curve, settings);
        double sum2 = 0.0;
        int count = 0;
        // The frontal part, where a path up the sagittal plane crosses the line squarely.
        for (const SkinPoint& s : curve.leftSamples()) {
            if (s.position.x > 25.0f) break;
            const glm::vec3 inward = glm::normalize(glm::cross(s.normal, glm::vec3(1.0f, 0.0f, 0.0f)));
            double crossing = 0.0;
            for (float d = -20.0f; d <= 20.0f; d += 0.1f) {
                const auto on = h.projector.project(s.position + d * inward, s.normal, 10.0f);
                if (!on) continue;
                const float m = field.mask(on->position);
                if (m >= 0.5f && crossing == 0.0) crossing = double(d);
            }
            sum2 += crossing * crossing;
            ++count;
        }
        return std::sqrt(sum2 / count);
    };
    const double softWander = wander(hairlineStyle(HairlineStyle::Soft));
    const double definedWander = wander(hairlineStyle(HairlineStyle::Defined));
    INFO("rms wander of the 0.5 line: soft " << softWander << " mm, defined " << definedWander << " mm");
    CHECK(softWander > 0.7);
    CHECK(definedWander < 0.3);

    // Islands: texels the soft style covers (over 0.5) where the same line without islands
    // leaves the skin bare, all of them ahead of the line.
    HairlineMaskSettings bare = hairlineStyle(HairlineStyle::Soft);
    bare.islandChance = 0.0f;
    const HairlineField withIslands(curve, hairlineStyle(HairlineStyle::Soft)), without(curve, bare);
    int islandTexels = 0;
    for (std::size_t t = 0; t < atlas.texelCount(); ++t) {
        if (!atlas.covered(t)) continue;
        const glm::vec3 p = atlas.position(t);
        if (withIslands.mask(p) > 0.5f && without.mask(p) < 0.01f) {
            ++islandTexels;
            const float s = withIslands.signedDistance(p);
            REQUIRE(s < 0.0f);
            REQUIRE(s > -(5.0f + bare.islandReachMm + bare.macroAmplitudeMm + bare.microAmplitudeMm));
        }
    }
    INFO("island texels " << islandTexels);
    CHECK(islandTexels > 10);
}

TEST_CASE("hairline edits undo and redo bit for bit: curve, settings and mask", "[hairline][undo][default-head]") {
    const DefaultHead& h = head();
    LayerSet layers(h.mesh, sizes(256));
    Layer& layer = layers.layer(LayerKind::Hairline);
    HairlineEditor editor(h.projector, layer, layers.atlas(LayerKind::Hairline));
    UndoStack undo;
    struct State {
        std::vector<float> texels;
        std::vector<SkinPoint> samples;
        float transition;
    };
    const auto state = [&]() { return State{layer.texels(), editor.curve().samples(), editor.settings().transitionMm}; };
    const auto same = [](const State& a, const State& b) {
        if (a.texels != b.texels || a.samples.size() != b.samples.size() || a.transition != b.transition) return false;
        for (std::size_t k = 0; k < a.samples.size(); ++k)
            if (a.samples[k].position != b.samples[k].position || a.samples[k].normal != b.samples[k].normal) return false;
        return true;
    };
    std::vector<State> states{state()};
    undo.push(editor.setCurve(norwoodTemplate(h.projector, NorwoodStage::II).curve));
    states.push_back(state());
    for (int step = 0; step < 6; ++step) {
        const std::size_t index = std::size_t(step * 5) % editor.curve().controlCount();
        if (step == 3) {
            undo.push(editor.setSettings(hairlineStyle(HairlineStyle::Defined)));
        } else {
            const glm::vec3 target = editor.curve().control(index).position + glm::vec3(0.0f, step % 2 ? 4.0f : -3.0f, 2.0f);
            undo.push(editor.movePoint(index, target));
        }
        states.push_back(state());
        REQUIRE_FALSE(same(states.back(), states[states.size() - 2]));
    }
    for (std::size_t k = states.size() - 1; k-- > 0;) {
        REQUIRE(undo.undo());
        REQUIRE(same(state(), states[k]));
    }
    for (std::size_t k = 1; k < states.size(); ++k) {
        REQUIRE(undo.redo());
        REQUIRE(same(state(), states[k]));
    }
    CHECK(undo.memoryBytes() < std::size_t(3) << 20);
}

TEST_CASE("readouts: height along the skin, frontotemporal points, area and the low-hairline warning", "[hairline][readouts][default-head]") {
    const DefaultHead& h = head();
    CHECK(lowHairlineWarning(69.9f));
    CHECK_FALSE(lowHairlineWarning(70.1f));
    LayerSet layers(h.mesh, sizes(512));
    const SurfaceAtlas& atlas = layers.atlas(LayerKind::Hairline);
    Layer& layer = layers.layer(LayerKind::Hairline);
    for (float height : {65.0f, 75.0f}) {
        const HairlineCurve curve = frontalHairline(h.projector, height, 15.0f);
        writeHairlineMask(layer, atlas, curve, hairlineStyle(HairlineStyle::Soft));
        const HairlineReadouts r = measureHairline(h.geodesic, h.projector, curve, atlas, layer);
        INFO("set " << height << " mm: readout " << r.midFrontalHeightMm << " mm, area " << r.designedAreaCm2 << " cm2");
        CHECK(r.midFrontalHeightMm == Approx(heightAboveGlabella(curve.midFrontal().position)).margin(1.0));
        CHECK(r.lowHairline == (height < 70.0f));
        REQUIRE(r.hasFrontotemporal);
        CHECK(r.frontotemporalLeft == mirrorX(r.frontotemporalRight));
        CHECK(r.frontotemporalLeft == curve.leftHalf()[2].position);
        CHECK(r.frontotemporalFromMidFrontalMm > glm::length(r.frontotemporalLeft - curve.midFrontal().position));
        CHECK(r.frontotemporalFromMidFrontalMm < 1.1f * glm::length(r.frontotemporalLeft - curve.midFrontal().position));

        // Independent: every triangle's 3D area times mask x scalp weight averaged over six
        // points inside it, the mask evaluated in 3D rather than read from texels.
        const HairlineField field(curve, hairlineStyle(HairlineStyle::Soft));
        double independent = 0.0;
        const glm::vec3 weights[6] = {{4, 1, 1}, {1, 4, 1}, {1, 1, 4}, {1, 2, 3}, {3, 1, 2}, {2, 3, 1}};
        for (std::size_t t = 0; t < h.mesh.triangleCount(); ++t) {
            const glm::uvec3& tri = h.mesh.triangles[t];
            if (h.mesh.scalpWeight[tri.x] + h.mesh.scalpWeight[tri.y] + h.mesh.scalpWeight[tri.z] == 0.0f) continue;
            double sum = 0.0;
            for (const glm::vec3& w6 : weights) {
                const glm::vec3 b = w6 / 6.0f;
                const glm::vec3 p = b.x * h.mesh.positions[tri.x] + b.y * h.mesh.positions[tri.y] + b.z * h.mesh.positions[tri.z];
                const float scalp = b.x * h.mesh.scalpWeight[tri.x] + b.y * h.mesh.scalpWeight[tri.y] + b.z * h.mesh.scalpWeight[tri.z];
                sum += double(field.mask(p) * scalp);
            }
            independent += double(triangleArea(h.mesh, t)) * sum / 6.0;
        }
        independent /= 100.0;
        INFO("independent area " << independent << " cm2");
        CHECK(r.designedAreaCm2 == Approx(independent).epsilon(0.01));
        CHECK(r.designedAreaCm2 < scalpAreaCm2(h.mesh));
    }
}

TEST_CASE("bad hairline settings are refused with a clear message", "[hairline]") {
    HairlineMaskSettings s;
    s.transitionMm = 0.0f;
    CHECK_THROWS_WITH(validateHairlineMask(s), Catch::Contains("transition zone"));
    s = HairlineMaskSettings{};
    s.islandChance = 1.5f;
    CHECK_THROWS_WITH(validateHairlineMask(s), Catch::Contains("island chance"));
    CHECK_THROWS_AS(HairlineField(HairlineCurve{}, HairlineMaskSettings{}), InputError);
}

TEST_CASE("hairline figures", "[.figures]") {
    using Clock = std::chrono::steady_clock;
    const auto seconds = [](Clock::time_point a) { return std::chrono::duration<double>(Clock::now() - a).count(); };
    auto start = Clock::now();
    const DefaultHead& h = head();
    WARN("load + projector + geodesic: " << seconds(start) << " s");
    start = Clock::now();
    const SurfaceGeodesic geodesic(h.projector);
    WARN("geodesic graph: " << seconds(start) << " s");
    const SkinPoint glabella = h.projector.snap(h.mesh.landmarks.glabella);
    for (NorwoodStage stage : kNorwoodStages) {
        start = Clock::now();
        const HairlineTemplate t = norwoodTemplate(h.projector, stage);
        const double build = seconds(start);
        start = Clock::now();
        float edge = 0.0f;
        const SkinPath path = h.geodesic.shortestPath(glabella, t.curve.midFrontal(), &edge);
        const double measure = seconds(start);
        const SkinPoint& ftp = t.curve.leftHalf()[2];
        WARN(t.name << ": rule " << t.rule.midFrontalMm << " mm; section " << heightAboveGlabella(t.curve.midFrontal().position)
                    << " mm; readout " << path.lengthMm << " mm (edges " << edge << " mm); FTP (" << ftp.position.x << ", "
                    << ftp.position.y << ", " << ftp.position.z << "); curve " << t.curve.lengthMm() << " mm; template "
                    << build * 1e3 << " ms, readout " << measure * 1e3 << " ms");
    }
    LayerSet layers(h.mesh, sizes(512));
    const HairlineCurve curve = norwoodTemplate(h.projector, NorwoodStage::II).curve;
    for (HairlineStyle style : {HairlineStyle::Soft, HairlineStyle::Defined, HairlineStyle::Mature}) {
        start = Clock::now();
        writeHairlineMask(layers.layer(LayerKind::Hairline), layers.atlas(LayerKind::Hairline), curve, hairlineStyle(style));
        const double write = seconds(start);
        start = Clock::now();
        const double area = designedAreaCm2(h.mesh, layers.atlas(LayerKind::Hairline), layers.layer(LayerKind::Hairline));
        WARN("style " << int(style) << ": mask 512 " << write * 1e3 << " ms, area " << area << " cm2 in " << seconds(start) * 1e3 << " ms");
    }
    HairlineEditor editor(h.projector, layers.layer(LayerKind::Hairline), layers.atlas(LayerKind::Hairline));
    editor.setCurve(curve);
    start = Clock::now();
    const auto step = editor.movePoint(2, curve.control(2).position + glm::vec3(0.0f, 3.0f, 0.0f));
    WARN("point move with mask and undo step: " << seconds(start) * 1e3 << " ms, step " << step->memoryBytes() / 1024 << " KiB");
}
