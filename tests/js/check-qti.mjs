// Renders QTI 3.0 items with the Citolab QTI player (@citolab/qti-components, its self-contained
// browser bundle) in headless Chromium and reports, per item, what a candidate sees as JSON:
// the visible text, whether a text box is shown, whether the scorer rubric is visible, and errors.
// Chromium: HRPREP_CHROMIUM if set, else the npm package @sparticuz/chromium (see chromium.mjs).
// The page and every file come from local files through a routed host: nothing is fetched.
// Usage: node check-qti.mjs PACKAGE_DIR ITEM_HREF...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium as playwright } from 'playwright-core';
import { findChromium } from './chromium.mjs';

const [packageDir, ...items] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const bundle = path.join(path.dirname(require.resolve('@citolab/qti-components/package.json')), 'cdn', 'index.js');

let executablePath;
let args;
try {
  ({ executablePath, args } = await findChromium());
} catch (e) {
  console.error(`no headless Chromium: ${e.message}`);
  process.exit(3);
}

const host = 'http://hrprep.test/';
const page = `<!doctype html><html><head><meta charset="utf-8"></head><body><main id="host"></main>
<script type="module">
import { qtiTransformItem } from '/player.js';
window.render = async (href) => {
  const xml = await (await fetch('/package/' + href)).text();
  const host = document.getElementById('host');
  host.replaceChildren(qtiTransformItem().parse(xml).htmlDoc());
  await customElements.whenDefined('qti-extended-text-interaction');
  const item = host.querySelector('qti-assessment-item');
  await new Promise((r) => setTimeout(r, 50));
  if (item && item.updateComplete) await item.updateComplete;
  const interaction = host.querySelector('qti-extended-text-interaction');
  if (interaction && interaction.updateComplete) await interaction.updateComplete;
  const box = interaction?.shadowRoot?.querySelector('textarea') ?? interaction?.querySelector('textarea');
  const rubric = host.querySelector('qti-rubric-block');
  const visible = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  return {
    href,
    identifier: item?.getAttribute('identifier') ?? null,
    text: host.innerText,
    textBox: !!box && visible(box),
    textBoxTag: box?.tagName ?? null,
    rubricPresent: !!rubric,
    rubricVisible: visible(rubric),
  };
};
window.ready = true;
</script></body></html>`;

const browser = await playwright.launch({ executablePath, args, headless: true });
const result = { items: [], consoleErrors: [], pageErrors: [], externalRequests: [] };
try {
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin + '/' !== host) {
      result.externalRequests.push(url.href);
      return route.abort();
    }
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: page });
    if (url.pathname === '/player.js') return route.fulfill({ contentType: 'text/javascript', path: bundle });
    if (url.pathname.startsWith('/package/')) {
      const file = path.resolve(packageDir, decodeURIComponent(url.pathname.slice('/package/'.length)));
      if (file.startsWith(path.resolve(packageDir) + path.sep) && fs.existsSync(file)) {
        return route.fulfill({ contentType: 'application/xml', path: file });
      }
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
  const tab = await context.newPage();
  tab.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  tab.on('pageerror', (e) => result.pageErrors.push(String(e)));
  await tab.goto(host);
  await tab.waitForFunction(() => window.ready === true);
  for (const href of items) {
    result.items.push(await tab.evaluate((h) => window.render(h), href));
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
