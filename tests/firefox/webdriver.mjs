// A small W3C WebDriver client for Firefox, through geckodriver (built from
// crates.io by .ci/install; Debian's firefox-esr). Playwright drives only
// its own patched Firefox, which would be a downloaded binary, so the
// Firefox layer speaks WebDriver itself: sessions, navigation, scripts,
// elements, and real pointer and key input (the Actions API).
import { spawn } from 'node:child_process';
import net from 'node:net';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The key WebDriver uses for element references in JSON. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * Starts geckodriver and a headless Firefox session with `prefs`; resolves
 * to a Session. Call `session.quit()` at the end, whatever happens.
 */
export async function launch({ binary = process.env.WASIM_FIREFOX || '/usr/bin/firefox-esr', prefs = {} } = {}) {
  const port = await freePort();
  const driver = spawn(process.env.WASIM_GECKODRIVER || 'geckodriver', ['--port', String(port), '--log', 'error'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let driverLog = '';
  driver.stderr.on('data', (d) => (driverLog += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/status`);
      break;
    } catch (e) {
      if (i > 100) throw new Error(`geckodriver did not start: ${e}\n${driverLog}`);
      await sleep(100);
    }
  }
  const call = async (method, path, body) => {
    const r = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const j = await r.json();
    if (!r.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(j.value).slice(0, 800)}`);
    return j.value;
  };
  let created;
  try {
    created = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          'moz:firefoxOptions': { binary, args: ['-headless', '-width', '1280', '-height', '900'], prefs },
        },
      },
    });
  } catch (e) {
    driver.kill();
    throw e;
  }
  return new Session(call, created, driver);
}

/** One Firefox session. */
class Session {
  constructor(call, created, driver) {
    this.id = created.sessionId;
    this.version = created.capabilities.browserVersion;
    this.call = (method, path, body) => call(method, `/session/${this.id}${path}`, body);
    this.driver = driver;
  }

  goto(url) {
    return this.call('POST', '/url', { url });
  }

  /**
   * Reloads the page as the user's F5 does (`location.reload()`) and waits
   * for the new document. Not WebDriver's refresh command: in Firefox it
   * bypasses the service worker, so a page the worker would serve offline
   * shows a connection error instead.
   */
  async reload() {
    await this.evaluate(() => {
      window.__wasimOld = true;
      location.reload();
    });
    await this.waitFor('the reloaded page', () => !window.__wasimOld && document.readyState !== 'loading');
  }

  /** Runs `fn(...args)` in the page (a function, sent as its source); returns its result. */
  evaluate(fn, ...args) {
    return this.call('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments);`, args });
  }

  /** Polls `fn(...args)` in the page until it returns a truthy value; returns it. */
  async waitFor(what, fn, ...args) {
    const until = Date.now() + 20_000;
    let last;
    while (Date.now() < until) {
      last = await this.evaluate(fn, ...args);
      if (last) return last;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
  }

  /** The element matching `css`; throws when there is none. */
  async element(css) {
    const found = await this.call('POST', '/element', { using: 'css selector', value: css });
    if (!found || !found[ELEMENT]) throw new Error(`no element ${css}: ${JSON.stringify(found)}`);
    return found[ELEMENT];
  }

  /** A real click on the element matching `css`. */
  async click(css) {
    await this.call('POST', `/element/${await this.element(css)}/click`, {});
  }

  /** Chooses `path` in the file input matching `css`. */
  async chooseFile(css, path) {
    await this.call('POST', `/element/${await this.element(css)}/value`, { text: path });
  }

  /** A mouse drag through `points` ([x, y] in the viewport): press at the first, release at the last. */
  async drag(points) {
    const [first, ...rest] = points.map(([x, y]) => ({ x: Math.round(x), y: Math.round(y) }));
    const actions = [
      { type: 'pointerMove', duration: 0, origin: 'viewport', ...first },
      { type: 'pointerDown', button: 0 },
      ...rest.map((p) => ({ type: 'pointerMove', duration: 50, origin: 'viewport', ...p })),
      { type: 'pointerUp', button: 0 },
    ];
    await this.call('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
    await this.call('DELETE', '/actions');
  }

  /** Presses and releases one key. */
  async press(key) {
    const actions = [
      { type: 'keyDown', value: key },
      { type: 'keyUp', value: key },
    ];
    await this.call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.call('DELETE', '/actions');
  }

  async quit() {
    try {
      await this.call('DELETE', '');
    } finally {
      this.driver.kill();
    }
  }
}
