// Share links: a recipient in a fresh browser context sees the same card; a tampered link
// is refused with a message over the normal start screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finish, useServerAndBrowser, widget } from './browser.mjs';

const env = useServerAndBrowser();

// 13 investment items, then 14 innovation items: Participant, investment 19, innovation 84.
const PROFILE = '1010101010101' + '23232323232323';

const scores = (page) => widget(page).locator('.smi-score__number').allTextContents();

test('a share link opens the same card in a fresh context', async () => {
  const sender = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await sender.newPage();
  await page.goto(env.server.url);
  await finish(widget(page), PROFILE);
  const link = await widget(page).getByRole('textbox', { name: 'Link to your result' }).inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#smi=1[A-Za-z0-9_-]{12}$/);
  await widget(page).getByRole('button', { name: 'Copy link' }).click();
  await widget(page).getByRole('status').filter({ hasText: 'Link copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  const linkedin = await widget(page).getByRole('link', { name: 'Share on LinkedIn' }).getAttribute('href');
  assert.equal(linkedin, `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(link)}`);
  assert.deepEqual(await scores(page), ['19', '84']);
  await sender.close();

  const recipient = await env.browser.newContext();
  const other = await recipient.newPage();
  await other.goto(link);
  const w = widget(other);
  await w.getByRole('heading', { name: 'Your social maturity: Participant' }).waitFor();
  assert.deepEqual(await scores(other), ['19', '84']);
  assert.equal(await w.getByRole('textbox', { name: 'Link to your result' }).count(), 0, 'read-only card');
  await w.getByRole('button', { name: 'Take the assessment yourself' }).click();
  await w.getByRole('button', { name: 'Start the assessment' }).waitFor();
  assert.equal(new URL(other.url()).hash, '');
  await recipient.close();
});

test('a tampered link is refused over the start screen', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${env.server.url}#smi=1O7u7uREREamX`);
  const w = widget(page);
  await w.getByRole('alert').filter({ hasText: 'This share link cannot be opened' }).waitFor();
  await w.getByRole('button', { name: 'Start the assessment' }).waitFor();
  assert.equal(await w.getByRole('heading', { name: /Your social maturity/ }).count(), 0);
  assert.ok(warnings.some((t) => t.includes('damaged')), warnings.join('\n'));
  await context.close();
});
