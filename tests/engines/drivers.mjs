// One small driver layer over the three engines a visitor may use, so that a journey is
// written once: Chromium through Playwright (Debian's chromium), Firefox ESR through
// puppeteer-core over WebDriver BiDi (Debian's firefox-esr, no driver binary), and WebKitGTK's
// MiniBrowser through WebKitWebDriver and selenium-webdriver under an Xvfb display of its
// own (Debian's webkit2gtk-driver and xvfb). Nothing is downloaded. Every process started
// here is in a process group of its own and stopped as a group.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';
import { CHROMIUM_ARGS } from '../e2e/browser.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A free TCP port on 127.0.0.1. */
const freePort = () => new Promise((resolve, reject) => {
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
  server.on('error', reject);
});

/** Starts `command` in a process group of its own; `stop()` ends the whole group. */
function start(command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'ignore', detached: true, env: { ...process.env, ...env } });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    child,
    async stop() {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
      const killed = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** Polls `check()` until it returns something truthy; fails after `ms` naming `what`. */
export async function until(check, what, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The page API every journey uses: `goto`, `reload`, `evaluate(fn, arg)` (a function run in
 * the page, one JSON argument), `click(selector, index)` (a real click on the index-th match
 * in the widget's shadow root, or in the document for a selector starting with `doc:`),
 * `press(key)` and `type(text)` (real key presses to whatever has focus), `screenshot()` (PNG
 * bytes of the viewport). WebKitWebDriver holds one session at a time:
 * close a profile before opening the next.
 */
function shadowQuery([selector, index]) {
  const inDocument = selector.startsWith('doc:');
  const root = inDocument ? document : document.querySelector('smi-assessment')?.shadowRoot;
  return root?.querySelectorAll(inDocument ? selector.slice(4) : selector)[index] ?? null;
}

/** The page API over a Playwright or Puppeteer `page` (the two agree on what is used here);
 * `keyName` turns this layer's key names into the library's. */
function pageApi(page, context, keyName) {
  return {
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    async click(selector, index = 0) {
      const handle = await page.evaluateHandle(shadowQuery, [selector, index]);
      const element = handle.asElement();
      if (!element) throw new Error(`no ${selector} [${index}]`);
      await element.click();
    },
    press: (key) => page.keyboard.press(keyName(key)),
    type: (text) => page.keyboard.type(text),
    screenshot: () => page.screenshot(),
    close: () => context.close(),
  };
}

async function chromiumEngine() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    async profile() {
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      return pageApi(page, context, (key) => key);
    },
    close: () => browser.close(),
  };
}

async function firefoxEngine() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
  });
  return {
    name: 'firefox',
    version: `Firefox ${(await browser.version()).split('/')[1]}`,
    async profile() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1000, height: 900 });
      // Puppeteer names the space bar ' '.
      return pageApi(page, context, (key) => (key === 'Space' ? ' ' : key));
    },
    close: () => browser.close(),
  };
}

/** An X display number nobody uses. */
function freeDisplay() {
  for (let n = 90; n < 200; n++) {
    if (!fs.existsSync(`/tmp/.X${n}-lock`) && !fs.existsSync(`/tmp/.X11-unix/X${n}`)) return n;
  }
  throw new Error('no free X display between :90 and :199');
}

async function webkitEngine() {
  const display = freeDisplay();
  const xvfb = start('Xvfb', [`:${display}`, '-screen', '0', '1280x1000x24', '-nolisten', 'tcp']);
  await until(() => fs.existsSync(`/tmp/.X11-unix/X${display}`), 'the Xvfb display', 10_000);
  const port = await freePort();
  const driver = start('WebKitWebDriver', [`--port=${port}`], { DISPLAY: `:${display}` });
  const url = `http://127.0.0.1:${port}`;
  await until(() => fetch(`${url}/status`).then((r) => r.ok, () => false), 'WebKitWebDriver', 10_000);
  const sessions = new Set();
  const session = async () => {
    const d = await new Builder().usingServer(url).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }).build();
    sessions.add(d);
    return d;
  };
  const first = await session();
  const version = (await first.getCapabilities()).get('browserVersion');
  await first.quit();
  sessions.delete(first);
  const asFunction = (fn) => `return (${fn}).apply(null, arguments)`;
  const webkitFallbacks = new Set();
  return {
    name: 'webkit',
    /** The elements clicked through the page instead of WebKitWebDriver (see `click`). */
    fallbacks: () => [...webkitFallbacks],
    version: `WebKitGTK ${version} (MiniBrowser)`,
    async profile() {
      // Each WebDriver session is a fresh automation profile.
      const d = await session();
      await d.manage().window().setRect({ width: 1000, height: 900 });
      return {
        goto: (target) => d.get(target),
        reload: () => d.navigate().refresh(),
        evaluate: (fn, arg) => d.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           Promise.resolve((${fn})(arguments[0])).then((v) => done({ ok: v }), (e) => done({ error: String(e) }));`,
          arg ?? null,
        ).then((r) => { if (r && 'error' in r) throw new Error(r.error); return r?.ok; }),
        async click(selector, index = 0) {
          const element = await d.executeScript(asFunction(shadowQuery), [selector, index]);
          if (!element) throw new Error(`no ${selector} [${index}]`);
          // WebKitWebDriver scrolls an element only to the viewport's edge, where the widget's
          // own layout may still cover it: to the middle first.
          await d.executeScript('arguments[0].scrollIntoView({ block: "center" })', element);
          await element.click().catch(async (e) => {
            const over = await d.executeScript(`const el = arguments[0]; const r = el.getBoundingClientRect();
              const hit = el.getRootNode().elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
              return hit === el ? 'itself' : (hit?.outerHTML ?? 'nothing').slice(0, 160) + ' at ' + JSON.stringify(r)`, element);
            // WebKitWebDriver refuses some clicks on a text field inside a shadow root although
            // the field itself is at the point it would click (its hit test stops at the shadow
            // host): the page's own focus and click then, and the run says so.
            if (e.name !== 'ElementClickInterceptedError' || over !== 'itself') {
              throw new Error(`clicking ${selector} [${index}]: ${e.name}; at its middle: ${over}`);
            }
            webkitFallbacks.add(selector);
            await d.executeScript('arguments[0].focus(); arguments[0].click()', element);
          });
        },
        press: (key) => d.actions().sendKeys({ Space: ' ', Tab: Key.TAB, Enter: Key.ENTER, ArrowDown: Key.ARROW_DOWN }[key] ?? key).perform(),
        type: (text) => d.actions().sendKeys(text).perform(),
        screenshot: async () => Buffer.from(await d.takeScreenshot(), 'base64'),
        async close() {
          sessions.delete(d);
          await d.quit();
        },
      };
    },
    async close() {
      for (const d of sessions) await d.quit().catch(() => {});
      await driver.stop();
      await xvfb.stop();
    },
  };
}

/** The engine `name`, launched. */
export function launchEngine(name) {
  return { chromium: chromiumEngine, firefox: firefoxEngine, webkit: webkitEngine }[name]();
}
