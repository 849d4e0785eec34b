// UndoStack: every edit of the design as a step that can be undone and redone, in bounded memory.
//
// A step is an UndoCommand that has already been applied when it is pushed. Layer edits
// (LayerEdit.h) keep only the 64x64 tiles a stroke touched; other edits (the hairline curve,
// settings) implement UndoCommand themselves. When the steps together hold more than the
// memory budget, the oldest are dropped; the newest step always stays.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>

namespace stipple {

class UndoCommand {
public:
    virtual ~UndoCommand() = default;
    // Both restore exactly the state the other left: undo() after the edit, redo() after undo().
    virtual void undo() = 0;
    virtual void redo() = 0;
    // What the step holds in memory, for the budget.
    virtual std::size_t memoryBytes() const = 0;
    // Shown in the Edit menu ("Undo density stroke").
    virtual std::string name() const = 0;
};

// 256 MiB holds about 2,700 strokes of 15 mm and 50 points on a 512 density layer (96 KiB each,
// six 16 KiB tiles).
constexpr std::size_t kDefaultUndoBudgetBytes = std::size_t(256) << 20;

class UndoStack {
public:
    explicit UndoStack(std::size_t budgetBytes = kDefaultUndoBudgetBytes) : budgetBytes_(budgetBytes) {}

    // Records a step that has just been applied; forgets every step that could be redone.
    void push(std::unique_ptr<UndoCommand> step);
    // Return false when there is nothing to undo or redo.
    bool undo();
    bool redo();

    bool canUndo() const { return done_ > 0; }
    bool canRedo() const { return done_ < steps_.size(); }
    std::size_t undoCount() const { return done_; }
    std::size_t redoCount() const { return steps_.size() - done_; }
    // The step undo() or redo() would apply next (null when none).
    const UndoCommand* nextUndo() const { return canUndo() ? steps_[done_ - 1].get() : nullptr; }
    const UndoCommand* nextRedo() const { return canRedo() ? steps_[done_].get() : nullptr; }

    std::size_t memoryBytes() const { return bytes_; }
    std::size_t budgetBytes() const { return budgetBytes_; }
    void clear();

private:
    std::deque<std::unique_ptr<UndoCommand>> steps_;  // oldest first; [0, done_) are applied
    std::size_t done_ = 0;
    std::size_t bytes_ = 0;
    std::size_t budgetBytes_;
};

}  // namespace stipple
