// Shared helpers of the browser tests: Debian's chromium driven by playwright-core (no browser download).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://localhost:5080').replace(/\/$/, '');
export const PASSWORD = '1q2w3E*';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS === '1';
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (own storage) with a laptop-sized window, in the given UI language. */
export async function newPage(browser, language = 'en-US', viewport = { width: 1366, height: 820 }) {
  const context = await browser.newContext({ viewport, locale: language });
  await context.addInitScript((lang) => {
    if (!localStorage.getItem('saascrm.language')) localStorage.setItem('saascrm.language', lang);
  }, language);
  const page = await context.newPage();
  page.language = language;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.setDefaultTimeout(15000);
  return page;
}

export async function login(page, tenant, userName, password = PASSWORD) {
  await page.goto(`${BASE_URL}/login`);
  await page.locator('[data-test=login-tenant]').fill(tenant);
  await page.locator('[data-test=login-user]').fill(userName);
  await page.locator('[data-test=login-password]').fill(password);
  await page.locator('[data-test=login-submit]').click();
  await page.locator('[data-test=side-menu]').waitFor();
  // a user's language is remembered on the server: start every test in the language it asked for
  if ((await page.evaluate(() => document.documentElement.lang)) !== page.language) await switchLanguage(page, page.language);
}

export async function logout(page) {
  await page.locator('[data-test=user-menu]').click();
  await page.locator('[data-test=logout]').click();
  await page.locator('[data-test=login-submit]').waitFor();
}

export async function switchLanguage(page, language) {
  await page.locator('[data-test=language-switch]').click();
  await page.locator(`[data-test=language-${language}]`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  // let the language menu finish closing
  await page.waitForFunction(() => [...document.querySelectorAll('.ant-dropdown')].every((d) => !d.checkVisibility({ opacityProperty: true })));
}

const SHARED_AREAS = ['app', 'menu', 'shell', 'home', 'login', 'noAccess', 'notFound', 'common', 'tenants', 'editions', 'modules', 'users', 'roles',
  'departments', 'audit', 'jobs', 'dictionaries', 'customFields', 'errors', 'validation', 'language', 'customers', 'notifications', 'search'];

/**
 * Texts that look like an untranslated key (e.g. "menu.users") of the shared areas or of `areas` on the visible page,
 * and translation placeholders left unfilled (e.g. "{{name}}").
 */
export async function rawKeys(page, areas = []) {
  const text = await page.locator('body').innerText();
  const pattern = new RegExp(`\\b(${[...SHARED_AREAS, ...areas].join('|')})\\.[A-Za-z_][\\w.-]*|\\{\\{\\s*\\w+\\s*\\}\\}`, 'g');
  return [...new Set(text.match(pattern) ?? [])];
}

/** Fails when the settled page shows untranslated keys (see rawKeys). */
export async function expectNoRawKeys(page, where, areas = []) {
  await settle(page);
  assert.deepEqual(await rawKeys(page, areas), [], `raw translation keys on ${where}`);
}

/** Polls `probe` until it answers something truthy (state reached through background jobs), or fails after the timeout. */
export async function until(probe, what, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0);
  // wait for the condition itself, not a fixed time: CSS transitions and animations have finished
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** Saves a screenshot into docs/screenshots when E2E_SCREENSHOTS=1. */
export async function screenshot(page, name) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await prepareScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The page as it is now, kept in memory for {@link screenshotStack} (null when E2E_SCREENSHOTS is off). */
export async function capture(page) {
  if (!SCREENSHOTS) return null;
  await prepareScreenshot(page);
  return page.screenshot();
}

/**
 * Saves captures of one flow (e.g. a form, then the list it fed) stacked in one PNG in docs/screenshots when
 * E2E_SCREENSHOTS=1: one picture shows the whole story. Composed by the browser itself, in a page of its own.
 */
export async function screenshotStack(page, name, captures) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { width, height } = page.viewportSize();
  const gap = 12;
  const sheet = await page.context().browser().newPage({ viewport: { width, height: captures.length * (height + gap) - gap } });
  try {
    const images = captures.map((png) => `<img src="data:image/png;base64,${png.toString('base64')}" style="display:block;width:${width}px;height:${height}px">`);
    await sheet.setContent(`<body style="margin:0;display:flex;flex-direction:column;gap:${gap}px;background:#d9d9d9">${images.join('')}</body>`);
    await sheet.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    await sheet.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  } finally {
    await sheet.close();
  }
}

async function prepareScreenshot(page) {
  await settle(page);
  // success toasts of the step before would hide part of the header
  await page.evaluate(() => document.querySelectorAll('.ant-message-success').forEach((n) => n.closest('.ant-message-notice-wrapper, .ant-message-notice')?.remove()));
}

/** The primary button of the open modal dialog. */
export function modalOk(page) {
  return page.locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary');
}

/** Waits until an opening dialog has finished zooming in: a click while it moves can land beside its button. */
export async function dialogOpened(page) {
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-enter, .ant-zoom-enter-active'));
}

/** Clicks the open dialog's primary button once the dialog has zoomed in. */
export async function clickModalOk(page) {
  const button = modalOk(page);
  await button.waitFor();
  await dialogOpened(page);
  await button.click();
}

export async function pickOption(page, selectLocator, label) {
  await selectLocator.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** Texts of error messages currently shown (a failed API call the screen reported). */
export async function errorToasts(page) {
  return page.locator('.ant-message-error').allInnerTexts();
}

/** A signed-in API client for arranging data in browser tests: { id (user id), get, post, put }. */
export async function apiAs(userName, tenant = 'demo') {
  const r = await fetch(`${BASE_URL}/api/account/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant, userName, password: PASSWORD }) });
  if (!r.ok) throw new Error(`login ${userName}: ${r.status}`);
  const { accessToken } = await r.json();
  const id = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()).sub;
  const call = async (method, path, body) => {
    const res = await fetch(`${BASE_URL}${path}`, { method, headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return { id, get: (p) => call('GET', p), post: (p, b) => call('POST', p, b ?? {}), put: (p, b) => call('PUT', p, b) };
}

/**
 * Waits until the workflows started by a new record have done their first steps (no instance still running), so a
 * test that then assigns the record itself is not overtaken by the auto-assignment landing after it. A record no
 * workflow starts for (none within the time limit) has nothing to wait for.
 */
export async function workflowsSettled(api, recordType, recordId, timeoutMs = 10000) {
  let started = false;
  try {
    await until(async () => {
      const page = await api.get(`/api/workflows/instances?recordType=${recordType}&recordId=${recordId}`);
      started = page.items.length > 0;
      return started && page.items.every((i) => i.status !== 'Running');
    }, `the ${recordType}'s workflows to settle`, timeoutMs);
  } catch (error) {
    if (started) throw error;
  }
}
