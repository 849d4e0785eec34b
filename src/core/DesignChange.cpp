#include "core/DesignChange.h"

namespace stipple {

DesignChange DesignChange::ofStroke(const StrokeChange& stroke, bool paintedOnGpu) {
    DesignChange change;
    change.texels = stroke.texels;
    change.reach = stroke.reach;
    change.texturesHoldIt = paintedOnGpu;
    return change;
}

DesignChange DesignChange::ofEveryLayer() {
    DesignChange change;
    change.everyLayer = true;
    return change;
}

DesignChange DesignChange::ofLook() {
    DesignChange change;
    change.look = true;
    return change;
}

DesignChange DesignChange::ofKeptSettings(bool lookToo) {
    DesignChange change;
    change.keptSettings = true;
    change.look = lookToo;
    return change;
}

bool DesignChange::changesLayers() const {
    for (LayerKind kind : kLayerKinds)
        if (changesLayer(kind)) return true;
    return false;
}

}  // namespace stipple
