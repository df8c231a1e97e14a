// The interview screen shows the machine's refusals from the `interview` catalogue by their code;
// this keeps the catalogue and the machine's English in step.
import { afterEach, describe, expect, it } from 'vitest';
import { setUiLanguage, t } from '../i18n/i18n.ts';
import { createInterviewState, REFUSALS, transition, type RefusalCode } from '../interview/interview-machine.ts';

afterEach(() => setUiLanguage('en'));

describe("the interview machine's refusals in the interface language", () => {
  it('has every code in the catalogue, in English word for word the machine\'s', () => {
    setUiLanguage('en');
    for (const [code, message] of Object.entries(REFUSALS)) expect(t(`interview:refusals.${code}`)).toBe(message);
  });

  it('says an empty answer in Spanish', () => {
    const started = transition(createInterviewState(2), { type: 'start', at: 0 }).state;
    const refused = transition(started, { type: 'submit', at: 1 });
    expect(refused.ok).toBe(false);
    const code = (refused as { code: RefusalCode }).code;
    expect(code).toBe('empty-answer');
    setUiLanguage('es');
    expect(t(`interview:refusals.${code}`)).toBe('Escribe primero una respuesta o salta la pregunta.');
  });
});
