// Opens an exported study page in headless Chromium (HRPREP_CHROMIUM or the npm package
// @sparticuz/chromium, see chromium.mjs; driven by playwright-core) and reports what happens as JSON:
// console errors, network requests, and how the search box, filters, reveal buttons and keyboard
// behave. Saves a screenshot.
// Usage: node check-html.mjs PAGE.html SCREENSHOT.png [SEARCH_WORD]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';

const [page, screenshot, word = 'calibration'] = process.argv.slice(2);
let browser;
try {
  browser = await findChromium();
} catch (e) {
  console.error(`no headless Chromium: ${e.message}`);
  process.exit(3);
}
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrprep-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: browser.executablePath,
  headless: true,
  args: browser.args,
  viewport: { width: 1280, height: 900 },
});
const result = { consoleErrors: [], pageErrors: [], requests: [] };
try {
  const tab = context.pages()[0] ?? await context.newPage();
  tab.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') result.consoleErrors.push(`${m.type()}: ${m.text()}`); });
  tab.on('pageerror', (e) => result.pageErrors.push(String(e)));
  tab.on('request', (r) => result.requests.push(r.url()));
  const url = pathToFileURL(path.resolve(page)).href;
  await tab.goto(url, { waitUntil: 'load' });

  const visible = () => tab.$$eval('article.q', (all) => all.filter((a) => !a.hidden).map((a) => ({
    id: a.id, level: a.dataset.level, type: a.dataset.type, category: a.dataset.category,
    text: (a.dataset.search || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(),
  })));
  const count = () => tab.$eval('#count', (e) => e.textContent);
  result.total = (await visible()).length;
  result.countText = await count();

  await tab.fill('#q', word);
  const searched = await visible();
  result.search = { word, shown: searched.length, allMatch: searched.every((q) => q.text.includes(word.toLowerCase())), countText: await count() };
  await tab.fill('#q', 'zzzz-no-such-word');
  result.noMatch = { shown: (await visible()).length, emptyShown: await tab.$eval('#empty', (e) => !e.hidden) };
  await tab.fill('#q', '');

  const firstCategory = await tab.$eval('#f-category option:nth-child(2)', (o) => o.value);
  await tab.selectOption('#f-category', firstCategory);
  let shown = await visible();
  result.category = { value: firstCategory, shown: shown.length, allMatch: shown.every((q) => q.category === firstCategory) };
  await tab.selectOption('#f-category', '');
  await tab.selectOption('#f-level', 'senior');
  shown = await visible();
  result.level = { shown: shown.length, allMatch: shown.every((q) => q.level === 'senior') };
  await tab.selectOption('#f-type', 'situational');
  shown = await visible();
  result.levelAndType = { shown: shown.length, allMatch: shown.every((q) => q.level === 'senior' && q.type === 'situational') };
  await tab.selectOption('#f-level', '');
  await tab.selectOption('#f-type', '');
  result.reset = (await visible()).length;

  // Reveal by click.
  const first = await tab.$('article.q:not([hidden])');
  const answerHidden = () => first.$eval('.answer', (a) => a.hidden);
  result.reveal = { before: await answerHidden() };
  await first.$eval('button.reveal', (b) => b.click());
  result.reveal.afterClick = await answerHidden();
  await first.$eval('button.reveal', (b) => b.click());
  result.reveal.afterSecondClick = await answerHidden();

  // Keyboard: '/' focuses search, Esc leaves it, j/k move, Enter reveals.
  await tab.focus('body');
  await tab.keyboard.press('/');
  result.keyboard = { slashFocusesSearch: await tab.evaluate(() => document.activeElement.id === 'q') };
  await tab.keyboard.press('Escape');
  await tab.keyboard.press('j');
  await tab.keyboard.press('j');
  await tab.keyboard.press('k');
  const ids = (await visible()).map((q) => q.id);
  result.keyboard.focusedAfterJJK = await tab.evaluate(() => document.activeElement.id);
  result.keyboard.expected = ids[0];
  await tab.keyboard.press('Enter');
  result.keyboard.enterReveals = await tab.evaluate(() => !document.activeElement.querySelector('.answer').hidden);
  await tab.keyboard.press('Enter');

  // Print style shows every answer and hides the controls.
  await tab.emulateMedia({ media: 'print' });
  result.print = await tab.evaluate(() => ({
    answersShown: Array.from(document.querySelectorAll('.answer')).every((a) => getComputedStyle(a).display !== 'none'),
    controlsHidden: getComputedStyle(document.querySelector('.controls')).display === 'none',
  }));
  await tab.emulateMedia({ media: 'screen' });

  // Script injection check: nothing from the content may run.
  result.injected = await tab.evaluate(() => document.querySelectorAll('main script, main iframe, main img, main [onerror]').length);
  result.title = await tab.title();

  await tab.fill('#q', word);
  const firstShown = await tab.$('article.q:not([hidden]) button.reveal');
  if (firstShown) await firstShown.click();
  await tab.screenshot({ path: screenshot, fullPage: false });
  await tab.setViewportSize({ width: 390, height: 844 });
  await tab.screenshot({ path: screenshot.replace(/\.png$/, '') + '-phone.png', fullPage: false });
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
result.externalRequests = result.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
console.log(JSON.stringify(result));
