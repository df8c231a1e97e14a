// German fillers. The hesitation sounds, "sozusagen" and "quasi" count wherever they are said;
// "also" only opening a clause ("Also, ich habe…"), since mid-sentence it often means "therefore";
// "halt" as the particle ("das ist halt so"), not opening a sentence ("Halt!").
// Owns: the German filler list. Must not import: DOM, Node.
import { always, type FillerEntry } from './filler-context.ts';

export const GERMAN_FILLERS: readonly FillerEntry[] = [
  ...always('äh', 'äh', 'ähh', 'öh', 'eh'),
  ...always('ähm', 'ähm', 'ähmm', 'öhm', 'hm', 'hmm'),
  ...always('sozusagen'),
  ...always('quasi'),
  { label: 'also', words: ['also'], when: (c) => c.opensClause },
  { label: 'halt', words: ['halt'], when: (c) => !c.opensSentence },
];
