#include "gpu/ImpressionField.h"

#include "gpu/Bindings.h"
#include "gpu/ShaderLibrary.h"

#include <glm/geometric.hpp>
#include <glm/vec4.hpp>

#include <algorithm>
#include <stdexcept>

namespace stipple {
namespace {

// Mirrors GpuCandidate in shaders/candidates.glsl (std430: three vec4).
struct GpuCandidate {
    glm::vec4 scatterInput;  // uv, rank, scalp weight
    glm::vec4 position;
    glm::vec4 normal;
};

constexpr GLuint kWorkGroupSize = 128;  // local_size_x of scatter.comp and compact.comp
constexpr GLuint kComposeGroupSize = 8;  // local_size_x and local_size_y of compose.comp
constexpr GLsizeiptr kDotStateBytes = sizeof(ImpressionField::DotState);

GlBuffer uploadBuffer(GLsizeiptr bytes, const void* data) {
    GlBuffer buffer = createBuffer();
    // An empty pool still gets a valid (one word) buffer so bindings stay legal.
    glNamedBufferStorage(buffer.get(), std::max<GLsizeiptr>(bytes, 4), bytes > 0 ? data : nullptr, 0);
    return buffer;
}

}  // namespace

ImpressionField::ImpressionField(const CandidatePool& pool, const CandidateGrid& grid)
    : candidateCount_(pool.size()),
      maxDensityPerCm2_(pool.params.maxDensityPerCm2),
      poolSeed_(pool.params.seed),
      grid_{grid.cellSizeMm, grid.maxDotRadiusMm, grid.bucketMask},
      scatterProgram_(buildProgram({"scatter.comp"})),
      compactProgram_(buildProgram({"compact.comp"})),
      composeProgram_(buildProgram({"compose.comp"})) {
    std::vector<GpuCandidate> packed(pool.size());
    positions_.resize(pool.size());
    for (std::size_t i = 0; i < pool.size(); ++i) {
        const Candidate& c = pool.candidates[i];
        packed[i] = {glm::vec4(c.uv, c.rank, c.scalpWeight), glm::vec4(c.position, 0.0f), glm::vec4(c.normal, 0.0f)};
        positions_[i] = c.position;
    }
    candidates_ = uploadBuffer(GLsizeiptr(packed.size() * sizeof(GpuCandidate)), packed.data());
    // Every candidate starts as no dot with a count of 0; each scatter then moves both together.
    const std::vector<DotState> inactive(pool.size(), DotState{0.0f, 0.0f, 0u, kNoDot});
    dotStates_ = uploadBuffer(GLsizeiptr(pool.size()) * kDotStateBytes, inactive.data());
    const std::uint32_t zero = 0;
    activeCount_ = uploadBuffer(sizeof zero, &zero);
    // The compacted list: a count followed by up to one id per candidate.
    activeList_ = uploadBuffer(GLsizeiptr((pool.size() + 1) * sizeof(std::uint32_t)), nullptr);
    scatterIds_ = createBuffer();
    bucketStart_ = uploadBuffer(GLsizeiptr(grid.bucketStart.size() * sizeof(std::uint32_t)), grid.bucketStart.data());
    gridEntries_ = uploadBuffer(GLsizeiptr(grid.entries.size() * sizeof(std::uint32_t)), grid.entries.data());
    setDensity(DensityMap::uniform(0.0f));
    setNativeHair(DensityMap::uniform(0.0f), ScatterParams{});
}

void ImpressionField::sizeDensity(DensityTexture& target, int width, int height) {
    if (width == target.width && height == target.height) return;
    target.texture = createTexture(GL_TEXTURE_2D);
    glTextureStorage2D(target.texture.get(), 1, GL_R32F, width, height);
    target.width = width;
    target.height = height;
}

void ImpressionField::upload(DensityTexture& target, const DensityMap& map) {
    sizeDensity(target, map.width(), map.height());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTextureSubImage2D(target.texture.get(), 0, 0, 0, map.width(), map.height(), GL_RED, GL_FLOAT, map.texels().data());
}

void ImpressionField::setDensity(const DensityMap& density) { upload(density_, density); }

void ImpressionField::setNativeHair(const DensityMap& hair, const ScatterParams& stubble) {
    upload(hair_, hair);
    stubble_ = stubble;
    hasHair_ = std::any_of(hair.texels().begin(), hair.texels().end(), [](float d) { return d > 0.0f; });
}

float ImpressionField::maxDotReachMm() const {
    return hasHair_ ? std::max(grid_.maxDotRadiusMm, stubbleReachMm(stubbleLook_)) : grid_.maxDotRadiusMm;
}

void ImpressionField::setRankWindow(float fromFraction, float toFraction) { rankWindow_ = {fromFraction, toFraction}; }

void ImpressionField::composeDensity(const LayerTextures& layers, const TexelRect& rect) {
    const int width = layers.width(LayerKind::Density), height = layers.height(LayerKind::Density);
    if (layers.width(LayerKind::Hairline) != width || layers.height(LayerKind::Hairline) != height)
        throw std::logic_error("the GPU composes the density only where the hairline layer has the density layer's size");
    TexelRect texels = rect;
    if (width != density_.width || height != density_.height) {
        sizeDensity(density_, width, height);
        texels = {0, 0, width, height};
    }
    if (texels.empty()) return;
    const GLuint program = composeProgram_.get();
    glUseProgram(program);
    glBindImageTexture(IMAGE_COMPOSE_DENSITY_LAYER, layers.texture(LayerKind::Density), 0, GL_FALSE, 0, GL_READ_ONLY, GL_R32F);
    glBindImageTexture(IMAGE_COMPOSE_HAIRLINE_LAYER, layers.texture(LayerKind::Hairline), 0, GL_FALSE, 0, GL_READ_ONLY, GL_R32F);
    glBindImageTexture(IMAGE_COMPOSE_DENSITY, density_.texture.get(), 0, GL_FALSE, 0, GL_WRITE_ONLY, GL_R32F);
    glUniform2i(glGetUniformLocation(program, "uOrigin"), texels.x0, texels.y0);
    glUniform2i(glGetUniformLocation(program, "uSize"), texels.x1 - texels.x0, texels.y1 - texels.y0);
    glDispatchCompute((GLuint(texels.x1 - texels.x0) + kComposeGroupSize - 1) / kComposeGroupSize,
                      (GLuint(texels.y1 - texels.y0) + kComposeGroupSize - 1) / kComposeGroupSize, 1);
    // The scatter fetches the density as a texture.
    glMemoryBarrier(GL_TEXTURE_FETCH_BARRIER_BIT | GL_TEXTURE_UPDATE_BARRIER_BIT);
}

void ImpressionField::copyNativeHair(const LayerTextures& layers, const TexelRect& rect) {
    const int width = layers.width(LayerKind::NativeHair), height = layers.height(LayerKind::NativeHair);
    TexelRect texels = rect;
    if (width != hair_.width || height != hair_.height) {
        sizeDensity(hair_, width, height);
        texels = {0, 0, width, height};
    }
    if (texels.empty()) return;
    hasHair_ = true;  // a brush painted it: likely some
    glCopyImageSubData(layers.texture(LayerKind::NativeHair), GL_TEXTURE_2D, 0, texels.x0, texels.y0, 0, hair_.texture.get(),
                       GL_TEXTURE_2D, 0, texels.x0, texels.y0, 0, texels.x1 - texels.x0, texels.y1 - texels.y0, 1);
}

void ImpressionField::scatter(const ScatterParams& look) {
    dispatchScatter(look, GLuint(candidateCount_), false);
}

void ImpressionField::scatterAround(const ScatterParams& look, const glm::vec3& centerMm, float radiusMm) {
    std::vector<std::uint32_t> ids;
    const float radiusSquared = radiusMm * radiusMm;
    for (std::size_t i = 0; i < positions_.size(); ++i) {
        const glm::vec3 d = positions_[i] - centerMm;
        if (glm::dot(d, d) <= radiusSquared) ids.push_back(std::uint32_t(i));
    }
    if (ids.empty()) return;
    glNamedBufferData(scatterIds_.get(), GLsizeiptr(ids.size() * sizeof(std::uint32_t)), ids.data(), GL_STREAM_DRAW);
    dispatchScatter(look, GLuint(ids.size()), true);
}

void ImpressionField::dispatchScatter(const ScatterParams& look, GLuint threads, bool useIdList) {
    if (threads == 0) return;
    const GLuint program = scatterProgram_.get();
    glUseProgram(program);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_CANDIDATES, candidates_.get());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_DOT_STATES, dotStates_.get());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_ACTIVE_COUNT, activeCount_.get());
    if (useIdList) glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_SCATTER_IDS, scatterIds_.get());
    glBindTextureUnit(TEXTURE_SCATTER_DENSITY, density_.texture.get());
    glBindTextureUnit(TEXTURE_SCATTER_HAIR, hair_.texture.get());
    glUniform1ui(glGetUniformLocation(program, "uCount"), threads);
    glUniform1i(glGetUniformLocation(program, "uUseIdList"), useIdList);
    glUniform1f(glGetUniformLocation(program, "uMaxDensityPerCm2"), maxDensityPerCm2_);
    const auto setLook = [program](const char* name, const ScatterParams& params) {
        glUniform4f(glGetUniformLocation(program, name), params.needleDiameterMm, params.diameterJitter, params.shade,
                    params.shadeJitter);
    };
    setLook("uImpressionLook", look);
    setLook("uStubbleLook", stubble_);
    glUniform1ui(glGetUniformLocation(program, "uSeed"), poolSeed_);
    glUniform2f(glGetUniformLocation(program, "uRankWindow"), rankWindow_.x, rankWindow_.y);
    glDispatchCompute((threads + kWorkGroupSize - 1) / kWorkGroupSize, 1, 1);
    glMemoryBarrier(GL_SHADER_STORAGE_BARRIER_BIT | GL_BUFFER_UPDATE_BARRIER_BIT);
}

std::uint32_t ImpressionField::activeCount() const {
    std::uint32_t count = 0;
    glGetNamedBufferSubData(activeCount_.get(), 0, sizeof count, &count);
    return count;
}

std::vector<std::uint32_t> ImpressionField::activeIds() const {
    if (candidateCount_ == 0) return {};
    const std::uint32_t zero = 0;
    glClearNamedBufferSubData(activeList_.get(), GL_R32UI, 0, sizeof zero, GL_RED_INTEGER, GL_UNSIGNED_INT, &zero);
    const GLuint program = compactProgram_.get();
    glUseProgram(program);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_DOT_STATES, dotStates_.get());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_ACTIVE_LIST, activeList_.get());
    glUniform1ui(glGetUniformLocation(program, "uCount"), GLuint(candidateCount_));
    glDispatchCompute(GLuint((candidateCount_ + kWorkGroupSize - 1) / kWorkGroupSize), 1, 1);
    glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
    std::uint32_t listed = 0;
    glGetNamedBufferSubData(activeList_.get(), 0, sizeof listed, &listed);
    std::vector<std::uint32_t> ids(listed);
    if (!ids.empty())
        glGetNamedBufferSubData(activeList_.get(), sizeof(std::uint32_t), GLsizeiptr(ids.size() * sizeof(std::uint32_t)),
                                ids.data());
    // The atomic append leaves them in whatever order the threads ran.
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<ImpressionField::DotState> ImpressionField::dotStates() const {
    std::vector<DotState> states(candidateCount_);
    if (!states.empty())
        glGetNamedBufferSubData(dotStates_.get(), 0, GLsizeiptr(states.size()) * kDotStateBytes, states.data());
    return states;
}

void ImpressionField::bindForDots(GLuint program) const {
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_CANDIDATES, candidates_.get());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_DOT_STATES, dotStates_.get());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_GRID_BUCKETS, bucketStart_.get());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_GRID_ENTRIES, gridEntries_.get());
    glUniform1f(glGetUniformLocation(program, "uGridCellMm"), grid_.cellSizeMm);
    glUniform1ui(glGetUniformLocation(program, "uGridBucketMask"), grid_.bucketMask);
    glUniform1f(glGetUniformLocation(program, "uStubbleLengthMm"), stubbleLook_.lengthMm);
    glUniform1f(glGetUniformLocation(program, "uGreyHairShare"), stubbleLook_.greyShare);
    glUniform3f(glGetUniformLocation(program, "uHairWhorlMm"), stubbleLook_.whorlMm.x, stubbleLook_.whorlMm.y,
                stubbleLook_.whorlMm.z);
    glUniform1i(glGetUniformLocation(program, "uHasHair"), hasHair_);
}

}  // namespace stipple
