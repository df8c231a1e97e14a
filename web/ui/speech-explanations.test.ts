import { afterEach, describe, expect, it } from 'vitest';
import { FAST_FILLER_HEAVY_EN } from '../../workers/speech/metrics/fixtures/fast-filler-heavy-en.ts';
import { SLOW_LONG_PAUSES_EN } from '../../workers/speech/metrics/fixtures/slow-long-pauses-en.ts';
import { SPANISH_FILLERS_ES } from '../../workers/speech/metrics/fixtures/spanish-fillers-es.ts';
import { timedWords } from '../../workers/speech/metrics/test-support/words.ts';
import { speechMetrics, type AnswerTranscript, type SpeechMetrics } from '../../workers/speech/metrics/index.ts';
import { setUiLanguage } from '../i18n/i18n.ts';
import { explainMetric, noteText, targetRange, type MetricName } from './speech-explanations.ts';

const METRICS: [MetricName, (metrics: SpeechMetrics) => { assessment: { explanation: string } }][] = [
  ['pace', (m) => m.pace],
  ['fillers', (m) => m.fillers],
  ['pauses', (m) => m.pauses],
  ['thinking', (m) => m.talkTime],
  ['repeats', (m) => m.repeats],
];

const TRANSCRIPTS: Record<string, AnswerTranscript> = {
  'fast and filler-heavy': FAST_FILLER_HEAVY_EN,
  'slow with long pauses': SLOW_LONG_PAUSES_EN,
  'Spanish with fillers': SPANISH_FILLERS_ES,
  'too short to judge': { language: 'en', words: timedWords('the the plan worked', { start: 2 }) },
  'with no words': { language: 'en', words: [] },
  'in a language with no filler list': { language: 'it', words: timedWords('allora ho fatto il progetto e il progetto ha funzionato molto bene alla fine', { start: 1 }) },
};

afterEach(() => setUiLanguage('en'));

describe('speech explanations in the interface language', () => {
  for (const [name, transcript] of Object.entries(TRANSCRIPTS)) {
    it(`say in English exactly what coaching.ts says (${name})`, () => {
      setUiLanguage('en');
      const metrics = speechMetrics(transcript);
      for (const [metric, of] of METRICS) expect(explainMetric(metric, metrics), metric).toBe(of(metrics).assessment.explanation);
      for (const note of metrics.notes) expect(noteText(note, metrics.language)).toBe(note.message);
    });
  }

  it('say it in Spanish, with the numbers in Spanish form', () => {
    setUiLanguage('es');
    const metrics = speechMetrics(FAST_FILLER_HEAVY_EN);
    expect(explainMetric('pace', metrics)).toMatch(/^El ritmo cuenta las palabras que dices por minuto/);
    expect(explainMetric('pace', metrics)).toContain('un ritmo cómodo de conversación es de 120–160 palabras por minuto');
    expect(explainMetric('fillers', metrics)).toContain('Usaste 12 muletillas en 40 palabras: 30,0 por cada 100 palabras');
    expect(targetRange('thinking', metrics.talkTime.assessment)).toBe('0–20 % de la respuesta');
    const italian = speechMetrics(TRANSCRIPTS['in a language with no filler list']!);
    expect(italian.notes.map((note) => noteText(note, italian.language))).toEqual(['No hay una lista de muletillas para «it», así que no se han contado.']);
  });
});
