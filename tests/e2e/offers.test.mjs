// Offers by category and URL templates: each category's call to action reaches its result,
// the others get the general one; a booking link's placeholders are filled (encoded), the
// visitor's own details only after the lead form was sent with consent and only where the
// host set cta-personal; a hostile offer or name changes nothing but the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillForm, finish, hostPage, useServerAndBrowser, widget } from './browser.mjs';

const env = useServerAndBrowser();
// Participant: investment 19, innovation 84.
const PARTICIPANT = '1010101010101' + '23232323232323';
// Every answer the first choice: Observer.
const OBSERVER = '0'.repeat(27);
const BOOKING = 'https://cal.example/harbour?name={name}&email={email}&a1={category}&a2={investment}-{innovation}&ref={lead_id}&x={unknown}';

async function open(attributes) {
  const name = `/offers-${Math.random().toString(36).slice(2)}.html`;
  env.server.pages[name] = {
    body: hostPage(`<script>
      window.leads = [];
      document.addEventListener('smi:lead', (e) => leads.push(e.detail));
    </script><smi-assessment ${attributes}></smi-assessment>`),
  };
  const context = await env.browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const warnings = [];
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(env.server.url.replace(/\/$/, '') + name);
  return { page, context, warnings, errors, w: widget(page) };
}

const cta = (w) => w.locator('a.smi-cta');

test('each category gets its own offer, the others the general one', async () => {
  const attributes = `cta-label="Talk to us" cta-url="https://example.com/talk?c={category}"
    cta-participant="Book a Participant workshop|https://example.com/participants?c={category}&amp;s={investment}"`;
  const first = await open(attributes);
  await finish(first.w, PARTICIPANT);
  assert.equal(await cta(first.w).textContent(), 'Book a Participant workshop');
  assert.equal(await cta(first.w).getAttribute('href'), 'https://example.com/participants?c=participant&s=19');
  await first.context.close();

  const second = await open(attributes);
  await finish(second.w, OBSERVER);
  assert.equal(await cta(second.w).textContent(), 'Talk to us');
  assert.equal(await cta(second.w).getAttribute('href'), 'https://example.com/talk?c=observer');
  assert.deepEqual([...second.warnings, ...second.errors], []);
  await second.context.close();
});

test('a booking link is filled with the visitor\'s details after consent, not before', async () => {
  const { page, context, warnings, errors, w } = await open(
    `lead="after" lead-fields="name,email*,company" cta-personal cta-participant="Book a call|${BOOKING.replaceAll('&', '&amp;')}"`,
  );
  await finish(w, PARTICIPANT);
  // Before the form: the result's placeholders only; an unknown one stays as written.
  const before = new URL(await cta(w).getAttribute('href'));
  assert.deepEqual(Object.fromEntries(before.searchParams), {
    name: '', email: '', a1: 'participant', a2: '19-84', ref: '', x: '{unknown}',
  });
  assert.ok(warnings.some((m) => m.includes('option "cta-participant": {unknown} is not a placeholder')), warnings.join('\n'));
  // Not sent without consent: still empty.
  await fillForm(w, { name: 'Ada "Countess" <b>Lovelace</b>', email: 'ada+smi@example.com', consent: false });
  await w.getByRole('button', { name: 'Send me the report' }).click();
  assert.equal(new URL(await cta(w).getAttribute('href')).searchParams.get('email'), '');
  await w.getByRole('checkbox').check();
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await page.waitForFunction(() => window.leads.length === 1);
  const leadId = await page.evaluate(() => window.leads[0].lead_id);
  const after = new URL(await cta(w).getAttribute('href'));
  assert.deepEqual(Object.fromEntries(after.searchParams), {
    name: 'Ada "Countess" <b>Lovelace</b>', email: 'ada+smi@example.com', a1: 'participant', a2: '19-84', ref: leadId, x: '{unknown}',
  });
  // Every value encoded: no parameter added, the markup never markup.
  assert.ok((await cta(w).getAttribute('href')).includes('name=Ada%20%22Countess%22%20%3Cb%3ELovelace%3C%2Fb%3E&email=ada%2Bsmi%40example.com'));
  assert.equal(await w.locator('a.smi-cta b').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without cta-personal the visitor\'s details never go into a link', async () => {
  const { page, context, w } = await open(
    `lead="after" cta-label="Book a call" cta-url="${BOOKING.replaceAll('&', '&amp;')}"`,
  );
  await finish(w, PARTICIPANT);
  await fillForm(w);
  await w.getByRole('button', { name: 'Send me the report' }).click();
  await page.waitForFunction(() => window.leads.length === 1);
  const params = new URL(await cta(w).getAttribute('href')).searchParams;
  assert.deepEqual([params.get('name'), params.get('email'), params.get('ref'), params.get('a1')], ['', '', '', 'participant']);
  await context.close();
});

test('a hostile offer is refused with a warning and the general call to action stays', async () => {
  const { context, warnings, errors, w } = await open(
    `cta-label="Talk to us" cta-url="/talk" cta-participant="Click|javascript:alert(1)" cta-observer="no separator"`,
  );
  await finish(w, PARTICIPANT);
  assert.equal(await cta(w).getAttribute('href'), '/talk');
  assert.ok(warnings.some((m) => m.includes('option "cta-participant": "Click|javascript:alert(1)" needs a label and an http(s) or site-relative URL')), warnings.join('\n'));
  assert.ok(warnings.some((m) => m.includes('option "cta-observer": "no separator" is not label|URL')), warnings.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});
