#include "gpu/ShaderLibrary.h"

#include "core/Error.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace stipple {
namespace {

constexpr int kMaxIncludeDepth = 8;

std::string readShaderFile(const std::string& fileName) {
    const std::filesystem::path path = std::filesystem::path(STIPPLE_SHADER_DIR) / fileName;
    std::ifstream in(path);
    if (!in) throw InternalError("shader file " + path.string() + " cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string expandIncludes(const std::string& fileName, int depth) {
    if (depth > kMaxIncludeDepth) throw InternalError("shader " + fileName + ": includes nest too deeply");
    std::istringstream source(readShaderFile(fileName));
    std::string expanded, line;
    while (std::getline(source, line)) {
        const std::string directive = "#include \"";
        if (line.rfind(directive, 0) == 0) {
            const std::size_t end = line.find('"', directive.size());
            if (end == std::string::npos) throw InternalError("shader " + fileName + ": malformed " + line);
            expanded += expandIncludes(line.substr(directive.size(), end - directive.size()), depth + 1);
        } else {
            expanded += line;
            expanded += '\n';
        }
    }
    return expanded;
}

GLenum stageOf(const std::string& fileName) {
    const std::string extension = std::filesystem::path(fileName).extension().string();
    if (extension == ".vert") return GL_VERTEX_SHADER;
    if (extension == ".frag") return GL_FRAGMENT_SHADER;
    if (extension == ".comp") return GL_COMPUTE_SHADER;
    throw InternalError("shader " + fileName + ": unknown stage (expected .vert, .frag or .comp)");
}

std::string infoLog(GLuint object, bool isProgram) {
    GLint length = 0;
    isProgram ? glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length) : glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(std::size_t(length > 0 ? length : 1), '\0');
    isProgram ? glGetProgramInfoLog(object, length, nullptr, log.data())
              : glGetShaderInfoLog(object, length, nullptr, log.data());
    return log.data();
}

}  // namespace

std::string loadShaderSource(const std::string& fileName) { return expandIncludes(fileName, 0); }

GlProgram buildProgram(std::initializer_list<const char*> stageFiles, const std::vector<std::string>& defines) {
    GlProgram program(glCreateProgram());
    std::vector<GLuint> shaders;
    const auto deleteShaders = [&] {
        for (GLuint shader : shaders) glDeleteShader(shader);
    };
    for (const char* fileName : stageFiles) {
        std::string source = loadShaderSource(fileName);
        std::string defineLines;
        for (const std::string& define : defines) defineLines += "#define " + define + "\n";
        source.insert(source.find('\n') + 1, defineLines);  // after #version, which must come first
        const GLuint shader = glCreateShader(stageOf(fileName));
        shaders.push_back(shader);
        const char* text = source.c_str();
        glShaderSource(shader, 1, &text, nullptr);
        glCompileShader(shader);
        GLint compiled = GL_FALSE;
        glGetShaderiv(shader, GL_COMPILE_STATUS, &compiled);
        if (!compiled) {
            const std::string log = infoLog(shader, false);
            deleteShaders();
            throw InternalError("shader " + std::string(fileName) + " does not compile:\n" + log);
        }
        glAttachShader(program.get(), shader);
    }
    glLinkProgram(program.get());
    deleteShaders();
    GLint linked = GL_FALSE;
    glGetProgramiv(program.get(), GL_LINK_STATUS, &linked);
    if (!linked) throw InternalError("shader program does not link:\n" + infoLog(program.get(), true));
    return program;
}

}  // namespace stipple
