// Spanish fillers. "eh", "o sea" and "digamos" count wherever they are said; the others only where
// they carry no meaning:
// - "este": a filler when a break or another hesitation follows ("organizaba, este, el trabajo"),
//   not as the demonstrative before a noun ("este proyecto").
// - "pues": set off by a break ("Pues, trabajé…"), but not in "así pues".
// - "bueno": standing alone between breaks ("Bueno, aprendí mucho"), not the adjective ("es bueno").
// - "¿sabes?": between breaks, as Whisper writes the tag question; "¿sabes qué pasó?" is a question.
// - "digamos": not after "no" ("no digamos mentiras" is the verb).
// Owns: the Spanish filler list. Must not import: DOM, Node.
import { always, type FillerEntry } from './filler-context.ts';

const HESITATIONS = new Set(['eh', 'ehh', 'ehm', 'em', 'mm']);

export const SPANISH_FILLERS: readonly FillerEntry[] = [
  ...always('eh', 'eh', 'ehh', 'ehm', 'em'),
  ...always('o sea'),
  { label: 'digamos', words: ['digamos'], when: (c) => c.before !== 'no' },
  { label: 'este', words: ['este'], when: (c) => c.closesClause || (c.after !== undefined && HESITATIONS.has(c.after)) },
  { label: 'pues', words: ['pues'], when: (c) => c.before !== 'así' && (c.opensClause || c.closesClause) },
  { label: 'bueno', words: ['bueno'], when: (c) => c.opensClause && c.closesClause },
  { label: '¿sabes?', words: ['sabes'], when: (c) => c.opensClause && c.closesClause },
];
