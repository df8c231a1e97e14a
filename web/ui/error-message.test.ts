import { afterEach, describe, expect, it } from 'vitest';
import { checksumError, missingError, networkError, quotaError } from '../../models/download/download-errors.ts';
import { microphoneError, microphoneErrorFromGetUserMedia } from '../../workers/speech/capture/microphone-errors.ts';
import { describeTranscriptionFailure, languageFailure, TranscriptionUnavailableError, workerStopped } from '../../workers/speech/transcription/transcription-errors.ts';
import { VisionUnavailableError } from '../../workers/vision/vision-session.ts';
import { StorageFullError, StorageUnavailableError } from '../data/storage-errors.ts';
import { setUiLanguage } from '../i18n/i18n.ts';
import { PdfTextError } from '../resume/pdf-text-error.ts';
import { errorMessage } from './error-message.ts';

const transcription = (error: unknown, stage: 'load' | 'transcribe' = 'load', fromMirror = true) =>
  new TranscriptionUnavailableError(describeTranscriptionFailure(error, { stage, fromMirror, modelName: 'Whisper base' }));

// Every error the candidate's screens show, as its module makes it.
const ERRORS: Record<string, Error> = {
  'storage full': new StorageFullError(),
  'storage unavailable': new StorageUnavailableError(),
  'microphone denied': microphoneErrorFromGetUserMedia(new DOMException('no', 'NotAllowedError')),
  'microphone failed, with the browser\'s words': microphoneErrorFromGetUserMedia(new DOMException('odd', 'WeirdError')),
  'microphone unsupported, with a detail': microphoneError('unsupported', 'AudioWorklet is unavailable'),
  'speech model missing': transcription(Object.assign(new Error('Could not locate file: "https://m.test/whisper/onnx/encoder.onnx".'), { status: 404 })),
  'speech mirror refused': transcription(Object.assign(new Error('Forbidden'), { status: 403 }), 'load', false),
  'speech mirror error': transcription(Object.assign(new Error('Bad gateway'), { status: 502 })),
  'speech storage': transcription(new DOMException('quota', 'QuotaExceededError')),
  'speech memory': transcription(new RangeError('Array buffer allocation failed')),
  'speech network': transcription(new TypeError('Failed to fetch')),
  'speech runtime at load': transcription(new Error('kaboom')),
  'speech runtime on a recording': transcription(new Error('kaboom'), 'transcribe'),
  'speech language': new TranscriptionUnavailableError(languageFailure('tlh')),
  'speech worker': new TranscriptionUnavailableError(workerStopped(new Error('OOM'))),
  'vision start': new VisionUnavailableError('start', 'no GPU'),
  'vision stopped': new VisionUnavailableError('stopped', 'worker died'),
  'pdf damaged': new PdfTextError('damaged'),
  'pdf empty': new PdfTextError('not-pdf', { happened: { text: 'This file is empty.', key: 'empty' } }),
  'pdf not text': new PdfTextError('not-pdf', { happened: { text: '"cv.docx" is neither a PDF nor a text file.', key: 'not-pdf-or-text', values: { file: 'cv.docx' } } }),
  'download closed early': networkError('https://m.test/a/params_shard_0.bin', { kind: 'closed', received: 10, expected: 20 }),
  'download status': networkError('https://m.test/a/params_shard_0.bin', { kind: 'status', status: 503 }),
  'download missing': missingError('https://m.test/a/params_shard_0.bin', 404),
  'download checksum': checksumError('https://m.test/a/params_shard_0.bin'),
  'download quota': quotaError(5 * 1024 * 1024),
  'download quota, needed': quotaError(0, undefined, 7 * 1024 * 1024),
};

afterEach(() => setUiLanguage('en'));

describe('errors in the interface language', () => {
  it('in English, says word for word what each error says', () => {
    setUiLanguage('en');
    for (const [name, error] of Object.entries(ERRORS)) expect(errorMessage(error), name).toBe(error.message);
  });

  it('in Spanish, says every one of them in Spanish, keeping the details', () => {
    setUiLanguage('es');
    for (const [name, error] of Object.entries(ERRORS)) {
      const text = errorMessage(error);
      expect(text, name).not.toBe(error.message);
      expect(text, name).not.toMatch(/\b(the|could not|was|try again)\b/i);
    }
    expect(errorMessage(ERRORS['microphone unsupported, with a detail'])).toBe(
      'Este navegador no puede grabar con el micrófono aquí. Usa una versión reciente de Chrome, Edge, Firefox o Safari, y abre la aplicación por https. (AudioWorklet is unavailable)',
    );
    expect(errorMessage(ERRORS['speech model missing'])).toBe(
      'La transcripción de voz no está disponible: no se pudo descargar Whisper base (el servidor espejo respondió 404 al pedir https://m.test/whisper/onnx/encoder.onnx). Puedes escribir tus respuestas.',
    );
    expect(errorMessage(ERRORS['pdf not text'])).toBe('«cv.docx» no es ni un PDF ni un archivo de texto. Elige tu currículum en PDF o en un archivo .txt, o pega su texto.');
    expect(errorMessage(ERRORS['download quota, needed'])).toBe('No hay suficiente espacio libre: el resto de esta descarga necesita unos 7 MB. Libera espacio o elige un modelo más pequeño.');
  });

  it("shows an error it does not know with its own words, and says something when there are none", () => {
    setUiLanguage('es');
    expect(errorMessage(new Error('Model "x" is not in the catalogue.'))).toBe('Model "x" is not in the catalogue.');
    expect(errorMessage(undefined)).toBe('Algo ha fallado. Vuelve a intentarlo.');
  });
});
