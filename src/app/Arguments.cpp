#include "app/Arguments.h"

#include "core/Error.h"

#include <cstdlib>

namespace stipple {

Arguments::Arguments(int argc, char** argv, int first, const std::set<std::string>& valueOptions,
                     const std::set<std::string>& flagOptions) {
    for (int i = first; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.size() > 1 && arg[0] == '-') {
            if (flagOptions.count(arg)) {
                flags_.insert(arg);
            } else if (valueOptions.count(arg)) {
                if (i + 1 >= argc) throw InputError("option " + arg + " needs a value");
                values_[arg] = argv[++i];
            } else {
                throw InputError("unknown option " + arg + " (see --help)");
            }
        } else {
            positional_.push_back(arg);
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& option) const {
    const auto it = values_.find(option);
    return it == values_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::pair<int, int> parseSize(const std::string& text) {
    const std::size_t x = text.find('x');
    char* end = nullptr;
    const long width = x == std::string::npos ? 0 : std::strtol(text.c_str(), &end, 10);
    const bool widthOk = x != std::string::npos && end == text.c_str() + x;
    const long height = widthOk ? std::strtol(text.c_str() + x + 1, &end, 10) : 0;
    if (!widthOk || *end != '\0' || width < 1 || height < 1 || width > 16384 || height > 16384)
        throw InputError("size '" + text + "' is not WIDTHxHEIGHT with both in 1..16384 (e.g. 1280x800)");
    return {int(width), int(height)};
}

double parseNumber(const std::string& option, const std::string& text, double minimum, double maximum) {
    char* end = nullptr;
    const double number = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(number >= minimum && number <= maximum))
        throw InputError("option " + option + ": '" + text + "' is not a number in " + std::to_string(minimum) +
                         ".." + std::to_string(maximum));
    return number;
}

}  // namespace stipple
