// axe-core on every page of the application, as each role reaches it: no violation of impact
// "serious" or "critical" of the WCAG 2.1 A and AA rules.
//
// Each role's pages are found by following the links from the page it lands on (plus the few
// pages no link leads to, such as search results and error pages), one page per route and set of
// query parameters.
// Every GET page route that tests/web/access_matrix.tsv opens to the role must have been
// visited, so a new page is checked as soon as it is in the matrix and linked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import {
  ROLES, localDate, navigating, signIn, submit, useApp, withPage,
} from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);
const MAX_PAGES_PER_ROLE = 40;

// The matrix's roles, in its column order.
const MATRIX_ROLES = ['anonymous', 'participant', 'host', 'coordinator', 'companion', 'analyst',
  'administrator'];
// GET routes that are no page of their own: a language switch redirects, downloads are JSON,
// CSV or Excel workbooks.
const NOT_PAGES = new Set(['/lang/:code', '/me/data.json',
  '/coordinator/logbooks/:id/entries.csv', '/coordinator/logbooks/:id/entries.xlsx',
  '/coordinator/partnerships/:id/codings.csv', '/coordinator/partnerships/:id/codings.xlsx',
  '/coordinator/partnerships/:id/surveys/:round/responses.csv',
  '/coordinator/partnerships/:id/surveys/:round/responses.xlsx']);
// Pages of the signed-out visitor, checked as such.
const ANONYMOUS_PAGES = new Set(['/login', '/invitation/:token']);

function readMatrix() {
  const text = fs.readFileSync(new URL('../web/access_matrix.tsv', import.meta.url), 'utf8');
  const routes = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [method, pattern, , ...outcomes] = line.split('\t');
    if (method !== 'GET' || pattern.startsWith('/api/') || NOT_PAGES.has(pattern)) continue;
    const regex = new RegExp(`^${pattern.replace(/:[a-z_]+/g, '[^/]+')}$`);
    const open = new Set(MATRIX_ROLES.filter((_, i) => outcomes[i] === 'ok'));
    routes.push({ pattern, regex, open });
  }
  // A literal route wins over a pattern that also matches (/activities/new, /activities/:id).
  const params = (r) => (r.pattern.match(/:/g) || []).length;
  return routes.sort((a, b) => params(a) - params(b));
}
const ROUTES = readMatrix();

// The route a path belongs to, and so which pages count as "the same page" in the crawl: the
// route pattern and the names of the query's parameters.
function routeKey(url) {
  const route = ROUTES.find((r) => r.regex.test(url.pathname));
  const params = [...new Set(url.searchParams.keys())].sort().join('&');
  return { pattern: route ? route.pattern : url.pathname, key: `${route ? route.pattern : url.pathname}?${params}` };
}

// axe-core on the page shown now; the violations that fail the test, each as one line.
async function axeViolations(page) {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy allows.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(AXE_SOURCE);
  }
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'] }),
    WCAG_TAGS);
  const where = new URL(page.url());
  return result.violations
    .filter((v) => FAILING_IMPACTS.has(v.impact))
    .map((v) => `${where.pathname}${where.search}: ${v.id} (${v.impact}) ${v.help}: ` +
      v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(' | '));
}

function isPageLink(url, origin) {
  return url.origin === origin && !url.pathname.startsWith('/static/') &&
    !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/lang/') &&
    !url.pathname.endsWith('.json') && !url.pathname.endsWith('.csv') &&
    !url.pathname.endsWith('.xlsx');
}

// Follows the links from `start` and the `extra` paths; returns the violations, the routes
// asked for or landed on, and how many pages axe-core checked.
async function crawl(page, start, extra) {
  const origin = new URL(page.url()).origin;
  const queue = [start, ...extra];
  const seenUrls = new Set();
  const checked = new Set();
  const patterns = new Set();
  const violations = [];
  while (queue.length > 0 && checked.size < MAX_PAGES_PER_ROLE) {
    const next = new URL(queue.shift(), origin);
    next.hash = '';
    if (seenUrls.has(next.href)) continue;
    seenUrls.add(next.href);
    const asked = routeKey(next);
    if (checked.has(asked.key)) continue;

    const response = await page.goto(next.href);
    if (!(response.headers()['content-type'] || '').startsWith('text/html')) continue;
    // A redirect lands elsewhere: the page shown is what is checked, once.
    const landed = routeKey(new URL(page.url()));
    patterns.add(asked.pattern);
    patterns.add(landed.pattern);
    checked.add(asked.key);
    if (landed.key !== asked.key) {
      if (checked.has(landed.key)) continue;
      checked.add(landed.key);
    }
    violations.push(...await axeViolations(page));

    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
    for (const link of links) {
      const url = new URL(link);
      if (isPageLink(url, origin)) queue.push(url.pathname + url.search);
    }
  }
  return { violations, patterns, pages: checked.size };
}

// Signs in as the coordinator and opens a named survey round for all of INSP!, from today.
async function openSurveyRound(page, title) {
  await signIn(page, 'coordinator');
  await page.goto('/coordinator/partnerships/insp/surveys');
  await page.fill('#title', title);
  await page.fill('#opens', localDate(0));
  await page.fill('#closes', localDate(14));
  await submit(page, 'form[action$="/surveys"] button[type="submit"]');
  assert.equal(new URL(page.url()).pathname, '/coordinator/partnerships/insp/surveys');
  assert.ok(await page.getByText(title).count() > 0, `the round "${title}" is listed`);
}

const env = useApp();

describe('axe-core finds no serious or critical WCAG 2.1 A/AA violation', () => {
  test('on the pages of a signed-out visitor', (t) =>
    withPage(t, env, async (page) => {
      await page.goto('/login');
      const { violations, patterns } = await crawl(page, '/login',
        [env.app.invitationPath, '/finnes-ikke']);
      // The login form with its errors shown.
      await page.goto('/login');
      await page.fill('#email', 'ikke-en-email');
      await submit(page, 'form[action="/login"] button[type="submit"]');
      assert.ok(await page.locator('.alert-error').count() > 0);
      violations.push(...await axeViolations(page));
      assert.deepEqual(violations, []);
      // The check itself finds what it is meant to: a field without its label.
      await page.evaluate(() => document.querySelector('label[for="email"]').remove());
      const unlabelled = await axeViolations(page);
      assert.ok(unlabelled.some((v) => v.includes(': label (critical)')), unlabelled.join('\n'));
      for (const pattern of ANONYMOUS_PAGES) assert.ok(patterns.has(pattern), `visited ${pattern}`);
    }));

  for (const role of Object.keys(ROLES)) {
    test(`on every page a ${role} reaches`, (t) =>
      withPage(t, env, async (page) => {
        // A survey round open today (the demo has none), so that the participant's pages link
        // to it and the coordinator's list links to its results.
        if (role === 'participant' || role === 'coordinator') {
          await openSurveyRound(page, `Hvordan har du det her? (${role})`);
          await page.context().clearCookies();
        }
        await signIn(page, role);
        // Pages no link leads to: search results, a refused page, a page that is not there.
        const extra = ['/', '/finnes-ikke', role === 'coordinator' ? '/whats-on' : '/coordinator'];
        if (role === 'participant') extra.unshift('/whats-on?week=1');
        if (role === 'host') {
          extra.push(`/host/today?q=${encodeURIComponent(env.app.people.participantName)}`);
        }
        // An activity with occurrences ahead, whose page links to them.
        if (role === 'coordinator') extra.push('/coordinator/activities/insp-introrunde');
        // An interview guide and an interview (the demo has none), so that the self-evaluation
        // page links to their pages.
        if (role === 'coordinator') {
          await page.goto('/coordinator/partnerships/insp/evaluation');
          await page.fill('#title', 'Samtaler med nye unge');
          await submit(page, 'form[action$="/guides"] button[type="submit"]');
          await page.goto('/coordinator/partnerships/insp/evaluation');
          await page.fill('#date', '2026-11-02');
          await page.fill('#interviewee', 'En ung, 19 år, kom med sin mentor');
          await submit(page, 'form[action$="/interviews"] button[type="submit"]');
          assert.match(new URL(page.url()).pathname, /^\/coordinator\/interviews\//);
          await page.goto(ROLES[role].landing);
        }
        const { violations, patterns, pages } = await crawl(page, ROLES[role].landing, extra);
        // The thank-you page comes only after an answer is sent.
        if (role === 'participant') {
          await page.goto('/surveys');
          await navigating(page, () => page.locator('main a[href^="/surveys/"]').first().click());
          await submit(page, 'form.samskab-survey button[type="submit"]');
          const thanks = routeKey(new URL(page.url()));
          assert.equal(thanks.pattern, '/surveys/:id/thanks');
          patterns.add(thanks.pattern);
          violations.push(...await axeViolations(page));
        }
        t.diagnostic(`${role}: ${pages} pages`);
        assert.deepEqual(violations, []);
        const missed = ROUTES
          .filter((r) => r.open.has(role) && !ANONYMOUS_PAGES.has(r.pattern))
          .map((r) => r.pattern)
          .filter((p) => !patterns.has(p));
        assert.deepEqual(missed, [], `pages of ${role} that no link led to`);
      }));
  }

  test('on each landing page in English, with its errors shown', (t) =>
    withPage(t, env, async (page) => {
      const violations = [];
      for (const role of ['participant', 'host', 'coordinator']) {
        await page.context().clearCookies();
        await signIn(page, role);
        await page.goto(`/lang/en?next=${encodeURIComponent(ROLES[role].landing)}`);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        violations.push(...await axeViolations(page));
      }
      // A form sent back with errors (the coordinator's new activity without a title).
      await page.goto('/coordinator/places/insp-huset/activities');
      await page.fill('#title', '');
      await submit(page, 'form[action="/coordinator/places/insp-huset/activities"] button');
      assert.ok(await page.locator('.alert-error').count() > 0);
      violations.push(...await axeViolations(page));
      assert.deepEqual(violations, []);
    }));
});
