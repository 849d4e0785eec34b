// The shared page (docs/share-page.md): the head from head.js, the design's figures from data.js,
// each look's albedo from textures/KEY.js (a JPEG as a data: URI: Chromium refuses WebGL
// textures from file:// images as cross-origin, and a page from file:// may not fetch()).
// The skin is lit by the app's own shader functions (data.js carries shaders/skin.glsl and
// color.glsl), in the light presets of core/Lighting.cpp, so the page looks as the app does.
//
// Sections: checks, textures, the head and its shader, camera and gestures, the controls,
// the figures, AR, start.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);

  // What the tests and a curious practitioner can read back (window.stippleViewer).
  const viewer = { error: null, state: null, camera: null, ready: null, settled: null, rendered: 0 };
  window.stippleViewer = viewer;

  function fail(message) {
    viewer.error = message;
    $('message').textContent = message;
    $('message').hidden = false;
    $('loading').hidden = true;
  }

  // [SECTION] checks
  const missing = !window.THREE ? 'three.min.js' : !window.STIPPLE_DESIGN ? 'data.js' : !window.STIPPLE_HEAD ? 'head.js' : null;
  if (missing) {
    fail('This page cannot show the design: ' + missing + ' is missing beside index.html. ' +
         'Copy the whole folder the page was exported in, not index.html alone.');
    return;
  }
  const THREE = window.THREE;
  const design = window.STIPPLE_DESIGN;
  const head = window.STIPPLE_HEAD;
  const canvas = $('view');
  let renderer;
  // preserveDrawingBuffer keeps the last picture readable (the browser tests read it back); the
  // page draws only when something changes, so it costs little.
  try {
    renderer = new THREE.WebGLRenderer({ canvas, antialias: true, alpha: true, preserveDrawingBuffer: true });
  } catch (error) {
    fail('This browser cannot draw 3D (WebGL is off or missing): ' + error.message);
    return;
  }
  renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
  renderer.setClearColor(0x000000, 0);  // the page's background shows through

  // [SECTION] textures
  // Each textures/KEY.js calls stippleTexture(key, size, dataUri) once it is loaded.
  const textureScripts = {};
  const textures = {};
  window.stippleTexture = function (key, size, uri) {
    if (textureScripts[key]) textureScripts[key](uri);
  };
  function loadTexture(key) {
    if (textures[key]) return textures[key];
    const file = 'textures/' + key + '.js';
    textures[key] = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      let delivered = false;
      textureScripts[key] = (uri) => { delivered = true; resolve(uri); };
      script.onload = () => { if (!delivered) reject(new Error(file + ' holds no texture')); };
      script.onerror = () => reject(new Error(file + ' is missing'));
      script.src = file;
      document.head.appendChild(script);
    }).then((uri) => new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => {
        const texture = new THREE.Texture(image);
        texture.colorSpace = THREE.SRGBColorSpace;  // sampled as linear, as the app's sRGB texture
        texture.anisotropy = renderer.capabilities.getMaxAnisotropy();
        texture.needsUpdate = true;
        resolve(texture);
      };
      image.onerror = () => reject(new Error(file + ' holds no readable image'));
      image.src = uri;
    }));
    textures[key].catch((error) => fail('This page cannot show the design: ' + error.message +
      '. Copy the whole folder the page was exported in, with its textures folder.'));
    return textures[key];
  }

  // [SECTION] the head and its shader
  function typed(base64, Type) {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
    return new Type(bytes.buffer);
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(typed(head.positions, Float32Array), 3));
  geometry.setAttribute('normal', new THREE.BufferAttribute(typed(head.normals, Float32Array), 3));
  geometry.setAttribute('uv', new THREE.BufferAttribute(typed(head.uvs, Float32Array), 2));
  geometry.setIndex(new THREE.BufferAttribute(typed(head.indices, Uint32Array), 1));
  geometry.computeBoundingSphere();
  const bounds = geometry.boundingSphere;

  const vertexShader = `
    in vec3 position; in vec3 normal; in vec2 uv;
    uniform mat4 modelViewMatrix, projectionMatrix;
    out vec3 vPosition; out vec3 vNormal; out vec2 vUv;
    void main() {
      vPosition = position; vNormal = normal; vUv = uv;
      gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
    }`;
  // shaders/head.frag's lighting, without the layers and dots the textures already hold.
  const fragmentShader = `
    precision highp float;
    in vec3 vPosition; in vec3 vNormal; in vec2 vUv;
    uniform sampler2D uAlbedo;
    uniform vec3 uEye, uKeyLightDirection, uKeyRadiance, uFillLightDirection, uFillRadiance, uSkyAmbient, uGroundAmbient;
    uniform float uSkinRoughness;
    out vec4 fragColor;
    ${design.shading}
    void main() {
      vec3 n = normalize(vNormal);
      vec3 v = normalize(uEye - vPosition);
      if (!gl_FrontFacing) n = -n;
      vec3 albedo = texture(uAlbedo, vUv).rgb;
      // The skin's scattering follows the surface's curvature, as in the app.
      float curvatureMm = curvatureRadiusMm(vPosition, n);
      vec3 color = uKeyRadiance * (skinDiffuse(albedo, n, uKeyLightDirection, curvatureMm) * kPi +
                                   skinSpecular(n, v, uKeyLightDirection, uSkinRoughness));
      color += uFillRadiance * skinDiffuse(albedo, n, uFillLightDirection, curvatureMm) * kPi;
      color += albedo * mix(uGroundAmbient, uSkyAmbient, 0.5 + 0.5 * n.y);
      fragColor = vec4(linearToSrgb(toneMap(color)), 1.0);
    }`;
  const lighting = {
    uEye: { value: new THREE.Vector3() },
    uKeyLightDirection: { value: new THREE.Vector3() }, uKeyRadiance: { value: new THREE.Vector3() },
    uFillLightDirection: { value: new THREE.Vector3() }, uFillRadiance: { value: new THREE.Vector3() },
    uSkyAmbient: { value: new THREE.Vector3() }, uGroundAmbient: { value: new THREE.Vector3() },
    uSkinRoughness: { value: 0.5 },
  };
  function skinMaterial() {
    return new THREE.RawShaderMaterial({
      glslVersion: THREE.GLSL3, vertexShader, fragmentShader, side: THREE.DoubleSide,
      uniforms: Object.assign({ uAlbedo: { value: null } }, lighting),
    });
  }
  const beforeMaterial = skinMaterial();
  const afterMaterial = skinMaterial();
  const scene = new THREE.Scene();
  const headMesh = new THREE.Mesh(geometry, afterMaterial);
  scene.add(headMesh);

  // The light presets are in camera space (x right, y up, z to the viewer), as in the app: the
  // light turns with the camera. Set per camera, which in AR is each eye's.
  const worldPoint = new THREE.Vector3();
  headMesh.onBeforeRender = (_, __, camera) => {
    const light = design.lights.find((l) => l.name === state.light) || design.lights[0];
    const toModel = (direction, uniform) => {
      uniform.value.fromArray(direction).normalize().applyQuaternion(camera.getWorldQuaternion(new THREE.Quaternion()));
    };
    toModel(light.keyDirection, lighting.uKeyLightDirection);
    toModel(light.fillDirection, lighting.uFillLightDirection);
    lighting.uKeyRadiance.value.fromArray(light.keyRadiance);
    lighting.uFillRadiance.value.fromArray(light.fillRadiance);
    lighting.uSkyAmbient.value.fromArray(light.skyAmbient);
    lighting.uGroundAmbient.value.fromArray(light.groundAmbient);
    lighting.uSkinRoughness.value = light.skinRoughness;
    lighting.uEye.value.copy(headMesh.worldToLocal(camera.getWorldPosition(worldPoint)));
  };

  // [SECTION] camera and gestures
  const camera = new THREE.PerspectiveCamera(30, 1, 1, 5000);  // mm
  const controls = new THREE.OrbitControls(camera, canvas);
  controls.minDistance = 12;  // a single dot fills the view
  controls.maxDistance = 3000;
  controls.zoomToCursor = true;
  controls.touches = { ONE: THREE.TOUCH.ROTATE, TWO: THREE.TOUCH.DOLLY_PAN };

  function aspect() { return canvas.clientWidth / Math.max(canvas.clientHeight, 1); }
  // A pose of data.js (framed for a square picture); a narrower screen steps back to keep the
  // head's width in view.
  function lookFrom(pose) {
    const eye = new THREE.Vector3().fromArray(pose.eye);
    const target = new THREE.Vector3().fromArray(pose.target);
    const narrow = Math.min(aspect(), 1);
    eye.sub(target).multiplyScalar(1 / narrow).add(target);
    camera.fov = pose.fovDegrees;
    camera.position.copy(eye);
    controls.target.copy(target);
    camera.updateProjectionMatrix();
    controls.update();
    requestRender();
  }
  // The whole head from where the camera is now.
  function frameHead() {
    const direction = camera.position.clone().sub(controls.target).normalize();
    const halfFov = THREE.MathUtils.degToRad(camera.fov) / 2;
    const fit = Math.min(Math.tan(halfFov), Math.tan(halfFov) * aspect());
    const distance = bounds.radius / Math.sin(Math.atan(fit)) * 1.05;
    controls.target.copy(bounds.center);
    camera.position.copy(bounds.center).addScaledVector(direction, distance);
    controls.update();
    requestRender();
  }
  // Turns about the target: arrow keys, as in the app.
  function orbit(yaw, pitch) {
    const offset = camera.position.clone().sub(controls.target);
    const spherical = new THREE.Spherical().setFromVector3(offset);
    spherical.theta += yaw;
    spherical.phi = THREE.MathUtils.clamp(spherical.phi - pitch, 0.05, Math.PI - 0.05);
    camera.position.copy(controls.target).add(offset.setFromSpherical(spherical));
    controls.update();
    requestRender();
  }
  function zoom(factor) {
    const offset = camera.position.clone().sub(controls.target).multiplyScalar(factor);
    const length = THREE.MathUtils.clamp(offset.length(), controls.minDistance, controls.maxDistance);
    camera.position.copy(controls.target).add(offset.setLength(length));
    controls.update();
    requestRender();
  }
  controls.addEventListener('change', requestRender);
  canvas.addEventListener('dblclick', frameHead);
  // A double tap frames the head: two short taps close in time and place.
  let lastTap = null;
  canvas.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'touch' || !event.isPrimary) return;
    const now = performance.now();
    if (lastTap && now - lastTap.time < 350 && Math.hypot(event.clientX - lastTap.x, event.clientY - lastTap.y) < 40) {
      lastTap = null;
      frameHead();
      return;
    }
    lastTap = { time: now, x: event.clientX, y: event.clientY };
  });

  viewer.camera = () => ({
    position: camera.position.toArray(),
    target: controls.target.toArray(),
    distance: camera.position.distanceTo(controls.target),
  });

  // [SECTION] the controls
  const sessionCount = design.sessions.length;
  const state = { show: 'after', wipe: 0.5, session: 0, alone: false, stage: design.defaultStage, light: design.defaultLight };
  viewer.state = () => Object.assign({ texture: afterKey() }, state);

  // The texture of what "after" shows: a stage of the whole design, or a session at the healed
  // stage (so far, or alone); after the last session the skin holds the whole design.
  function afterKey() {
    if (state.session === 0) return state.stage;
    if (state.alone) return 'session-' + state.session + '-alone';
    return state.session === sessionCount ? 'healed' : 'session-' + state.session;
  }

  let pending = Promise.resolve();
  function update() {
    const key = afterKey();
    const showing = Promise.all([loadTexture('before'), loadTexture(key)]).then(([before, after]) => {
      if (key !== afterKey()) return;  // a later choice won
      const previous = afterMaterial.uniforms.uAlbedo.value;
      beforeMaterial.uniforms.uAlbedo.value = before;
      afterMaterial.uniforms.uAlbedo.value = after;
      // A tablet holds two looks on its GPU, not all of them; the image stays for a quick return.
      if (previous && previous !== after && previous !== before) previous.dispose();
      requestRender();
    });
    pending = showing.catch(() => {});
    for (const [id, show] of [['show-before', 'before'], ['show-after', 'after'], ['show-wipe', 'wipe']])
      $(id).setAttribute('aria-pressed', String(state.show === show));
    $('wipe-control').hidden = state.show !== 'wipe';
    $('wipe-line').hidden = state.show !== 'wipe';
    $('wipe-line').style.left = (state.wipe * 100) + '%';
    for (const button of $('sessions').children)
      button.setAttribute('aria-pressed', String(Number(button.dataset.session) === state.session));
    $('alone').disabled = state.session === 0;
    $('alone').checked = state.alone && state.session !== 0;
    // The sessions are baked at the healed stage only.
    $('stage-picker').disabled = state.session !== 0;
    $('stage-picker').value = state.session !== 0 ? 'healed' : state.stage;
    $('light-picker').value = state.light;
    requestRender();
    return showing;
  }
  // Resolves once the textures of the current choice are on the head and it has been drawn.
  viewer.settled = () => pending.then(() => new Promise((resolve) => {
    requestRender();
    requestAnimationFrame(() => requestAnimationFrame(resolve));
  }));

  function button(label, onClick, parent) {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = label;
    element.addEventListener('click', onClick);
    parent.appendChild(element);
    return element;
  }
  function option(select, value, label) {
    const element = document.createElement('option');
    element.value = value;
    element.textContent = label;
    select.appendChild(element);
  }
  const setShow = (show) => () => { state.show = show; update(); };
  $('show-before').addEventListener('click', setShow('before'));
  $('show-after').addEventListener('click', setShow('after'));
  $('show-wipe').addEventListener('click', setShow('wipe'));
  $('wipe').addEventListener('input', (event) => { state.wipe = Number(event.target.value); update(); });
  button('Whole design', () => { state.session = 0; update(); }, $('sessions')).dataset.session = 0;
  for (let s = 1; s <= sessionCount; ++s)
    button('Session ' + s, () => { state.session = s; update(); }, $('sessions')).dataset.session = s;
  $('alone').addEventListener('change', (event) => { state.alone = event.target.checked; update(); });
  for (const stage of design.stages) option($('stage-picker'), stage.name, stage.label);
  $('stage-picker').addEventListener('change', (event) => { state.stage = event.target.value; update(); });
  for (const light of design.lights) option($('light-picker'), light.name, light.label);
  $('light-picker').addEventListener('change', (event) => { state.light = event.target.value; update(); });
  for (const [index, view] of design.views.entries()) {
    const element = button(view.label, () => lookFrom(view), $('view-buttons'));
    element.title = view.label + ' view (key ' + (index + 1) + ')';
  }
  button('Close-up', () => lookFrom(design.closeUp), $('view-buttons')).title = 'Single dots at their true size (key C)';

  window.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
    const step = Math.PI / 36;
    const actions = {
      ArrowLeft: () => orbit(-step, 0), ArrowRight: () => orbit(step, 0),
      ArrowUp: () => orbit(0, step), ArrowDown: () => orbit(0, -step),
      '+': () => zoom(0.9), '=': () => zoom(0.9), '-': () => zoom(1 / 0.9),
      f: frameHead, F: frameHead, c: () => lookFrom(design.closeUp), C: () => lookFrom(design.closeUp),
      b: () => { state.show = state.show === 'before' ? 'after' : 'before'; update(); },
    };
    const view = design.views[Number(event.key) - 1];
    const action = view ? () => lookFrom(view) : actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  // [SECTION] the figures
  const fixed = (value, digits) => Number(value).toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  $('title').textContent = design.title;
  document.title = design.title + ' - Stipple design';
  const people = [];
  if (design.client) people.push('Client: ' + design.client);
  if (design.practitioner) people.push('Practitioner: ' + design.practitioner);
  people.push(design.date);
  $('people').textContent = people.join(' · ');
  function row(table, cells, header) {
    const tr = table.insertRow();
    for (const [text, number] of cells) {
      const cell = document.createElement(header ? 'th' : 'td');
      cell.textContent = text;
      if (number) cell.className = 'number';
      tr.appendChild(cell);
    }
    return tr;
  }
  const hairline = design.hairline;
  if (hairline.hasCurve) {
    const low = row($('hairline'), [['Mid-frontal point above the glabella'], [fixed(hairline.midFrontalHeightMm / 10, 1) + ' cm', true]]);
    if (hairline.lowHairline) {
      low.className = 'warning';
      low.title = 'Below the aggressive bound of ' + fixed(hairline.aggressiveMidFrontalMm / 10, 0) + ' cm';
    }
    if (hairline.frontotemporalFromMidFrontalMm !== undefined)
      row($('hairline'), [['Frontotemporal points from the mid-frontal'], [fixed(hairline.frontotemporalFromMidFrontalMm / 10, 1) + ' cm', true]]);
  }
  row($('hairline'), [['Designed area'], [fixed(hairline.designedAreaCm2, 0) + ' cm²', true]]);
  row($('hairline'), [['Impressions'], [fixed(design.impressionCount, 0), true]]);
  row($('session-table'), [['Session'], ['Density', true], ['Impressions', true], ['Hours', true]], true);
  for (const s of design.sessions)
    row($('session-table'), [[String(s.session)], [fixed(s.fraction * 100, 0) + ' %', true], [fixed(s.placed, 0), true],
                             [fixed(s.hoursMin, 1) + '–' + fixed(s.hoursMax, 1), true]]);
  $('look').textContent = 'Needle ' + design.needle + ', depth ' + fixed(design.depthMm, 1) + ' mm, skin ' + design.skin + '.';

  // [SECTION] AR
  // Where the browser offers WebXR's immersive AR (Android Chrome): the head at life size in
  // front of the viewer. Hidden everywhere else.
  if (navigator.xr && navigator.xr.isSessionSupported) {
    navigator.xr.isSessionSupported('immersive-ar').then((supported) => {
      $('ar').hidden = !supported;
    }).catch(() => {});
  }
  $('ar').addEventListener('click', async () => {
    const session = await navigator.xr.requestSession('immersive-ar', {
      optionalFeatures: ['dom-overlay'], domOverlay: { root: document.body },
    });
    renderer.xr.enabled = true;
    renderer.xr.setReferenceSpaceType('local');
    await renderer.xr.setSession(session);
    headMesh.scale.setScalar(0.001);  // mm to metres
    headMesh.position.copy(bounds.center).multiplyScalar(-0.001).add(new THREE.Vector3(0, 0, -0.6));
    renderer.setAnimationLoop(() => renderer.render(scene, camera));
    session.addEventListener('end', () => {
      renderer.setAnimationLoop(null);
      renderer.xr.enabled = false;
      headMesh.scale.setScalar(1);
      headMesh.position.set(0, 0, 0);
      resize();
    });
  });

  // [SECTION] start
  let frameRequested = false;
  function requestRender() {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(render);
  }
  function render() {
    frameRequested = false;
    if (!afterMaterial.uniforms.uAlbedo.value || renderer.xr.isPresenting) return;
    if (state.show !== 'wipe') {
      headMesh.material = state.show === 'before' ? beforeMaterial : afterMaterial;
      renderer.render(scene, camera);
    } else {
      // Before on the left of the line, after on the right.
      const size = renderer.getSize(new THREE.Vector2());
      const split = Math.round(state.wipe * size.x);
      renderer.clear();
      renderer.setScissorTest(true);
      renderer.autoClear = false;
      for (const [material, x, width] of [[beforeMaterial, 0, split], [afterMaterial, split, size.x - split]]) {
        renderer.setScissor(x, 0, width, size.y);
        headMesh.material = material;
        renderer.render(scene, camera);
      }
      renderer.autoClear = true;
      renderer.setScissorTest(false);
    }
    viewer.rendered += 1;
  }
  function resize() {
    renderer.setSize(canvas.clientWidth, canvas.clientHeight, false);
    camera.aspect = aspect();
    camera.updateProjectionMatrix();
    requestRender();
  }
  new ResizeObserver(resize).observe(canvas);
  resize();
  lookFrom(design.views.find((view) => view.name === 'three-quarter') || design.views[0]);
  viewer.ready = update().then(() => viewer.settled()).then(() => { $('loading').hidden = true; });
})();
