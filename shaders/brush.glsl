// The brushes' geometry of src/core/Segment.h and src/core/Brush.cpp, operation for operation,
// so the GPU paint pass computes the CPU stroke's floats: `precise` wherever a fused
// multiply-add could change the rounding, and dot products summed in the CPU's order
// ((x + y) + z), not by dot(), whose order is the driver's.

float dotInOrder(vec3 a, vec3 b) {
    precise float result = a.x * b.x + a.y * b.y + a.z * b.z;
    return result;
}

// squaredDistanceToSegment() of Segment.h; a == b is a point.
float squaredDistanceToSegment(vec3 p, vec3 a, vec3 b) {
    precise vec3 ab = b - a;
    precise vec3 ap = p - a;
    float length2 = dotInOrder(ab, ab);
    precise float t = length2 > 0.0 ? clamp(dotInOrder(ap, ab) / length2, 0.0, 1.0) : 0.0;
    precise vec3 d = ap - t * ab;
    return dotInOrder(d, d);
}

// brushFalloff() of Brush.cpp: 1 within hardness * radius, smoothstep to 0 at the radius.
float brushFalloff(float distanceMm, float radiusMm, float hardness) {
    precise float inner = hardness * radiusMm;
    if (distanceMm <= inner) return 1.0;
    if (distanceMm >= radiusMm) return 0.0;
    precise float t = (distanceMm - inner) / (radiusMm - inner);
    precise float falloff = 1.0 - t * t * (3.0 - 2.0 * t);
    return falloff;
}
