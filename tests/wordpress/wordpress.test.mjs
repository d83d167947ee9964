// The WordPress plugin on a real WordPress (Debian's package) and a real MariaDB, both started
// here and stopped afterwards, leaving no database or configuration behind:
// - an author's shortcode post and block post, each taken to the result in Chromium (category,
//   scores, share link, smi:complete), the block in Arabic with the block's accent;
// - a refused value passed through to the widget's own warning, a hostile company shown as
//   text, an author's raw markup stripped by WordPress;
// - a page without the widget loads no widget file;
// - the settings page saves defaults as an administrator and refuses an author;
// - screenshots of the block in the editor and of the widget on twentytwentythree.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const PLUGIN = path.join(ROOT, 'dist/wordpress/smi-assessment');
const SCREENSHOTS = path.join(ROOT, 'tests/screenshots');
const CONFIG = '/etc/wordpress/config-127.0.0.1.php';
const ADMIN = { user: 'admin', password: 'admin-password-1' };
const AUTHOR = { user: 'author', password: 'author-password-1' };
// 13 investment items, then 14 innovation items: Participant, investment 19, innovation 84.
const PARTICIPANT = '1010101010101' + '23232323232323';
const SAMPLE = '#smi=1O7u7uREREamd';

const env = {};

const freePort = () => new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

async function until(what, check, timeout = 60_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      if (await check()) return;
    } catch { /* not yet */ }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

before(async () => {
  const started = Date.now();
  assert.ok(fs.existsSync(PLUGIN), `${PLUGIN} is missing: run .ci/build.sh first`);
  env.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smi-wp-'));
  fs.chmodSync(env.tmp, 0o755);

  // A throwaway MariaDB: its own data folder and socket, no network port.
  // The server runs as the mysql user: its data, socket, pid file and log are in folders it owns.
  const data = path.join(env.tmp, 'db');
  const run = path.join(env.tmp, 'run');
  env.socket = path.join(run, 'mysqld.sock');
  fs.mkdirSync(data);
  fs.mkdirSync(run);
  execFileSync('chown', ['mysql:mysql', data, run]);
  execFileSync('mariadb-install-db', ['--user=mysql', `--datadir=${data}`, '--skip-test-db',
    '--auth-root-authentication-method=socket'], { stdio: 'ignore' });
  env.mysqld = spawn('mysqld_safe', ['--user=mysql', `--datadir=${data}`, `--socket=${env.socket}`,
    `--pid-file=${path.join(run, 'mysqld.pid')}`, '--skip-networking',
    `--log-error=${path.join(run, 'mysqld.err')}`], { stdio: 'ignore' });
  const sql = (statement) => execFileSync('mariadb', [`--socket=${env.socket}`, '-uroot', '-e', statement], { stdio: 'pipe' });
  await until('MariaDB', () => { sql('SELECT 1'); return true; });
  sql("CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';");

  // wp-content of the test's own: the theme, and the plugin as the build made it.
  const content = path.join(env.tmp, 'wp-content');
  for (const dir of ['plugins', 'themes', 'uploads']) fs.mkdirSync(path.join(content, dir), { recursive: true });
  fs.symlinkSync('/usr/share/wordpress/wp-content/themes/twentytwentythree', path.join(content, 'themes/twentytwentythree'));
  fs.cpSync(PLUGIN, path.join(content, 'plugins/smi-assessment'), { recursive: true });

  const port = await freePort();
  env.url = `http://127.0.0.1:${port}`;
  fs.writeFileSync(CONFIG, `<?php
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:${env.socket}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${env.url}/wp-content');
define('WP_HOME', '${env.url}');
define('WP_SITEURL', '${env.url}');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
`);
  env.php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', '/usr/share/wordpress', path.join(HERE, 'router.php')], {
    env: { ...process.env, SMI_WP_CONTENT: content, PHP_CLI_SERVER_WORKERS: '4' },
    stdio: 'ignore',
  });
  await until('php -S', async () => (await fetch(`${env.url}/wp-login.php`)).status > 0);

  // WordPress's installer, in one POST.
  const install = await fetch(`${env.url}/wp-admin/install.php?step=2`, {
    method: 'POST',
    body: new URLSearchParams({
      weblog_title: 'Harbour & Lane', user_name: ADMIN.user, admin_password: ADMIN.password,
      admin_password2: ADMIN.password, pw_weak: '1', admin_email: 'admin@example.com', blog_public: '0',
    }),
  });
  assert.match(await install.text(), /Success!/, 'the installer ran');
  env.site = JSON.parse(execFileSync('php', [path.join(HERE, 'setup.php')], { encoding: 'utf8' }));
  env.browser = await launch();
  console.log(`WordPress ${env.site.wordpress} with MariaDB up and set up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

after(async () => {
  await env.browser?.close();
  env.php?.kill();
  if (env.socket && fs.existsSync(env.socket)) {
    try {
      execFileSync('mariadb-admin', [`--socket=${env.socket}`, '-uroot', 'shutdown']);
    } catch { /* already down */ }
  }
  await new Promise((resolve) => (env.mysqld && env.mysqld.exitCode === null ? env.mysqld.on('exit', resolve) : resolve()));
  fs.rmSync(CONFIG, { force: true });
  if (env.tmp) fs.rmSync(env.tmp, { recursive: true, force: true });
});

/** A fresh browser context on post `name`, recording smi:* events, requests and dialogs. */
async function visit(name, { hash = '', viewport } = {}) {
  const context = await env.browser.newContext({ reducedMotion: 'reduce', ...(viewport && { viewport }) });
  await context.addInitScript(() => {
    window.events = [];
    for (const name of ['smi:complete', 'smi:error', 'smi:ready']) {
      document.addEventListener(name, (e) => window.events.push({ name, detail: e.detail }));
    }
  });
  const page = await context.newPage();
  const requests = [];
  const dialogs = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`${env.url}/?p=${env.site.posts[name]}${hash}`);
  return { page, context, requests, dialogs, w: page.locator('smi-assessment') };
}

const events = (page, name) => page.evaluate((name) => window.events.filter((e) => e.name === name).map((e) => e.detail), name);

/** Takes the assessment by position (any language), waiting for the result. */
async function finish(page, w) {
  await w.locator('.smi:not([data-first-screen]) .smi-button--primary').click();
  for (const d of PARTICIPANT) {
    await w.getByRole('radio').nth(Number(d)).check();
    await w.locator('button[type=submit]').click();
  }
  await page.waitForFunction(() => window.events.some((e) => e.name === 'smi:complete'));
}

async function logIn(context, { user, password }, to) {
  const page = await context.newPage();
  await page.goto(`${env.url}/wp-login.php?redirect_to=${encodeURIComponent(to)}`);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', password);
  await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
  return page;
}

test("an author's shortcode post: the assessment completes, with the share link and smi:complete", async () => {
  const { page, context, w } = await visit('shortcode', { viewport: { width: 1280, height: 1600 } });
  await finish(page, w);
  const [complete] = await events(page, 'smi:complete');
  assert.deepEqual([complete.category, complete.investment, complete.innovation], ['participant', 19, 84]);
  await w.getByRole('heading', { name: 'Your social maturity: Participant' }).waitFor();
  assert.deepEqual(await w.locator('.smi-score__number').allTextContents(), ['19', '84']);
  assert.equal(await w.locator('.smi-brand__name').textContent(), 'Harbour & Lane');
  assert.equal(await w.getByRole('link', { name: 'Book a call' }).getAttribute('href'), 'https://example.com/call');
  // The refused value reached the widget, whose own warning names it.
  const errors = await events(page, 'smi:error');
  assert.ok(errors.some((e) => e.code === 'invalid-option' && e.message.includes('theme')), JSON.stringify(errors));
  // The theme's header, the post's title and the result's first screen.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'wordpress-shortcode.png') });

  // The share link reopens the result in a fresh browser.
  const link = await w.locator('#smi-share-link').inputValue();
  assert.equal(link, complete.share_url);
  // The post's own address (WordPress redirects ?p= to its permalink) and the code.
  assert.match(link, new RegExp(`^${env.url}/2\\d{3}/\\d{2}/\\d{2}/shortcode/#smi=1[\\w-]{12}$`));
  const other = await env.browser.newContext();
  const shared = await other.newPage();
  await shared.goto(link);
  await shared.locator('smi-assessment').getByRole('heading', { name: 'Your social maturity: Participant' }).waitFor();
  await other.close();
  await context.close();
});

test("an author's block post in Arabic: right to left, the block's accent, and the assessment completes", async () => {
  const { page, context, w } = await visit('block');
  const root = w.locator('.smi:not([data-first-screen])');
  await root.locator('.smi-button--primary').waitFor();
  assert.equal(await root.getAttribute('dir'), 'rtl');
  assert.equal(await root.getAttribute('lang'), 'ar');
  assert.equal(await root.locator('.smi-button--primary').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(15, 110, 90)');
  await finish(page, w);
  const [complete] = await events(page, 'smi:complete');
  assert.deepEqual([complete.category, complete.investment, complete.innovation], ['participant', 19, 84]);
  assert.deepEqual(await events(page, 'smi:error'), []);
  await context.close();
});

test('a hostile company is shown as text and never runs', async () => {
  const { page, context, w, dialogs } = await visit('hostile', { hash: SAMPLE });
  await w.getByRole('heading', { name: 'Your social maturity: Participant' }).waitFor();
  assert.equal(await w.locator('.smi-brand__name').textContent(), '<script>window.hostile = 1</script>');
  assert.equal(await page.evaluate(() => window.hostile), undefined);
  assert.deepEqual(dialogs, []);
  await context.close();
});

test("WordPress strips an author's raw markup; the author has no unfiltered_html", async () => {
  assert.equal(env.site.author_unfiltered_html, false);
  const raw = env.site.content.raw;
  assert.doesNotMatch(raw, /<script|<smi-assessment/, raw);
  assert.match(env.site.content.shortcode, /^\[smi_assessment /);
  assert.match(env.site.content.block, /^<!-- wp:smi\/assessment /);
});

test('a page without the widget loads no widget file; a page with it, the module and its preload hints', async () => {
  const plain = await visit('plain');
  await plain.page.getByText('No assessment here.').waitFor();
  await plain.page.waitForLoadState('networkidle');
  assert.deepEqual(plain.requests.filter((u) => u.includes('/smi-assessment/')), []);
  await plain.context.close();

  const { page, context, w, requests } = await visit('defaults');
  await w.locator('.smi:not([data-first-screen]) .smi-button--primary').waitFor();
  const widgetFiles = requests.filter((u) => u.includes('/plugins/smi-assessment/widget/')).map((u) => path.basename(new URL(u).pathname));
  assert.ok(widgetFiles.includes('smi-widget.js') && widgetFiles.includes('smi_widget_bg.wasm'), widgetFiles.join(', '));
  assert.ok(requests.every((u) => u.startsWith(env.url)), 'nothing from another origin');
  const hints = await page.locator('link[rel=modulepreload]').evaluateAll((links) => links.map((l) => l.href));
  assert.ok(hints.some((h) => h.endsWith('/widget/smi-widget.js')), hints.join(', '));
  assert.equal(await page.locator('script[type=module][src$="/widget/smi-widget.js"]').count(), 1);
  await context.close();
});

test('the settings page saves defaults as an administrator, which the widgets take; an author is refused', async () => {
  const settings = `${env.url}/wp-admin/options-general.php?page=smi-assessment`;
  const admin = await env.browser.newContext();
  const page = await logIn(admin, ADMIN, settings);
  await page.getByRole('heading', { name: 'SMI assessment' }).waitFor();
  await page.fill('#smi-company', 'Default & Co');
  await page.fill('#smi-accent', '#8c2f6b');
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  await page.getByText('Settings saved.').waitFor();
  assert.equal(await page.inputValue('#smi-company'), 'Default & Co');
  await admin.close();

  // The [smi_assessment] post, which sets neither, now has both.
  const { context, w } = await visit('defaults', { hash: SAMPLE });
  await w.getByRole('heading', { name: 'Your social maturity: Participant' }).waitFor();
  assert.equal(await w.locator('.smi-brand__name').textContent(), 'Default & Co');
  const accent = await w.locator('.smi').evaluate((el) => el.style.getPropertyValue('--smi-accent'));
  assert.equal(accent, '#8c2f6b');
  await context.close();

  const author = await env.browser.newContext();
  const refused = await logIn(author, AUTHOR, `${env.url}/wp-admin/`);
  const response = await refused.goto(settings);
  assert.equal(response.status(), 403);
  await refused.getByText(/not allowed/).first().waitFor();
  // Nor can an author post the form: options.php refuses without the capability.
  const post = await refused.request.post(`${env.url}/wp-admin/options.php`, {
    form: { option_page: 'smi_assessment', action: 'update', 'smi_assessment_settings[company]': 'Author Co' },
  });
  assert.equal(post.status(), 403);
  await author.close();
});

test('the block in the editor (screenshot)', async () => {
  const author = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await logIn(author, AUTHOR, `${env.url}/wp-admin/post.php?post=${env.site.posts.block}&action=edit`);
  // The editor's welcome guide, on a first visit.
  const guide = page.getByRole('dialog', { name: /Welcome/ });
  await page.locator('.wp-block-smi-assessment, [data-type="smi/assessment"]').first().waitFor({ timeout: 60_000 });
  if (await guide.isVisible()) await page.keyboard.press('Escape');
  await page.locator('[data-type="smi/assessment"]').first().click();
  await page.getByRole('button', { name: 'Assessment' }).first().waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'wordpress-block-editor.png') });
  await author.close();
});
