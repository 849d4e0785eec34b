#version 430 core
// The head unwrapped: each vertex goes to its UV position, carrying its 3D position along so
// the fragment shader evaluates dots on the skin, not in UV.
layout(location = 0) in vec3 aPosition;
layout(location = 2) in vec2 aUv;

out vec3 vPosition;
out vec2 vUv;

void main() {
    vPosition = aPosition;
    vUv = aUv;
    gl_Position = vec4(aUv * 2.0 - 1.0, 0.0, 1.0);
}
