// The choice tables (core/Choice.h): each name once, each value once, names that round-trip, and
// an unknown name refused with the list of the allowed ones.
#include "core/Brush.h"
#include "core/Choice.h"
#include "core/HairlineMask.h"
#include "core/HairlineTemplates.h"
#include "core/Layers.h"
#include "core/Lighting.h"
#include "core/OrbitCamera.h"
#include "core/SmpModel.h"
#include "core/Units.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace stipple;

namespace {

// Names and labels unique and non-empty, each name found again, an unknown one refused naming them all.
template <typename Entry, std::size_t N>
void checkNames(const Entry (&table)[N], const char* what) {
    INFO(what);
    std::set<std::string> names, labels;
    for (const Entry& entry : table) {
        INFO(entry.name);
        REQUIRE(entry.name != nullptr);
        REQUIRE(entry.label != nullptr);
        CHECK(!std::string(entry.name).empty());
        CHECK(!std::string(entry.label).empty());
        CHECK(names.insert(entry.name).second);
        CHECK(labels.insert(entry.label).second);
        CHECK(findChoice(table, entry.name) == &entry);
        CHECK(&parseChoice(table, entry.name, what) == &entry);
        // Names are what people type: lower case, no spaces.
        const std::string name = entry.name;
        CHECK(std::none_of(name.begin(), name.end(), [](char c) { return c == ' ' || (c >= 'A' && c <= 'Z'); }));
    }
    CHECK(findChoice(table, "no-such-name") == nullptr);
    try {
        parseChoice(table, "no-such-name", what);
        FAIL("an unknown name was accepted");
    } catch (const InputError& e) {
        const std::string message = e.what();
        INFO(message);
        CHECK(message.find("unknown " + std::string(what) + " 'no-such-name'") == 0);
        for (const Entry& entry : table) CHECK(message.find(entry.name) != std::string::npos);
    }
}

// Every value of `values` in the table exactly once, and nothing else.
template <typename Entry, std::size_t N, typename Value, std::size_t M>
void checkValues(const Entry (&table)[N], const Value (&values)[M]) {
    REQUIRE(N == M);
    for (const Value value : values) {
        CHECK(std::count_if(std::begin(table), std::end(table), [&](const Entry& e) { return e.value == value; }) == 1);
        CHECK(choiceFor(table, value).value == value);
    }
}

// "norwood-1 .. norwood-3, ludwig-1" -> norwood-1, norwood-2, norwood-3, ludwig-1.
std::set<std::string> expandSummary(const std::string& summary) {
    std::set<std::string> names;
    std::size_t start = 0;
    while (start < summary.size()) {
        std::size_t end = summary.find(", ", start);
        if (end == std::string::npos) end = summary.size();
        const std::string part = summary.substr(start, end - start);
        const std::size_t dots = part.find(" .. ");
        if (dots == std::string::npos) {
            names.insert(part);
        } else {
            const std::string first = part.substr(0, dots), last = part.substr(dots + 4);
            const std::size_t dash = first.rfind('-');
            const std::string prefix = first.substr(0, dash + 1);
            REQUIRE(last.compare(0, prefix.size(), prefix) == 0);
            for (int i = std::stoi(first.substr(dash + 1)); i <= std::stoi(last.substr(dash + 1)); ++i)
                names.insert(prefix + std::to_string(i));
        }
        start = end + 2;
    }
    return names;
}

}  // namespace

TEST_CASE("every choice table names each value once and round-trips its names", "[choices]") {
    checkNames(kStageChoices, "stage");
    checkValues(kStageChoices, kSmpStages);
    checkNames(kLightingChoices, "light");
    checkValues(kLightingChoices, kLightings);
    checkNames(kViewChoices, "view");
    const StandardView views[] = {StandardView::Front, StandardView::Back, StandardView::Left,
                                  StandardView::Right, StandardView::Top, StandardView::ThreeQuarter};
    checkValues(kViewChoices, views);
    checkNames(kHairlineStyleChoices, "hairline style");
    const HairlineStyle styles[] = {HairlineStyle::Soft, HairlineStyle::Defined, HairlineStyle::Mature};
    checkValues(kHairlineStyleChoices, styles);
    checkNames(kOverlayChoices, "overlay");
    checkNames(kBrushToolChoices, "brush tool");
    checkValues(kBrushToolChoices, kBrushTools);
    checkNames(kBrushModeChoices, "brush mode");
    checkValues(kBrushModeChoices, kBrushModes);
    checkNames(kUnitChoices, "unit");
    checkNames(kTemplateChoices, "template");
}

TEST_CASE("the old name functions read the tables", "[choices]") {
    for (const StageChoice& stage : kStageChoices) {
        CHECK(stageName(stage.value) == std::string(stage.name));
        CHECK(stageLabel(stage.value) == std::string(stage.label));
        CHECK(parseStage(stage.name) == stage.value);
        CHECK(stage.shortLabel != nullptr);
    }
    CHECK_FALSE(parseStage(kAsDesignedName));  // "designed" is no stage: files write it for none
    for (const Choice<Lighting>& light : kLightingChoices) CHECK(parseLighting(lightingName(light.value)) == light.value);
    for (const Choice<StandardView>& view : kViewChoices) CHECK(parseStandardView(standardViewName(view.value)) == view.value);
    for (const Choice<BrushTool>& tool : kBrushToolChoices) {
        CHECK(parseBrushTool(brushToolName(tool.value)) == tool.value);
        CHECK(tool.help != nullptr);  // the Brush panel's tooltips
    }
    for (const Choice<BrushMode>& mode : kBrushModeChoices) CHECK(parseBrushMode(brushModeName(mode.value)) == mode.value);
    CHECK(parseBrushMode("paint") == BrushMode::Add);
    CHECK(parseBrushMode("erase") == BrushMode::Subtract);
    for (const Choice<float>& unit : kUnitChoices) CHECK(unitName(unit.value) == std::string(unit.name));
    CHECK(unitName(2.0f) == std::string("custom"));
}

TEST_CASE("overlays follow the layers, units are distinct, templates cover every stage", "[choices]") {
    // The renderer picks the overlay's layer as overlay - 1 in LayerKind order.
    REQUIRE(std::size(kOverlayChoices) == kLayerKindCount + 1);
    CHECK(kOverlayChoices[0].value == LayerOverlay::None);
    for (int i = 0; i < kLayerKindCount; ++i) CHECK(int(kOverlayChoices[i + 1].value) == int(kLayerKinds[i]) + 1);

    std::set<float> units;
    for (const Choice<float>& unit : kUnitChoices) CHECK(units.insert(unit.value).second);
    CHECK(choiceNames(kUnitChoices, "|", "|") == "mm|cm|m|in");

    std::set<std::string> names;
    for (const TemplateChoice& choice : kTemplateChoices) {
        INFO(choice.name);
        CHECK(choice.norwood.has_value() != choice.ludwig.has_value());
        names.insert(choice.name);
    }
    for (const NorwoodStage stage : kNorwoodStages)
        CHECK(std::count_if(std::begin(kTemplateChoices), std::end(kTemplateChoices),
                            [&](const TemplateChoice& c) { return c.norwood == stage; }) == 1);
    for (const LudwigStage stage : {LudwigStage::I, LudwigStage::II, LudwigStage::III})
        CHECK(std::count_if(std::begin(kTemplateChoices), std::end(kTemplateChoices),
                            [&](const TemplateChoice& c) { return c.ludwig == stage; }) == 1);
    CHECK(expandSummary(kTemplateNamesSummary) == names);
}

TEST_CASE("name lists read as the help texts write them", "[choices]") {
    CHECK(choiceNames(kStageChoices, ", ", " or ") == "fresh, healed, aged-1y, aged-3y, aged-5y or aged-10y");
    CHECK(choiceNames(kLightingChoices, ", ", " or ", "clinic") == "clinic (default), daylight, indoor or flash");
    CHECK(choiceNames(kOverlayChoices, ", ", " or ", {}, 1) == "density, hairline, shading, scar or native-hair");
    CHECK(choiceNames(kHairlineStyleChoices, ", ", ", ") == "soft, defined, mature");
}
