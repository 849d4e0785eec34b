#include "gpu/PaintPass.h"

#include "gpu/Bindings.h"
#include "gpu/ShaderLibrary.h"

#include <glm/vec4.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace stipple {
namespace {

constexpr GLuint kGroupSize = 8;  // local_size_x and local_size_y of paint.comp

// AtlasTexel and CellEntry in paint.comp (std430: a vec3 and a uint share 16 bytes).
struct GpuAtlasTexel {
    glm::vec3 positionMm;
    std::uint32_t source;
};
struct GpuCellEntry {
    glm::vec3 positionMm;
    std::uint32_t texel;
};
static_assert(sizeof(GpuAtlasTexel) == 16 && sizeof(GpuCellEntry) == 16, "std430 layout");

template <class T>
GlBuffer uploadBuffer(const std::vector<T>& values) {
    GlBuffer buffer = createBuffer();
    // Never empty, so bindings stay legal.
    glNamedBufferStorage(buffer.get(), GLsizeiptr(std::max<std::size_t>(values.size() * sizeof(T), 4)),
                         values.empty() ? nullptr : values.data(), 0);
    return buffer;
}

GlTexture floatTexture(int width, int height) {
    GlTexture texture = createTexture(GL_TEXTURE_2D);
    glTextureStorage2D(texture.get(), 1, GL_R32F, width, height);
    return texture;
}

}  // namespace

PaintPass::PaintPass(LayerSet& layers, LayerTextures& textures)
    : layers_(layers), textures_(textures), program_(buildProgram({"paint.comp"})), segments_(createBuffer()) {
    for (LayerKind kind : kLayerKinds) {
        const SurfaceAtlas& atlas = layers.atlas(kind);
        if (textures.width(kind) != atlas.width() || textures.height(kind) != atlas.height())
            throw std::logic_error("the layer textures do not have the layers' sizes");
        // Layers of the same size share one atlas: upload it once.
        auto found = std::find_if(atlases_.begin(), atlases_.end(), [&](const AtlasBuffers& a) { return a.atlas == &atlas; });
        if (found == atlases_.end()) {
            std::vector<GpuAtlasTexel> texels(atlas.texelCount());
            for (std::size_t texel = 0; texel < texels.size(); ++texel) texels[texel] = {atlas.position(texel), atlas.source(texel)};
            std::vector<GpuCellEntry> entries(atlas.cellTexels().size());
            for (std::size_t e = 0; e < entries.size(); ++e) entries[e] = {atlas.cellPositions()[e], atlas.cellTexels()[e]};
            atlases_.push_back({&atlas, uploadBuffer(texels), uploadBuffer(atlas.cellStart()), uploadBuffer(entries)});
            found = atlases_.end() - 1;
        }
        Scratch& scratch = scratch_[std::size_t(kind)];
        scratch.atlas = std::size_t(found - atlases_.begin());
        scratch.before = floatTexture(atlas.width(), atlas.height());
        scratch.influence = floatTexture(atlas.width(), atlas.height());
        scratch.mean = floatTexture(atlas.width(), atlas.height());
    }
}

void PaintPass::begin(LayerKind kind) {
    const Scratch& scratch = scratch_[std::size_t(kind)];
    glCopyImageSubData(textures_.texture(kind), GL_TEXTURE_2D, 0, 0, 0, 0, scratch.before.get(), GL_TEXTURE_2D, 0, 0, 0, 0,
                       textures_.width(kind), textures_.height(kind), 1);
    const float zero = 0.0f;
    glClearTexImage(scratch.influence.get(), 0, GL_RED, GL_FLOAT, &zero);
}

void PaintPass::paint(const StrokeInfluence::Target& target, const BrushSettings& brush, const std::vector<glm::vec3>& segmentEnds,
                      const TexelRect& rect) {
    if (rect.empty() || segmentEnds.size() < 2) return;
    std::vector<glm::vec4> ends;
    for (const glm::vec3& p : segmentEnds) ends.emplace_back(p, 0.0f);
    glNamedBufferData(segments_.get(), GLsizeiptr(ends.size() * sizeof(glm::vec4)), ends.data(), GL_STREAM_DRAW);

    const Scratch& scratch = scratch_[std::size_t(target.kind)];
    const AtlasBuffers& buffers = atlases_[scratch.atlas];
    const SurfaceAtlas& atlas = *buffers.atlas;
    const LayerSpec& spec = layerSpec(target.kind);
    const GLuint program = program_.get();
    glUseProgram(program);
    glBindImageTexture(IMAGE_PAINT_LAYER, textures_.texture(target.kind), 0, GL_FALSE, 0, GL_WRITE_ONLY, GL_R32F);
    glBindImageTexture(IMAGE_PAINT_INFLUENCE, scratch.influence.get(), 0, GL_FALSE, 0, GL_READ_WRITE, GL_R32F);
    glBindImageTexture(IMAGE_PAINT_MEAN, scratch.mean.get(), 0, GL_FALSE, 0, GL_READ_WRITE, GL_R32F);
    glBindImageTexture(IMAGE_PAINT_BEFORE, scratch.before.get(), 0, GL_FALSE, 0, GL_READ_ONLY, GL_R32F);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_PAINT_ATLAS, buffers.texels.get());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_PAINT_SEGMENTS, segments_.get());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_PAINT_CELL_START, buffers.cellStart.get());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_PAINT_CELL_ENTRIES, buffers.cellEntries.get());
    const auto uniform = [&](const char* name) { return glGetUniformLocation(program, name); };
    glUniform2i(uniform("uOrigin"), rect.x0, rect.y0);
    glUniform2i(uniform("uSize"), rect.x1 - rect.x0, rect.y1 - rect.y0);
    glUniform1i(uniform("uLayerWidth"), atlas.width());
    glUniform1ui(uniform("uSegmentCount"), GLuint(segmentEnds.size() / 2));
    glUniform1f(uniform("uRadiusMm"), brush.radiusMm);
    glUniform1f(uniform("uRadius2"), brush.radiusMm * brush.radiusMm);
    glUniform1f(uniform("uStrength"), brush.strength);
    glUniform1f(uniform("uHardness"), brush.hardness);
    glUniform1i(uniform("uMode"), int(target.mode));
    glUniform1f(uniform("uValue"), target.value);
    glUniform1f(uniform("uMinValue"), spec.minValue);
    glUniform1f(uniform("uMaxValue"), spec.maxValue);
    // The smoothing query's constants, rounded as SurfaceAtlas::forEachTexelNear rounds them.
    const float smoothRadius = smoothingRadiusMm(brush.radiusMm);
    const float cellReach = smoothRadius + 0.8661f * atlas.cellSizeMm();
    glUniform3f(uniform("uGridOriginMm"), atlas.gridOriginMm().x, atlas.gridOriginMm().y, atlas.gridOriginMm().z);
    glUniform1f(uniform("uCellSizeMm"), atlas.cellSizeMm());
    glUniform3i(uniform("uGridCells"), atlas.gridCells().x, atlas.gridCells().y, atlas.gridCells().z);
    glUniform1f(uniform("uSmoothRadiusMm"), smoothRadius);
    glUniform1f(uniform("uSmoothRadius2"), smoothRadius * smoothRadius);
    glUniform1f(uniform("uCellReach2"), cellReach * cellReach);
    glDispatchCompute((GLuint(rect.x1 - rect.x0) + kGroupSize - 1) / kGroupSize,
                      (GLuint(rect.y1 - rect.y0) + kGroupSize - 1) / kGroupSize, 1);
    // The next batch reads the influence and means; the viewport, the density compose and
    // read-backs read the layer.
    glMemoryBarrier(GL_SHADER_IMAGE_ACCESS_BARRIER_BIT | GL_TEXTURE_FETCH_BARRIER_BIT | GL_TEXTURE_UPDATE_BARRIER_BIT);
}

}  // namespace stipple
