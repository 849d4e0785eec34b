#include "io/HeadGlbFile.h"

#include "io/DesignExport.h"
#include "io/HeadMetadata.h"
#include "io/ImageFile.h"
#include "io/WholeFile.h"

namespace stipple {

void writeHeadGlb(const std::filesystem::path& path, const HeadMesh& mesh) {
    Image albedo = mesh.albedo;
    if (albedo.empty()) {
        // glTF's material wants a texture: one texel of the default skin.
        albedo = {1, 1, {214, 166, 130, 255}};
    }
    writeFileAtomically(path, headGlb(mesh, encodePng(albedo)));
    writeHeadMetadata(headMetadataPathFor(path), mesh);
}

}  // namespace stipple
