// Generates FSRS-6 golden vectors with the ts-fsrs reference implementation for
// tests/HrPrep.Practice.Tests (FsrsParityTests). Deterministic: a seeded PRNG draws the review
// histories, so running it again gives the same file.
// Usage: node generate-vectors.mjs > ../golden/fsrs6-vectors.json
import { fsrs, createEmptyCard, FSRSVersion } from 'ts-fsrs';

// FSRS-6 default parameters, pinned here (ts-fsrs 5.4.2 default_w).
const w = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
  0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
const params = { w, request_retention: 0.9, maximum_interval: 36500, enable_fuzz: false, enable_short_term: false };
const scheduler = fsrs(params);

// mulberry32
let seed = 20261206;
function rand() {
  seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (weights) => { let r = rand() * weights.reduce((a, b) => a + b); for (let i = 0; i < weights.length; i++) { r -= weights[i]; if (r < 0) return i; } return weights.length - 1; };

const histories = [];
for (let h = 0; h < 100; h++) {
  const start = new Date(Date.UTC(2026, 0, 1, 9, 0, 0) + Math.floor(rand() * 365) * 86400000 + Math.floor(rand() * 86400) * 1000);
  let card = createEmptyCard(start);
  let now = start;
  const reviews = [];
  const count = 1 + Math.floor(rand() * 20);
  for (let i = 0; i < count; i++) {
    const rating = 1 + pick([2, 2, 5, 1]);
    const item = scheduler.next(card, now, rating);
    card = item.card;
    reviews.push({
      at: now.toISOString(), rating,
      stability: card.stability, difficulty: card.difficulty,
      due: card.due.toISOString(), scheduledDays: card.scheduled_days, elapsedDays: item.log.elapsed_days,
      state: card.state, reps: card.reps, lapses: card.lapses,
    });
    // next review: on the due date, early, late or on the same day, at a random time of day
    const mode = pick([5, 2, 2, 1]);
    let days;
    if (mode === 0) days = card.scheduled_days;
    else if (mode === 1) days = Math.floor(rand() * Math.max(1, card.scheduled_days));
    else if (mode === 2) days = card.scheduled_days + 1 + Math.floor(rand() * Math.max(3, card.scheduled_days));
    else days = 0;
    now = new Date(now.getTime() + days * 86400000 + Math.floor((rand() - 0.5) * 8 * 3600) * 1000);
    if (now < card.last_review) now = new Date(card.last_review.getTime() + 60000);
  }
  histories.push({ start: start.toISOString(), reviews });
}

// one review per line, so that a diff of the golden file is readable
const lines = histories.map((h) => `  {"start": ${JSON.stringify(h.start)}, "reviews": [\n` + h.reviews.map((r) => `   ${JSON.stringify(r)}`).join(',\n') + '\n  ]}');
console.log(`{"generator": ${JSON.stringify(`ts-fsrs ${FSRSVersion}`)},\n "parameters": ${JSON.stringify(params)},\n "histories": [\n${lines.join(',\n')}\n ]}`);
