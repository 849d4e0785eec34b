// An OpenGL 4.5 core context with no window and no X server: EGL on Mesa's surfaceless
// platform. The command line and the GL tests render through it into framebuffer objects.
#pragma once

#include <memory>
#include <string>

namespace stipple {

class HeadlessContext {
public:
    // Creates the context, makes it current on this thread and loads the GL functions.
    // Throws InternalError with the reason when no suitable context can be made.
    HeadlessContext();
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    // "4.5 core, Mesa llvmpipe ..." for logs and the benchmark header.
    std::string description() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace stipple
