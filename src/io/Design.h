// A design as the command line and the app open it: a head and the layers painted on it, from a
// mesh file (a fresh design) or from a project file.
#pragma once

#include "core/DensityMap.h"
#include "core/Layers.h"
#include "io/MeshLoader.h"
#include "io/ProjectFile.h"

#include <filesystem>
#include <memory>
#include <string>

namespace stipple {

struct Design {
    HeadMesh mesh;
    LoadReport loadReport;
    std::unique_ptr<LayerSet> layers;
    DesignSettings settings;  // the needle, the look, the skin, the brush and the view
    std::string unknownProjectFields = "{}";  // kept from the project it came from (Project::unknownFields)
    std::optional<HairlineDesign> hairline;  // the hairline editor's curve, kept in step by the editor
    bool embedHead = false;  // projects made from this design carry the head inside them
};

// A project brings its head (carried inside it, or found beside the project or where it was)
// and its layers; any other file is a head to start a fresh design on. Throws InputError naming the file and the
// problem, including a head that changed since the project was saved.
Design openDesign(const std::filesystem::path& path, const LoadOptions& options = {});

// The project that saves `design` to `projectPath`.
Project projectFor(const Design& design, const std::filesystem::path& projectPath);

// Where impressions actually go: designDensity() (core/Layers.h) times the scalp weight at each density
// texel's point on the skin (the soft edge of the scalp region), for pictures of the design.
DensityMap placedDensity(const Design& design);

}  // namespace stipple
