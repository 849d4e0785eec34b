#include "core/UndoStack.h"

namespace stipple {

void UndoStack::push(std::unique_ptr<UndoCommand> step) {
    if (!step) return;
    while (steps_.size() > done_) {
        bytes_ -= steps_.back()->memoryBytes();
        steps_.pop_back();
    }
    bytes_ += step->memoryBytes();
    steps_.push_back(std::move(step));
    ++done_;
    while (bytes_ > budgetBytes_ && steps_.size() > 1) {
        bytes_ -= steps_.front()->memoryBytes();
        steps_.pop_front();
        --done_;
    }
}

bool UndoStack::undo() {
    if (!canUndo()) return false;
    steps_[--done_]->undo();
    return true;
}

bool UndoStack::redo() {
    if (!canRedo()) return false;
    steps_[done_++]->redo();
    return true;
}

void UndoStack::clear() {
    steps_.clear();
    done_ = 0;
    bytes_ = 0;
}

}  // namespace stipple
