// Errors in the interface language, for the candidate.
// The approach, everywhere: an error class keeps its `name` as a stable code and its English
// `message` (for logs, tests, and any caller not yet translated). Where one class covers several
// cases, a field says which (`problem`, `reason`, `code`) and further fields carry the values the
// sentence needs. The words are chosen here, when the error is shown, from the `errors` catalogue,
// so an error made in a worker or before a language switch is still said in the current language.
// An error this module does not know is shown with its own message rather than a vague one.
// Errors are recognised by `name` and read as plain fields, so this module imports none of their
// modules (which would pull workers' code into the first screen's bundle).
// Owns: error → sentence. Must not import: Solid components, Dexie, the error classes' modules.
import { t } from '../i18n/i18n.ts';

type Fields = Record<string, unknown>;

function fieldsOf(error: unknown): Fields {
  return typeof error === 'object' && error !== null ? (error as Fields) : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The catalogue's sentence for `key`, or null when the catalogue has none. */
function known(key: string, values?: Record<string, unknown>): string | null {
  const translated = t(key, { ...values, defaultValue: '' });
  return translated === '' ? null : translated;
}

/** "what happened (the detail)", with the detail in the browser's or the server's own words. */
function withDetail(message: string, detail: string | null): string {
  return detail ? t('errors:withDetail', { message, detail }) : message;
}

/** The sentence for a candidate: translated by the error's name and fields, else its own message. */
export function errorMessage(error: unknown): string {
  const fields = fieldsOf(error);
  const translated = translate(text(fields.name) ?? '', fields);
  if (translated) return translated;
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return t('errors:generic');
}

function translate(name: string, fields: Fields): string | null {
  switch (name) {
    case 'StorageFullError':
      return t('errors:storage.full');
    case 'StorageUnavailableError':
      return t('errors:storage.unavailable');
    case 'MicrophoneError': {
      const problem = known(`errors:microphone.${String(fields.problem)}`);
      return problem && withDetail(problem, text(fields.detail));
    }
    case 'TranscriptionUnavailableError':
      return transcriptionMessage(fields);
    case 'VisionUnavailableError': {
      if (fields.stage !== 'start' && fields.stage !== 'stopped') return null;
      return t(`errors:vision.${fields.stage}`, { detail: text(fields.detail) ?? '' });
    }
    case 'VoiceActivityError':
      return t('errors:voiceActivity', { detail: text(fields.message) ?? '' });
    case 'DeviceUnauthorizedError':
      return t('errors:sync.deviceUnauthorized');
    case 'SyncRequestError':
      return syncRequestMessage(fields);
    case 'PdfTextError':
      return pdfMessage(fields);
    case 'ModelDownloadError':
      return known(`errors:modelDownload.${String(fields.code)}`, fieldsOf(fields.values));
    default:
      return null;
  }
}

function transcriptionMessage(fields: Fields): string | null {
  const details = fieldsOf(fields.details);
  const reason = text(fields.reason);
  if (!reason || fields.details === undefined) return null;
  const url = text(fields.url);
  const source = details.source === 'mirror' || details.source === 'hub' ? t(`errors:transcription.source.${details.source}`) : '';
  const values = {
    model: text(details.model) ?? t('errors:transcription.theSpeechModel'),
    source,
    status: details.status ?? '',
    at: url ? t('errors:transcription.at', { url }) : '',
    detail: text(details.detail) ?? t('errors:transcription.noReason'),
    language: text(details.language) ?? '',
  };
  const variant = reason === 'network' ? (details.offline === true ? 'network.offline' : 'network.unreachable') : reason === 'runtime' ? `runtime.${details.stage === 'transcribe' ? 'transcribe' : 'load'}` : reason;
  const what = known(`errors:transcription.what.${variant}`, values);
  return what && t('errors:transcription.unavailable', { what });
}

function syncRequestMessage(fields: Fields): string | null {
  const code = text(fields.code);
  if (!code) return null;
  // The server's own codes (invite_expired…) are translated when the catalogue has them; an unknown
  // one keeps the server's sentence.
  return known(`errors:sync.request.${code}`, { status: fields.status ?? '', count: fields.count ?? 0 });
}

function pdfMessage(fields: Fields): string | null {
  const code = text(fields.code);
  if (!code) return null;
  const toDo = known(`errors:pdf.${code}.toDo`);
  if (!toDo) return null;
  // A caller may have said more precisely what happened ("This file is empty.").
  const happenedKey = text(fields.happenedKey);
  const happened = happenedKey ? known(`errors:pdf.happened.${happenedKey}`, fieldsOf(fields.happenedValues)) : known(`errors:pdf.${code}.happened`);
  return happened && t('errors:pdf.sentence', { happened, toDo });
}
