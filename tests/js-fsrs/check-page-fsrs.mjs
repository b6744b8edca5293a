// Replays tests/golden/fsrs6-vectors.json through the FSRS script embedded in the HTML study page
// (HtmlExporter.FsrsScript, written to a file by the .NET test) and prints the mismatches as JSON.
// Usage: node check-page-fsrs.mjs FSRS_SCRIPT.js VECTORS.json
import fs from 'node:fs';

const [scriptPath, vectorsPath] = process.argv.slice(2);
const HrPrepFsrs = new Function(fs.readFileSync(scriptPath, 'utf8') + '\nreturn HrPrepFsrs;')();
const vectors = JSON.parse(fs.readFileSync(vectorsPath, 'utf8'));
const mismatches = [];
let reviews = 0;
for (const h of vectors.histories) {
  let card = null;
  h.reviews.forEach((r, i) => {
    card = HrPrepFsrs.review(card, r.rating, new Date(r.at));
    reviews++;
    const same = Math.abs(card.stability - r.stability) <= 1e-8 && Math.abs(card.difficulty - r.difficulty) <= 1e-8
      && card.due === r.due && card.scheduledDays === r.scheduledDays && card.elapsedDays === r.elapsedDays
      && card.reps === r.reps && card.lapses === r.lapses;
    if (!same) mismatches.push({ start: h.start, review: i, expected: r, actual: card });
  });
}
console.log(JSON.stringify({ reviews, mismatches: mismatches.slice(0, 5), mismatchCount: mismatches.length }));
