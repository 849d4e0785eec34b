#include "gpu/PigmentBake.h"

#include "core/Error.h"
#include "core/PigmentMapLayout.h"
#include "core/SkinDiffusion.h"
#include "gpu/Bindings.h"
#include "gpu/ShaderLibrary.h"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <utility>
#include <stdexcept>

namespace stipple {
namespace {

// Islands are padded this many texels outwards: enough for filtering down to the
// mip level where a texel is 8 base texels.
constexpr int kPaddingTexels = 8;
constexpr GLuint kPadWorkGroupSize = 128;  // local_size_x of pad.comp

struct BakeVertex {
    glm::vec3 position;
    glm::vec2 uv;
};

int mipLevelsFor(int size) { return 1 + int(std::floor(std::log2(float(size)))); }

// Red for the dots, green for the client's hair, blue for the dots' halo, alpha for grey hair, in
// 16 bits each: the halo is multiplied by a gain of up to 60 (core/DotOptics.h), and in 8 bits a
// deep deposit's faint shadow came out in two or three levels, its red channel 1.5 times as dark
// as the fit (measured on the close-up, healed at 1 mm).
GLenum mapFormat(float haloSigmaMm) { return haloSigmaMm > 0.0f ? GL_RGBA16 : GL_RG8; }
const char* mapFormatQualifier(float haloSigmaMm) { return haloSigmaMm > 0.0f ? "MAP_FORMAT rgba16" : "MAP_FORMAT rg8"; }

// GL rows run from v = 0 up; images run top down.
template <class Texel>
void flipRows(std::vector<Texel>& texels, std::size_t rowLength, int rows) {
    for (int y = 0; y < rows / 2; ++y)
        std::swap_ranges(texels.begin() + std::ptrdiff_t(std::size_t(y) * rowLength),
                         texels.begin() + std::ptrdiff_t(std::size_t(y + 1) * rowLength),
                         texels.begin() + std::ptrdiff_t(std::size_t(rows - 1 - y) * rowLength));
}

}  // namespace

PigmentBake::PigmentBake(const HeadMesh& mesh, int size, float haloSigmaMm, float haloTail)
    : size_(size),
      haloSigmaMm_(haloSigmaMm),
      haloTail_(haloTail),
      format_(mapFormat(haloSigmaMm)),
      scalpTexels_(scalpTexelSizes(mesh, size)),
      positions_(mesh.positions),
      uvs_(mesh.uvs),
      triangles_(mesh.triangles),
      bakeProgram_(buildProgram({"bake.vert", "bake.frag"})),
      islandsProgram_(buildProgram({"bake.vert", "bake.frag"}, {"MARK_ISLANDS"})),
      haloProgram_(buildProgram({"bake.vert", "bake.frag"}, {"HALO"})),
      padProgram_(buildProgram({"pad.comp"}, {mapFormatQualifier(haloSigmaMm)})),
      mipProgram_(buildProgram({"mip.comp"}, {mapFormatQualifier(haloSigmaMm)})) {
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
    if (size < 64 || size > maxSize || size > 65535)
        throw InputError("pigment map size " + std::to_string(size) + " is outside 64.." +
                         std::to_string(std::min(maxSize, 65535)) + " on this GL");
    uploadMesh(mesh);
    createMap();
}

void PigmentBake::uploadMesh(const HeadMesh& mesh) {
    std::vector<BakeVertex> vertices(mesh.vertexCount());
    for (std::size_t i = 0; i < vertices.size(); ++i) vertices[i] = {mesh.positions[i], mesh.uvs[i]};
    vertexBuffer_ = createBuffer();
    glNamedBufferStorage(vertexBuffer_.get(), GLsizeiptr(vertices.size() * sizeof(BakeVertex)), vertices.data(), 0);
    allTriangles_ = createBuffer();
    glNamedBufferStorage(allTriangles_.get(), GLsizeiptr(triangles_.size() * sizeof(glm::uvec3)), triangles_.data(), 0);
    vertexArray_ = createVertexArray();
    const GLuint vao = vertexArray_.get();
    glVertexArrayVertexBuffer(vao, 0, vertexBuffer_.get(), 0, sizeof(BakeVertex));
    glEnableVertexArrayAttrib(vao, 0);
    glVertexArrayAttribFormat(vao, 0, 3, GL_FLOAT, GL_FALSE, offsetof(BakeVertex, position));
    glVertexArrayAttribBinding(vao, 0, 0);
    glEnableVertexArrayAttrib(vao, 2);
    glVertexArrayAttribFormat(vao, 2, 2, GL_FLOAT, GL_FALSE, offsetof(BakeVertex, uv));
    glVertexArrayAttribBinding(vao, 2, 0);
}

void PigmentBake::createMap() {
    texture_ = createTexture(GL_TEXTURE_2D);
    glTextureStorage2D(texture_.get(), mipLevelsFor(size_), format_, size_, size_);
    // Bilinear within the nearest mip level: coverage is smooth at every level, and trilinear
    // filtering costs software GL a second set of fetches on every pixel of the scalp.
    glTextureParameteri(texture_.get(), GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);
    glTextureParameteri(texture_.get(), GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTextureParameteri(texture_.get(), GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTextureParameteri(texture_.get(), GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    if (haloSigmaMm_ > 0.0f) {
        // The halo blends two coarser levels into level 0: a view without level 0 lets it read
        // them while drawing there.
        GLuint view = 0;
        glGenTextures(1, &view);
        glTextureView(view, GL_TEXTURE_2D, texture_.get(), GL_RGBA16, 1, GLuint(mipLevelsFor(size_) - 1), 0, 1);
        coarseLevels_ = GlTexture(view);
        glTextureParameteri(view, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);  // whole levels only
        glTextureParameteri(view, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTextureParameteri(view, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTextureParameteri(view, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        // A halo narrower than level 1's texels reads the full-size coverage: a copy of level 0,
        // since that level is being drawn into.
        fullLevelCopy_ = createTexture(GL_TEXTURE_2D);
        glTextureStorage2D(fullLevelCopy_.get(), 1, GL_RGBA16, size_, size_);
        glTextureParameteri(fullLevelCopy_.get(), GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTextureParameteri(fullLevelCopy_.get(), GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTextureParameteri(fullLevelCopy_.get(), GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTextureParameteri(fullLevelCopy_.get(), GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    framebuffer_ = createFramebuffer();
    glNamedFramebufferTexture(framebuffer_.get(), GL_COLOR_ATTACHMENT0, texture_.get(), 0);
    if (glCheckNamedFramebufferStatus(framebuffer_.get(), GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw InternalError("pigment map framebuffer is incomplete");
}

void PigmentBake::draw(GLuint program, const ImpressionField* field, const Region* region) {
    GLint previousFramebuffer = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previousFramebuffer);
    GLint previousViewport[4];
    glGetIntegerv(GL_VIEWPORT, previousViewport);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
    glViewport(0, 0, size_, size_);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);   // UV islands may be mirrored
    glDisable(GL_MULTISAMPLE); // one sample a texel: its centre's point on the skin
    glUseProgram(program);
    if (field) field->bindForDots(program);
    GLsizei indexCount = GLsizei(triangles_.size() * 3);
    GLuint indices = allTriangles_.get();
    if (region) {
        regionTriangles_ = createBuffer();
        glNamedBufferStorage(regionTriangles_.get(), GLsizeiptr(region->triangles.size() * sizeof(glm::uvec3)),
                             region->triangles.data(), 0);
        indexCount = GLsizei(region->triangles.size() * 3);
        indices = regionTriangles_.get();
    }
    glVertexArrayElementBuffer(vertexArray_.get(), indices);
    glBindVertexArray(vertexArray_.get());
    glDrawElements(GL_TRIANGLES, indexCount, GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
    glEnable(GL_MULTISAMPLE);
    glBindFramebuffer(GL_FRAMEBUFFER, GLuint(previousFramebuffer));
    glViewport(previousViewport[0], previousViewport[1], previousViewport[2], previousViewport[3]);
}

void PigmentBake::drawHalo(const Region* region) {
    const GLuint program = haloProgram_.get();
    glUseProgram(program);
    glUniform1f(glGetUniformLocation(program, "uHaloSigmaMm"), haloSigmaMm_);
    glUniform1f(glGetUniformLocation(program, "uHaloTail"), haloTail_);
    glCopyImageSubData(texture_.get(), GL_TEXTURE_2D, 0, 0, 0, 0, fullLevelCopy_.get(), GL_TEXTURE_2D, 0, 0, 0, 0, size_,
                       size_, 1);
    glBindTextureUnit(TEXTURE_COARSE_LEVELS, coarseLevels_.get());
    glBindTextureUnit(TEXTURE_FULL_LEVEL, fullLevelCopy_.get());
    glColorMaski(0, GL_FALSE, GL_FALSE, GL_TRUE, GL_FALSE);  // the halo alone: the dots stay
    draw(program, nullptr, region);
    glColorMaski(0, GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
}

void PigmentBake::setHalo(float haloSigmaMm, float haloTail) {
    if (haloSigmaMm_ <= 0.0f || !(haloSigmaMm > 0.0f))
        throw std::logic_error("the halo's width changes only on a map baked with a halo, to a positive width");
    haloSigmaMm_ = haloSigmaMm;
    haloTail_ = haloTail;
}

void PigmentBake::bakeAll(const ImpressionField& field) {
    const float clear[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    if (!paddingPairs_) {
        glClearTexImage(texture_.get(), 0, GL_RGBA, GL_FLOAT, clear);
        draw(islandsProgram_.get(), &field);
        computePaddingPairs();
    }
    glClearTexImage(texture_.get(), 0, GL_RGBA, GL_FLOAT, clear);
    draw(bakeProgram_.get(), &field);
    pad();
    glGenerateTextureMipmap(texture_.get());
    if (haloSigmaMm_ > 0.0f) {
        drawHalo();
        pad();
        glGenerateTextureMipmap(texture_.get());
    }
}

PigmentBake::Region PigmentBake::trianglesNear(glm::vec3 centerMm, float reachMm) const {
    Region region;
    for (const glm::uvec3& t : triangles_) {
        const glm::vec3 low = glm::min(positions_[t.x], glm::min(positions_[t.y], positions_[t.z]));
        const glm::vec3 high = glm::max(positions_[t.x], glm::max(positions_[t.y], positions_[t.z]));
        const glm::vec3 nearest = glm::clamp(centerMm, low, high);
        if (glm::distance(nearest, centerMm) > reachMm) continue;
        region.triangles.push_back(t);
        for (const unsigned v : {t.x, t.y, t.z}) {
            region.uvLow = glm::min(region.uvLow, uvs_[v]);
            region.uvHigh = glm::max(region.uvHigh, uvs_[v]);
        }
    }
    return region;
}

void PigmentBake::bakeAround(const ImpressionField& field, glm::vec3 centerMm, float radiusMm) {
    // The islands' outline (for padding) is read from the first full bake.
    if (!paddingPairs_) return bakeAll(field);
    const float reach = radiusMm + field.maxDotReachMm();
    const Region dots = trianglesNear(centerMm, reach);
    if (dots.triangles.empty()) return;
    draw(bakeProgram_.get(), &field, &dots);
    pad(&dots);
    // Padding copies from up to kPaddingTexels away: those texels changed too.
    const glm::ivec2 margin(kPaddingTexels + 1);
    const auto refilter = [&](const Region& region) {
        updateMips(glm::ivec2(glm::floor(region.uvLow * float(size_))) - margin,
                   glm::ivec2(glm::ceil(region.uvHigh * float(size_))) + margin);
    };
    refilter(dots);
    if (haloSigmaMm_ > 0.0f) {
        // A texel's halo reads the coverage through mip texels of up to 4 sigma (2 texels of the
        // map where a texel is wider than 2 sigma), in the texel it lies in and the next: three
        // of those widths reach every halo the change can touch. The tail's sigma is wider.
        const float sigma = haloTail_ > 0.0f ? kHaloTailScale * haloSigmaMm_ : haloSigmaMm_;
        const Region halos = trianglesNear(centerMm, reach + 3.0f * std::max(4.0f * sigma, 2.0f * scalpTexels_.coarsestMm));
        drawHalo(&halos);
        pad(&halos);
        refilter(halos);
    }
}

void PigmentBake::updateMips(glm::ivec2 low, glm::ivec2 high) {
    glMemoryBarrier(GL_SHADER_IMAGE_ACCESS_BARRIER_BIT | GL_FRAMEBUFFER_BARRIER_BIT);
    const GLuint program = mipProgram_.get();
    glUseProgram(program);
    int levelSize = size_;
    for (int level = 1; level < mipLevelsFor(size_); ++level) {
        levelSize = std::max(1, levelSize / 2);
        // Each coarser texel averages a 2x2 block: halve the rectangle, rounding outwards.
        low = glm::clamp(glm::ivec2(glm::floor(glm::vec2(low) / 2.0f)), glm::ivec2(0), glm::ivec2(levelSize));
        high = glm::clamp(glm::ivec2(glm::ceil(glm::vec2(high) / 2.0f)), glm::ivec2(0), glm::ivec2(levelSize));
        const glm::ivec2 extent = high - low;
        if (extent.x <= 0 || extent.y <= 0) break;
        glBindImageTexture(IMAGE_MIP_FINER, texture_.get(), level - 1, GL_FALSE, 0, GL_READ_ONLY, format_);
        glBindImageTexture(IMAGE_MIP_COARSER, texture_.get(), level, GL_FALSE, 0, GL_WRITE_ONLY, format_);
        glUniform2i(glGetUniformLocation(program, "uOrigin"), low.x, low.y);
        glUniform2i(glGetUniformLocation(program, "uSize"), extent.x, extent.y);
        glDispatchCompute(GLuint((extent.x + 7) / 8), GLuint((extent.y + 7) / 8), 1);
        glMemoryBarrier(GL_SHADER_IMAGE_ACCESS_BARRIER_BIT);
    }
    glMemoryBarrier(GL_TEXTURE_FETCH_BARRIER_BIT | GL_TEXTURE_UPDATE_BARRIER_BIT);
}

void PigmentBake::computePaddingPairs() {
    // Which texels the islands cover is fixed by the UV layout: read it once from the
    // MARK_ISLANDS bake, which has just drawn the islands in green.
    const int n = size_;
    const std::size_t texels = std::size_t(n) * std::size_t(n);
    std::vector<std::uint8_t> covered(texels);  // GL rows, v = 0 first
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glGetTextureImage(texture_.get(), 0, GL_GREEN, GL_UNSIGNED_BYTE, GLsizei(texels), covered.data());
    for (std::uint8_t& texel : covered) texel = texel > 127;
    islands_.resize(texels);
    for (int y = 0; y < n; ++y)
        std::copy_n(covered.begin() + std::ptrdiff_t(std::size_t(y) * std::size_t(n)), n,
                    islands_.begin() + std::ptrdiff_t(std::size_t(n - 1 - y) * std::size_t(n)));
    PaddingPairs padding = paddingPairs(covered, n, kPaddingTexels);
    pairRowStart_ = std::move(padding.rowStart);
    const std::vector<glm::uvec2>& pairs = padding.pairs;
    paddingPairs_ = createBuffer();
    glNamedBufferStorage(paddingPairs_.get(), GLsizeiptr(std::max<std::size_t>(pairs.size(), 1) * sizeof(glm::uvec2)),
                         pairs.empty() ? nullptr : pairs.data(), 0);
}

void PigmentBake::pad(const Region* region) {
    // A target lies within kPaddingTexels of its source: the region's rows and that many more.
    int firstRow = 0, endRow = size_;
    if (region) {
        firstRow = std::max(int(std::floor(region->uvLow.y * float(size_))) - kPaddingTexels - 1, 0);
        endRow = std::min(int(std::ceil(region->uvHigh.y * float(size_))) + kPaddingTexels + 1, size_);
    }
    if (firstRow >= endRow) return;
    const std::uint32_t first = pairRowStart_[std::size_t(firstRow)];
    const std::uint32_t count = pairRowStart_[std::size_t(endRow)] - first;
    if (count == 0) return;
    glMemoryBarrier(GL_FRAMEBUFFER_BARRIER_BIT | GL_SHADER_IMAGE_ACCESS_BARRIER_BIT);
    const GLuint program = padProgram_.get();
    glUseProgram(program);
    glBindImageTexture(IMAGE_PAD_MAP, texture_.get(), 0, GL_FALSE, 0, GL_READ_WRITE, format_);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, BUFFER_PADDING_PAIRS, paddingPairs_.get());
    glUniform1ui(glGetUniformLocation(program, "uFirstPair"), first);
    glUniform1ui(glGetUniformLocation(program, "uPairCount"), count);
    glDispatchCompute((count + kPadWorkGroupSize - 1) / kPadWorkGroupSize, 1, 1);
    glMemoryBarrier(GL_SHADER_IMAGE_ACCESS_BARRIER_BIT | GL_TEXTURE_FETCH_BARRIER_BIT | GL_TEXTURE_UPDATE_BARRIER_BIT |
                    GL_FRAMEBUFFER_BARRIER_BIT);
}

Image PigmentBake::readPixels(int level) const {
    const int size = std::max(1, size_ >> level);
    Image image;
    image.width = size;
    image.height = size;
    image.rgba.resize(std::size_t(size) * std::size_t(size) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glGetTextureImage(texture_.get(), level, GL_RGBA, GL_UNSIGNED_BYTE, GLsizei(image.rgba.size()), image.rgba.data());
    flipRows(image.rgba, std::size_t(size) * 4, size);
    return image;
}

std::vector<std::uint8_t> PigmentBake::readCoverage() const {
    std::vector<std::uint8_t> coverage(std::size_t(size_) * std::size_t(size_));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glGetTextureImage(texture_.get(), 0, GL_RED, GL_UNSIGNED_BYTE, GLsizei(coverage.size()), coverage.data());
    flipRows(coverage, std::size_t(size_), size_);
    return coverage;
}

}  // namespace stipple
