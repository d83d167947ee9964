// The visitor's journeys in every engine a visitor may use: Chromium, Firefox ESR and WebKit
// (WebKitGTK's MiniBrowser, the engine of every iPhone browser), written once over
// `drivers.mjs`. Each engine's version is printed. Where an engine lacks something the
// widget uses, its fallback is what runs, and the test says which.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';
import { hostPage, SCREENSHOTS } from '../e2e/browser.mjs';
import { ENGINES, launchEngine, until } from './drivers.mjs';

// Participant, investment 19 and innovation 84 (`tests/native`'s fixture), and every answer
// the best one: #SocialFirst, 100 and 100.
const PARTICIPANT = '1010101010101' + '23232323232323';
const BEST = '3'.repeat(27);
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** The tests' lead endpoint (`tests/e2e/lead_server.py`), in a process group of its own. */
function leadEndpoint() {
  const child = spawn('python3', [fileURLToPath(new URL('../e2e/lead_server.py', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.once('data', (line) => {
      const port = Number(String(line).match(/ready (\d+)/)[1]);
      resolve({
        url: `http://127.0.0.1:${port}`,
        async stop() { process.kill(-child.pid, 'SIGTERM'); await exited; },
      });
    });
  });
}

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/** A host page with the widget (`attributes`), the page's `lang`, and a listener that keeps
 * every smi:* event and CSP violation in `window.seen`. */
function page(name, { attributes = '', lang = 'en', csp = false } = {}) {
  const head = `${csp ? `<meta http-equiv="Content-Security-Policy" content="${CSP}">` : ''}<script src="/engines-listen.js"></script>`;
  server.pages[`/${name}.html`] = {
    body: hostPage(`<smi-assessment ${attributes}></smi-assessment>`, { lang, dir: lang === 'ar' ? 'rtl' : 'ltr', head }),
  };
  return `${server.url}${name}.html`;
}

// Outside the page's markup, so that the strict CSP (no inline script) allows it.
const LISTEN = `window.seen = { events: [], violations: [] };
for (const name of ['smi:ready', 'smi:start', 'smi:complete', 'smi:error', 'smi:share']) {
  document.addEventListener(name, (e) => window.seen.events.push({ name, detail: e.detail }));
}
document.addEventListener('securitypolicyviolation', (e) => window.seen.violations.push(e.violatedDirective + ' ' + e.blockedURI));`;

const shadowText = (selector) => {
  const el = document.querySelector('smi-assessment')?.shadowRoot?.querySelector(selector);
  return el ? el.textContent : null;
};

/** Takes the assessment with `digits` in profile `p`: Start, then each answer and Next, each
 * question awaited by its progress line. */
async function takeAssessment(p, digits) {
  await until(() => p.evaluate(shadowText, '.smi:not([data-first-screen]) .smi-button--primary'), 'the widget ready');
  await p.click('.smi:not([data-first-screen]) .smi-button--primary');
  for (const [n, d] of [...digits].entries()) {
    await until(() => p.evaluate((n) => {
      const root = document.querySelector('smi-assessment').shadowRoot;
      const label = (root.querySelector('.smi:not([data-first-screen]) .smi-progress__label')?.textContent ?? '')
        .replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x660));
      // The first number is the question's: "Question 3 of 27", "السؤال ٣ من ٢٧".
      return Number(label.match(/\d+/)?.[0]) === n + 1;
    }, n), `question ${n + 1}`);
    await p.click('.smi-choice__label', Number(d));
    await until(() => p.evaluate(() => !document.querySelector('smi-assessment').shadowRoot.querySelector('.smi-nav .smi-button--primary').disabled), 'Next enabled');
    await p.click('.smi-nav .smi-button--primary');
  }
  await until(() => p.evaluate(shadowText, '.smi-result__title'), 'the result');
  return until(() => p.evaluate(() => window.seen.events.find((e) => e.name === 'smi:complete')?.detail), 'smi:complete');
}

for (const engine of ENGINES) {
  test(`${engine}: the journeys`, { timeout: 300_000 }, async (t) => {
    server.pages['/engines-listen.js'] = { body: LISTEN, headers: { 'content-type': 'text/javascript' } };
    const browser = await launchEngine(engine);
    t.diagnostic(`engine: ${browser.version}`);
    try {
      await t.test('the assessment in English, under the strict CSP, with the engine\'s scores', async (t) => {
        const p = await browser.profile();
        await p.goto(page(`${engine}-en`, { csp: true }));
        const done = await takeAssessment(p, PARTICIPANT);
        assert.deepEqual([done.category, done.investment, done.innovation], ['participant', 19, 84]);
        assert.match(await p.evaluate(shadowText, '.smi-result__title'), /Participant/);
        // What this engine lacks of what the widget uses, and so the fallback that ran.
        const lacks = await p.evaluate(() => [
          !('scheduler' in window && 'yield' in window.scheduler) && 'scheduler.yield (a timer yields instead)',
          !('locks' in navigator) && 'Web Locks (one tab at a time is not enforced; lead ids keep a retry from being a duplicate)',
          !CSS.supports('accent-color', 'red') && 'accent-color (the default radio colour)',
          !('share' in navigator) && 'the Web Share API (no native share button; copy and links instead)',
        ].filter(Boolean));
        t.diagnostic(`${browser.version} lacks: ${lacks.length ? lacks.join('; ') : 'nothing checked'}`);
        const seen = await p.evaluate(() => window.seen);
        assert.deepEqual(seen.violations, [], 'no CSP violation');
        assert.deepEqual(seen.events.filter((e) => e.name === 'smi:error'), []);
        await p.close();
        // A share link reopens the same result in a fresh profile.
        const fresh = await browser.profile();
        assert.ok(done.share_url.startsWith(`${server.url}${engine}-en.html#smi=`), done.share_url);
        await fresh.goto(done.share_url);
        const title = await until(() => fresh.evaluate(shadowText, '.smi-result__title'), 'the shared result');
        assert.match(title, /Participant/);
        await fresh.close();
      });

      await t.test('the first screen is there before the wasm, and the swap changes nothing visible', async (t) => {
        // The wasm held back by the test server until released.
        let release;
        const held = new Promise((resolve) => { release = resolve; });
        server.pages['/smi_widget_bg.wasm'] = {
          body: fs.readFileSync(new URL('../../dist/smi_widget_bg.wasm', import.meta.url)),
          headers: { 'content-type': 'application/wasm' },
          until: held,
        };
        const p = await browser.profile();
        try {
          await p.goto(page(`${engine}-first`));
          await until(() => p.evaluate(shadowText, '.smi[data-first-screen] .smi-button--primary'), 'the first screen');
          assert.equal(await p.evaluate(shadowText, '.smi:not([data-first-screen]) .smi-button--primary'), null, 'no widget yet');
          const before = await p.screenshot();
          release();
          await until(() => p.evaluate(() => {
            const root = document.querySelector('smi-assessment').shadowRoot;
            return !root.querySelector('[data-first-screen]') && Boolean(root.querySelector('.smi .smi-button--primary'));
          }), 'the widget in the first screen\'s place');
          const after = await p.screenshot();
          // Compared pixel by pixel in the engine's own page. "No visible change": no pixel
          // moves by more than 16 of 255 in any channel; a shift, a reflow or another font moves
          // many by far more. (WebKitGTK antialiases a rounded border a little differently from
          // one paint to the next: up to 9 seen.)
          const diff = await p.evaluate(async ([a, b]) => {
            const pixels = async (png) => {
              const image = new Image();
              image.src = `data:image/png;base64,${png}`;
              await image.decode();
              const canvas = document.createElement('canvas');
              [canvas.width, canvas.height] = [image.width, image.height];
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              return context.getImageData(0, 0, image.width, image.height).data;
            };
            const [x, y] = [await pixels(a), await pixels(b)];
            let changed = 0;
            let most = 0;
            for (let i = 0; i < x.length; i += 4) {
              const d = Math.max(Math.abs(x[i] - y[i]), Math.abs(x[i + 1] - y[i + 1]), Math.abs(x[i + 2] - y[i + 2]));
              if (d) changed += 1;
              most = Math.max(most, d);
            }
            return { changed, most, same: x.length === y.length };
          }, [before.toString('base64'), after.toString('base64')]);
          t.diagnostic(`${browser.version}: the swap changed ${diff.changed} pixels, by at most ${diff.most} of 255`);
          if (diff.most > 16 || !diff.same) {
            // Kept to look at, beside the other screenshots of the run.
            fs.mkdirSync(SCREENSHOTS, { recursive: true });
            fs.writeFileSync(`${SCREENSHOTS}/swap-${engine}-before.png`, before);
            fs.writeFileSync(`${SCREENSHOTS}/swap-${engine}-after.png`, after);
          }
          assert.ok(diff.same && diff.most <= 16, `the swap changed ${diff.changed} pixels by up to ${diff.most} of 255 (target/screenshots/swap-${engine}-*.png)`);
        } finally {
          release();
          delete server.pages['/smi_widget_bg.wasm'];
          await p.close();
        }
      });

      await t.test('the assessment in Arabic, right to left', async () => {
        const p = await browser.profile();
        await p.goto(page(`${engine}-ar`, { attributes: 'lang="ar"', lang: 'ar' }));
        const done = await takeAssessment(p, BEST);
        assert.deepEqual([done.category, done.investment, done.innovation], ['social-first', 100, 100]);
        assert.equal(await p.evaluate(() => document.querySelector('smi-assessment').shadowRoot.querySelector('.smi').getAttribute('dir')), 'rtl');
        await p.close();
      });

      await t.test('a reload midway resumes on the same question', async () => {
        const p = await browser.profile();
        const url = page(`${engine}-resume`);
        await p.goto(url);
        await until(() => p.evaluate(shadowText, '.smi:not([data-first-screen]) .smi-button--primary'), 'the widget ready');
        await p.click('.smi:not([data-first-screen]) .smi-button--primary');
        for (let i = 0; i < 5; i++) {
          await until(() => p.evaluate((i) => (document.querySelector('smi-assessment').shadowRoot
            .querySelector('.smi-progress__label')?.textContent ?? '').includes(`Question ${i + 1} of 27`), i), `question ${i + 1}`);
          await p.click('.smi-choice__label', 1);
          await p.click('.smi-nav .smi-button--primary');
        }
        await until(() => p.evaluate(() => (document.querySelector('smi-assessment').shadowRoot
          .querySelector('.smi-progress__label')?.textContent ?? '').includes('Question 6 of 27')), 'question 6');
        await p.reload();
        await until(() => p.evaluate(() => (document.querySelector('smi-assessment')?.shadowRoot
          ?.querySelector('.smi:not([data-first-screen]) .smi-progress__label')?.textContent ?? '').includes('Question 6 of 27')), 'question 6 after the reload');
        await p.close();
      });

      await t.test('the card downloads as a 2400×1260 PNG, and print opens', async () => {
        const p = await browser.profile();
        await p.goto(page(`${engine}-card`));
        await takeAssessment(p, PARTICIPANT);
        // The file the widget offers, caught where it is handed to the browser, measured in
        // the page; and the print dialog, which a test cannot close, recorded instead.
        await p.evaluate(() => {
          window.saved = [];
          window.printed = 0;
          HTMLAnchorElement.prototype.click = function () { window.saved.push({ href: this.href, name: this.download }); };
          window.print = () => { window.printed += 1; };
        });
        const clickByText = (text) => p.evaluate((text) => {
          const button = [...document.querySelector('smi-assessment').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
          return button ? [...document.querySelector('smi-assessment').shadowRoot.querySelectorAll('button')].indexOf(button) : -1;
        }, text);
        const png = await clickByText('Download image');
        assert.ok(png >= 0, 'a Download image button');
        await p.click('button', png);
        const size = await until(() => p.evaluate(async () => {
          const file = window.saved.find((s) => s.name.endsWith('.png'));
          if (!file) return null;
          const bitmap = await createImageBitmap(await (await fetch(file.href)).blob());
          return [file.name, bitmap.width, bitmap.height];
        }), 'the PNG');
        assert.deepEqual(size, ['social-maturity-participant.png', 2400, 1260]);
        const print = await clickByText('Print');
        assert.ok(print >= 0, 'a Print button');
        await p.click('button', print);
        await until(() => p.evaluate(() => window.printed === 1), 'print called');
        const errors = await p.evaluate(() => window.seen.events.filter((e) => e.name === 'smi:error'));
        assert.deepEqual(errors, []);
        await p.close();
      });
      await t.test('a lead through an endpoint that fails twice arrives exactly once', async () => {
        const endpoint = await leadEndpoint();
        try {
          await fetch(`${endpoint.url}/mode?set=fail-twice`);
          const p = await browser.profile();
          await p.goto(page(`${engine}-lead`, { attributes: `lead="after" lead-fields="name,email*" lead-endpoint="${endpoint.url}/leads"` }));
          await takeAssessment(p, PARTICIPANT);
          await until(() => p.evaluate((s) => Boolean(document.querySelector('smi-assessment').shadowRoot.querySelector(s)), '#smi-lead-email'), 'the lead form');
          await p.click('#smi-lead-name');
          await p.type('Ada Lovelace');
          await p.click('#smi-lead-email');
          await p.type('ada@example.com');
          await p.click('#smi-lead-consent');
          const send = await p.evaluate(() => [...document.querySelector('smi-assessment').shadowRoot.querySelectorAll('button')]
            .findIndex((b) => b.textContent.trim() === 'Send me the report'));
          await p.click('button', send);
          const accepted = async () => (await (await fetch(`${endpoint.url}/received`)).json())
            .filter((r) => r.status === 200).map((r) => r.fields.lead_id);
          // Retried after 2 s and 4 s: accepted on the third try.
          await until(async () => (await accepted()).length >= 1, 'the lead accepted', 40_000);
          const tries = (await (await fetch(`${endpoint.url}/received`)).json()).map((r) => r.status);
          assert.deepEqual(tries, [500, 500, 200]);
          // Exactly once: watched for a while, as a duplicate could come late.
          const [id] = await accepted();
          const end = Date.now() + 3000;
          while (Date.now() < end) {
            assert.deepEqual(await accepted(), [id]);
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
          await p.close();
        } finally {
          await endpoint.stop();
        }
      });

      if (engine !== 'webkit') {
        await t.test('by keyboard alone: the assessment and the lead form', () => byKeyboard(browser, engine));
      }
      const fallbacks = browser.fallbacks?.() ?? [];
      if (fallbacks.length) t.diagnostic(`${browser.version}: clicked through the page, WebKitWebDriver refusing them: ${fallbacks.join(', ')}`);
    } finally {
      await browser.close();
    }
  });
}

/** What has focus, through shadow roots: its tag, type, id and text. */
const focused = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return { tag: el?.tagName.toLowerCase(), type: el?.type ?? '', id: el?.id ?? '', text: el?.textContent.trim() ?? '' };
};

/** Tabs forward until `matches(focused)` (at most 25 presses). */
async function tabTo(p, matches, what) {
  for (let i = 0; i < 25; i++) {
    await p.press('Tab');
    if (matches(await p.evaluate(focused))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** The assessment and the `before` gate's form, by Tab, Space, arrows and Enter alone. */
async function byKeyboard(browser, engine) {
  const p = await browser.profile();
  await p.goto(page(`${engine}-keys`, { attributes: 'lead="before" lead-fields="name,email*"' }));
  await until(() => p.evaluate(shadowText, '.smi:not([data-first-screen]) .smi-button--primary'), 'the widget ready');
  await tabTo(p, (f) => f.text === 'Start the assessment', 'Start');
  await p.press('Enter');
  for (const [n, d] of [...PARTICIPANT].entries()) {
    await until(() => p.evaluate((n) => {
      const f = (() => { let el = document.activeElement; while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement; return el; })();
      const label = document.querySelector('smi-assessment').shadowRoot.querySelector('.smi-progress__label')?.textContent ?? '';
      return label.includes(`Question ${n + 1} of 27`) && f?.tagName === 'H2';
    }, n), `question ${n + 1} with focus on its heading`);
    await p.press('Tab');
    assert.equal((await p.evaluate(focused)).type, 'radio', `question ${n + 1}: Tab enters the choices`);
    if (Number(d) === 0) await p.press('Space');
    for (let i = 0; i < Number(d); i++) await p.press('ArrowDown');
    const checked = await p.evaluate(() => [...document.querySelector('smi-assessment').shadowRoot.querySelectorAll('input[type=radio]')].findIndex((r) => r.checked));
    assert.equal(checked, Number(d), `question ${n + 1}: the arrows chose`);
    await tabTo(p, (f) => f.text === (n === 26 ? 'See my result' : 'Next'), 'Next');
    await p.press('Enter');
  }
  // The gate: name, e-mail, consent, send.
  await tabTo(p, (f) => f.tag === 'input' && f.type === 'text', 'the name field');
  await p.type('Ada Lovelace');
  await tabTo(p, (f) => f.type === 'email', 'the e-mail field');
  await p.type('ada@example.com');
  await tabTo(p, (f) => f.type === 'checkbox', 'the consent box');
  await p.press('Space');
  await tabTo(p, (f) => f.tag === 'button' && f.text === 'Send and see my result', 'Send');
  await p.press('Enter');
  const done = await until(() => p.evaluate(() => window.seen.events.find((e) => e.name === 'smi:complete')?.detail), 'smi:complete');
  assert.deepEqual([done.category, done.investment, done.innovation], ['participant', 19, 84]);
  await until(() => p.evaluate(shadowText, '.smi-result__title'), 'the result');
  await p.close();
}
