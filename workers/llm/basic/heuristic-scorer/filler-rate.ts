// Filler words per 100 words. "Like" counts only where it is filler ("it was, like, slow"), not a verb
// ("I like testing") or a comparison ("a tool like Jenkins").
import type { DimensionScore } from '../../../../sync-server/protocol/index.ts';
import { quoteAround } from './sentences.ts';
import type { AnswerText } from './scored-answer.ts';

const FILLERS: readonly { label: string; pattern: RegExp }[] = [
  { label: 'um', pattern: /\b(?:um+|umm+|erm+|er+)\b/gi },
  { label: 'uh', pattern: /\b(?:uh+|uhm+|ah+)\b/gi },
  { label: 'like', pattern: /(?:^|[,.;]\s*|\b(?:was|is|it's|and|just|so|were|really)\s+)like(?=\s*,|\s+(?:really|so|totally|just|literally|um|uh|the|a)\b)/gi },
  { label: 'you know', pattern: /\byou know(?!\s+(?:how|what|when|where|why|that|if|the|a)\b)/gi },
  { label: 'sort of', pattern: /\bsort of\b/gi },
  { label: 'kind of', pattern: /\bkind of\b(?!\s+(?:a|an|the)\b)/gi },
  { label: 'basically', pattern: /\bbasically\b/gi },
  { label: 'actually', pattern: /\bactually\b/gi },
  { label: 'literally', pattern: /\bliterally\b/gi },
  { label: 'I mean', pattern: /\bI mean\b/gi },
];

export function countFillers(text: string): { label: string; count: number }[] {
  return FILLERS.map(({ label, pattern }) => ({ label, count: (text.match(pattern) ?? []).length })).filter((filler) => filler.count > 0);
}

export function scoreFillers(answer: AnswerText): DimensionScore {
  if (answer.wordCount === 0) return { key: 'fillers', label: 'Filler words', score: 1, reason: 'No answer to judge.', evidence: [] };
  const found = countFillers(answer.text);
  const total = found.reduce((sum, filler) => sum + filler.count, 0);
  const per100 = (total / answer.wordCount) * 100;
  const score = per100 < 1 ? 5 : per100 < 2.5 ? 4 : per100 < 5 ? 3 : per100 < 8 ? 2 : 1;
  const reason = total
    ? `${total} filler${total === 1 ? '' : 's'} (${found.map((filler) => `"${filler.label}" ×${filler.count}`).join(', ')}): ${per100.toFixed(1)} per 100 words.${score <= 3 ? ' A short pause says the same thing with more authority.' : ''}`
    : 'No filler words.';
  const evidence = answer.sentences
    .filter((sentence) => countFillers(sentence.text).length > 0)
    .slice(0, 3)
    .map((sentence) => quoteAround(sentence.text));
  return { key: 'fillers', label: 'Filler words', score, reason, evidence };
}
