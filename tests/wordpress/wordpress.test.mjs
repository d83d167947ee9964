// The WordPress plugin on a real WordPress (Debian's package) and a real MariaDB, both started
// here and stopped afterwards, leaving no database or configuration behind:
// - an author's shortcode post and block post, each taken to the result in Chromium (category,
//   scores, share link, smi:complete), the block in Arabic with the block's accent;
// - a refused value passed through to the widget's own warning, a hostile company shown as
//   text, an author's raw markup stripped by WordPress;
// - a page without the widget loads no widget file;
// - the settings page saves defaults as an administrator and refuses an author;
// - screenshots of the block in the editor and of the widget on twentytwentythree;
// - the attacks of an author and a contributor (no unfiltered_html) through shortcode
//   attributes and block attributes saved over REST: no script runs for a visitor or for the
//   administrator previewing them, nothing covers the page, only the widget's options reach
//   the element; where leads go is the site's to say unless the post's author may;
// - a classic theme without html5 script support, and the files on another origin with
//   integrity;
// - afterwards, no server or browser process the test started is left running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCREENSHOTS, launch } from '../e2e/browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const PLUGIN = path.join(ROOT, 'dist/wordpress/smi-assessment');
// The site's configuration, named for this run alone (Debian's wp-config.php reads
// config-$WORDPRESS_CONFIG.php; router.php and setup.php pass the name), so two runs on one
// machine never share a database.
const SITE = `smi-test-${process.pid}-${Date.now().toString(36)}`;
const CONFIG = `/etc/wordpress/config-${SITE}.php`;
const ADMIN = { user: 'admin', password: 'admin-password-1' };
const AUTHOR = { user: 'author', password: 'author-password-1' };
const CONTRIBUTOR = { user: 'contributor', password: 'contributor-password-1' };
const ATTACKS = JSON.parse(fs.readFileSync(path.join(HERE, 'attacks.json'), 'utf8'));
// What may reach <smi-assessment>: the widget's options (options.php, generated from the
// widget's option table) and `id`.
const ALLOWED = [...fs.readFileSync(path.join(ROOT, 'wordpress/smi-assessment/options.php'), 'utf8')
  .matchAll(/^\t'([a-z-]+)'\s+=>/gm)].map((m) => m[1]).concat('id');
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

/** Every process on the machine as "pid args", one per line. */
const processes = () => execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n').filter(Boolean);
const chromiums = () => processes().filter((p) => /chrom(e|ium)/.test(p)).map((p) => p.trim().split(' ')[0]);

/** Stops `child` and every process it started (it leads its own process group). */
function stopGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch { /* already gone */ }
  const killed = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
  return exited.finally(() => clearTimeout(killed));
}

before(async () => {
  const started = Date.now();
  env.chromiumsBefore = new Set(chromiums());
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
    `--log-error=${path.join(run, 'mysqld.err')}`], { stdio: 'ignore', detached: true });
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
    env: { ...process.env, SMI_WP_CONTENT: content, WORDPRESS_CONFIG: SITE, PHP_CLI_SERVER_WORKERS: '4' },
    stdio: 'ignore',
    // Its own process group: the workers PHP_CLI_SERVER_WORKERS forks outlive a killed master.
    detached: true,
  });
  env.port = port;
  // A classic theme without html5 script support, for which WordPress writes
  // type='text/javascript' on every script tag.
  const classic = path.join(content, 'themes/smi-classic');
  fs.mkdirSync(classic);
  fs.writeFileSync(path.join(classic, 'style.css'), '/*\nTheme Name: SMI classic\n*/\n');
  fs.writeFileSync(path.join(classic, 'index.php'), `<!doctype html><html <?php language_attributes(); ?>><head><?php wp_head(); ?></head>
<body><?php while ( have_posts() ) { the_post(); the_title( '<h1>', '</h1>' ); the_content(); } ?><?php wp_footer(); ?></body></html>`);
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
  env.site = JSON.parse(execFileSync('php', [path.join(HERE, 'setup.php')],
    { encoding: 'utf8', env: { ...process.env, WORDPRESS_CONFIG: SITE } }));
  env.browser = await launch();
  console.log(`WordPress ${env.site.wordpress} with MariaDB up and set up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

after(async () => {
  await env.browser?.close();
  await stopGroup(env.php);
  if (env.socket && fs.existsSync(env.socket)) {
    try {
      execFileSync('mariadb-admin', [`--socket=${env.socket}`, '-uroot', 'shutdown']);
    } catch { /* already down */ }
  }
  // mysqld_safe ends once its server has; the group's kill is for a server that would not.
  const down = env.mysqld && env.mysqld.exitCode === null
    ? new Promise((resolve) => env.mysqld.once('exit', resolve)) : Promise.resolve();
  await Promise.race([down, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  await stopGroup(env.mysqld);
  fs.rmSync(CONFIG, { force: true });
  // Nothing the test started is left: no php -S master or worker, no MariaDB, no browser.
  let left = [];
  for (let tries = 0; tries < 50; tries++) {
    left = processes().filter((p) => (env.tmp && p.includes(env.tmp)) || (env.port && p.includes(`127.0.0.1:${env.port}`)))
      .concat(chromiums().filter((pid) => !env.chromiumsBefore?.has(pid)).map((pid) => `chromium ${pid}`));
    if (!left.length) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (env.tmp) fs.rmSync(env.tmp, { recursive: true, force: true });
  assert.deepEqual(left, [], 'processes the test started are still running');
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
  // wp-login.php focuses (and may clear) its fields 200 ms after load: fill
  // them once that has happened, and check they hold what was typed.
  await page.waitForFunction(() => ['user_login', 'user_pass'].includes(document.activeElement?.id));
  const typed = () => page.evaluate(() => [document.getElementById('user_login').value, document.getElementById('user_pass').value]);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await page.fill('#user_login', user);
    await page.fill('#user_pass', password);
    await page.waitForTimeout(250);
    if (JSON.stringify(await typed()) === JSON.stringify([user, password])) break;
  }
  assert.deepEqual(await typed(), [user, password], `${user}: the login form did not keep what was typed`);
  await page.click('#wp-submit');
  // Logged in once WordPress has set its cookie and left the login page.
  await page.waitForURL((url) => !url.pathname.endsWith('/wp-login.php'))
    .catch(async (error) => {
      const said = await page.locator('#login_error').textContent().catch(() => 'nothing');
      throw new Error(`${user} could not log in (WordPress said: ${said?.trim()})`, { cause: error });
    });
  const cookies = await context.cookies(env.url);
  assert.ok(cookies.some((c) => c.name.startsWith('wordpress_logged_in_')), `${user}: no login cookie`);
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
  assert.equal(env.site.contributor_unfiltered_html, false);
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
  assert.equal(response.status(), 403, `${refused.url()}: ${await refused.title()}`);
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

/** The php CLI with WordPress loaded (as the test's site), running `code`. */
function wpEval(code) {
  return execFileSync('php', ['-r', `$_SERVER['HTTP_HOST'] = '127.0.0.1'; $_SERVER['WORDPRESS_CONFIG'] = '${SITE}'; require '/usr/share/wordpress/wp-load.php'; ${code}`], { encoding: 'utf8' });
}

/**
 * Gives every handler an attacker could have planted on the page's widgets its chance (load,
 * hover, focus by keyboard, a click on Start), then checks that none ran, that each element
 * carries only the widget's options, and that no widget covers the page.
 */
async function assertInert(page, what) {
  const w = page.locator('smi-assessment');
  await page.locator('smi-assessment .smi:not([data-first-screen]) .smi-button--primary').first().waitFor();
  for (let i = 0; i < await w.count(); i++) await w.nth(i).hover({ force: true, trial: false }).catch(() => {});
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.locator('smi-assessment .smi:not([data-first-screen]) .smi-button--primary').first().click();
  await w.first().getByRole('radio').first().waitFor();
  await page.keyboard.press('Tab');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.xss), undefined, `${what}: a handler ran`);
  const elements = await w.evaluateAll((all) => all.map((e) => ({
    names: e.getAttributeNames(),
    position: getComputedStyle(e).position,
    covers: e.getBoundingClientRect().width >= innerWidth && e.getBoundingClientRect().height >= innerHeight,
  })));
  for (const { names, position, covers } of elements) {
    assert.deepEqual(names.filter((n) => !ALLOWED.includes(n)), [], `${what}: attributes ${names}`);
    assert.notEqual(position, 'fixed', `${what}: fixed`);
    assert.equal(covers, false, `${what}: covers the page`);
  }
  // The next post in this browser starts on the intro again, not on saved progress.
  await page.evaluate(() => localStorage.clear());
}

/** The author's REST nonce, from the logged-in `context`. */
async function restNonce(context) {
  const response = await context.request.get(`${env.url}/wp-admin/admin-ajax.php?action=rest-nonce`);
  assert.equal(response.status(), 200);
  return (await response.text()).trim();
}

/** Saves a post with `content` over the REST API as the user logged in to `context`. */
async function restPost(context, title, content, status) {
  const response = await context.request.post(`${env.url}/?rest_route=/wp/v2/posts`, {
    headers: { 'X-WP-Nonce': await restNonce(context), 'content-type': 'application/json' },
    data: JSON.stringify({ title, content, status }),
  });
  assert.equal(response.status(), 201, await response.text());
  return (await response.json()).id;
}

const BLOCK_ATTACK = '<!-- wp:smi/assessment {"company":"Block Co","onmouseover":"window.xss = \'block\'","onfocus":"window.xss = \'block\'",'
  + '"autofocus":"1","tabindex":"0","style":"position:fixed;inset:0;z-index:2147483647","onMouseOver":"window.xss = \'block\'",'
  + '"ONFOCUS":"window.xss = \'block\'","leadEndpoint":"https://collector.example/leads","lead":["after"],"ctaUrl":{"x":1}} /-->';

test('an author and a contributor run no script and cover nothing, through the shortcode or a block saved over REST', async () => {
  // Kses really ran: the canary script beside each attack is gone, the shortcode is kept.
  for (const name of Object.keys(ATTACKS)) {
    for (const who of ['author', 'contributor']) {
      const saved = env.site.content[`${who}-${name}`];
      assert.doesNotMatch(saved, /<script/, `${who}-${name}: the canary is stripped`);
      assert.match(saved, /\[smi_assessment /);
    }
  }
  // Blocks over REST, as the author (published) and the contributor (pending).
  const authorContext = await env.browser.newContext();
  await logIn(authorContext, AUTHOR, `${env.url}/wp-admin/`);
  const authorBlock = await restPost(authorContext, 'Author block', `<script>window.xss = "canary"</script>${BLOCK_ATTACK}`, 'publish');
  await authorContext.close();
  const contributorContext = await env.browser.newContext();
  await logIn(contributorContext, CONTRIBUTOR, `${env.url}/wp-admin/`);
  const contributorBlock = await restPost(contributorContext, 'Contributor block', BLOCK_ATTACK, 'pending');
  await contributorContext.close();
  const stored = JSON.parse(wpEval(`echo wp_json_encode( array( get_post_field( 'post_content', ${authorBlock} ), get_post_field( 'post_content', ${contributorBlock} ) ) );`));
  assert.doesNotMatch(stored[0], /<script/);
  assert.match(stored[0], /"onmouseover"/, 'the hostile block attributes were saved');

  // A visitor on each of the author's posts.
  for (const name of Object.keys(ATTACKS)) {
    const { page, context, dialogs } = await visit(`author-${name}`);
    await assertInert(page, `visitor, author-${name}`);
    assert.deepEqual(dialogs, []);
    await context.close();
  }
  const visitor = await env.browser.newContext();
  const blockPage = await visitor.newPage();
  await blockPage.goto(`${env.url}/?p=${authorBlock}`);
  await assertInert(blockPage, 'visitor, author block');
  assert.equal(await blockPage.locator('smi-assessment').getAttribute('company'), 'Block Co');
  assert.equal(await blockPage.locator('smi-assessment').getAttribute('lead-endpoint'), null);
  await visitor.close();

  // The administrator, logged in, on the author's posts and previewing the contributor's.
  const admin = await env.browser.newContext();
  const page = await logIn(admin, ADMIN, `${env.url}/wp-admin/`);
  const users = () => wpEval("echo count( get_users( array( 'role' => 'administrator' ) ) );");
  const administrators = users();
  for (const name of Object.keys(ATTACKS)) {
    for (const [who, query] of [['author', ''], ['contributor', '&preview=true']]) {
      await page.goto(`${env.url}/?p=${env.site.posts[`${who}-${name}`]}${query}`);
      await assertInert(page, `administrator, ${who}-${name}`);
    }
  }
  await page.goto(`${env.url}/?p=${contributorBlock}&preview=true`);
  await assertInert(page, 'administrator, contributor block');
  await admin.close();
  assert.equal(users(), administrators, 'no administrator was added');
});

/** The page of post `name` as served, and its <smi-assessment> tag's attributes (name → value). */
async function served(name) {
  const html = await (await fetch(`${env.url}/?p=${env.site.posts[name]}`)).text();
  const tag = html.match(/<smi-assessment\b[^>]*>/)[0];
  const attributes = Object.fromEntries([...tag.matchAll(/ ([^\s=]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  return { html, tag, attributes };
}

test('what is dropped is named for the editors in an HTML comment', async () => {
  const { html, attributes } = await served('author-autofocus');
  assert.match(html, /<!-- SMI assessment: not passed to the widget: onfocus, autofocus, tabindex\. [^>]*-->\s*<smi-assessment\b/);
  assert.deepEqual(Object.keys(attributes).filter((n) => !['company', 'accent'].includes(n)), [], 'only the site\'s defaults');
  const globals = await served('author-globals');
  assert.equal(globals.attributes.lazy, '');
  assert.deepEqual(Object.keys(globals.attributes).filter((n) => !['company', 'accent', 'lazy'].includes(n)), []);
  assert.match(globals.html, /not passed to the widget: slot, is, hidden, popover, part, class, id, onerror\./);
});

test("an author's lead endpoint is ignored, with the options that go with it; the administrator's is used", async () => {
  const author = await served('author-leads');
  assert.equal(author.attributes.lead, 'after');
  for (const name of ['lead-endpoint', 'lead-format', 'lead-map', 'lead-extra', 'cta-personal']) {
    assert.equal(author.attributes[name], undefined, name);
    assert.ok(author.html.includes(`${name} (set by the site's settings: the post's author may not choose where leads go)`), name);
  }
  // An author's offer passes, but never with the visitor's details in it.
  assert.equal(author.attributes['cta-participant'], 'Book|https://collector.example/book?e={email}');
  const admin = await served('admin-leads');
  assert.equal(admin.attributes['lead-endpoint'], 'https://crm.example/leads');
  assert.equal(admin.attributes['cta-personal'], '');
  assert.equal(admin.attributes['cta-participant'], 'Book|https://cal.example/x?email={email}');

  // The block editor tells the author instead of offering the field.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await logIn(context, AUTHOR, `${env.url}/wp-admin/post.php?post=${env.site.posts.block}&action=edit`);
  assert.deepEqual(await page.evaluate(() => window.smiAssessmentEditor), { mayRouteLeads: false, siteEndpoint: '' });
  await context.close();
});

test('a classic theme without html5 script support loads the widget as a module', async () => {
  wpEval("switch_theme( 'smi-classic' );");
  try {
    const html = await (await fetch(`${env.url}/?p=${env.site.posts.defaults}`)).text();
    const loader = html.match(/<script[^>]*smi-widget\.js[^>]*>/)[0];
    assert.doesNotMatch(loader, /text\/javascript/, loader);
    assert.match(loader, /^<script type="module" /, loader);
    assert.match(html, /<script type='text\/javascript'|<script type="text\/javascript"/, 'the theme does get typed script tags');
    const { page, context, w } = await visit('defaults');
    await w.locator('.smi:not([data-first-screen]) .smi-button--primary').waitFor();
    await finish(page, w);
    await context.close();
  } finally {
    wpEval("switch_theme( 'twentytwentythree' );");
  }
});

test('widget files from another origin load with the integrity of this version', async () => {
  const other = env.url.replace('127.0.0.1', 'localhost');
  wpEval(`update_option( 'smi_assessment_settings', array( 'files_url' => '${other}/wp-content/plugins/smi-assessment/widget/' ) );`);
  try {
    const html = await (await fetch(`${env.url}/?p=${env.site.posts.defaults}`)).text();
    const manifest = JSON.parse(fs.readFileSync(path.join(PLUGIN, 'widget/integrity.json'), 'utf8'));
    const hash = manifest.files['smi-widget.js'];
    const loader = html.match(/<script[^>]*smi-widget\.js[^>]*>/)[0];
    assert.ok(loader.includes(`integrity="${hash}" crossorigin="anonymous"`), loader);
    assert.ok(html.includes(`<link rel="modulepreload" href="${other}/wp-content/plugins/smi-assessment/widget/smi-widget.js" integrity="${hash}" crossorigin="anonymous">`));
    const { page, context, w, requests } = await visit('defaults');
    await w.locator('.smi:not([data-first-screen]) .smi-button--primary').waitFor();
    assert.ok(requests.some((u) => u.startsWith(`${other}/`) && u.endsWith('smi_widget_bg.wasm')));
    await context.close();
  } finally {
    wpEval("delete_option( 'smi_assessment_settings' );");
  }
});

test('the settings sanitizer takes strings only: an array is refused, not a fatal error', async () => {
  const saved = JSON.parse(wpEval(`echo wp_json_encode( smi_assessment_sanitize( array( 'files_url' => array( 'x' ), 'lang' => array(), 'accent' => array( '#fff' ), 'company' => array( 'a' => 'b' ), 'lead_endpoint' => ' https://crm.example/x ' ) ) );`));
  assert.deepEqual(saved, { files_url: '', lang: '', accent: '', company: '', lead_endpoint: 'https://crm.example/x' });
});
