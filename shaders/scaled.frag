#version 430 core
// A picture rendered at another size, filtered linearly onto the viewport (gpu/RenderTarget.cpp).
layout(binding = 0) uniform sampler2D uPicture;
in vec2 vUv;
out vec4 fragColor;

void main() { fragColor = texture(uPicture, vUv); }
