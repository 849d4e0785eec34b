// The shared page (docs/share-page.md) in a real browser: Debian's chromium, headless, driven by
// puppeteer-core (installed by tools/install-deps.sh from package-lock.json). ctest runs one
// check at a time after the `export` step has written the page:
//
//   node share-page.test.js export STIPPLE WORKDIR   a design, exported with --formats html
//   node share-page.test.js CHECK WORKDIR            load | gestures | looks | missing-texture
//
// A check that cannot find chromium or puppeteer-core fails; it never skips. Screenshots go to
// WORKDIR, to look at when a check fails.
'use strict';
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const chromiumCandidates = [process.env.STIPPLE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

function loadPuppeteer() {
  try {
    return require('puppeteer-core');
  } catch (error) {
    throw new Error('puppeteer-core is not installed in tests/browser: run bash tools/install-deps.sh (' + error.message + ')');
  }
}

async function launchBrowser() {
  const executablePath = chromiumCandidates.find((candidate) => fs.existsSync(candidate));
  if (!executablePath)
    throw new Error('chromium not found (looked at ' + chromiumCandidates.join(', ') +
                    '): install it with bash tools/install-deps.sh, or set STIPPLE_CHROMIUM');
  // WebGL without a GPU: SwiftShader through ANGLE. --no-sandbox: CI runs as root.
  return loadPuppeteer().launch({
    executablePath,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

const pageUrl = (folder) => 'file://' + path.resolve(folder, 'index.html');

// Opens the page as a tablet would (touch, landscape) and waits until the model is drawn or the
// page says why it cannot be; returns the time that took.
async function openPage(browser, folder) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.setViewport({ width: 1024, height: 768, hasTouch: true });
  const start = Date.now();
  await page.goto(pageUrl(folder));
  await page.waitForFunction('!!(window.stippleViewer && (window.stippleViewer.error || window.stippleViewer.ready))',
                             { timeout: 30000 });
  await page.evaluate(() => window.stippleViewer.error || window.stippleViewer.ready.then(() => null));
  await page.waitForFunction('!!(window.stippleViewer.error || window.stippleViewer.rendered > 0)', { timeout: 30000 });
  return { page, milliseconds: Date.now() - start, problems };
}

// The canvas read back: the share of it the head covers (the background is transparent), the
// mean luminance of the head's pixels in the middle of its outline (on the top view, the
// scalp), and a 32 x 32 grid of luminance to tell two views apart.
async function canvasStats(page) {
  await page.evaluate(() => window.stippleViewer.settled());
  return page.evaluate(() => {
    const canvas = document.getElementById('view');
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d');
    context.drawImage(canvas, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, copy.width, copy.height);
    const luminance = (i) => 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
    let covered = 0, minX = width, maxX = 0, minY = height, maxY = 0;
    for (let y = 0; y < height; ++y)
      for (let x = 0; x < width; ++x)
        if (data[(y * width + x) * 4 + 3] > 0) {
          ++covered;
          minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
        }
    let sum = 0, count = 0;
    const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2, rx = (maxX - minX) * 0.3, ry = (maxY - minY) * 0.3;
    for (let y = Math.floor(cy - ry); y <= cy + ry; ++y)
      for (let x = Math.floor(cx - rx); x <= cx + rx; ++x) {
        const i = (y * width + x) * 4;
        if (data[i + 3] > 0 && ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) { sum += luminance(i); ++count; }
      }
    const grid = [];
    for (let gy = 0; gy < 32; ++gy)
      for (let gx = 0; gx < 32; ++gx) {
        const i = (Math.floor((gy + 0.5) * height / 32) * width + Math.floor((gx + 0.5) * width / 32)) * 4;
        grid.push(data[i + 3] > 0 ? luminance(i) : -1);
      }
    return { coverage: covered / (width * height), centreLuminance: count ? sum / count : NaN, grid };
  });
}

function gridDifference(a, b) {
  let changed = 0;
  for (let i = 0; i < a.grid.length; ++i) if (Math.abs(a.grid[i] - b.grid[i]) > 8) ++changed;
  return changed / a.grid.length;
}

const click = (page, selector) => page.$eval(selector, (element) => element.click());
const clickButton = (page, label) => page.evaluate((text) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!button) throw new Error('no button "' + text + '"');
  button.click();
}, label);

// One finger (or two) pressed, moved in steps and lifted (a tap: no distance, one step), as CDP touch events: Chromium turns
// them into the pointer events the page listens to.
async function touchGesture(page, from, to, steps = 6) {
  const session = await page.createCDPSession();
  const at = (t) => from.map((point, i) => ({ x: point.x + (to[i].x - point.x) * t, y: point.y + (to[i].y - point.y) * t, id: i }));
  await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let s = 1; s <= steps; ++s) await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(s / steps) });
  await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await session.detach();
}

const checks = {
  // The page opens from file://, draws the head, and the head covers 10-80 % of the view.
  async load(browser, folder, workdir) {
    const { page, milliseconds, problems } = await openPage(browser, folder);
    assert.strictEqual(await page.evaluate(() => window.stippleViewer.error), null);
    assert.deepStrictEqual(problems, []);
    await page.screenshot({ path: path.join(workdir, 'load.png') });
    const stats = await canvasStats(page);
    console.log(`opened in ${milliseconds} ms; the head covers ${(stats.coverage * 100).toFixed(1)} % of the view`);
    // The goal is 3 s on a laptop; software WebGL on a busy CI machine gets a wider bound.
    assert(milliseconds < 10000, `the page took ${milliseconds} ms to show the head`);
    assert(stats.coverage >= 0.10 && stats.coverage <= 0.80, `the head covers ${stats.coverage} of the view`);
    const title = await page.$eval('#people', (element) => element.textContent);
    assert(title.includes('Alex Morgan') && title.includes('Sam Lee') && title.includes('2026-12-07'), title);
    const rows = await page.$$eval('#session-table tr', (trs) => trs.length);
    assert.strictEqual(rows, 4, 'a header and three sessions');
    // Every control a finger can hit: 44 CSS px at least, both ways.
    const small = await page.$$eval('button:not([hidden]), select', (elements) => elements
      .map((element) => ({ text: element.textContent.trim(), rect: element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && (rect.width < 44 || rect.height < 44))
      .map(({ text, rect }) => `${text} ${rect.width}x${rect.height}`));
    assert.deepStrictEqual(small, [], 'controls smaller than 44 CSS px');
    // Headless Chromium has no AR: the AR button stays hidden.
    assert(await page.$eval('#ar', (element) => element.hidden), 'the AR button is hidden where AR is missing');

    // Portrait: the head above the controls, still 10-80 % of its view, nothing wider than the screen.
    await page.setViewport({ width: 768, height: 1024, hasTouch: true });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: path.join(workdir, 'load-portrait.png') });
    const portrait = await canvasStats(page);
    assert(portrait.coverage >= 0.10 && portrait.coverage <= 0.80, `portrait: the head covers ${portrait.coverage} of the view`);
    assert(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'portrait: nothing wider than the screen');
  },

  // One finger turns the head, a pinch brings it closer, two fingers pan, a double tap frames:
  // the camera reads back and the pixels differ.
  async gestures(browser, folder, workdir) {
    const { page } = await openPage(browser, folder);
    const canvas = await page.$eval('#view', (element) => { const r = element.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });
    const cx = canvas.x + canvas.width / 2, cy = canvas.y + canvas.height / 2;
    const before = { camera: await page.evaluate(() => window.stippleViewer.camera()), stats: await canvasStats(page) };

    await touchGesture(page, [{ x: cx - 150, y: cy }], [{ x: cx + 150, y: cy }]);
    const dragged = { camera: await page.evaluate(() => window.stippleViewer.camera()), stats: await canvasStats(page) };
    await page.screenshot({ path: path.join(workdir, 'gestures-drag.png') });
    const moved = Math.hypot(...dragged.camera.position.map((v, i) => v - before.camera.position[i]));
    assert(moved > 50, `a one-finger drag moved the camera ${moved} mm`);
    assert(Math.abs(dragged.camera.distance - before.camera.distance) < 1, 'a drag turns about the target, it does not zoom');
    assert(gridDifference(before.stats, dragged.stats) > 0.05, 'a drag changes the picture');

    await touchGesture(page, [{ x: cx - 40, y: cy }, { x: cx + 40, y: cy }], [{ x: cx - 200, y: cy }, { x: cx + 200, y: cy }]);
    const pinched = { camera: await page.evaluate(() => window.stippleViewer.camera()), stats: await canvasStats(page) };
    await page.screenshot({ path: path.join(workdir, 'gestures-pinch.png') });
    assert(pinched.camera.distance < dragged.camera.distance * 0.8,
           `spreading two fingers brings the camera closer (${dragged.camera.distance} -> ${pinched.camera.distance} mm)`);
    assert(pinched.stats.coverage > dragged.stats.coverage, 'closer, the head covers more of the view');

    // Two fingers moved together pan: the target moves, the distance stays.
    await touchGesture(page, [{ x: cx - 60, y: cy }, { x: cx + 60, y: cy }], [{ x: cx - 60, y: cy + 120 }, { x: cx + 60, y: cy + 120 }]);
    const panned = await page.evaluate(() => window.stippleViewer.camera());
    const shifted = Math.hypot(...panned.target.map((v, i) => v - pinched.camera.target[i]));
    assert(shifted > 5, `a two-finger drag moved the target ${shifted} mm`);
    assert(Math.abs(panned.distance - pinched.camera.distance) < pinched.camera.distance * 0.05, 'a two-finger drag does not zoom');

    // A double tap frames the whole head again.
    for (let tap = 0; tap < 2; ++tap) await touchGesture(page, [{ x: cx, y: cy }], [{ x: cx, y: cy }], 1);
    const framed = { camera: await page.evaluate(() => window.stippleViewer.camera()), stats: await canvasStats(page) };
    assert(framed.camera.distance > pinched.camera.distance * 1.5,
           `a double tap steps back to the whole head (${pinched.camera.distance} -> ${framed.camera.distance} mm)`);
    assert(framed.stats.coverage >= 0.10 && framed.stats.coverage <= 0.80, `framed, the head covers ${framed.stats.coverage}`);
  },

  // Seen from the top, the scalp is darker after than before, and lighter after session 1 than
  // with the whole design.
  async looks(browser, folder, workdir) {
    const { page } = await openPage(browser, folder);
    await clickButton(page, 'Top');
    const after = await canvasStats(page);
    await click(page, '#show-before');
    const before = await canvasStats(page);
    await page.screenshot({ path: path.join(workdir, 'looks-before.png') });
    console.log(`scalp luminance: before ${before.centreLuminance.toFixed(2)}, after ${after.centreLuminance.toFixed(2)}`);
    assert(after.centreLuminance < before.centreLuminance - 1, 'the scalp is darker after than before');

    await click(page, '#show-after');
    await clickButton(page, 'Session 1');
    const session1 = await canvasStats(page);
    assert.strictEqual((await page.evaluate(() => window.stippleViewer.state())).texture, 'session-1');
    await page.screenshot({ path: path.join(workdir, 'looks-session-1.png') });
    console.log(`scalp luminance: session 1 ${session1.centreLuminance.toFixed(2)}, whole design ${after.centreLuminance.toFixed(2)}`);
    assert(session1.centreLuminance > after.centreLuminance + 0.5, 'session 1 is lighter than the whole design');
    assert(session1.centreLuminance < before.centreLuminance, 'session 1 is darker than before');
  },

  // A page whose texture is missing says so, and which file, instead of a blank canvas.
  async 'missing-texture'(browser, folder, workdir) {
    const broken = path.join(workdir, 'page-without-texture');
    fs.rmSync(broken, { recursive: true, force: true });
    fs.cpSync(folder, broken, { recursive: true });
    const defaultTexture = path.join(broken, 'textures', 'healed.js');
    assert(fs.existsSync(defaultTexture), 'the export writes the default stage\'s texture');
    fs.rmSync(defaultTexture);
    const { page } = await openPage(browser, broken);
    await page.screenshot({ path: path.join(workdir, 'missing-texture.png') });
    const message = await page.$eval('#message', (element) => ({
      text: element.textContent, shown: !element.hidden && element.getBoundingClientRect().height > 0,
    }));
    assert(message.shown, 'the message is shown');
    assert(message.text.includes('textures/healed.js is missing'), message.text);
  },
};

async function main() {
  const [what, ...rest] = process.argv.slice(2);
  if (what === 'export') {
    const [stipple, workdir] = rest;
    fs.rmSync(workdir, { recursive: true, force: true });
    fs.mkdirSync(workdir, { recursive: true });
    const project = path.join(workdir, 'client.stipple');
    const run = (...args) => console.log(execFileSync(stipple, args, { encoding: 'utf8' }).trim());
    run('paint', '--template', 'norwood-2', '--client', 'Alex Morgan', '--practitioner', 'Sam Lee', '--date', '2026-12-07', '--out', project);
    // Half the default size: the checks look at the page, not at the texture's detail.
    run('export', project, '--formats', 'html', '--size', '2048', '--out', workdir);
    return;
  }
  const check = checks[what];
  if (!check) throw new Error('unknown check ' + what + ' (export, ' + Object.keys(checks).join(', ') + ')');
  const workdir = rest[0];
  const folder = path.join(workdir, 'client');
  assert(fs.existsSync(path.join(folder, 'index.html')), 'no page at ' + folder + ': run the export step first');
  const browser = await launchBrowser();
  try {
    await check(browser, folder, workdir);
  } finally {
    await browser.close();
  }
  console.log('passed: ' + what);
}

main().catch((error) => {
  console.error('FAILED: ' + (error.stack || error.message));
  process.exit(1);
});
