// Reads an .apkg with anki-reader (independent of our C# writer) and prints what it finds as JSON.
// Usage: node read-apkg.mjs FILE.apkg
import fs from 'node:fs';
import { readAnkiPackage } from 'anki-reader';

const file = process.argv[2];
const { collection, media } = await readAnkiPackage(new Blob([fs.readFileSync(file)]));
const decks = [];
for (const [id, deck] of Object.entries(collection.getDecks())) {
  const cards = Object.values(deck.getCards()).map((card) => ({
    id: card.getId(),
    noteId: String(card.getNoteId()),
    deckId: String(card.getDeckId()),
    ord: card.getRawCard().ord,
    fields: card.getFields(),
    question: card.getQuestions().map((q) => q.getQuestionString()),
  }));
  decks.push({ id, name: deck.getName(), cards });
}
const models = Object.values(collection.getModels()).map((m) => ({
  id: String(m.getId()),
  name: m.getName(),
  fields: m.getFields().map((f) => f.name),
  templates: m.getTemplates().map((t) => t.name),
}));
const raw = collection.getRawCollection().exec('select id, guid, mid, mod, tags, flds, sfld, csum from notes order by id');
const notes = raw.length === 0 ? [] : raw[0].values.map(([id, guid, mid, mod, tags, flds, sfld, csum]) => ({
  id: String(id), guid, mid: String(mid), mod, tags, fields: String(flds).split('\x1f'), sfld: String(sfld), csum,
}));
console.log(JSON.stringify({ version: collection.getVersion(), media: Object.keys(media), decks, models, notes }));
