// A spoken answer, from the microphone button to a transcript in the answer box. The microphone
// (capture worklet → Silero VAD worker) and the speech model (Whisper worker) start together, so the
// candidate can start talking while the model loads: the audio waits in the VAD worker. While they
// speak, a partial transcript of the last 30 s is read every 2 s of new speech; when they stop
// (a silence of the length they chose, the Done button, or the key), the whole answer is transcribed
// in overlapping windows and handed to the page with word timestamps.
// Audio stays in the workers; the page sees levels, speaking/silent, and text. Problems and progress
// are put into words in the interface language when they happen (web/ui/error-message.ts).
// When the candidate chose to keep recordings, the same microphone stream is also recorded
// (answer-recorder.ts), and the recording is handed over with the answer; if transcription is not
// available, the recording goes on until they finish, so their spoken answer is still kept.
// Owns: one answer's listening and transcription. Must not import: Solid components, Dexie.
import type { Listening } from '../../workers/speech/vad/listen.ts';
import { PartialTranscriptMerger, transcriptText, type TranscriptWord } from '../../workers/speech/transcription/merge-transcripts.ts';
import type { Transcriber } from '../../workers/speech/transcription/transcriber.ts';
import type { WhisperLoadProgress } from '../../workers/speech/transcription/api.ts';
import type { TranscriptionUnavailableError } from '../../workers/speech/transcription/transcription-errors.ts';
import { loadClientConfig } from '../engine/client-config.ts';
import { startAnswerRecorder, type AnswerRecorder, type AnswerRecording } from './answer-recorder.ts';
import { t } from '../i18n/i18n.ts';
import { errorMessage as messageOf } from '../ui/error-message.ts';

/** A recording of the answer, when the candidate chose to keep them. */
export type RecordingNote =
  /** Being recorded, alongside the transcription. */
  | { status: 'recording' }
  /** Transcription is not available, so the answer is only being recorded. */
  | { status: 'recording-only' }
  /** The last answer's recording was handed over, to be stored with the answer. */
  | { status: 'kept' }
  /** No recording is kept, and why, in words. */
  | { status: 'failed'; message: string };

export type VoiceAnswerState = (
  | { status: 'off' }
  | { status: 'starting' }
  /** `modelProgress`: the speech model's first download, in words, until it is ready. */
  | { status: 'listening'; speaking: boolean; modelReady: boolean; modelProgress: string | null; partial: string }
  | { status: 'transcribing' }
  /** Transcription cannot run here (no model, unknown language…): the candidate types. */
  | { status: 'unavailable'; message: string }
  /** The microphone could not be used. */
  | { status: 'failed'; message: string }
) & { recording?: RecordingNote };

/** A finished spoken answer: the words with their times (seconds from the start of the recording). */
export interface SpokenAnswer {
  words: TranscriptWord[];
  text: string;
  language: string;
  /** How long the recording ran, in seconds. */
  recordingSeconds: number;
  modelId: string;
}

export interface VoiceAnswerOptions {
  languageTag: string;
  /** Silence after speech that ends the answer, in ms. */
  endOfAnswerSilenceMs: number;
  onChange: (state: VoiceAnswerState) => void;
  /** ~20 readings a second, RMS 0–1, while listening. */
  onLevel: (rms: number) => void;
  onAnswer: (answer: SpokenAnswer) => void;
  /** Asked at each start: whether to keep a recording of this answer (the candidate's choice). */
  keepRecording?: () => Promise<boolean>;
  /** A kept recording, handed over before `onAnswer`, or alone when the answer could not be transcribed. */
  onRecording?: (recording: AnswerRecording) => void;
}

export interface VoiceAnswerController {
  start(): Promise<void>;
  /** Ends the answer now and transcribes it. */
  finish(): Promise<void>;
  /** Ends the answer and throws the recording away. */
  cancel(): Promise<void>;
  /** While a question is read aloud, so the microphone does not hear it. */
  setMuted(muted: boolean): void;
  setEndOfAnswerSilence(ms: number): void;
  dispose(): void;
}

const PARTIAL_EVERY_SECONDS = 2;
/** What a partial reads: one Whisper window. */
const PARTIAL_WINDOW_SECONDS = 30;
const SAMPLE_RATE = 16_000;

export function createVoiceAnswerController(options: VoiceAnswerOptions): VoiceAnswerController {
  let transcriber: Promise<Transcriber> | null = null;
  let listening: Listening | null = null;
  let muted = false;
  let endSilenceMs = options.endOfAnswerSilenceMs;
  let ending: Promise<void> | null = null;
  let disposed = false;
  let partialTimer: ReturnType<typeof setInterval> | undefined;
  let onModelProgress: ((words: string) => void) | null = null;
  let recorder: AnswerRecorder | null = null;
  let recordingNote: RecordingNote | undefined;
  /** The speech model failed during this answer, which is being recorded only. */
  let unavailable: unknown = null;

  const loadModel = (): Promise<Transcriber> => {
    transcriber ??= (async () => {
      const [{ loadTranscriber }, { probeDevice }, config] = await Promise.all([
        import('../../workers/speech/transcription/transcriber.ts'),
        import('../../models/device-probe.ts'),
        loadClientConfig(),
      ]);
      const capabilities = await probeDevice().catch(() => ({ webgpu: null }));
      return loadTranscriber({
        languageTag: options.languageTag,
        capabilities,
        mirrorBase: config.modelMirrorUrl,
        onProgress: (progress) => onModelProgress?.(describeProgress(progress)),
      });
    })();
    // A failed load is tried again on the next answer (the mirror may have been filled meanwhile).
    transcriber.catch(() => {
      transcriber = null;
    });
    return transcriber;
  };

  const release = async () => {
    clearInterval(partialTimer);
    recorder?.discard();
    recorder = null;
    const current = listening;
    listening = null;
    await current?.stop().catch(() => undefined);
  };

  async function transcribeAll(samples: Float32Array, model: Transcriber): Promise<SpokenAnswer> {
    const recordingSeconds = samples.length / SAMPLE_RATE;
    const result = await model.transcribe(samples, { partial: false });
    return { words: result.words, text: transcriptText(result.words, options.languageTag), language: options.languageTag, recordingSeconds, modelId: result.modelId };
  }

  /** Ends the recording; null when there was none or it failed (the note says why). */
  const stopRecording = (): Promise<AnswerRecording | null> => {
    const active = recorder;
    recorder = null;
    if (!active) return Promise.resolve(null);
    return active.stop().then(
      (recording) => ((recordingNote = { status: 'kept' }), recording),
      (error: unknown) => ((recordingNote = { status: 'failed', message: recordingProblem(error) }), null),
    );
  };

  const controller: VoiceAnswerController = {
    async start() {
      if (listening || disposed) return;
      ending = null;
      unavailable = null;
      recordingNote = undefined;
      options.onChange({ status: 'starting' });
      // Asked now, so the answer is there when the microphone is.
      const keep = options.keepRecording?.().catch(() => false) ?? Promise.resolve(false);
      const model = loadModel();
      let state: Extract<VoiceAnswerState, { status: 'listening' }> = { status: 'listening', speaking: false, modelReady: false, modelProgress: null, partial: '' };
      const show = (update: Partial<typeof state>) => {
        state = { ...state, ...update };
        if (listening && !ending) options.onChange({ ...state, recording: recordingNote });
      };
      try {
        const { startListening } = await import('../../workers/speech/vad/listen.ts');
        listening = await startListening({ endOfAnswerSilenceMs: endSilenceMs });
      } catch (error) {
        options.onChange({ status: 'failed', message: messageOf(error) });
        return;
      }
      const current = listening;
      current.capture.track.enabled = !muted;
      // Started right after the capture, on its stream; the recorder places its start on the capture's clock.
      if ((await keep) && listening === current) {
        try {
          recorder = startAnswerRecorder(current.capture.stream, { clock: current.capture });
          recordingNote = { status: 'recording' };
          recorder.onError((error) => {
            recorder = null;
            recordingNote = { status: 'failed', message: recordingProblem(error) };
            show({});
          });
        } catch (error) {
          recordingNote = { status: 'failed', message: recordingProblem(error) };
        }
      }
      // Levels carry the capture's own clock: how much audio there is to read a window from.
      let capturedSeconds = 0;
      current.capture.onLevel((level) => {
        capturedSeconds = level.at;
        options.onLevel(level.rms);
      });
      current.capture.onEnded((error) => {
        void release().then(() => options.onChange({ status: 'failed', message: messageOf(error) }));
      });
      current.voice.onError((error) => {
        // A VoiceActivityError; its words add that the candidate can type instead.
        void release().then(() => options.onChange({ status: 'failed', message: messageOf(error) }));
      });
      current.voice.onAnswerEnded(() => void controller.finish());
      show({});
      onModelProgress = (words) => show({ modelProgress: words });

      // Partials: every PARTIAL_EVERY_SECONDS while speech is heard, the last window, never two at once.
      const merger = new PartialTranscriptMerger();
      let partialRunning = false;
      current.voice.onSpeakingChange((speaking) => show({ speaking }));
      clearInterval(partialTimer);
      partialTimer = setInterval(() => {
        if (partialRunning || !state.modelReady || !current.voice.speaking || listening !== current) return;
        partialRunning = true;
        void (async () => {
          try {
            const ready = await model;
            const fromSeconds = Math.max(0, capturedSeconds - PARTIAL_WINDOW_SECONDS);
            const { samples, startSample } = await current.voice.readAudio(Math.round(fromSeconds * SAMPLE_RATE));
            if (samples.length < SAMPLE_RATE) return;
            const partial = await ready.transcribe(samples, { partial: true, offsetSeconds: startSample / SAMPLE_RATE });
            const merged = merger.update(partial.words, partial.windowStartSeconds);
            show({ partial: transcriptText([...merged.stable, ...merged.tail], options.languageTag) });
          } catch {
            // A failed partial only delays the text; the final pass reads everything again.
          } finally {
            partialRunning = false;
          }
        })();
      }, PARTIAL_EVERY_SECONDS * 1000);
      model.then(
        () => show({ modelReady: true }),
        (error: TranscriptionUnavailableError) => {
          if (listening !== current) return;
          if (recorder) {
            // The candidate asked for their recording: it goes on until they finish, and is kept.
            unavailable = error;
            recordingNote = { status: 'recording-only' };
            show({ modelProgress: t('replay:voice.recordingOnly') });
            return;
          }
          void release().then(() => options.onChange({ status: 'unavailable', message: messageOf(error) }));
        },
      );
    },

    finish() {
      const current = listening;
      if (!current) return Promise.resolve();
      ending ??= (async () => {
        options.onChange({ status: 'transcribing', recording: recordingNote });
        clearInterval(partialTimer);
        // Stopped with the capture, so the recording ends where the transcript's audio does.
        const recorded = stopRecording();
        try {
          const { audio } = await current.stop();
          const recording = await recorded;
          if (unavailable) throw unavailable;
          const model = await loadModel();
          const answer = await transcribeAll(audio, model);
          if (listening === current) {
            if (recording) options.onRecording?.(recording);
            options.onAnswer(answer);
          }
          options.onChange({ status: 'off', recording: recordingNote });
        } catch (error) {
          const recording = await recorded;
          if (recording && listening === current) options.onRecording?.(recording);
          options.onChange({ status: 'unavailable', message: messageOf(error), recording: recordingNote });
        } finally {
          if (listening === current) listening = null;
        }
      })();
      return ending;
    },

    async cancel() {
      ending = Promise.resolve();
      await release();
      options.onChange({ status: 'off' });
    },

    setMuted(value) {
      muted = value;
      if (listening) listening.capture.track.enabled = !value;
    },

    setEndOfAnswerSilence(ms) {
      endSilenceMs = ms;
      listening?.voice.setOptions({ endOfAnswerSilenceMs: ms });
    },

    dispose() {
      disposed = true;
      void release();
      void transcriber?.then((model) => model.dispose()).catch(() => undefined);
      transcriber = null;
    },
  };
  return controller;
}

/** Why no recording is kept, in the interface language. */
function recordingProblem(error: unknown): string {
  const { name, reason, detail } = (error ?? {}) as { name?: unknown; reason?: unknown; detail?: unknown };
  if (name === 'RecordingUnsupportedError') return t('replay:recorder.unsupported');
  if (name === 'RecordingFailedError' && reason === 'empty') return t('replay:recorder.empty');
  if (name === 'RecordingFailedError') return t('replay:recorder.failed', { detail: typeof detail === 'string' ? detail : t('replay:recorder.unknown') });
  return t('replay:recorder.failed', { detail: messageOf(error) });
}

/** "Downloading the speech model: 12 of 40 MB" from transformers.js's progress. */
function describeProgress(progress: WhisperLoadProgress): string {
  if (progress.kind === 'starting') return t('interview:voice.modelStarting', { device: t(progress.device === 'webgpu' ? 'interview:voice.gpu' : 'interview:voice.cpu') });
  const mb = (bytes: number) => Math.max(0, Math.round(bytes / 1e6));
  const file = progress.kind === 'file' ? t('interview:voice.modelFile', { file: progress.file }) : '';
  return t('interview:voice.modelDownloading', { loaded: mb(progress.loadedBytes), total: mb(progress.totalBytes), file });
}
