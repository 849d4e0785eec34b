// [SECTION] Reading counts out of a file's text
// [SECTION] Declared counts per format
// [SECTION] The import's memory budget
#include "io/MeshFileLimits.h"

#include "core/Error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#if defined(__linux__)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace stipple {
namespace {

// [SECTION] Reading counts out of a file's text

std::string lowerExtension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return extension;
}

// A count as the file wrote it; negative, fractional or unreadable text is the parser's to
// refuse, so it reads as "no count" (-1) here.
double countFrom(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || !std::isfinite(value) || value < 0.0) return -1.0;
    return value;
}

struct DeclaredCount {
    std::string what;   // "vertices", "faces", ...
    double count = 0.0;
    double minBytes = 1.0;  // the fewest bytes one of them can take in this file
};

[[noreturn]] void refuse(const std::filesystem::path& path, const DeclaredCount& count, double needed,
                         std::uintmax_t fileBytes) {
    char message[256];
    std::snprintf(message, sizeof message,
                  ": declares %.0f %s, which need at least %.0f bytes, but the file holds %ju bytes "
                  "(is it damaged or truncated?)",
                  count.count, count.what.c_str(), needed, fileBytes);
    throw InputError(path.string() + message);
}

// The declared counts together need more bytes than `available`: refused, naming the largest.
void checkFits(const std::filesystem::path& path, const std::vector<DeclaredCount>& counts, double available,
               std::uintmax_t fileBytes) {
    double needed = 0.0;
    const DeclaredCount* largest = nullptr;
    for (const DeclaredCount& count : counts) {
        needed += count.count * count.minBytes;
        if (!largest || count.count * count.minBytes > largest->count * largest->minBytes) largest = &count;
    }
    if (largest && needed > available) refuse(path, *largest, needed, fileBytes);
}

// The first `limit` bytes, where the headers of OFF and PLY files live.
std::string headOfFile(const std::filesystem::path& path, std::size_t limit) {
    std::ifstream in(path, std::ios::binary);
    std::string head(limit, '\0');
    in.read(head.data(), std::streamsize(limit));
    head.resize(std::size_t(in.gcount()));
    return head;
}

// [SECTION] Declared counts per format

// OFF: an optional "OFF" keyword (COFF, NOFF, 4OFF, nOFF with a dimension), then "vertices faces
// edges". In text a vertex takes at least "0 0 0\n" and a face "3 0 0 0\n".
void checkOff(const std::filesystem::path& path, std::uintmax_t fileBytes) {
    std::istringstream in(headOfFile(path, 4096));
    std::vector<std::string> tokens;
    for (std::string line; tokens.size() < 6 && std::getline(in, line);) {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        for (std::string word; tokens.size() < 6 && words >> word;) tokens.push_back(word);
    }
    std::size_t first = 0;
    if (!tokens.empty() && tokens[0].find("OFF") != std::string::npos) first = tokens[0] == "nOFF" ? 2 : 1;
    if (tokens.size() < first + 2) return;
    const double vertices = countFrom(tokens[first]), faces = countFrom(tokens[first + 1]);
    if (vertices < 0.0 || faces < 0.0) return;
    checkFits(path, {{"vertices", vertices, 6.0}, {"faces", faces, 8.0}}, double(fileBytes), fileBytes);
}

double plyPropertyBytes(const std::string& type) {
    if (type == "char" || type == "uchar" || type == "int8" || type == "uint8") return 1.0;
    if (type == "short" || type == "ushort" || type == "int16" || type == "uint16") return 2.0;
    if (type == "double" || type == "float64") return 8.0;
    return 4.0;  // int, uint, float and their sized names
}

// PLY: "element NAME COUNT" lines, each followed by its properties, up to "end_header". An
// element takes at least its properties' binary sizes, or two characters a property in ASCII.
// A header without its end is refused here: Assimp's reader searched for it without end (found
// by fuzzing: a 342-byte file whose "end_header" lost three letters).
void checkPly(const std::filesystem::path& path, std::uintmax_t fileBytes) {
    const std::string head = headOfFile(path, 65536);
    if (head.compare(0, 3, "ply") != 0) return;
    const std::size_t headerEnd = head.find("end_header");
    if (headerEnd == std::string::npos)
        throw InputError(path.string() + ": the PLY header has no \"end_header\" line in its first 64 KiB "
                         "(is the file damaged or truncated?)");
    std::istringstream in(head.substr(0, headerEnd));
    bool ascii = true;
    std::vector<DeclaredCount> elements;
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string keyword;
        words >> keyword;
        if (keyword == "format") {
            std::string format;
            words >> format;
            ascii = format == "ascii";
        } else if (keyword == "element") {
            std::string name, count;
            words >> name >> count;
            const double value = countFrom(count);
            if (value < 0.0) return;
            elements.push_back({"\"" + name + "\" elements", value, 0.0});
        } else if (keyword == "property" && !elements.empty()) {
            std::string type;
            words >> type;
            if (type == "list") words >> type;  // the list's length comes first
            elements.back().minBytes += ascii ? 2.0 : plyPropertyBytes(type);
        }
    }
    for (DeclaredCount& element : elements) element.minBytes = std::max(element.minBytes, ascii ? 1.0 : 0.0);
    checkFits(path, elements, double(fileBytes - std::min<std::uintmax_t>(fileBytes, headerEnd)), fileBytes);
}

// Text formats that write a count before a list: each `keyword N` must fit the file, at
// `minBytes` an entry (an ASE "*MESH_VERTEX 0 0 0 0" line, an AC3D "0 0 0" vertex, ...).
struct CountKeyword {
    const char* keyword;
    const char* what;
    double minBytes;
};

void checkCountKeywords(const std::filesystem::path& path, std::uintmax_t fileBytes,
                        std::initializer_list<CountKeyword> keywords) {
    std::ifstream in(path, std::ios::binary);
    std::vector<DeclaredCount> counts;
    for (std::string word; in >> word;)
        for (const CountKeyword& keyword : keywords)
            if (word == keyword.keyword) {
                std::string count;
                in >> count;
                const double value = countFrom(count);
                if (value >= 0.0) counts.push_back({keyword.what, value, keyword.minBytes});
            }
    checkFits(path, counts, double(fileBytes), fileBytes);
}

// Collada: every count="N" attribute (arrays, accessors, primitives) is a whole number and counts
// numbers of at least two characters each ("0 "); no single one can exceed what the file holds.
// Accessors and arrays must have one, as the schema requires.
// Elements the schema gives a required count. Without it Assimp asked for 2.4 GB at once (an
// <accessor>) or read through a null pointer (a <float_array>); both found by fuzzing.
constexpr const char* kCountedColladaElements[] = {"<accessor", "<float_array", "<int_array", "<bool_array",
                                                    "<Name_array", "<IDREF_array", "<SIDREF_array", "<token_array"};

void checkColladaCounts(const std::filesystem::path& path, std::uintmax_t fileBytes) {
    std::ifstream in(path, std::ios::binary);
    const std::string attribute = "count=\"";
    for (std::string line; std::getline(in, line);) {
        for (const char* element : kCountedColladaElements)
            for (std::size_t tag = line.find(element); tag != std::string::npos; tag = line.find(element, tag + 1)) {
                const std::size_t end = line.find('>', tag);
                if (end != std::string::npos && line.substr(tag, end - tag).find(" count=") == std::string::npos)
                    throw InputError(path.string() + ": a Collada " + element + "> has no count attribute (is the file damaged?)");
            }
        for (std::size_t at = line.find(attribute); at != std::string::npos; at = line.find(attribute, at + 1)) {
            const std::size_t start = at + attribute.size(), end = line.find('"', start);
            const std::string text = line.substr(start, end == std::string::npos ? 24 : end - start);
            // A count that is no whole number read as garbage in Assimp (found by fuzzing: a
            // null pointer read, as for a missing count).
            if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
                throw InputError(path.string() + ": a Collada count=\"" + text.substr(0, 24) +
                                 "\" is not a whole number (is the file damaged?)");
            checkFits(path, {{"values (a count= attribute)", countFrom(text), 2.0}}, double(fileBytes), fileBytes);
        }
    }
}

}  // namespace

void checkDeclaredCounts(const std::filesystem::path& path) {
    std::error_code ec;
    const std::uintmax_t fileBytes = std::filesystem::file_size(path, ec);
    if (ec) return;  // the reader names the problem
    if (fileBytes > kMaxMeshFileBytes)
        throw InputError(path.string() + ": the file is " + std::to_string(fileBytes >> 20) +
                         " MB; Stipple reads mesh files up to " + std::to_string(kMaxMeshFileBytes >> 20) +
                         " MB (decimate the head first)");
    const std::string extension = lowerExtension(path);
    if (extension == ".off") checkOff(path, fileBytes);
    else if (extension == ".ply") checkPly(path, fileBytes);
    else if (extension == ".ase" || extension == ".ask")
        checkCountKeywords(path, fileBytes, {{"*MESH_NUMVERTEX", "vertices", 12.0},
                                             {"*MESH_NUMFACES", "faces", 12.0},
                                             {"*MESH_NUMTVERTEX", "texture coordinates", 12.0},
                                             {"*MESH_NUMTVFACES", "texture faces", 12.0},
                                             {"*MESH_NUMCVERTEX", "vertex colours", 12.0},
                                             {"*MESH_NUMCVFACES", "colour faces", 12.0}});
    else if (extension == ".ac")
        checkCountKeywords(path, fileBytes, {{"numvert", "vertices", 6.0}, {"numsurf", "surfaces", 10.0}});
    else if (extension == ".md5mesh")
        checkCountKeywords(path, fileBytes, {{"numverts", "vertices", 10.0},
                                             {"numtris", "triangles", 10.0},
                                             {"numweights", "weights", 10.0}});
    else if (extension == ".dae")
        checkColladaCounts(path, fileBytes);
}

// [SECTION] The import's memory budget

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define STIPPLE_SHADOW_MEMORY 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define STIPPLE_SHADOW_MEMORY 1
#endif
#endif

#if defined(__linux__) && !defined(STIPPLE_SHADOW_MEMORY)
namespace {

// The process's address space now: the first field of /proc/self/statm, in pages.
std::uint64_t addressSpaceInUse() {
    std::ifstream statm("/proc/self/statm");
    std::uint64_t pages = 0;
    if (!(statm >> pages)) return 0;
    return pages * std::uint64_t(sysconf(_SC_PAGESIZE));
}

}  // namespace

ImportMemoryBudget::ImportMemoryBudget() {
    rlimit limit{};
    const std::uint64_t inUse = addressSpaceInUse();
    if (inUse == 0 || getrlimit(RLIMIT_AS, &limit) != 0) return;
    const rlim_t budget = rlim_t(inUse + kImportMemoryBudgetBytes);
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur <= budget) return;  // already tighter
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < budget) return;
    previousSoftLimit_ = limit.rlim_cur;
    limit.rlim_cur = budget;
    active_ = setrlimit(RLIMIT_AS, &limit) == 0;
}

ImportMemoryBudget::~ImportMemoryBudget() {
    if (!active_) return;
    rlimit limit{};
    if (getrlimit(RLIMIT_AS, &limit) != 0) return;
    limit.rlim_cur = rlim_t(previousSoftLimit_);
    setrlimit(RLIMIT_AS, &limit);
}
#else
ImportMemoryBudget::ImportMemoryBudget() = default;
ImportMemoryBudget::~ImportMemoryBudget() = default;
#endif

}  // namespace stipple
