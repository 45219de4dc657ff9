// The join flow with the keyboard alone (Tab, Shift+Tab, Enter and typing; no mouse): sign in,
// go to next week, join an occurrence. Every element that takes the focus on the way must show
// it (WCAG 2.4.7) and be on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, ROLES, here, navigating, useApp, withPage } from './harness.mjs';

const env = useApp();
const MAX_TABS = 80;

// What has the focus now, and whether it is visibly marked: an outline or a box shadow that the
// element does not have without the focus.
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      type: el.getAttribute('type'),
      href: el.getAttribute('href'),
      action: el.form ? el.form.getAttribute('action') : null,
      text: el.textContent.trim().replace(/\s+/g, ' ').slice(0, 80),
      marked: outline || Boolean(shadow),
      focusVisible: el.matches(':focus-visible'),
      onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 &&
        box.top < window.innerHeight && box.left < window.innerWidth,
    };
  });
}

// Presses Tab until `wanted` holds of the focused element, checking each stop on the way.
async function tabTo(page, what, wanted) {
  const stops = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    stops.push(f);
    assert.ok(f.focusVisible && f.marked,
      `the focus on ${f.tag}#${f.id} "${f.text}" (${here(page)}) is not visible`);
    assert.ok(f.onScreen, `the focused ${f.tag}#${f.id} "${f.text}" is off screen`);
    if (wanted(f)) return f;
  }
  assert.fail(`${what}: not reached with ${MAX_TABS} presses of Tab; stops: ` +
    stops.map((s) => `${s.tag}#${s.id}${s.href ? `[${s.href}]` : ''} "${s.text}"`).join(', '));
}

test('a participant signs in and joins an occurrence with the keyboard alone', (t) =>
  withPage(t, env, async (page) => {
    await page.goto('/login');

    // The first stop is the skip link, shown when it has the focus; it moves the focus to the
    // page's content.
    const skip = await tabTo(page, 'skip link', () => true);
    assert.equal(skip.href, '#main-content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main-content');

    await tabTo(page, 'the email field', (f) => f.id === 'email');
    await page.keyboard.type(ROLES.participant.email);
    await tabTo(page, 'the password field', (f) => f.id === 'password');
    await page.keyboard.type(PASSWORD);
    await navigating(page, () => page.keyboard.press('Enter'));
    assert.equal(here(page), '/whats-on');

    // Next week, which always has something ahead.
    await tabTo(page, 'the link to next week', (f) => f.href === '/whats-on?week=1');
    await navigating(page, () => page.keyboard.press('Enter'));
    assert.equal(here(page), '/whats-on?week=1');

    const join = await tabTo(page, 'a join button',
      (f) => f.tag === 'button' && /\/join$/.test(f.action || ''));
    await navigating(page, () => page.keyboard.press('Enter'));
    assert.equal(here(page), '/whats-on?week=1');
    const occurrence = join.action.slice(0, -'/join'.length);
    assert.equal(await page.locator(`form[action="${occurrence}/leave"]`).count(), 1,
      'the occurrence is joined');

    // Shift+Tab goes back the same way: from the leave button to what precedes it.
    await tabTo(page, 'the leave button', (f) => f.action === `${occurrence}/leave`);
    await page.keyboard.press('Shift+Tab');
    const back = await focused(page);
    assert.ok(back && back.focusVisible && back.marked, 'Shift+Tab shows the focus too');
  }));
