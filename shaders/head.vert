#version 430 core
// The head in model space (mm). Attribute locations match gpu/HeadRenderer.cpp.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aUv;
layout(location = 3) in float aScalpWeight;

uniform mat4 uViewProjection;

out vec3 vPosition;
out vec3 vNormal;
out vec2 vUv;
out float vScalpWeight;

void main() {
    vPosition = aPosition;
    vNormal = aNormal;
    vUv = aUv;
    vScalpWeight = aScalpWeight;
    gl_Position = uViewProjection * vec4(aPosition, 1.0);
}
