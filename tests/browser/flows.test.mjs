// The application as its users meet it, in a real browser: signing in as each role, a
// participant joining and taking a break, a host checking people in and introducing them, a
// coordinator laying out a weekly activity, and the coordinator's dashboard. The pages must work
// without JavaScript, so these run with it turned off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, here, localDate, navigating, signIn, submit, useApp, withPage } from './harness.mjs';

const env = useApp();
const NO_SCRIPT = { javaScript: false };

describe('signing in', () => {
  for (const role of Object.keys(ROLES)) {
    test(`${role} lands on ${ROLES[role].landing}`, (t) =>
      withPage(t, env, async (page) => {
        await signIn(page, role);
        assert.equal(new URL(page.url()).pathname, ROLES[role].landing);
        assert.match(await page.textContent('.portal-user .user'), new RegExp(`Demo ${role}`));
        // Signing out leads back to the login form, and the landing page is closed again.
        await submit(page, 'form[action="/logout"] button');
        assert.equal(new URL(page.url()).pathname, '/login');
        await page.goto(ROLES[role].landing);
        assert.equal(new URL(page.url()).pathname, '/login');
      }, NO_SCRIPT));
  }

  test('a wrong password is named in the error summary, and the email is kept', (t) =>
    withPage(t, env, async (page) => {
      await page.goto('/login');
      await page.fill('#email', ROLES.host.email);
      await page.fill('#password', 'forkert forkert');
      await submit(page, 'form[action="/login"] button[type="submit"]');
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(await page.locator('.alert-error[role="alert"] li a').count() > 0, true);
      assert.equal(await page.inputValue('#email'), ROLES.host.email);
      assert.equal(await page.getAttribute('#password', 'value'), null);
    }, NO_SCRIPT));
});

test('a participant joins an occurrence, takes a break and comes back', (t) =>
  withPage(t, env, async (page) => {
    await signIn(page, 'participant');
    // Next week always lies ahead, whatever day the test runs.
    await navigating(page, () => page.click('.samskab-week-nav a[href="/whats-on?week=1"]'));
    assert.equal(here(page), '/whats-on?week=1');
    const join = page.locator('form[action$="/join"]').first();
    const action = await join.getAttribute('action');
    const occurrence = action.slice('/occurrences/'.length, -'/join'.length);
    const before = await join.locator('xpath=ancestor::tr').locator('td').nth(2).textContent();
    await navigating(page, () => join.locator('button').click());

    // Back on the same week, now with a leave button for that occurrence and one more taking part.
    assert.equal(here(page), '/whats-on?week=1');
    const leave = page.locator(`form[action="/occurrences/${occurrence}/leave"]`);
    assert.equal(await leave.count(), 1);
    const row = leave.locator('xpath=ancestor::tr');
    const after = await row.locator('td').nth(2).textContent();
    assert.equal(parseInt(after, 10), parseInt(before, 10) + 1);
    assert.ok(await row.locator('strong').count() > 0, 'the row says the participant is in');

    // A break: the page says so, and offers the way back instead.
    assert.equal(await page.locator('.alert-info[role="status"]').count(), 0);
    await submit(page, 'form[action="/me/break"] button');
    assert.equal(here(page), '/whats-on?week=1');
    assert.equal(await page.locator('.alert-info[role="status"]').count(), 1);
    assert.equal(await page.locator('form[action="/me/break"]').count(), 0);

    await submit(page, 'form[action="/me/return"] button');
    assert.equal(here(page), '/whats-on?week=1');
    assert.equal(await page.locator('.alert-info[role="status"]').count(), 0);
    assert.equal(await page.locator('form[action="/me/break"]').count(), 1);
    assert.equal(await page.locator(`form[action="/occurrences/${occurrence}/leave"]`).count(), 1);
  }, NO_SCRIPT));

// Searches the host's check-in list for `name` and presses its check-in button.
async function checkIn(page, name) {
  await page.fill('#q', name);
  await submit(page, 'form[action="/host/today"] button[type="submit"]');
  const row = page.locator('table tr', { has: page.locator('th', { hasText: name }) })
    .filter({ has: page.locator('form[action="/host/check-in"]') }).first();
  await navigating(page, () => row.locator('form[action="/host/check-in"] button').click());
  assert.equal(await page.locator('.alert-success[role="status"]').count(), 1, `${name} checked in`);
}

test('a host checks two people in and introduces them to each other', (t) =>
  withPage(t, env, async (page) => {
    await signIn(page, 'host');
    const { people } = env.app;
    const other = [...people.names.entries()]
      .find(([id, n]) => id !== people.participant && /^insp-p\d+$/.test(id) &&
        n.split(' ')[0] !== people.participantName.split(' ')[0]);
    assert.ok(other, 'the demo has a second participant');
    const names = [people.participantName, other[1]];

    for (const name of names) {
      await checkIn(page, name);
      const checkedIn = page.locator('table', { has: page.locator('th', { hasText: name }) })
        .first();
      assert.ok(await checkedIn.count() > 0, `${name} is listed as checked in`);
    }

    // Both are among those who may be introduced now.
    await page.selectOption('#a', { label: names[0] });
    await page.selectOption('#b', { label: names[1] });
    await submit(page, 'form[action="/host/introductions"] button[type="submit"]');
    assert.match(here(page), /done=introduced/);
    assert.equal(await page.locator('.alert-success[role="status"]').count() > 0, true);

    // Introducing the same two again is refused at the field, not with an error page.
    await page.selectOption('#a', { label: names[0] });
    await page.selectOption('#b', { label: names[0] });
    await submit(page, 'form[action="/host/introductions"] button[type="submit"]');
    assert.ok(await page.locator('.alert-error[role="alert"] a[href="#b"], ' +
      '.alert-error[role="alert"] a[href="#a"]').count() > 0);
  }, NO_SCRIPT));

test('a coordinator creates a weekly activity and its occurrences appear', (t) =>
  withPage(t, env, async (page) => {
    await signIn(page, 'coordinator');
    await navigating(page, () => page.click('a[href="/coordinator/places/insp-huset/activities"]'));
    const title = `Gåtur ved fjorden ${Date.now()}`;
    await page.fill('#title', title);
    await submit(page, 'form[action="/coordinator/places/insp-huset/activities"] button');
    assert.match(new URL(page.url()).pathname, /^\/coordinator\/activities\/[^/]+$/);
    assert.equal(await page.textContent('h1'), title);

    // Four weeks from tomorrow hold exactly four of any weekday.
    const from = localDate(1);
    const until = localDate(28);
    await page.selectOption('#weekday', '3');
    await page.fill('#start', '10:00');
    await page.fill('#end', '11:30');
    await page.fill('#from', from);
    await page.fill('#until', until);
    await submit(page, 'form[action$="/schedules"] button');
    assert.equal(await page.locator('.alert-success[role="status"]').count(), 1);

    const tables = page.locator('table');
    const schedules = tables.filter({ has: page.locator('th[scope="row"]', { hasText: /onsdag/i }) });
    assert.equal(await schedules.count() > 0, true, 'the schedule is listed');
    const upcoming = page.locator('table', { has: page.locator('a[href^="/coordinator/occurrences/"]') });
    assert.equal(await upcoming.locator('tbody tr').count(), 4);
    for (const text of await upcoming.locator('tbody td:nth-child(2)').allTextContents()) {
      assert.match(text, /10[.:]00.11[.:]30/);
    }

    // A participant of the partnership sees it among next weeks' activities.
    const week = await page.context().newPage();
    await page.context().clearCookies();
    await signIn(week, 'participant');
    let seen = false;
    for (const offset of [1, 2]) {
      await week.goto(`/whats-on?week=${offset}`);
      seen = seen || (await week.locator('a', { hasText: title }).count()) > 0;
    }
    assert.ok(seen, 'the participant sees the new activity');
  }, NO_SCRIPT));

test('the coordinator dashboard shows its charts', (t) =>
  withPage(t, env, async (page) => {
    await signIn(page, 'coordinator');
    const response = await page.goto('/coordinator/dashboard');
    assert.equal(response.status(), 200, 'GET /coordinator/dashboard');
    const charts = page.locator('svg[role="img"]');
    assert.ok(await charts.count() > 0, 'the dashboard has charts');
    for (const chart of await charts.all()) {
      const named = await chart.evaluate((svg) => Boolean(
        svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby') ||
        svg.querySelector(':scope > title')?.textContent.trim()));
      assert.ok(named, 'each chart has a text alternative');
      const box = await chart.boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, 'each chart is drawn');
    }
  }, NO_SCRIPT));
