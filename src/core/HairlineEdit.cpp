#include "core/HairlineEdit.h"

#include "core/HairlineEditor.h"

#include <utility>

namespace stipple {

HairlineEdit::HairlineEdit(HairlineEditor& editor, HairlineCurve other, HairlineMaskSettings otherSettings,
                           std::unique_ptr<LayerEdit> tiles, std::string name)
    : editor_(editor), other_(std::move(other)), otherSettings_(otherSettings), tiles_(std::move(tiles)), name_(std::move(name)) {}

void HairlineEdit::swap() {
    std::swap(editor_.curve_, other_);
    std::swap(editor_.settings_, otherSettings_);
    if (tiles_) tiles_->undo();  // a LayerEdit's undo and redo are the same swap
}

std::size_t HairlineEdit::memoryBytes() const {
    return sizeof(*this) + name_.capacity() + (tiles_ ? tiles_->memoryBytes() : 0) +
           (other_.leftSamples().size() + other_.leftHalf().size()) * sizeof(SkinPoint);
}

}  // namespace stipple
