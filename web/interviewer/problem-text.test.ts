import { afterEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '../i18n/i18n.ts';
import { InterviewerApiError } from './api-client.ts';
import { problemText } from './problem-text.ts';

describe('problemText', () => {
  afterEach(() => setUiLanguage('en'));

  it('words a refusal the catalogue knows in the interface language, at display time', async () => {
    const refusal = new InterviewerApiError(401, 'bad_credentials', 'That email and password do not match. Check them and try again.');
    expect(problemText(refusal)).toBe('That email and password do not match. Check them and try again.');
    await setUiLanguage('es');
    expect(problemText(refusal)).toBe('El correo y la contraseña no coinciden. Revísalos y vuelve a intentarlo.');
    expect(problemText(new InterviewerApiError(502, 'http_error', 'The server answered 502. Try again in a moment.'))).toBe('El servidor respondió 502. Vuelve a intentarlo en un momento.');
  });

  it('keeps the server’s own sentence for a code it does not know, and any other error’s message', async () => {
    await setUiLanguage('es');
    expect(problemText(new InterviewerApiError(413, 'too_many_rows', 'The export would hold 20001 interviews; narrow the filters.'))).toBe('The export would hold 20001 interviews; narrow the filters.');
    expect(problemText(new Error('Something specific'))).toBe('Something specific');
  });
});
