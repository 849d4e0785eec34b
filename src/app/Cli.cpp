#include "app/Cli.h"

#include "core/Error.h"
#include "io/MeshLoader.h"

#include <cstdio>
#include <string>

namespace stipple {

int runCommandLine(int argc, char** argv) {
    try {
        const std::string path = argc > 2 ? argv[2] : defaultHeadPath().string();
        const HeadMesh mesh = loadHeadMesh(path);
        const glm::vec3 size = computeBounds(mesh.positions).size();
        std::printf("vertices: %zu\ntriangles: %zu\nhas_uvs: %s\nsize_mm: %.1f x %.1f x %.1f\nscalp_area_cm2: %.1f\n",
                    mesh.vertexCount(), mesh.triangleCount(), mesh.hasUvs() ? "yes" : "no", size.x, size.y,
                    size.z, scalpAreaCm2(mesh));
        return 0;
    } catch (const InputError& e) {
        std::fprintf(stderr, "stipple: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "stipple: internal error: %s\n", e.what());
        return 1;
    }
    (void)argc;
}

}  // namespace stipple
