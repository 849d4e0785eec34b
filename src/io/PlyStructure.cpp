// [SECTION] The header's grammar
// [SECTION] Walking the body
#include "io/PlyStructure.h"

#include "core/Error.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace stipple {
namespace {

// [SECTION] The header's grammar

enum class PlyType { Int8, UInt8, Int16, UInt16, Int32, UInt32, Float32, Float64 };

struct PlyTypeName {
    const char* name;
    PlyType type;
};
// The PLY 1.0 names and the sized ones later writers use.
constexpr PlyTypeName kPlyTypeNames[] = {
    {"char", PlyType::Int8},     {"int8", PlyType::Int8},       {"uchar", PlyType::UInt8},
    {"uint8", PlyType::UInt8},   {"short", PlyType::Int16},     {"int16", PlyType::Int16},
    {"ushort", PlyType::UInt16}, {"uint16", PlyType::UInt16},   {"int", PlyType::Int32},
    {"int32", PlyType::Int32},   {"uint", PlyType::UInt32},     {"uint32", PlyType::UInt32},
    {"float", PlyType::Float32}, {"float32", PlyType::Float32}, {"double", PlyType::Float64},
    {"float64", PlyType::Float64},
};

std::optional<PlyType> parsePlyType(const std::string& name) {
    for (const PlyTypeName& entry : kPlyTypeNames)
        if (name == entry.name) return entry.type;
    return std::nullopt;
}

std::size_t byteSize(PlyType type) {
    switch (type) {
        case PlyType::Int8: case PlyType::UInt8: return 1;
        case PlyType::Int16: case PlyType::UInt16: return 2;
        case PlyType::Int32: case PlyType::UInt32: case PlyType::Float32: return 4;
        case PlyType::Float64: return 8;
    }
    return 4;
}

bool isInteger(PlyType type) { return type != PlyType::Float32 && type != PlyType::Float64; }

// The range an integer type holds, for ASCII values and list lengths.
std::pair<long long, long long> integerRange(PlyType type) {
    switch (type) {
        case PlyType::Int8: return {-128, 127};
        case PlyType::UInt8: return {0, 255};
        case PlyType::Int16: return {-32768, 32767};
        case PlyType::UInt16: return {0, 65535};
        case PlyType::Int32: return {-2147483648LL, 2147483647LL};
        default: return {0, 4294967295LL};
    }
}

struct PlyProperty {
    std::string name;
    PlyType type = PlyType::Float32;  // of the value, or of a list's items
    std::optional<PlyType> listLength;  // set for a list: the type of its length
};

struct PlyElement {
    std::string name;
    std::uint64_t count = 0;
    std::vector<PlyProperty> properties;
};

enum class PlyFormat { Ascii, BinaryLittleEndian, BinaryBigEndian };

struct PlyHeader {
    PlyFormat format = PlyFormat::Ascii;
    std::vector<PlyElement> elements;
    std::size_t lines = 0;  // the body's first line in an ASCII file is lines + 1
};

// A header line longer than this, or more header lines than this, is not a mesh's header.
constexpr std::size_t kMaxHeaderLineBytes = 4096;
constexpr std::size_t kMaxHeaderLines = 10000;

[[noreturn]] void refuse(const std::filesystem::path& path, const std::string& problem) {
    throw InputError(path.string() + ": " + problem + " (is the PLY file damaged?)");
}

std::vector<std::string> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> result;
    for (std::string word; in >> word;) result.push_back(word);
    return result;
}

// An element's count: decimal digits only, as the grammar has it.
std::optional<std::uint64_t> parseCount(const std::string& text) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoull(text);
}

bool readLine(std::istream& in, std::string& line) {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

PlyHeader readHeader(const std::filesystem::path& path, std::istream& in) {
    PlyHeader header;
    bool formatSeen = false;
    std::string line;
    for (;;) {
        if (!readLine(in, line)) refuse(path, "the header has no \"end_header\" line");
        ++header.lines;
        const std::string where = "header line " + std::to_string(header.lines);
        if (line.size() > kMaxHeaderLineBytes || header.lines > kMaxHeaderLines)
            refuse(path, where + " is past the size of a header");
        const std::vector<std::string> tokens = words(line);
        if (header.lines == 1) {
            if (tokens.size() != 1 || tokens[0] != "ply") refuse(path, "the first line is not \"ply\"");
            continue;
        }
        if (tokens.empty() || tokens[0] == "comment" || tokens[0] == "obj_info") continue;
        const std::string& keyword = tokens[0];
        if (keyword == "end_header") {
            if (tokens.size() != 1) refuse(path, where + ": \"end_header\" is followed by more words");
            break;
        }
        if (keyword == "format") {
            if (formatSeen || !header.elements.empty())
                refuse(path, where + ": \"format\" must come once, before the elements");
            if (tokens.size() != 3 || tokens[2] != "1.0")
                refuse(path, where + ": expected \"format ascii|binary_little_endian|binary_big_endian 1.0\"");
            if (tokens[1] == "ascii") header.format = PlyFormat::Ascii;
            else if (tokens[1] == "binary_little_endian") header.format = PlyFormat::BinaryLittleEndian;
            else if (tokens[1] == "binary_big_endian") header.format = PlyFormat::BinaryBigEndian;
            else refuse(path, where + ": unknown format \"" + tokens[1] + "\"");
            formatSeen = true;
        } else if (keyword == "element") {
            const std::optional<std::uint64_t> count = tokens.size() == 3 ? parseCount(tokens[2]) : std::nullopt;
            if (!count) refuse(path, where + ": expected \"element NAME COUNT\" with a whole number");
            for (const PlyElement& element : header.elements)
                if (element.name == tokens[1]) refuse(path, where + ": element \"" + tokens[1] + "\" is declared twice");
            header.elements.push_back({tokens[1], *count, {}});
        } else if (keyword == "property") {
            if (header.elements.empty()) refuse(path, where + ": a property before any element");
            PlyProperty property;
            const bool list = tokens.size() == 5 && tokens[1] == "list";
            if (!list && tokens.size() != 3)
                refuse(path, where + ": expected \"property TYPE NAME\" or \"property list LENGTH_TYPE TYPE NAME\"");
            const std::optional<PlyType> type = parsePlyType(tokens[list ? 3 : 1]);
            if (!type) refuse(path, where + ": unknown type \"" + tokens[list ? 3 : 1] + "\"");
            property.type = *type;
            property.name = tokens.back();
            if (list) {
                property.listLength = parsePlyType(tokens[2]);
                if (!property.listLength || !isInteger(*property.listLength))
                    refuse(path, where + ": a list's length type must be an integer type, not \"" + tokens[2] + "\"");
            }
            for (const PlyProperty& other : header.elements.back().properties)
                if (other.name == property.name)
                    refuse(path, where + ": property \"" + property.name + "\" is declared twice");
            header.elements.back().properties.push_back(property);
        }
        // Any other line is skipped, as Assimp does: Blender 2.4x wrote "Created by ..." lines
        // without "comment".
    }
    if (!formatSeen) refuse(path, "the header has no \"format\" line");
    for (const PlyElement& element : header.elements)
        if (element.properties.empty()) refuse(path, "element \"" + element.name + "\" has no properties");
    return header;
}

// [SECTION] Walking the body

// Where face indices must point: the vertex element's count, when the element is a face list.
struct IndexCheck {
    bool active = false;
    std::uint64_t vertexCount = 0;
    bool allowRestart = false;  // triangle strips separate their strips with -1
};

// One for each of the element's properties.
std::vector<IndexCheck> indexChecksFor(const PlyHeader& header, const PlyElement& element) {
    std::vector<IndexCheck> checks(element.properties.size());
    if (element.name != "face" && element.name != "tristrips") return checks;
    std::uint64_t vertexCount = 0;
    for (const PlyElement& other : header.elements)
        if (other.name == "vertex") vertexCount = other.count;
    for (std::size_t p = 0; p < checks.size(); ++p) {
        const PlyProperty& property = element.properties[p];
        if (!property.listLength || (property.name != "vertex_indices" && property.name != "vertex_index")) continue;
        checks[p] = {true, vertexCount, element.name == "tristrips"};
    }
    return checks;
}

bool indexFits(double index, const IndexCheck& check) {
    return (index >= 0.0 && index < double(check.vertexCount)) || (check.allowRestart && index == -1.0);
}

std::string numberText(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

std::string instanceName(const PlyElement& element, std::uint64_t instance) {
    return "element \"" + element.name + "\" " + std::to_string(instance + 1) + " of " + std::to_string(element.count);
}

// One ASCII value of `type`: the whole token must read as a number, an integer within the
// type's range where the type is an integer.
std::optional<double> parseAsciiValue(const char* token, PlyType type) {
    char* end = nullptr;
    errno = 0;
    if (isInteger(type)) {
        const long long value = std::strtoll(token, &end, 10);
        const auto [lowest, highest] = integerRange(type);
        if (end == token || *end != '\0' || errno == ERANGE || value < lowest || value > highest) return std::nullopt;
        return double(value);
    }
    const double value = std::strtod(token, &end);
    if (end == token || *end != '\0') return std::nullopt;
    return value;
}

void walkAscii(const std::filesystem::path& path, std::istream& in, const PlyHeader& header) {
    std::size_t lineNumber = header.lines;
    std::string line;
    std::vector<char*> tokens;
    for (const PlyElement& element : header.elements) {
        const std::vector<IndexCheck> checks = indexChecksFor(header, element);
        for (std::uint64_t instance = 0; instance < element.count; ++instance) {
            if (!readLine(in, line)) refuse(path, "the file ends before " + instanceName(element, instance));
            ++lineNumber;
            // Named only when refused: a million lines must not build a million names.
            const auto where = [&] { return "line " + std::to_string(lineNumber) + " (" + instanceName(element, instance) + ")"; };
            tokens.clear();
            for (char* token = std::strtok(line.data(), " \t"); token; token = std::strtok(nullptr, " \t"))
                tokens.push_back(token);
            std::size_t next = 0;
            const auto take = [&](PlyType type, const char* what) {
                if (next >= tokens.size()) refuse(path, where() + " has too few values");
                const std::optional<double> value = parseAsciiValue(tokens[next], type);
                if (!value) refuse(path, where() + ": \"" + tokens[next] + "\" is not " + what);
                ++next;
                return *value;
            };
            for (std::size_t p = 0; p < element.properties.size(); ++p) {
                const PlyProperty& property = element.properties[p];
                if (!property.listLength) {
                    take(property.type, "a number of its type");
                    continue;
                }
                const double length = take(*property.listLength, "a list length of its type");
                if (length < 0.0) refuse(path, where() + ": a list of negative length");
                const IndexCheck& check = checks[p];
                for (double item = 0.0; item < length; ++item) {
                    const double value = take(property.type, "a number of its type");
                    if (check.active && !indexFits(value, check))
                        refuse(path, where() + ": vertex index " + tokens[next - 1] + " is outside the " +
                                         std::to_string(check.vertexCount) + " vertices");
                }
            }
            if (next != tokens.size()) refuse(path, where() + " has more values than its properties");
        }
    }
}

// The binary body read through a buffer of its own: a million faces are three million small
// reads, which a stream serves slowly one at a time.
class ByteReader {
public:
    explicit ByteReader(std::istream& in) : in_(in), buffer_(1 << 20) {}

    // Copies the next `count` bytes to `out`; false where the file ends first.
    bool read(unsigned char* out, std::size_t count) {
        while (count > 0) {
            if (next_ == end_ && !refill()) return false;
            const std::size_t step = std::min(count, end_ - next_);
            std::memcpy(out, buffer_.data() + next_, step);
            next_ += step;
            out += step;
            count -= step;
        }
        return true;
    }
    // Passes over the next `count` bytes; false where the file ends first.
    bool skip(double count) {
        while (count > 0.0) {
            if (next_ == end_ && !refill()) return false;
            const std::size_t step = std::size_t(std::min(count, double(end_ - next_)));
            next_ += step;
            count -= double(step);
        }
        return true;
    }

private:
    bool refill() {
        in_.read(reinterpret_cast<char*>(buffer_.data()), std::streamsize(buffer_.size()));
        next_ = 0;
        end_ = std::size_t(in_.gcount());
        return end_ > 0;
    }

    std::istream& in_;
    std::vector<unsigned char> buffer_;
    std::size_t next_ = 0, end_ = 0;
};

// Reads one binary value of `type`, or nothing where the file has ended.
std::optional<double> readBinaryValue(ByteReader& in, PlyType type, bool bigEndian) {
    std::array<unsigned char, 8> bytes{};
    const std::size_t size = byteSize(type);
    if (!in.read(bytes.data(), size)) return std::nullopt;
    // This machine is little-endian (x86-64, ARM64): a big-endian value is reversed.
    if (bigEndian) std::reverse(bytes.begin(), bytes.begin() + std::ptrdiff_t(size));
    switch (type) {
        case PlyType::Int8: return double(std::int8_t(bytes[0]));
        case PlyType::UInt8: return double(bytes[0]);
        case PlyType::Int16: { std::int16_t v; std::memcpy(&v, bytes.data(), 2); return double(v); }
        case PlyType::UInt16: { std::uint16_t v; std::memcpy(&v, bytes.data(), 2); return double(v); }
        case PlyType::Int32: { std::int32_t v; std::memcpy(&v, bytes.data(), 4); return double(v); }
        case PlyType::UInt32: { std::uint32_t v; std::memcpy(&v, bytes.data(), 4); return double(v); }
        case PlyType::Float32: { float v; std::memcpy(&v, bytes.data(), 4); return double(v); }
        case PlyType::Float64: { double v; std::memcpy(&v, bytes.data(), 8); return v; }
    }
    return std::nullopt;
}

void walkBinary(const std::filesystem::path& path, std::istream& stream, const PlyHeader& header) {
    const bool bigEndian = header.format == PlyFormat::BinaryBigEndian;
    ByteReader in(stream);
    for (const PlyElement& element : header.elements) {
        const std::vector<IndexCheck> checks = indexChecksFor(header, element);
        for (std::uint64_t instance = 0; instance < element.count; ++instance) {
            const auto ended = [&] { refuse(path, "the file ends inside " + instanceName(element, instance)); };
            for (std::size_t p = 0; p < element.properties.size(); ++p) {
                const PlyProperty& property = element.properties[p];
                if (!property.listLength) {
                    if (!in.skip(double(byteSize(property.type)))) ended();
                    continue;
                }
                const std::optional<double> length = readBinaryValue(in, *property.listLength, bigEndian);
                if (!length) ended();
                if (*length < 0.0) refuse(path, instanceName(element, instance) + ": a list of negative length");
                const IndexCheck& check = checks[p];
                if (!check.active) {
                    if (!in.skip(*length * double(byteSize(property.type)))) ended();
                    continue;
                }
                for (double item = 0.0; item < *length; ++item) {
                    const std::optional<double> index = readBinaryValue(in, property.type, bigEndian);
                    if (!index) ended();
                    if (!indexFits(*index, check))
                        refuse(path, instanceName(element, instance) + ": vertex index " + numberText(*index) +
                                         " is outside the " + std::to_string(check.vertexCount) + " vertices");
                }
            }
        }
    }
}

}  // namespace

bool looksLikePly(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[4] = {};
    in.read(head, 4);
    return in.gcount() == 4 && std::memcmp(head, "ply", 3) == 0 && (head[3] == '\n' || head[3] == '\r');
}

void checkPlyStructure(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return;  // the reader names the problem
    const PlyHeader header = readHeader(path, in);
    if (header.format == PlyFormat::Ascii) walkAscii(path, in, header);
    else walkBinary(path, in, header);
}

}  // namespace stipple
