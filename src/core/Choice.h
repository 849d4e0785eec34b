// Choice tables: every choice Stipple offers (stage, light, template, style, overlay, unit, brush
// tool and mode, view) is one constexpr table beside its enum, in the order menus and help
// texts list it. Each entry gives the value, the name the command line and the files use, the
// label people read, and the tooltip where there is one. The command line, the panels, the
// consultation mode and the project files all read these tables, so a name is written once.
//
// The helpers below work on any table whose entries have `value` and `name` (some tables add
// fields of their own, such as the consultation timeline's short labels).
#pragma once

#include "core/Error.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stipple {

template <typename Enum>
struct Choice {
    Enum value;
    const char* name;             // command line, project and stroke files: "aged-1y"
    const char* label;            // menus and combos: "Aged 1 year"
    const char* help = nullptr;   // tooltip, where the choice has one
};

// The entry for `name`, or null.
template <typename Entry, std::size_t N>
const Entry* findChoice(const Entry (&table)[N], std::string_view name) {
    for (const Entry& entry : table)
        if (name == entry.name) return &entry;
    return nullptr;
}

// The entry for `value`; the tables' tests make sure there is one for every value.
template <typename Entry, std::size_t N, typename Value>
const Entry& choiceFor(const Entry (&table)[N], Value value) {
    for (const Entry& entry : table)
        if (entry.value == value) return entry;
    return table[0];
}

// The entry's position in its table (the index a combo box holds).
template <typename Entry, std::size_t N>
int choiceIndex(const Entry (&table)[N], const Entry& entry) {
    return int(&entry - table);
}

// The names joined, as "a, b, c", "a, b or c" or "a|b|c"; the entry named `marked` gets
// " (default)" after it. From `first` on, so a table's leading "none" can be left out.
template <typename Entry, std::size_t N>
std::string choiceNames(const Entry (&table)[N], std::string_view separator, std::string_view lastSeparator,
                        std::string_view marked = {}, std::size_t first = 0) {
    std::string list;
    for (std::size_t i = first; i < N; ++i) {
        if (i > first) list += i + 1 == N ? lastSeparator : separator;
        list += table[i].name;
        if (!marked.empty() && marked == table[i].name) list += " (default)";
    }
    return list;
}

// The entry for `name`, or InputError "unknown WHAT 'NAME' (a, b, c)".
template <typename Entry, std::size_t N>
const Entry& parseChoice(const Entry (&table)[N], std::string_view name, const char* what) {
    if (const Entry* entry = findChoice(table, name)) return *entry;
    throw InputError("unknown " + std::string(what) + " '" + std::string(name) + "' (" + choiceNames(table, ", ", ", ") + ")");
}

}  // namespace stipple
