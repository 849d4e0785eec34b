#include "io/JsonField.h"

#include "core/Error.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace stipple {
namespace {

// A value as the file wrote it, cut short when long.
std::string shown(const nlohmann::json& value) {
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    constexpr std::size_t kLongest = 60;
    if (text.size() > kLongest) text = text.substr(0, kLongest) + "...";
    return text;
}

std::string formatted(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.7g", value);
    return text;
}

const char* typeName(const nlohmann::json& value) {
    if (value.is_number()) return "a number";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "true or false";
    if (value.is_array()) return "an array";
    if (value.is_object()) return "an object";
    return "null";
}

}  // namespace

JsonField::JsonField(const nlohmann::json& root, std::string file) : JsonField(root, std::move(file), "") {}

JsonField::JsonField(const nlohmann::json& json, std::string file, std::string path)
    : json_(&json), file_(std::move(file)), path_(std::move(path)) {}

std::string JsonField::where() const { return file_ + ": " + (path_.empty() ? "the document" : path_); }

void JsonField::refuse(const std::string& allowed) const {
    throw InputError(where() + " is " + shown(*json_) + "; it must be " + allowed);
}

bool JsonField::has(const char* key) const { return json_->is_object() && json_->contains(key); }

JsonField JsonField::operator[](const char* key) const {
    if (!json_->is_object()) refuse("an object");
    const std::string path = path_.empty() ? key : path_ + "." + key;
    const auto member = json_->find(key);
    if (member == json_->end()) throw InputError(file_ + ": " + path + " is missing");
    return JsonField(*member, file_, path);
}

std::optional<JsonField> JsonField::optional(const char* key) const {
    if (!json_->is_object()) refuse("an object");
    if (!json_->contains(key)) return std::nullopt;
    return (*this)[key];
}

std::size_t JsonField::arraySize(std::size_t minSize, std::size_t maxSize) const {
    if (!json_->is_array() || json_->size() < minSize || json_->size() > maxSize)
        refuse("an array of " + std::to_string(minSize) + " to " + std::to_string(maxSize) + " elements");
    return json_->size();
}

JsonField JsonField::element(std::size_t i) const {
    if (!json_->is_array() || i >= json_->size()) refuse("an array of at least " + std::to_string(i + 1) + " elements");
    return JsonField((*json_)[i], file_, path_ + "[" + std::to_string(i) + "]");
}

double JsonField::number(double min, double max) const {
    const std::string allowed = "a number from " + formatted(min) + " to " + formatted(max);
    if (!json_->is_number()) refuse(allowed + ", not " + typeName(*json_));
    const double value = json_->get<double>();
    if (!(value >= min && value <= max)) refuse(allowed);
    return value;
}

std::int64_t JsonField::integer(std::int64_t min, std::int64_t max) const {
    const std::string allowed = "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    if (!json_->is_number_integer()) refuse(allowed + ", not " + (json_->is_number() ? "a fraction" : typeName(*json_)));
    // Above the int64 range an unsigned value is refused by its range, not wrapped.
    if (json_->is_number_unsigned() && json_->get<std::uint64_t>() > std::uint64_t(max)) refuse(allowed);
    const std::int64_t value = json_->get<std::int64_t>();
    if (value < min || value > max) refuse(allowed);
    return value;
}

bool JsonField::boolean() const {
    if (!json_->is_boolean()) refuse("true or false, not " + std::string(typeName(*json_)));
    return json_->get<bool>();
}

std::string JsonField::text(std::size_t maxLength) const {
    if (!json_->is_string()) refuse("a string, not " + std::string(typeName(*json_)));
    const std::string& value = json_->get_ref<const std::string&>();
    if (value.size() > maxLength) refuse("a string of at most " + std::to_string(maxLength) + " characters");
    return value;
}

glm::vec3 JsonField::vec3(float limit) const {
    arraySize(3, 3);
    return {element(0).real(-limit, limit), element(1).real(-limit, limit), element(2).real(-limit, limit)};
}

glm::vec3 JsonField::colour() const {
    arraySize(3, 3);
    return {element(0).real(0.0f, 1.0f), element(1).real(0.0f, 1.0f), element(2).real(0.0f, 1.0f)};
}

}  // namespace stipple
