#version 430 core
// One triangle over the whole viewport (gpu/RenderTarget.cpp, drawScaled): no vertex buffer.
out vec2 vUv;

void main() {
    vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    vUv = corner;
    gl_Position = vec4(2.0 * corner - 1.0, 0.0, 1.0);
}
