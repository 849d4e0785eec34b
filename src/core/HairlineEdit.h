// HairlineEdit: one undo step of the hairline editor. It keeps the curve and settings the
// editor does not hold now and the mask's changed 64x64 tiles (a LayerEdit); undo and redo both
// swap them in, so either direction restores curve, settings and mask bit for bit.
#pragma once

#include "core/HairlineCurve.h"
#include "core/HairlineMask.h"
#include "core/LayerEdit.h"
#include "core/UndoStack.h"

#include <memory>
#include <string>

namespace stipple {

class HairlineEditor;

class HairlineEdit : public UndoCommand {
public:
    // `other` is the state before the edit, which the editor has already applied; `tiles` the
    // mask's change (null when the mask did not change).
    HairlineEdit(HairlineEditor& editor, HairlineCurve other, HairlineMaskSettings otherSettings, std::unique_ptr<LayerEdit> tiles,
                 std::string name);

    void undo() override { swap(); }
    void redo() override { swap(); }
    std::size_t memoryBytes() const override;
    std::string name() const override { return name_; }

private:
    void swap();

    HairlineEditor& editor_;
    HairlineCurve other_;
    HairlineMaskSettings otherSettings_;
    std::unique_ptr<LayerEdit> tiles_;
    std::string name_;
};

}  // namespace stipple
