// Drives the practice mode of an exported study page in headless Chromium (HRPREP_CHROMIUM or the npm
// package @sparticuz/chromium, see chromium.mjs; driven by playwright-core): practice toggle, answer box, self-rating with FSRS, local storage across a
// reload, the due-only filter. Prints what it saw as JSON.
// Usage: node check-practice.mjs PAGE.html
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';

const [page] = process.argv.slice(2);
let browser;
try {
  browser = await findChromium();
} catch (e) {
  console.error(`no headless Chromium: ${e.message}`);
  process.exit(3);
}
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrprep-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: browser.executablePath, headless: true, args: browser.args,
});
const result = { consoleErrors: [], pageErrors: [], requests: [] };
try {
  const tab = context.pages()[0] ?? await context.newPage();
  tab.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') result.consoleErrors.push(`${m.type()}: ${m.text()}`); });
  tab.on('pageerror', (e) => result.pageErrors.push(String(e)));
  tab.on('request', (r) => result.requests.push(r.url()));
  await tab.goto(pathToFileURL(path.resolve(page)).href, { waitUntil: 'load' });
  const practiceShown = () => tab.$$eval('.practice', (all) => all.filter((p) => !p.hidden).length);
  result.before = { practiceShown: await practiceShown(), dueToggleHidden: await tab.$eval('#due-label', (e) => e.hidden) };
  await tab.click('#practice');
  result.on = { practiceShown: await practiceShown(), pressed: await tab.$eval('#practice', (b) => b.getAttribute('aria-pressed')), dueToggleHidden: await tab.$eval('#due-label', (e) => e.hidden) };
  const first = await tab.$eval('article.q', (a) => a.id);
  result.first = first;
  result.schedBefore = await tab.$eval(`#${first} .sched`, (p) => p.textContent);
  await tab.fill(`#${first} .practice textarea`, 'I would set goals jjkk together.');
  result.typingKeepsFocus = await tab.evaluate(() => document.activeElement.tagName);
  await tab.click(`#${first} .practice button[data-rating="3"]`);
  result.afterRating = {
    answerShown: await tab.$eval(`#${first} .answer`, (a) => !a.hidden),
    sched: await tab.$eval(`#${first} .sched`, (p) => p.textContent),
    stored: await tab.evaluate(() => JSON.parse(localStorage.getItem('hrprep-practice-v1'))),
  };
  await tab.reload({ waitUntil: 'load' });
  await tab.click('#practice');
  result.afterReload = {
    sched: await tab.$eval(`#${first} .sched`, (p) => p.textContent),
    draft: await tab.$eval(`#${first} .practice textarea`, (t) => t.value),
  };
  const total = await tab.$$eval('article.q', (all) => all.length);
  await tab.check('#due-only');
  result.dueOnly = {
    total,
    shown: await tab.$$eval('article.q', (all) => all.filter((a) => !a.hidden).length),
    firstHidden: await tab.$eval(`#${first}`, (a) => a.hidden),
    countText: await tab.$eval('#count', (e) => e.textContent),
  };
  await tab.uncheck('#due-only');
  await tab.click('#practice');
  result.off = { practiceShown: await practiceShown() };
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
result.externalRequests = result.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
console.log(JSON.stringify(result));
