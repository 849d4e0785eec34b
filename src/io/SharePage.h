// SharePage: a design as a web page that opens on any tablet or phone with no install and no
// network (`stipple export --formats html`, File > Share as page; docs/share-page.md). GL-free:
// it takes the textures already baked and the design's figures, and writes the page's files.
//
// A page opened from file:// may not fetch() files, and Chromium refuses WebGL textures from
// file:// images as cross-origin, so everything the page reads is a classic script beside it:
//   index.html, style.css, app.js   the page, copied from web/share-page/
//   three.min.js, THREE-LICENSE.txt the vendored three.js (third_party/three-*/)
//   data.js                         the design: names, figures, sessions, stages, lights, views
//   head.js                         the head: positions (mm), normals, UVs, triangles, base64
//   textures/KEY.js                 one albedo each, a JPEG as a data: URI, loaded when shown
#pragma once

#include "core/HairlineMeasurements.h"
#include "core/HeadMesh.h"
#include "core/SessionPlan.h"

#include <glm/vec3.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace stipple {

// JPEG quality of the page's textures: the dots stay crisp, the folder stays small.
constexpr int kSharePageJpegQuality = 85;

// One baked albedo the page can show.
struct SharePageTexture {
    std::string key;  // "before", a stage's name ("healed"), "session-1", "session-1-alone"
    int size = 0;     // texels a side
    std::string jpeg;
};

struct SharePageCamera {
    glm::vec3 targetMm{0.0f}, eyeMm{0.0f};
    float verticalFovRadians = 0.0f;
};

struct SharePageContents {
    std::string title;  // the project's name
    std::string client, practitioner, date;
    std::string needle;  // "1RL 0.20 mm (cartridge 06)"
    float depthMm = 0.0f;
    std::string skin;
    std::uint32_t impressionCount = 0;
    bool hasHairlineCurve = false;  // without one only the designed area is measured
    HairlineReadouts hairline;
    std::vector<SessionEstimate> sessions;
    std::string defaultStage, defaultLight;  // names from the choice tables
    // The standard views in kViewChoices order, for a square picture, and the close-up.
    std::vector<SharePageCamera> views;
    SharePageCamera closeUp;
    std::vector<std::string> textureKeys;  // every texture the page may load
};

// The page's files are read from here; the build sets both to the source tree.
std::filesystem::path sharePageTemplateDir();
std::filesystem::path sharePageLibraryDir();

// data.js: `window.STIPPLE_DESIGN = {...}` with the contents, the stage, light and view tables,
// and the shaders' skin and colour functions (shaders/skin.glsl, color.glsl), so the page lights
// the skin with the app's own code.
std::string sharePageDataScript(const SharePageContents& contents);
// head.js: `window.STIPPLE_HEAD = {...}`, the mesh in mm as base64 little-endian arrays.
std::string sharePageHeadScript(const HeadMesh& mesh);
// textures/KEY.js: `stippleTexture("KEY", SIZE, "data:image/jpeg;base64,...")`.
std::string sharePageTextureScript(const SharePageTexture& texture);

// Whether `folder` holds a page this export wrote (its index.html, data.js and textures/): what
// a new export of the same name may replace.
bool isSharePage(const std::filesystem::path& folder);

// Writes the page's fixed files (the template and the library) into `folder`, each atomically.
// Throws InternalError naming a file of the page that is missing from the installation.
void writeSharePageStaticFiles(const std::filesystem::path& folder);

}  // namespace stipple
