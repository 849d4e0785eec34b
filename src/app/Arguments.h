// A small parser for `command [positional] --option value --flag` command lines.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace stipple {

class Arguments {
public:
    // `valueOptions` take a value (--size 640x480), `flagOptions` do not (--overlay-scalp).
    // Throws InputError on an unknown option or a missing value.
    Arguments(int argc, char** argv, int first, const std::set<std::string>& valueOptions,
              const std::set<std::string>& flagOptions);

    const std::vector<std::string>& positional() const { return positional_; }
    std::optional<std::string> value(const std::string& option) const;
    bool flag(const std::string& option) const { return flags_.count(option) > 0; }

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
};

// "1280x800" -> {1280, 800}; throws InputError for anything else.
std::pair<int, int> parseSize(const std::string& text);
// A number from an option, in [minimum, maximum]; throws InputError naming the option.
double parseNumber(const std::string& option, const std::string& text, double minimum, double maximum);

}  // namespace stipple
