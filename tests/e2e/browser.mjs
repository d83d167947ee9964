// Launches Debian's Chromium through playwright-core (never a downloaded browser).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Registers before/after hooks that start a dist/ server and a browser for a test file;
 * returns an object whose `server` and `browser` are set once the hooks have run.
 */
export function useServerAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The widget on a page; role locators reach into its shadow root. */
export const widget = (page) => page.locator('smi-assessment');
