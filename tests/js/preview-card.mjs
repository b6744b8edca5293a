// Renders the first cards of an .apkg (front and back, with the note type's CSS) to PNG screenshots
// at desktop and phone widths, for looking at the card design. Not used by the tests.
// Usage: node preview-card.mjs FILE.apkg OUT_DIR [COUNT]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAnkiPackage } from 'anki-reader';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';

const [file, outDir, count = '2'] = process.argv.slice(2);
const { collection } = await readAnkiPackage(new Blob([fs.readFileSync(file)]));
const cards = Object.values(collection.getDecks()).flatMap((d) => Object.values(d.getCards())).slice(0, Number(count));
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrprep-chromium-'));
const browser = await findChromium();
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: browser.executablePath,
  headless: true,
  args: browser.args,
});
const tab = context.pages()[0] ?? await context.newPage();
fs.mkdirSync(outDir, { recursive: true });
let i = 0;
for (const card of cards) {
  const q = card.getQuestions()[0];
  const css = q.getCss();
  for (const [side, html] of [['front', q.getQuestionString()], ['back', q.getAnswerString()]]) {
    for (const [name, width] of [['desktop', 900], ['phone', 390]]) {
      await tab.setViewportSize({ width, height: 900 });
      await tab.setContent(`<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"><style>${css}</style></head><body class="card">${html}</body></html>`);
      await tab.screenshot({ path: path.join(outDir, `card${i}-${side}-${name}.png`), fullPage: true });
    }
  }
  i++;
}
await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
console.log(`${i} cards rendered to ${outDir}`);
