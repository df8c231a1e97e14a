// French fillers. "euh", "ben", "en fait" and "du coup" count wherever they are said; the others only
// where they carry no meaning:
// - "genre": the hedge ("c'était genre impossible"), not the noun after a determiner or before "de"
//   ("ce genre de problème", "un genre").
// - "voilà": closing a clause ("…, voilà."), not presenting something ("voilà le résultat").
// Owns: the French filler list. Must not import: DOM, Node.
import { always, type FillerEntry } from './filler-context.ts';

const DETERMINERS = new Set(['ce', 'cet', 'le', 'un', 'du', 'de', 'des', 'les', 'ces', 'quel', 'quels', 'mon', 'ton', 'son', 'notre', 'votre', 'leur', 'même', 'autre', 'tout', 'bon', 'nouveau', 'seul']);

export const FRENCH_FILLERS: readonly FillerEntry[] = [
  ...always('euh', 'euh', 'euhh', 'heu', 'euhm'),
  ...always('ben', 'ben', 'bah'),
  ...always('en fait'),
  ...always('du coup'),
  {
    label: 'genre',
    words: ['genre'],
    when: (c) => !(c.before !== undefined && !c.opensClause && DETERMINERS.has(c.before)) && !(c.after === 'de' || c.after?.startsWith("d'")),
  },
  ...['voilà', 'voila'].map((spelling): FillerEntry => ({ label: 'voilà', words: [spelling], when: (c) => c.closesClause })),
];
