// The benchmark: sizes of dist/ and, in headless Chromium at 1× and 4× CPU throttling, the
// timings of a whole assessment, as median (min–max) over RUNS runs. Writes
// tests/bench/results.json and tests/bench/results.md. Run it with `bash .ci/bench.sh`.
// With COMPARE=dirA,dirB it measures built dist/ copies against each other instead.
//
// Timings are taken in the page with performance.now(). "Input to next paint" is the time
// from a click to the first frame after it: a requestAnimationFrame callback followed by a
// zero-delay task, which runs once that frame has been produced.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';
import { sizes } from './sizes.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.RUNS ?? 11);
const RATES = [1, 4];
const PROFILE = '1010101010101' + '23232323232323';
const KIB = 1024;
// Every measure comes from a browser that draws frames at 60 Hz, as a screen does, except
// the per-answer latency: with frames at 60 Hz it is the wait for the next refresh (16.7 ms
// whatever the widget does), so it is taken from a second browser that draws a frame as
// soon as something changed, which leaves the widget's own work (events, rendering, style,
// layout, paint). That browser is not used for the rest: drawing unthrottled frames takes a
// core of this machine's two and slows everything else.
const UNTHROTTLED_FRAMES = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];
const FROM_UNTHROTTLED = ['perAnswer'];
/** Measure `key` of every run, from the browser that measure is taken from. */
const measuresOf = (key, paced, fast) => (FROM_UNTHROTTLED.includes(key) ? fast : paced).map((r) => r[key]);

// Installed before any page script: the measuring helpers and a long-task observer.
function instrument() {
  let readyAt;
  let liveAt;
  window.bench = {
    longTasks: [],
    ready: new Promise((resolve) => { readyAt = resolve; }),
    live: new Promise((resolve) => { liveAt = resolve; }),
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  // The widget is on screen at the first paint after its shadow root has a button (the
  // intro's Start). Watched with a MutationObserver rather than through smi:ready, which the
  // widget sends from an effect that runs after that paint.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attachShadow.call(this, init);
    if (this.localName === 'smi-assessment') {
      // The first paint with a button is the loader's first screen where there is one; the
      // widget itself is ready at the first paint after its own root (not the first screen,
      // not still hidden beside it) has one.
      let shown = false;
      const observer = new MutationObserver(async () => {
        if (!shown && shadow.querySelector('button')) {
          shown = true;
          nextPaint().then(() => readyAt(performance.now()));
        }
        if (!shadow.querySelector('.smi:not([data-first-screen]) button')) return;
        observer.disconnect();
        await nextPaint();
        liveAt(performance.now());
      });
      observer.observe(shadow, { childList: true, subtree: true });
    }
    return shadow;
  };
  const root = () => document.querySelector('smi-assessment').shadowRoot;
  window.bench.nextPaint = nextPaint;
  // Clicks the element matching `selector` (or whose text is `text`), resolves to the
  // milliseconds until the next paint.
  // At 4× the next control was now and then not there yet at the paint that ended the
  // previous measure (2 runs in about 40); it is looked for over up to 30 more frames, and a
  // control that never comes still fails the run.
  window.bench.click = async (selector, text) => {
    const find = () => {
      const candidates = [...root().querySelectorAll(selector)];
      return text ? candidates.find((c) => c.textContent.trim() === text) : candidates[0];
    };
    let el = find();
    for (let frames = 0; !el && frames < 30; frames++) el = (await nextPaint(), find());
    if (!el) throw new Error(`nothing matches ${selector} ${text ?? ''}`);
    const t0 = performance.now();
    el.click();
    await nextPaint();
    return performance.now() - t0;
  };
}

async function run(browser, url, rate) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  await page.goto(url);
  // Not page.waitForFunction: its first call installs Playwright's helper script in the page,
  // tens of milliseconds of work that would land inside the measured start-up.
  const firstScreen = await page.evaluate(() => window.bench.ready);
  const live = await page.evaluate(() => window.bench.live);
  // The long tasks of start-up: those that began before the widget was ready.
  const startup = await page.evaluate((live) => window.bench.longTasks.filter((t) => t.start < live).map((t) => t.duration), live);
  const start = await page.evaluate(() => window.bench.click('button', 'Start the assessment'));
  const result = await page.evaluate(async (digits) => {
    const answers = [];
    const steps = [];
    const longBefore = window.bench.longTasks.length;
    for (const [n, d] of [...digits].entries()) {
      answers.push(await window.bench.click(`input[type=radio][value="${d}"]`));
      const last = n === digits.length - 1;
      steps.push(await window.bench.click('button', last ? 'See my result' : 'Next'));
    }
    const heading = document.querySelector('smi-assessment').shadowRoot.querySelector('h2').textContent;
    return { answers, steps, heading, longTasks: window.bench.longTasks.slice(longBefore) };
  }, PROFILE);
  if (!result.heading.startsWith('Your social maturity')) throw new Error(`no result: ${result.heading}`);
  const toResult = result.steps.pop();
  const { JSHeapUsedSize } = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const wasmMemory = await page.evaluate(async () => (await (await import('/smi-widget.js')).wasmExports()).memory.buffer.byteLength);
  const png = await page.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now();
    document.addEventListener('smi:share', () => resolve(performance.now() - t0), { once: true });
    [...document.querySelector('smi-assessment').shadowRoot.querySelectorAll('button')]
      .find((b) => b.textContent.trim() === 'Download image').click();
  }));
  // The full report, click → smi:report (the PDF made and handed to the download): the first
  // time with the report module and its font fetched, then again with both cached.
  const report = () => page.evaluate(() => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const host = document.querySelector('smi-assessment');
    host.addEventListener('smi:report', () => resolve(performance.now() - t0), { once: true });
    host.addEventListener('smi:error', (e) => reject(new Error(e.detail.message)), { once: true });
    host.shadowRoot.querySelector('.smi-report button').click();
  }));
  const reportFirst = await report();
  const reportCached = await report();
  await context.close();
  return {
    reportFirst,
    reportCached,
    firstScreen,
    live,
    firstQuestion: live + start,
    start,
    perAnswer: median([...result.answers, ...result.steps]),
    toResult,
    png,
    memory: JSHeapUsedSize + wasmMemory,
    jsHeap: JSHeapUsedSize,
    wasmMemory,
    longTasks: result.longTasks.length,
    startupLongTasks: startup.length,
    startupLongest: Math.max(0, ...startup),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

const METRICS = [
  ['firstScreen', 'navigation → first screen on screen (the loader\'s, before the wasm)', 'ms'],
  ['live', 'navigation → widget ready (the wasm\'s render in its place)', 'ms'],
  ['firstQuestion', 'navigation → first question (ready + Start)', 'ms', { 1: 300, 4: 900 }],
  ['start', 'first interaction (Start) → next paint', 'ms'],
  ['perAnswer', 'per answer or Next, input → next paint (median of 54; frames unthrottled)', 'ms', { 1: 16, 4: 16 }],
  ['toResult', 'last answer → result on screen', 'ms', { 1: 50, 4: 50 }],
  ['png', 'PNG export (2400×1260)', 'ms'],
  ['reportFirst', 'full report, click → PDF, first time (module and font fetched from 127.0.0.1)', 'ms', { 1: 2500 }],
  ['reportCached', 'full report, click → PDF, again (cached)', 'ms', { 4: 1500 }],
  ['memory', 'JS heap + wasm memory after the result', 'MiB', { 1: 4, 4: 4 }],
  ['longTasks', 'long tasks while answering', 'count', { 1: 0, 4: 0 }],
  ['startupLongTasks', 'long tasks (over 50 ms) from navigation to widget ready', 'count'],
  ['startupLongest', 'the longest of them (0: none)', 'ms', { 1: 50, 4: 50 }],
];

const fmt = (value, unit) => unit === 'MiB' ? (value / KIB / KIB).toFixed(2) : unit === 'count' ? String(value) : value.toFixed(1);

async function main() {
  const size = await sizes();
  const server = await serve();
  const browser = await launch();
  const unthrottled = await launch(UNTHROTTLED_FRAMES);
  const results = {};
  try {
    for (const rate of RATES) {
      const runs = [];
      const fast = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await run(browser, server.url, rate));
        fast.push(await run(unthrottled, server.url, rate));
      }
      results[rate] = Object.fromEntries(METRICS.map(([key]) => [key, summary(measuresOf(key, runs, fast))]));
      process.stderr.write(`${rate}× done\n`);
    }
  } finally {
    await browser.close();
    await unthrottled.close();
    await server.close();
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / KIB ** 3).toFixed(0)} GiB, ${os.type()} ${os.release()}, Chromium ${browser.version()}`;
  const json = { date: new Date().toISOString(), machine, runs: RUNS, size, timings: results };
  await fs.writeFile(path.join(HERE, 'results.json'), JSON.stringify(json, null, 2) + '\n');

  const lines = [
    `Machine: ${machine}. ${RUNS} runs per throttling rate; median (min–max).`,
    '',
    '| file | raw KiB | gzip KiB | brotli KiB |',
    '|---|---|---|---|',
    ...size.files.map((r) => `| \`${r.file}\` | ${(r.raw / KIB).toFixed(1)} | ${(r.gzip / KIB).toFixed(1)} | ${(r.brotli / KIB).toFixed(1)} |`),
    `| **total** | ${(size.total.raw / KIB).toFixed(1)} | ${(size.total.gzip / KIB).toFixed(1)} | **${(size.total.brotli / KIB).toFixed(1)}** |`,
    '',
    '| measure | 1× CPU | 4× CPU | target |',
    '|---|---|---|---|',
    ...METRICS.map(([key, label, unit, target]) => {
      const cell = (rate) => {
        const m = results[rate][key];
        return `${fmt(m.median, unit)} (${fmt(m.min, unit)}–${fmt(m.max, unit)})`;
      };
      const at = (rate) => (target?.[rate] === undefined ? '–' : `≤ ${target[rate]}`);
      const goal = !target ? '' : target[1] === target[4] ? `≤ ${target[1]}` : `${at(1)} / ${at(4)}`;
      return `| ${label} | ${cell(1)} | ${cell(4)} | ${goal}${goal && unit !== 'count' ? ` ${unit}` : ''} |`;
    }),
  ];
  const markdown = lines.join('\n') + '\n';
  await fs.writeFile(path.join(HERE, 'results.md'), markdown);
  process.stdout.write(markdown);
}

// Two or more builds measured in turn, run by run, so that a slow spell of the machine
// weighs on each alike: `COMPARE=dirA,dirB node tests/bench/bench.mjs` (RATE=4 by default,
// RUNS as above). Prints the medians of each build; writes nothing.
async function compare(dirs) {
  const rate = Number(process.env.RATE ?? 4);
  const servers = await Promise.all(dirs.map((dir) => serve(path.resolve(dir))));
  const browser = await launch();
  const unthrottled = await launch(UNTHROTTLED_FRAMES);
  const runs = dirs.map(() => ({ paced: [], fast: [] }));
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [k, server] of servers.entries()) {
        runs[k].paced.push(await run(browser, server.url, rate));
        runs[k].fast.push(await run(unthrottled, server.url, rate));
      }
    }
  } finally {
    await browser.close();
    await unthrottled.close();
    for (const server of servers) await server.close();
  }
  console.log(`${RUNS} runs each at ${rate}× CPU, interleaved; medians`);
  console.log(['measure', ...dirs].join(' | '));
  for (const [key, label, unit] of METRICS) {
    const cells = runs.map(({ paced, fast }) => fmt(median(measuresOf(key, paced, fast)), unit));
    console.log([`${label} (${unit})`, ...cells].join(' | '));
  }
}

if (process.env.COMPARE) await compare(process.env.COMPARE.split(','));
else await main();
