// Errors on the interviewer pages, in the interface language. The server's refusals arrive as
// InterviewerApiError with a stable `code` and an English message; the words are chosen here, when
// the error is shown, from the `interviewer:errors` catalogue, so a language switch re-words them. A
// code the catalogue does not know keeps the server's own sentence (better precise English than a
// vague translation); anything else goes through the candidate screens' translator (web/ui/page.ts).
// Owns: interviewer error → sentence. Must not import: Dexie, the error classes' modules.
import { t } from '../i18n/i18n.ts';
import { messageOf } from '../ui/page.ts';

export function problemText(error: unknown): string {
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'InterviewerApiError') {
    const { code, status } = error as { code?: unknown; status?: unknown };
    if (typeof code === 'string' && code !== '') {
      const translated = t(`interviewer:errors.${code}`, { status: String(status ?? ''), defaultValue: '' });
      if (translated !== '') return translated;
    }
  }
  return messageOf(error);
}
