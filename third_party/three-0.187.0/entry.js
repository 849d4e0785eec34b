// What the shared page (web/share-page/app.js) uses of three.js, bundled as one classic script
// that sets window.THREE: a page opened from file:// may not load ES modules. See README.md.
export {
  BufferAttribute, BufferGeometry, DoubleSide, GLSL3, MathUtils, Mesh, PerspectiveCamera, Quaternion,
  RawShaderMaterial, SRGBColorSpace, Scene, Spherical, TOUCH, Texture, Vector2, Vector3, WebGLRenderer,
} from 'three';
export { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
