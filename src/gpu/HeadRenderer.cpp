#include "gpu/HeadRenderer.h"

#include "gpu/Bindings.h"
#include "core/SkinTone.h"
#include "gpu/ShaderLibrary.h"

#include <glm/gtc/type_ptr.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace stipple {
namespace {

// The coarsest pixel on the skin that shows its micro-detail (shaders/skin_detail.glsl fades
// the fine lines out at 0.2 mm).
constexpr float kSkinDetailPixelMm = 0.2f;

// Interleaved so one buffer feeds every attribute; locations match shaders/head.vert.
struct Vertex {
    glm::vec3 position;
    glm::vec3 normal;
    glm::vec2 uv;
    float scalpWeight;
};

}  // namespace

HeadRenderer::HeadRenderer(const HeadMesh& mesh) {
    programFor({});  // the plain variant now: a shader that does not build fails here, not mid-frame
    std::vector<Vertex> vertices(mesh.vertexCount());
    for (std::size_t i = 0; i < vertices.size(); ++i)
        vertices[i] = {mesh.positions[i], mesh.normals[i], mesh.uvs[i],
                       mesh.scalpWeight.empty() ? 0.0f : mesh.scalpWeight[i]};
    vertexBuffer_ = createBuffer();
    glNamedBufferStorage(vertexBuffer_.get(), GLsizeiptr(vertices.size() * sizeof(Vertex)), vertices.data(), 0);
    // Every level of detail in one index buffer, one range each.
    std::vector<glm::uvec3> allTriangles;
    for (const DetailLevel& level : buildDetailLevels(mesh)) {
        levels_.push_back({GLsizei(level.triangles.size() * 3), allTriangles.size() * sizeof(glm::uvec3)});
        levelErrorsMm_.push_back(level.maxErrorMm);
        allTriangles.insert(allTriangles.end(), level.triangles.begin(), level.triangles.end());
    }
    indexBuffer_ = createBuffer();
    glNamedBufferStorage(indexBuffer_.get(), GLsizeiptr(allTriangles.size() * sizeof(glm::uvec3)),
                         allTriangles.data(), 0);
    boundingRadiusMm_ = 0.5f * glm::length(computeBounds(mesh.positions).size());

    vertexArray_ = createVertexArray();
    const GLuint vao = vertexArray_.get();
    glVertexArrayVertexBuffer(vao, 0, vertexBuffer_.get(), 0, sizeof(Vertex));
    glVertexArrayElementBuffer(vao, indexBuffer_.get());
    const auto attribute = [vao](GLuint location, GLint components, std::size_t offset) {
        glEnableVertexArrayAttrib(vao, location);
        glVertexArrayAttribFormat(vao, location, components, GL_FLOAT, GL_FALSE, GLuint(offset));
        glVertexArrayAttribBinding(vao, location, 0);
    };
    attribute(0, 3, offsetof(Vertex, position));
    attribute(1, 3, offsetof(Vertex, normal));
    attribute(2, 2, offsetof(Vertex, uv));
    attribute(3, 1, offsetof(Vertex, scalpWeight));

    if (!mesh.albedo.empty()) {
        albedo_ = createTexture(GL_TEXTURE_2D);
        const int levels = 1 + int(std::log2(float(std::max(mesh.albedo.width, mesh.albedo.height))));
        glTextureStorage2D(albedo_.get(), levels, GL_SRGB8_ALPHA8, mesh.albedo.width, mesh.albedo.height);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        // Image rows run top to bottom, and UV v = 0 is the bottom row: upload flipped by
        // sampling with 1 - v in the shader instead of copying the image.
        glTextureSubImage2D(albedo_.get(), 0, 0, 0, mesh.albedo.width, mesh.albedo.height, GL_RGBA,
                            GL_UNSIGNED_BYTE, mesh.albedo.rgba.data());
        glGenerateTextureMipmap(albedo_.get());
        glTextureParameteri(albedo_.get(), GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
        glTextureParameteri(albedo_.get(), GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    }
}

GLuint HeadRenderer::programFor(const std::vector<std::string>& defines) const {
    std::string key;
    for (const std::string& define : defines) key += define + ";";
    auto found = programs_.find(key);
    if (found == programs_.end()) found = programs_.emplace(key, buildProgram({"head.vert", "head.frag"}, defines)).first;
    return found->second.get();
}

std::size_t HeadRenderer::detailLevelFor(const OrbitCamera& camera, int viewportHeight) const {
    // A surface within a pixel of the full mesh looks the same: the shading uses the full mesh's
    // normals, so only the silhouette could show it, and multisampling smooths that.
    return chooseDetailLevel(levelErrorsMm_, nearestPixelMm(camera, viewportHeight));
}

float HeadRenderer::nearestPixelMm(const OrbitCamera& camera, int viewportHeight) const {
    // A pixel covers the least skin on the nearest part of the head, seen head-on.
    return camera.pixelSizeMm(std::max(camera.distance - boundingRadiusMm_, 1.0f), viewportHeight);
}

void HeadRenderer::draw(const OrbitCamera& camera, int viewportWidth, int viewportHeight,
                        const ShadingSettings& settings, const PigmentView& pigment) const {
    // The framebuffer holds sRGB-encoded values (the shader encodes), so clear with sRGB too.
    glClearColor(settings.backgroundSrgb.x, settings.backgroundSrgb.y, settings.backgroundSrgb.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glEnable(GL_CULL_FACE);
    glEnable(GL_MULTISAMPLE);

    // Which features this frame needs decides the program variant (see head.frag).
    const bool useTexture = settings.useMeshAlbedo && bool(albedo_);
    const bool showPigment = pigment.field && pigment.bake;
    const bool directDots = showPigment && nearestPixelMm(camera, viewportHeight) < pigment.bake->scalpTexelMm();
    const bool overlay = pigment.layers && settings.overlay != ShadingSettings::Overlay::None;
    std::vector<std::string> defines;
    if (useTexture) defines.push_back("ALBEDO_TEXTURE");
    if (settings.showScalpOverlay) defines.push_back("SCALP_OVERLAY");
    if (showPigment) defines.push_back("PIGMENT");
    if (directDots) defines.push_back("DIRECT_DOTS");
    if (pigment.layers) defines.push_back("LAYERS");
    if (pigment.layers && settings.longHair) defines.push_back("LONG_HAIR");
    // Overlays follow ShadingSettings::Overlay: None, then the layers in LayerKind order.
    if (overlay) defines.push_back("OVERLAY_KIND " + std::to_string(int(settings.overlay)));
    if (settings.brushCursor.visible) defines.push_back("BRUSH_CURSOR");
    // The skin's pores and fine lines (shaders/skin_detail.glsl) need pixels under 0.2 mm.
    if (nearestPixelMm(camera, viewportHeight) < kSkinDetailPixelMm) defines.push_back("SKIN_DETAIL");
    const GLuint program = programFor(defines);

    const float aspect = float(viewportWidth) / float(std::max(viewportHeight, 1));
    const glm::mat4 view = camera.view();
    const glm::mat4 viewProjection = camera.projection(aspect) * view;
    glUseProgram(program);
    glUniformMatrix4fv(glGetUniformLocation(program, "uViewProjection"), 1, GL_FALSE, glm::value_ptr(viewProjection));
    glUniform3fv(glGetUniformLocation(program, "uEye"), 1, glm::value_ptr(camera.eye()));
    // Lights follow the camera, like a practitioner's lamp over their shoulder.
    const LightingPreset& light = lightingPreset(settings.lighting);
    const glm::mat3 cameraToWorld = glm::transpose(glm::mat3(view));
    const glm::vec3 keyLight = glm::normalize(cameraToWorld * light.keyDirection);
    const glm::vec3 fillLight = glm::normalize(cameraToWorld * light.fillDirection);
    glUniform3fv(glGetUniformLocation(program, "uKeyLightDirection"), 1, glm::value_ptr(keyLight));
    glUniform3fv(glGetUniformLocation(program, "uFillLightDirection"), 1, glm::value_ptr(fillLight));
    glUniform3fv(glGetUniformLocation(program, "uKeyRadiance"), 1, glm::value_ptr(light.keyRadiance));
    glUniform3fv(glGetUniformLocation(program, "uFillRadiance"), 1, glm::value_ptr(light.fillRadiance));
    glUniform3fv(glGetUniformLocation(program, "uSkyAmbient"), 1, glm::value_ptr(light.skyAmbient));
    glUniform3fv(glGetUniformLocation(program, "uGroundAmbient"), 1, glm::value_ptr(light.groundAmbient));
    glUniform1f(glGetUniformLocation(program, "uSkinRoughness"), light.skinRoughness);
    glUniform3fv(glGetUniformLocation(program, "uSkinAlbedo"), 1, glm::value_ptr(srgbToLinear(settings.skinAlbedoSrgb)));
    glUniform3fv(glGetUniformLocation(program, "uHairAlbedo"), 1, glm::value_ptr(srgbToLinear(settings.hairAlbedoSrgb)));
    if (useTexture) glBindTextureUnit(TEXTURE_ALBEDO, albedo_.get());
    if (pigment.layers) {
        glBindTextureUnit(TEXTURE_SHADING_LAYER, pigment.layers->texture(LayerKind::Shading));
        glBindTextureUnit(TEXTURE_SCAR_LAYER, pigment.layers->texture(LayerKind::Scar));
        glBindTextureUnit(TEXTURE_NATIVE_HAIR, pigment.layers->texture(LayerKind::NativeHair));
    }
    if (overlay) {
        glBindTextureUnit(TEXTURE_OVERLAY_LAYER, pigment.layers->texture(LayerKind(int(settings.overlay) - 1)));
        glBindTextureUnit(TEXTURE_HAIRLINE_MASK, pigment.layers->texture(LayerKind::Hairline));
    }
    const auto& cursor = settings.brushCursor;
    glUniform4f(glGetUniformLocation(program, "uBrushCursor"), cursor.centerMm.x, cursor.centerMm.y, cursor.centerMm.z,
                cursor.radiusMm);
    glUniform1i(glGetUniformLocation(program, "uBrushMirrored"), cursor.mirrored);
    if (showPigment) {
        pigment.field->bindForDots(program);
        glBindTextureUnit(TEXTURE_PIGMENT, pigment.bake->texture());
        glUniform1f(glGetUniformLocation(program, "uPigmentTexelMm"), pigment.bake->scalpTexelMm());
        glUniform3fv(glGetUniformLocation(program, "uInkAlbedo"), 1, glm::value_ptr(srgbToLinear(settings.inkAlbedoSrgb)));
        glUniform1f(glGetUniformLocation(program, "uDesignShown"), settings.showDesign ? 1.0f : 0.0f);
        glUniform3fv(glGetUniformLocation(program, "uDiffusionGain"), 1, glm::value_ptr(settings.diffusionGain));
        glUniform1f(glGetUniformLocation(program, "uDotCrisp"), settings.dotCrisp);
    }

    glBindVertexArray(vertexArray_.get());
    const LevelRange& level = levels_[detailLevelFor(camera, viewportHeight)];
    glDrawElements(GL_TRIANGLES, level.count, GL_UNSIGNED_INT, reinterpret_cast<const void*>(level.offset));
    glBindVertexArray(0);
}

}  // namespace stipple
