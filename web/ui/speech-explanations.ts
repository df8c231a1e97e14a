// The speech metrics' words in the interface language: each metric's explanation (what it measures,
// this answer's numbers, and the advice for its status), its target range, and the notes about the
// transcript. workers/speech/metrics/coaching.ts writes the same sentences in English from the same
// numbers (for its own tests and for callers outside the UI); here they come from the
// `report-speech` catalogue, whose English is kept word for word the same (speech-explanations.test.ts
// checks it against coaching.ts on real fixtures).
// Owns: SpeechMetrics → the report's sentences. Must not import: Solid components, Dexie.
import { MIN_WORDS_TO_JUDGE, type Assessment, type SpeechMetrics, type TranscriptNote } from '../../workers/speech/metrics/index.ts';
import { intlLocale, t } from '../i18n/i18n.ts';

export type MetricName = 'pace' | 'fillers' | 'pauses' | 'thinking' | 'repeats';

const NS = 'report-speech:speech';

/** 1.5 → "1.5" or "1,5": one decimal, in the interface language. */
export function oneDecimal(value: number): string {
  return new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(value);
}

const seconds = (value: number) => t(`${NS}.seconds`, { value: oneDecimal(value) });
const list = (items: string[]) => items.join(t(`${NS}.listSeparator`));

/** "120–160 words per minute". */
export function targetRange(metric: MetricName, assessment: Assessment): string {
  return t(`${NS}.range`, { min: assessment.target.min, max: assessment.target.max, unit: t(`${NS}.units.${metric}`) });
}

/** What it measures and the numbers, then the advice for its status or why it was not judged. */
function judged(metric: MetricName, assessment: Assessment, wordCount: number, what: string): string {
  if (wordCount < MIN_WORDS_TO_JUDGE) {
    const why = wordCount === 0 ? t(`${NS}.tooShort.none`) : t(`${NS}.tooShort.few`, { words: t(`${NS}.words`, { count: wordCount }) });
    return t(`${NS}.explain`, { what, advice: why });
  }
  const status = assessment.status;
  const advice = status ? t(`${NS}.${metric}.${status}`, { defaultValue: '' }) : '';
  return advice ? t(`${NS}.explain`, { what, advice }) : what;
}

/** The explanation of one metric of `metrics`, as coaching.ts words it, in the interface language. */
export function explainMetric(metric: MetricName, metrics: SpeechMetrics): string {
  const wordCount = metrics.words.length;
  switch (metric) {
    case 'pace': {
      const { pace } = metrics;
      const what = t(`${NS}.pace.what`, {
        talkWpm: Math.round(pace.talkTimeWpm),
        wholeWpm: Math.round(pace.wholeAnswerWpm),
        range: targetRange('pace', pace.assessment),
      });
      return judged('pace', pace.assessment, pace.wordCount, what);
    }
    case 'fillers': {
      const { fillers } = metrics;
      if (fillers.listLanguage === null) return t(`${NS}.fillers.noList`, { language: metrics.language });
      const most = fillers.byLabel.slice(0, 3).map(({ label, count }) => t(`${NS}.fillers.item`, { label, times: count }));
      const what = t(`${NS}.fillers.what`, {
        fillers: t(`${NS}.fillerCount`, { count: fillers.count }),
        words: t(`${NS}.words`, { count: wordCount }),
        per100: oneDecimal(fillers.per100Words),
        mostOften: most.length > 0 ? t(`${NS}.fillers.mostOften`, { list: list(most) }) : '',
        max: fillers.assessment.target.max,
      });
      return judged('fillers', fillers.assessment, wordCount, what);
    }
    case 'pauses': {
      const { pauses } = metrics;
      const longest = Math.max(0, ...pauses.pauses.map((pause) => pause.durationSeconds));
      const what = t(`${NS}.pauses.what`, {
        pauses: t(`${NS}.longPauses`, { count: pauses.count }),
        longest: pauses.count > 0 ? t(`${NS}.pauses.longest`, { seconds: seconds(longest) }) : '',
        max: pauses.assessment.target.max,
      });
      return judged('pauses', pauses.assessment, wordCount, what);
    }
    case 'thinking': {
      const { talkTime, span } = metrics;
      const what = t(`${NS}.thinking.what`, {
        thinking: seconds(talkTime.thinkingSeconds),
        total: seconds(span.durationSeconds),
        percent: Math.round(talkTime.thinkingShare * 100),
        leading: seconds(talkTime.leadingSilenceSeconds),
        talk: seconds(talkTime.talkSeconds),
        max: talkTime.assessment.target.max,
      });
      return judged('thinking', talkTime.assessment, wordCount, what);
    }
    case 'repeats': {
      const { repeats } = metrics;
      const examples = repeats.repeats.slice(0, 3).map((repeat) => t(`${NS}.repeats.item`, { words: Array.from({ length: repeat.times }, () => repeat.word).join(' ') }));
      const what = t(`${NS}.repeats.what`, {
        words: t(`${NS}.words`, { count: repeats.count }),
        examples: examples.length > 0 ? t(`${NS}.repeats.examples`, { list: list(examples) }) : '',
        max: repeats.assessment.target.max,
      });
      return judged('repeats', repeats.assessment, wordCount, what);
    }
  }
}

/** A note about the transcript (sorted, split, left out…), in the interface language. */
export function noteText(note: TranscriptNote, language: string): string {
  return t(`${NS}.notes.${note.kind}`, { count: note.count ?? 0, language });
}
