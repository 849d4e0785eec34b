#include "FrameDriver.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <exception>

namespace stipple::test {

FrameDriver::FrameDriver(Steps steps) : steps_(std::move(steps)) {}

FrameDriver::~FrameDriver() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        appGone_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

InputScript FrameDriver::script() {
    return [this](const ScriptedFrame& frame, ScriptedInput& toApp) {
        std::unique_lock<std::mutex> lock(mutex_);
        current_ = frame;
        if (finished_) {
            toApp.quit = true;
            return;
        }
        turn_ = Turn::Steps;
        if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
        changed_.notify_all();
        changed_.wait(lock, [this] { return turn_ == Turn::App || finished_; });
        toApp = pending_;
        if (finished_) toApp.quit = true;
    };
}

void FrameDriver::run() {
    {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return turn_ == Turn::Steps; });
    }
    try {
        steps_(*this);
    } catch (const AppGone&) {
    } catch (const std::exception& e) {
        failures.push_back(std::string("the steps threw: ") + e.what());
    }
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    changed_.notify_all();
}

void FrameDriver::frame(int count) {
    for (int i = 0; i < count; ++i) {
        std::unique_lock<std::mutex> lock(mutex_);
        if (appGone_) throw AppGone{};
        pending_ = input;
        input.wheel = 0.0f;
        input.keyPresses.clear();
        input.text.clear();
        turn_ = Turn::App;
        changed_.notify_all();
        changed_.wait(lock, [this] { return turn_ == Turn::Steps || appGone_; });
        if (appGone_) throw AppGone{};
    }
}

ImGuiID itemId(const char* window, const char* label) { return ImHashStr(label, 0, ImHashStr(window)); }

ImGuiID itemId(const char* window, const char* scope, const char* label) {
    return ImHashStr(label, 0, itemId(window, scope));
}

ImGuiWindow* liveWindow(const char* name) {
    ImGuiWindow* window = ImGui::FindWindowByName(name);
    return window && window->WasActive && !window->Hidden ? window : nullptr;
}

ImGuiID hoverAt(FrameDriver& driver, ImVec2 at) {
    driver.input.mouseX = at.x;
    driver.input.mouseY = at.y;
    driver.frame();
    return GImGui->HoveredId;
}

void shrinkHead(FrameDriver& driver) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    hoverAt(driver, ImVec2(size.x * 0.5f, size.y * 0.5f));
    driver.input.wheel = -25.0f;
    driver.frame();
    driver.input.mouseX = driver.input.mouseY = -1.0f;
}

void click(FrameDriver& driver, ImVec2 at) {
    hoverAt(driver, at);
    driver.input.mouseDown[0] = true;
    driver.frame();
    driver.input.mouseDown[0] = false;
    driver.frame();
}

void closePopups(FrameDriver& driver) {
    for (int tries = 0; tries < 3 && !GImGui->OpenPopupStack.empty() && !ImGui::GetTopMostPopupModal(); ++tries)
        click(driver, ImVec2(ImGui::GetIO().DisplaySize.x - 4.0f, 4.0f));
}

namespace {

struct Cell {
    int x, y;
    bool operator<(const Cell& o) const { return x != o.x ? x < o.x : y < o.y; }
};

// The places one ID was hovered, in groups that touch (diagonally too). Cells where another
// window was on top join any group: they hide the widget, they do not divide it.
std::vector<std::vector<Cell>> touchingGroups(const std::set<Cell>& cells, const std::set<Cell>& hidden) {
    std::vector<std::vector<Cell>> groups;
    std::set<Cell> seen;
    for (const Cell& start : cells) {
        if (seen.count(start)) continue;
        std::vector<Cell> group;
        std::deque<Cell> queue{start};
        seen.insert(start);
        while (!queue.empty()) {
            const Cell cell = queue.front();
            queue.pop_front();
            if (cells.count(cell)) group.push_back(cell);
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const Cell next{cell.x + dx, cell.y + dy};
                    if (seen.count(next) || (!cells.count(next) && !hidden.count(next))) continue;
                    seen.insert(next);
                    queue.push_back(next);
                }
        }
        groups.push_back(group);
    }
    return groups;
}

}  // namespace

std::vector<FoundItem> sweepWindow(FrameDriver& driver, const char* name, ImVec2 step) {
    ImGuiWindow* window = liveWindow(name);
    if (!window) return {};
    const ImVec2 origin = window->Pos, size = window->Size;
    const ImGuiID windowId = window->ID;
    std::map<ImGuiID, std::set<Cell>> cellsOf;
    std::set<Cell> hidden;
    const int columns = int(size.x / step.x), rows = int(size.y / step.y);
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < columns; ++x) {
            const ImGuiID id = hoverAt(driver, ImVec2(origin.x + (float(x) + 0.5f) * step.x, origin.y + (float(y) + 0.5f) * step.y));
            const ImGuiWindow* over = GImGui->HoveredWindow;
            if (!over || over->RootWindow->ID != windowId) hidden.insert({x, y});
            else if (id != 0) cellsOf[id].insert({x, y});
        }
    driver.input.mouseX = driver.input.mouseY = -1.0f;
    std::vector<FoundItem> found;
    for (const auto& [id, cells] : cellsOf) {
        const auto groups = touchingGroups(cells, hidden);
        const auto pointOf = [&](const std::vector<Cell>& group) {
            const Cell middle = group[group.size() / 2];
            return ImVec2(origin.x + (float(middle.x) + 0.5f) * step.x, origin.y + (float(middle.y) + 0.5f) * step.y);
        };
        if (groups.size() > 1) {
            char message[200];
            const ImVec2 a = pointOf(groups[0]), b = pointOf(groups[1]);
            std::snprintf(message, sizeof message, "window \"%s\": two widgets with ID %08x, at (%.0f, %.0f) and (%.0f, %.0f)",
                          name, id, a.x, a.y, b.x, b.y);
            driver.failures.push_back(message);
        }
        found.push_back({id, pointOf(groups[0])});
    }
    std::sort(found.begin(), found.end(), [](const FoundItem& a, const FoundItem& b) {
        return a.at.y != b.at.y ? a.at.y < b.at.y : a.at.x < b.at.x;
    });
    return found;
}

bool clickItem(FrameDriver& driver, const char* name, ImGuiID wanted) {
    const ImGuiWindow* window = liveWindow(name);
    if (!window) return false;
    const ImVec2 origin = window->Pos, size = window->Size;
    // A few columns first, where sliders and buttons are found (a full grid costs a frame a
    // point), then every column.
    std::vector<float> columns;
    for (const float share : {0.15f, 0.3f, 0.5f, 0.7f, 0.85f, 0.92f}) columns.push_back(share * size.x);
    for (float x = 7.0f; x < size.x; x += 14.0f) columns.push_back(x);
    for (const float x : columns)
        for (float y = size.y - 3.5f; y > 0.0f; y -= 7.0f)
            if (hoverAt(driver, ImVec2(origin.x + x, origin.y + y)) == wanted) {
                click(driver, ImVec2(origin.x + x, origin.y + y));
                return true;
            }
    return false;
}

bool clickLabel(FrameDriver& driver, const char* name, const char* label) {
    return clickItem(driver, name, itemId(name, label));
}

}  // namespace stipple::test
