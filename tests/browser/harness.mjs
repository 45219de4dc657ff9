// What every browser test file shares: samskab serving a fresh copy of the demo database with an
// account for every role, Debian's Chromium driven by playwright-core, and a screenshot plus the
// page's HTML saved when a test fails.
//
// The environment (set by run.sh): SAMSKAB_BIN, the samskab binary; SAMSKAB_BROWSER_OUT, where
// failures are saved. A file calls useApp() once at the top level; its before/after hooks start
// and stop the server and the browser, and withPage() gives each test its own browser context.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.SAMSKAB_CHROMIUM || '/usr/bin/chromium';
const BIN = process.env.SAMSKAB_BIN;
const OUT = process.env.SAMSKAB_BROWSER_OUT || path.join(os.tmpdir(), 'samskab-browser');

// Every account's password; the test database lives only as long as the test file.
export const PASSWORD = 'browser-test-adgangskode';
const DOMAIN = 'samskab.example';

// The accounts made for every test file, as scripts/run.sh makes them for `make run`, and the
// page each role lands on after signing in (GET /).
export const ROLES = {
  participant: { email: `deltager@${DOMAIN}`, landing: '/whats-on' },
  host: { email: `vaert@${DOMAIN}`, landing: '/host/today' },
  coordinator: { email: `koordinator@${DOMAIN}`, landing: '/coordinator' },
  companion: { email: `foelgeperson@${DOMAIN}`, landing: '/' },
  analyst: { email: `analytiker@${DOMAIN}`, landing: '/' },
  administrator: { email: `administrator@${DOMAIN}`, landing: '/' },
};

// The demo's fixed weekly activities at INSP!'s house (activity, ISO weekday, start, end), laid
// out over the coming weeks: the demo's own records end with 2018, and a participant joins what
// is coming. Ids follow core::expand_schedule ("<activity>-<YYYYMMDD>T<HHMM>").
const WEEKLY = [
  ['insp-netvaerk-for-ledige', 1, '10:00', '12:00'],
  ['insp-introrunde', 2, '11:00', '12:00'],
  ['insp-kreativt-vaerksted', 3, '13:00', '16:00'],
  ['insp-faellesspisning', 4, '17:30', '19:30'],
  ['insp-startup-cafe', 5, '13:00', '15:00'],
];
const UPCOMING_DAYS = 21;

function pad(n) {
  return String(n).padStart(2, '0');
}

// A local date as YYYY-MM-DD, `days` from today.
export function localDate(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function upcomingBundle() {
  const occurrences = [];
  for (let day = 0; day < UPCOMING_DAYS; day++) {
    const d = new Date();
    d.setDate(d.getDate() + day);
    const weekday = d.getDay() === 0 ? 7 : d.getDay();
    const date = localDate(day);
    for (const [activity, on, start, end] of WEEKLY) {
      if (on !== weekday) continue;
      occurrences.push({
        id: `${activity}-${date.replaceAll('-', '')}T${start.replace(':', '')}`,
        activity,
        start: `${date}T${start}:00`,
        end: `${date}T${end}:00`,
      });
    }
  }
  return { format: 'samskab-bundle/1', occurrences };
}

function samskab(db, args, input) {
  return execFileSync(BIN, ['--db', db, ...args], {
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

// The people of the demo that the tests act on, read from its export.
function demoPeople(bundle) {
  const name = new Map(bundle.people.map((p) => [p.id, p.name]));
  // The participant is a young person whom the youth guide insp-v01 accompanies now, as in
  // `make run`.
  const guide = 'insp-v01';
  const link = (bundle.companions || []).find((c) => c.companion === guide && c.to === null);
  const participant = link ? link.person : 'insp-p001';
  assert.ok(name.has(participant), `the demo has no person ${participant}`);
  assert.ok(name.has(guide), `the demo has no person ${guide}`);
  return { guide, participant, participantName: name.get(participant), names: name };
}

// Starts `samskab serve` on a new database in a temporary folder: the demo, the coming weeks'
// occurrences, the accounts of ROLES and one open invitation. Resolves once it listens.
export async function startApp() {
  assert.ok(BIN, 'SAMSKAB_BIN must name the samskab binary');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'samskab-browser-'));
  const db = path.join(work, 'demo.db');
  samskab(db, ['demo']);
  fs.writeFileSync(path.join(work, 'upcoming.json'), JSON.stringify(upcomingBundle()));
  samskab(db, ['import', path.join(work, 'upcoming.json')]);
  samskab(db, ['export', '-o', path.join(work, 'demo.json')]);
  const people = demoPeople(JSON.parse(fs.readFileSync(path.join(work, 'demo.json'), 'utf8')));

  const scope = {
    participant: ['--partnership', 'insp', '--person', people.participant],
    host: ['--place', 'insp-huset'],
    coordinator: ['--partnership', 'insp'],
    companion: ['--partnership', 'insp', '--person', people.guide],
    analyst: [],
    administrator: [],
  };
  for (const [role, { email }] of Object.entries(ROLES)) {
    samskab(
      db,
      ['user', 'add', email, '--name', `Demo ${role}`, '--role', role, ...scope[role],
        '--password-stdin'],
      `${PASSWORD}\n`,
    );
  }
  // An account that is invited but has not chosen a password: its page is one of the pages.
  const invited = samskab(db, ['user', 'add', `ny@${DOMAIN}`, '--name', 'Ny koordinator',
    '--role', 'coordinator', '--partnership', 'insp']);
  const invitation = invited.match(/\/invitation\/[A-Za-z0-9_-]+/);
  assert.ok(invitation, `user add printed no invitation: ${invited}`);

  const server = spawn(BIN, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--workers', '2'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 15000);
    server.stdout.on('data', (chunk) => {
      stdout += chunk;
      const m = stdout.match(/^samskab: listening on (http:\/\/[0-9.]+:[0-9]+)$/m);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
  server.removeAllListeners('exit');

  return {
    url,
    people,
    invitationPath: invitation[0],
    // SIGTERM, as an operator stops it; the server must finish and exit 0.
    async stop() {
      const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
      server.kill('SIGTERM');
      const code = await exited;
      fs.rmSync(work, { recursive: true, force: true });
      assert.equal(code, 0, `serve exited with ${code} after SIGTERM: ${stderr}`);
    },
  };
}

// Headless Chromium with the flags a container needs (as root there is no sandbox) and none of
// its calls home.
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

// Registers the hooks that start the application and the browser for the calling test file;
// the returned object holds `app` and `browser` once the tests run.
export function useApp() {
  const env = {};
  before(async () => {
    env.app = await startApp();
    env.browser = await launchBrowser();
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.app) await env.app.stop();
  });
  return env;
}

function fileName(text) {
  return text.replace(/[^A-Za-z0-9æøåÆØÅ_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);
}

// Runs fn(page) in a new browser context on the application (Danish, as a first visit is); when
// it throws, the page as it was is saved as <test>.png and <test>.html under SAMSKAB_BROWSER_OUT.
// The page's console errors (a script or style the Content-Security-Policy refused, say) and
// uncaught errors fail the test too. With { javaScript: false } the page's own scripts are off,
// as for a visitor without JavaScript; the test still reads the page through the browser.
export async function withPage(t, env, fn, { javaScript = true } = {}) {
  const context = await env.browser.newContext({ baseURL: env.app.url, locale: 'da-DK',
    javaScriptEnabled: javaScript });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A page's own status (a 404 page asked for on purpose) is checked by the test, and no page
    // names a favicon; anything else that fails to load is a fault of the page.
    const source = message.location().url;
    if (/Failed to load resource/.test(message.text()) &&
        (source === page.url() || new URL(source).pathname === '/favicon.ico')) return;
    problems.push(`${page.url()}: ${message.text()} ${source}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  try {
    await fn(page);
    assert.deepEqual(problems, [], 'the browser reported errors');
  } catch (error) {
    fs.mkdirSync(OUT, { recursive: true });
    const base = path.join(OUT, fileName(t.name));
    try {
      await page.screenshot({ path: `${base}.png`, fullPage: true });
      fs.writeFileSync(`${base}.html`, await page.content());
      t.diagnostic(`saved ${base}.png and ${base}.html (${page.url()})`);
    } catch (saveError) {
      t.diagnostic(`could not save the page: ${saveError.message}`);
    }
    throw error;
  } finally {
    await context.close();
  }
}

// Does `action` (a click, a key press) and waits until the page it leads to has loaded: a form
// sent back to the same address is a new page too.
export async function navigating(page, action) {
  const committed = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await action();
  await committed;
  await page.waitForLoadState('load');
}

// Presses the submit button that `selector` finds and waits for the page it leads to.
export function submit(page, selector) {
  return navigating(page, () => page.locator(selector).first().click());
}

// Signs in through the login form and waits for the role's landing page.
export async function signIn(page, role) {
  await page.goto('/login');
  await page.fill('#email', ROLES[role].email);
  await page.fill('#password', PASSWORD);
  await submit(page, 'form[action="/login"] button[type="submit"]');
  assert.notEqual(new URL(page.url()).pathname, '/login', `${role} could not sign in`);
}

// The path and query of the page shown now.
export function here(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}
