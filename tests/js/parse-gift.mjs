// Parses a GIFT file with gift-pegjs (an independent GIFT parser) and prints what it found as JSON:
// one entry per category line and question (type, title, id, tags, stem format and text, general feedback).
// Usage: node parse-gift.mjs FILE.gift.txt
import fs from 'node:fs';
import { parse } from 'gift-pegjs';

const text = fs.readFileSync(process.argv[2], 'utf8');
let items;
try {
  items = parse(text);
} catch (e) {
  console.error(`gift-pegjs: ${e.message} at ${JSON.stringify(e.location?.start)}`);
  process.exit(1);
}
console.log(JSON.stringify(items.map((q) => q.type === 'Category'
  ? { type: q.type, title: q.title }
  : {
    type: q.type,
    title: q.title,
    id: q.id,
    tags: q.tags,
    stem: q.stem,
    globalFeedback: q.globalFeedback,
  })));
