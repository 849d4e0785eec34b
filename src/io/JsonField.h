// Reading a JSON document field by field, so that every refusal names the file, the field as a
// JSON path (design.hairline.settings.island_chance), the value found and what is allowed:
// "p.stipple: design.hairline.settings.island_chance is -2147483648; it must be a number from 0
// to 1". Used by the readers in io/ only (it carries nlohmann's header).
#pragma once

#include "core/Choice.h"

#include <nlohmann/json.hpp>

#include <glm/vec3.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace stipple {

class JsonField {
public:
    // The document's root; `file` starts every message.
    JsonField(const nlohmann::json& root, std::string file);

    // A member that must be there (the field itself must be an object).
    JsonField operator[](const char* key) const;
    // A member that may be missing; the field itself must be an object.
    std::optional<JsonField> optional(const char* key) const;
    bool has(const char* key) const;

    // The field must be an array of `minSize`..`maxSize` elements; element `i` of it.
    std::size_t arraySize(std::size_t minSize, std::size_t maxSize) const;
    JsonField element(std::size_t i) const;

    // Typed values, checked against their allowed ranges (inclusive).
    double number(double min, double max) const;
    float real(float min, float max) const { return float(number(min, max)); }
    std::int64_t integer(std::int64_t min, std::int64_t max) const;
    bool boolean() const;
    std::string text(std::size_t maxLength = 4096) const;
    // [x, y, z], each finite and within `limit` of zero.
    glm::vec3 vec3(float limit) const;
    // [r, g, b], each 0..1.
    glm::vec3 colour() const;

    // A name from a choice table (core/Choice.h); otherwise refused, listing the table's names.
    template <typename Entry, std::size_t N>
    auto choice(const Entry (&table)[N]) const -> decltype(table[0].value) {
        if (const Entry* entry = findChoice(table, text(64))) return entry->value;
        refuse("one of \"" + choiceNames(table, "\", \"", "\", \"") + "\"");
    }

    const nlohmann::json& json() const { return *json_; }
    const std::string& path() const { return path_; }
    // "FILE: PATH", the start of a message about this field.
    std::string where() const;
    // Throws InputError "FILE: PATH is VALUE; it must be ALLOWED".
    [[noreturn]] void refuse(const std::string& allowed) const;

private:
    JsonField(const nlohmann::json& json, std::string file, std::string path);
    const nlohmann::json* json_;  // within the root document, which outlives its fields
    std::string file_;
    std::string path_;
};

}  // namespace stipple
