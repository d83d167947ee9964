// Lead capture against a real endpoint (tests/e2e/lead_server.py on 127.0.0.1) that records
// every POST and can be told to fail or be stopped: every lead arrives exactly once. The
// iframe page sends leads only where its own frame.html says, never where a link's query does.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillForm, finish, hostPage, useServerAndBrowser, widget } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const env = useServerAndBrowser();
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROFILE = '1010101010101' + '23232323232323';

/** Starts the lead endpoint (on `port`, or a free one); resolves to { url, port, stop }. */
function startEndpoint(port = 0) {
  const child = spawn('python3', [path.join(HERE, 'lead_server.py'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.once('data', (line) => {
      const bound = Number(String(line).match(/ready (\d+)/)[1]);
      resolve({
        port: bound,
        url: `http://127.0.0.1:${bound}`,
        stop: () => new Promise((done) => { child.once('exit', done); child.kill(); }),
      });
    });
  });
}
const endpoints = [];
after(() => Promise.all(endpoints.map((e) => e.stop().catch(() => {}))));
async function endpoint(port) {
  const e = await startEndpoint(port);
  endpoints.push(e);
  return e;
}
const received = async (e) => (await fetch(`${e.url}/received`)).json();
const setMode = (e, mode) => fetch(`${e.url}/mode?set=${mode}`);
/** Leads the endpoint accepted, by lead id. */
const accepted = async (e, key = 'lead_id') => (await received(e)).filter((r) => r.status === 200).map((r) => r.fields[key]);

/** The outbox as `page`'s local storage holds it: its leads, or null when there is none. */
const outboxOf = async (page) => {
  const outbox = JSON.parse(await page.evaluate(() => localStorage.getItem('smi-widget:outbox')));
  // An array is an earlier loader's outbox, which a test may set up.
  if (Array.isArray(outbox)) return outbox;
  if (outbox !== null) assert.equal(outbox.v, 1, 'a versioned outbox');
  return outbox?.leads ?? null;
};

/** Takes the Web Lock `name` in `page` and keeps it, as another tab of the site would;
 * resolves once it is held. `releaseLock` lets it go. */
const holdLock = (page, name) => page.evaluate((name) => new Promise((held) => {
  navigator.locks.request(name, () => {
    held();
    return new Promise((release) => { (window.heldLocks ??= {})[name] = release; });
  });
}), name);
const releaseLock = (page, name) => page.evaluate((name) => window.heldLocks[name](), name);
/** Whether a tab of `page`'s site is going through the outbox now. */
const outboxHeld = async (page) => (await page.evaluate(() => navigator.locks.query())).held
  .some((l) => l.name === 'smi-widget:outbox');

async function open(attributes, { query = '', context: existing } = {}) {
  const name = `/lead-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = {
    body: hostPage(`<script>
      window.leads = [];
      document.addEventListener('smi:lead', (e) => leads.push(e.detail));
    </script><smi-assessment ${attributes}></smi-assessment>`),
  };
  const context = existing ?? await env.browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(env.server.url.replace(/\/$/, '') + name + query);
  return { page, context, url: env.server.url.replace(/\/$/, '') + name + query };
}


/** Watches `count()` for `ms` and fails the moment it is not `expected`: a duplicate lead can
 * arrive late, so "exactly once" is a window, not an instant. */
const staysAt = async (count, expected, what, ms = 2000) => {
  const end = Date.now() + ms;
  do {
    assert.deepEqual(await count(), expected, what);
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < end);
};

const waitFor = async (check, what, ms = 20_000) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`timed out waiting for ${what}`);
};

test('a lead arrives as JSON with the mapping, UTM parameters and extra fields, and as an event', async () => {
  const e = await endpoint();
  const { page, context } = await open(
    `lead="after" lead-endpoint="${e.url}/leads" lead-map="email:EMAIL,name:FNAME" lead-extra="source:smi-widget"`,
    { query: '?utm_source=newsletter&utm_campaign=q4%20push' },
  );
  const w = widget(page);
  await finish(w, PROFILE);
  await w.getByRole('heading', { name: 'Get the full report' }).waitFor();
  await fillForm(w);
  // Labels name every field; optional ones say so.
  assert.equal(await w.getByRole('textbox', { name: 'Name (optional)' }).inputValue(), 'Ada Lovelace');
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await w.getByRole('status').filter({ hasText: 'Your details have been sent.' }).waitFor();
  await staysAt(async () => (await received(e)).length, 1, 'one POST');
  const all = await received(e);
  const f = all[0].fields;
  assert.equal(all[0].content_type, 'application/json');
  assert.equal(f.EMAIL, 'ada@example.com');
  assert.equal(f.FNAME, 'Ada Lovelace');
  assert.equal(f.company, 'Analytical Ltd');
  assert.equal(f.consent, true);
  assert.deepEqual([f.category, f.investment, f.innovation], ['participant', 19, 84]);
  assert.equal(f.utm_source, 'newsletter');
  assert.equal(f.utm_campaign, 'q4 push');
  assert.equal(f.source, 'smi-widget');
  assert.match(f.share_url, /#smi=1O7u7uREREamd$/);
  assert.match(f.page_url, /\?utm_source=newsletter/);
  const events = await page.evaluate(() => window.leads);
  assert.equal(events.length, 1);
  assert.equal(events[0].lead_id, f.lead_id);
  assert.deepEqual(events[0].lead, { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Ltd' });
  assert.equal(events[0].result.category, 'participant');
  // After a reload the form does not come back: one lead per visitor.
  await page.reload();
  await w.getByRole('status').filter({ hasText: 'Your details have been sent.' }).waitFor();
  assert.equal(await w.getByRole('button', { name: 'Send me the report' }).count(), 0);
  await staysAt(async () => (await received(e)).length, 1, 'still one POST after the reload');
  await context.close();
});

test('form-encoded delivery, for HubSpot-style endpoints', async () => {
  const e = await endpoint();
  const { page, context } = await open(`lead="after" lead-endpoint="${e.url}/leads" lead-format="form" lead-fields="name*,email,role"`);
  const w = widget(page);
  await finish(w, PROFILE);
  await w.locator('#smi-lead-name').fill('Grace Hopper');
  await w.getByLabel('Work e-mail', { exact: true }).fill('grace@example.com');
  await w.locator('#smi-lead-role').fill('Rear admiral');
  await w.getByRole('checkbox').check();
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await w.getByRole('status').filter({ hasText: 'Your details have been sent.' }).waitFor();
  const [r] = await received(e);
  assert.equal(r.content_type, 'application/x-www-form-urlencoded');
  assert.match(r.body, /(^|&)email=grace%40example\.com(&|$)/);
  assert.equal(r.fields.name, 'Grace Hopper');
  assert.equal(r.fields.role, 'Rear admiral');
  assert.equal(r.fields.investment, '19');
  await context.close();
});

test('a 500 then success: retried with backoff, recorded once', async () => {
  const e = await endpoint();
  await setMode(e, 'fail-once');
  const { page, context } = await open(`lead="after" lead-endpoint="${e.url}/leads"`);
  const w = widget(page);
  await finish(w, PROFILE);
  await fillForm(w);
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await w.getByRole('status').filter({ hasText: 'will be sent automatically' }).waitFor();
  await waitFor(async () => (await accepted(e)).length === 1, 'the retry');
  const all = await received(e);
  assert.deepEqual(all.map((r) => r.status), [500, 200]);
  assert.equal(all[0].fields.lead_id, all[1].fields.lead_id, 'the same lead, by its id');
  assert.equal(await outboxOf(page), null, 'outbox emptied');
  await context.close();
});

test('endpoint down, page reloaded, endpoint up: the lead arrives exactly once', async () => {
  const first = await endpoint();
  const port = first.port;
  await first.stop();
  const { page, context } = await open(`lead="after" lead-endpoint="http://127.0.0.1:${port}/leads"`);
  const w = widget(page);
  await finish(w, PROFILE);
  await fillForm(w);
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await w.getByRole('status').filter({ hasText: 'will be sent automatically' }).waitFor();
  const outbox = await outboxOf(page);
  assert.equal(outbox.length, 1);
  await page.reload();
  await w.getByRole('status').filter({ hasText: 'Your details have been sent.' }).waitFor();
  const again = await endpoint(port);
  await waitFor(async () => (await accepted(again)).length >= 1, 'the lead after the endpoint came back', 40_000);
  // Once the outbox is empty and free, nothing is left to send it again.
  await waitFor(async () => (await outboxOf(page)) === null && !(await outboxHeld(page)), 'an empty, free outbox');
  await staysAt(() => accepted(again), [outbox[0].id], 'the lead accepted once');
  await context.close();
});

test('two tabs share the outbox, and a waiting lead still arrives exactly once', async () => {
  const e = await endpoint();
  await setMode(e, 'fail');
  const attributes = `lead="after" lead-endpoint="${e.url}/leads"`;
  const { page, context } = await open(attributes);
  const w = widget(page);
  await finish(w, PROFILE);
  await fillForm(w);
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await w.getByRole('status').filter({ hasText: 'will be sent automatically' }).waitFor();
  // A second tab of the same site: its loader finds the lead in the outbox too, and both
  // tabs retry it when it falls due.
  const second = await open(attributes, { context });
  await widget(second.page).getByRole('heading', { name: /Your social maturity/ }).waitFor();
  await setMode(e, 'ok');
  await waitFor(async () => (await accepted(e)).length >= 1, 'the lead once the endpoint works', 40_000);
  // Both tabs' views of the outbox empty and no tab going through it: nothing left to send.
  await waitFor(async () => (await outboxOf(page)) === null && (await outboxOf(second.page)) === null
    && !(await outboxHeld(page)), 'an empty, free outbox in both tabs');
  await staysAt(async () => (await accepted(e)).length, 1, 'accepted once, by one of the two tabs');
  await context.close();
});

test('a lead another tab has sent is dropped from the outbox unsent, and the outbox stays usable', async () => {
  // The state a second tab can see for a moment: the lead still in its view of local
  // storage, while the tab that sent it holds the lock named after it.
  const e = await endpoint();
  const { page, context } = await open(`lead="after" lead-endpoint="${e.url}/leads"`);
  await page.evaluate((url) => {
    const body = JSON.stringify({ lead_id: 'lead-x' });
    localStorage.setItem('smi-widget:outbox', JSON.stringify([{ id: 'lead-x', endpoint: url, content_type: 'application/json', body, attempts: 0, due: 0 }]));
  }, `${e.url}/leads`);
  await holdLock(page, 'smi-widget:lead-done:lead-x:sent');
  const second = await open(`lead="after" lead-endpoint="${e.url}/leads"`, { context });
  await waitFor(async () => (await outboxOf(second.page)) === null, 'the outbox emptied');
  await waitFor(async () => !(await outboxHeld(second.page)), 'the outbox free again', 5000);
  assert.deepEqual(await received(e), []);
  await context.close();
});

test('a lead another tab took from the outbox and the endpoint refused is reported as refused, not sent', async () => {
  const e = await endpoint();
  const { page, context } = await open(`lead="after" lead-endpoint="${e.url}/leads"`);
  const w = widget(page);
  await finish(w, PROFILE);
  await fillForm(w);
  // Another tab is going through the outbox: this tab's lead waits for it.
  await holdLock(page, 'smi-widget:outbox');
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await waitFor(async () => (await outboxOf(page)) !== null, 'the lead in the outbox');
  // That tab takes the lead, the endpoint refuses it, and it lets the outbox go.
  const id = await page.evaluate(() => {
    const [entry] = JSON.parse(localStorage.getItem('smi-widget:outbox')).leads;
    localStorage.removeItem('smi-widget:outbox');
    return entry.id;
  });
  await holdLock(page, `smi-widget:lead-done:${id}:rejected`);
  await releaseLock(page, 'smi-widget:outbox');
  await w.getByText('Your details could not be delivered. Please contact us directly.').waitFor();
  assert.equal(await w.getByText('Your details have been sent.').count(), 0);
  assert.deepEqual(await received(e), []);
  await context.close();
});

test('nothing is sent without consent or with a bad e-mail, and the form says why', async () => {
  const e = await endpoint();
  const { page, context } = await open(`lead="after" lead-endpoint="${e.url}/leads"`);
  const w = widget(page);
  await finish(w, PROFILE);
  await fillForm(w, { consent: false });
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await w.getByText('Please tick the box to agree before sending.').waitFor();
  assert.equal(await w.getByRole('checkbox').evaluate((el) => el === el.getRootNode().activeElement), true, 'focus on the checkbox');
  await w.getByLabel('Work e-mail', { exact: true }).fill('ada@example');
  await w.getByRole('checkbox').check();
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await w.getByText('Please enter a valid e-mail address, like name@company.com.').waitFor();
  assert.equal(await w.getByLabel('Work e-mail', { exact: true }).getAttribute('aria-invalid'), 'true');
  // Focus moves to the field in the same step that would have sent the lead.
  await waitFor(() => w.getByLabel('Work e-mail', { exact: true }).evaluate((el) => el === el.getRootNode().activeElement), 'focus on the e-mail field', 5000);
  assert.deepEqual(await received(e), []);
  assert.deepEqual(await page.evaluate(() => window.leads), []);
  await context.close();
});

test('the "before" gate shows the result once the form is sent; "Delete my data" clears the browser', async () => {
  const { page, context } = await open('lead="before" privacy-url="https://example.com/privacy" lead-consent="Harbour &amp; Lane may e-mail me."');
  const w = widget(page);
  // With a lead form, the intro no longer says that nothing is ever sent.
  await w.getByText('at the end you choose whether to send your result').waitFor();
  assert.equal(await w.getByText('Nothing is sent anywhere.').count(), 0);
  await w.getByRole('button', { name: 'Start the assessment' }).click();
  for (const [n, d] of [...PROFILE].entries()) {
    await w.getByRole('radio').nth(Number(d)).check();
    await w.getByRole('button', { name: n === PROFILE.length - 1 ? 'See my result' : 'Next' }).click();
  }
  await w.getByRole('heading', { name: 'Where should we send your result?' }).waitFor();
  await w.getByRole('button', { name: 'Send and see my result' }).click();
  await w.getByText('Please fill in Work e-mail.').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the form, with its messages');
  assert.equal(await w.getByRole('heading', { name: /Your social maturity/ }).count(), 0);
  await w.getByText('Harbour & Lane may e-mail me.').waitFor();
  assert.equal(await w.getByRole('link', { name: 'Privacy policy' }).getAttribute('href'), 'https://example.com/privacy');
  await fillForm(w);
  await w.getByRole('button', { name: 'Send and see my result' }).click();
  await w.getByRole('heading', { name: 'Your social maturity: Participant' }).waitFor();
  assert.equal(await page.evaluate(() => window.leads.length), 1);
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('smi-widget')));
  assert.ok((await stored()).length >= 2, 'progress and the lead flag are stored');
  await w.getByRole('button', { name: 'Delete my data' }).click();
  await w.getByRole('status').filter({ hasText: 'has been deleted' }).waitFor();
  assert.deepEqual(await stored(), []);
  assert.deepEqual(await page.evaluate(() => document.cookie), '', 'no cookies, ever');
  await w.getByRole('button', { name: 'Start the assessment' }).waitFor();
  await context.close();
});

test('a damaged outbox is kept aside and reported, and a new lead still arrives exactly once', async () => {
  const e = await endpoint();
  const old = { id: 'lead-old', endpoint: `${e.url}/leads`, content_type: 'application/json', body: JSON.stringify({ lead_id: 'lead-old' }) };
  const damaged = [
    ['not JSON', '{"v":1,"leads":[', []],
    ['JSON but not an outbox', '{"leads":"none"}', []],
    // A lead without its retry schedule is still sent; the text is kept aside all the same.
    ['a lead without `due`', JSON.stringify([old]), ['lead-old']],
  ];
  for (const [what, text, alsoSent] of damaged) {
    const { page, context } = await open('lead="after"');
    await page.evaluate((text) => localStorage.setItem('smi-widget:outbox', text), text);
    // From the next page on, errors and warnings are recorded before any script runs.
    await context.addInitScript(() => {
      window.errors = [];
      window.warnings = [];
      document.addEventListener('smi:error', (e) => window.errors.push(e.detail));
      const warn = console.warn.bind(console);
      console.warn = (...args) => { window.warnings.push(args.join(' ')); warn(...args); };
    });
    // The next page load finds the damaged outbox.
    const second = await open(`lead="after" lead-endpoint="${e.url}/leads"`, { context });
    const w = widget(second.page);
    await finish(w, PROFILE);
    await fillForm(w);
    await w.getByRole('button', { name: 'Send me the report' }).click();
    await w.getByRole('status').filter({ hasText: 'Your details have been sent.' }).waitFor();
    await waitFor(async () => (await outboxOf(second.page)) === null && !(await outboxHeld(second.page)), `${what}: an empty, free outbox`);
    const lead = (await second.page.evaluate(() => window.leads))[0].lead_id;
    await staysAt(async () => (await accepted(e)).filter((id) => id === lead), [lead], `${what}: the new lead exactly once`);
    const ids = await accepted(e);
    for (const id of alsoSent) assert.deepEqual(ids.filter((i) => i === id), [id], `${what}: ${id} exactly once`);
    const aside = await second.page.evaluate(() => Object.keys(localStorage)
      .filter((k) => k.startsWith('smi-widget:outbox:damaged:')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(aside, [text], `${what}: the damaged text kept aside`);
    const warnings = await second.page.evaluate(() => window.warnings);
    assert.ok(warnings.some((w) => w.includes('lead outbox')), `${what}: a console warning (${warnings})`);
    // The loader reads the outbox when it runs, before a widget is there to tell; it tells
    // the first widget mounted.
    const codes = (await second.page.evaluate(() => window.errors)).map((d) => d.code);
    assert.deepEqual(codes, ['outbox-damaged'], `${what}: smi:error outbox-damaged`);
    await context.close();
  }
});

/** A page holding the iframe page at `src`, collecting what the frame posts to it. */
async function framed(src) {
  const name = `/framed-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = {
    body: hostPage(`<iframe id="f" title="SMI" style="width: 800px; height: 900px; border: 0" src="${src}"></iframe>
      <script>window.messages = []; addEventListener('message', (e) => messages.push(e.data));</script>`),
  };
  const context = await env.browser.newContext({ reducedMotion: 'reduce', viewport: { width: 900, height: 1000 } });
  const page = await context.newPage();
  await page.goto(env.server.url.replace(/\/$/, '') + name);
  return { page, context, w: page.frameLocator('#f').locator('smi-assessment') };
}

/** Takes the framed assessment, fills the lead form after the result and sends it. */
async function sendFramedLead(w) {
  await finish(w, PROFILE);
  await w.getByRole('heading', { name: 'Get the full report' }).waitFor();
  await fillForm(w);
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await w.locator('.smi-capture__status').filter({ hasText: /\S/ }).waitFor();
}

test("a link's sender cannot send the iframe's leads elsewhere: lead routing in the query is refused and reported", async () => {
  const attacker = await endpoint();
  const query = new URLSearchParams([
    ['company', 'Frame Co'], ['lead', 'after'],
    ['leadEndpoint', `${attacker.url}/leads`], ['lead-endpoint', `${attacker.url}/leads`],
    ['lead-map', 'email:stolen'], ['leadExtra', 'x:y'], ['lead-format', 'form'],
  ]);
  const { page, context, w } = await framed(`/frame.html?${query}`);
  await sendFramedLead(w);
  assert.deepEqual(await w.evaluate((e) => e.getAttributeNames().sort()), ['company', 'lead']);
  const errors = await page.evaluate(() => messages.filter((m) => m.name === 'smi:error').map((m) => m.detail.message));
  for (const name of ['leadEndpoint', 'lead-endpoint', 'lead-map', 'leadExtra', 'lead-format']) {
    assert.ok(errors.some((m) => m.startsWith(`option "${name}": may not come from the page's address`)), `${name}: ${errors}`);
  }
  // Long enough for a POST the widget would have made at once.
  await new Promise((r) => setTimeout(r, 1000));
  assert.deepEqual(await received(attacker), []);
  // What the visitor typed never reaches a parent that frame.html does not name.
  const names = await page.evaluate(() => messages.map((m) => m.name ?? m.type));
  assert.ok(names.includes('smi:complete') && !names.includes('smi:lead'), names.join(', '));
  await context.close();
});

test('frame.html sets where its leads go and which parent hears smi:lead; the query still sets the rest', async () => {
  const crm = await endpoint();
  const origin = new URL(env.server.url).origin;
  const frame = await (await fetch(new URL('/frame.html', env.server.url))).text();
  const own = JSON.stringify({ 'lead-endpoint': `${crm.url}/leads`, origin });
  const trusted = frame.replace('<script type="application/json" id="smi-frame-options">{}</script>',
    () => `<script type="application/json" id="smi-frame-options">${own}</script>`);
  assert.notEqual(trusted, frame, 'frame.html has its options block');
  env.server.pages['/frame-own.html'] = { body: trusted };
  const { page, context, w } = await framed('/frame-own.html?lead=after&company=Frame%20Co');
  await sendFramedLead(w);
  await waitFor(async () => (await accepted(crm)).length === 1, 'the lead at the endpoint frame.html names');
  assert.deepEqual(await w.evaluate((e) => [e.getAttribute('lead-endpoint'), e.getAttribute('company')]), [`${crm.url}/leads`, 'Frame Co']);
  await page.waitForFunction(() => messages.some((m) => m.name === 'smi:lead'));
  const lead = await page.evaluate(() => messages.find((m) => m.name === 'smi:lead').detail);
  assert.equal(lead.lead.email, 'ada@example.com');
  await context.close();
});
