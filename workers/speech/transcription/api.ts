// The Whisper worker's contract: what the page sends (the model choice, where files come from, 16 kHz
// audio) and what comes back (load progress, streamed text, words with timestamps). Expected
// failures come back as values ({ ok: false, failure }), not throws: Comlink keeps only an error's
// name and message, and the page needs the reason too.
// Owns: the types shared by whisper.worker.ts and transcriber.ts. Must not import: transformers.js,
// DOM-only APIs.
import type { TranscriptWord } from './merge-transcripts.ts';
import type { OrtWasmPaths, TransformersSettings } from './mirror.ts';
import type { TranscriptionFailure } from './transcription-errors.ts';
import type { WhisperDtypes, WhisperModelChoice } from './whisper-catalogue.ts';

export interface WhisperLoadRequest {
  choice: WhisperModelChoice;
  /** Tried when `choice` (WebGPU) fails in a way WASM may not (transcription-errors.ts worthWasmRetry). */
  fallback: WhisperModelChoice | null;
  /** The organisation's mirror root, or null for Hugging Face. */
  mirrorBase: string | null;
  wasmPaths: OrtWasmPaths;
  /** The page's URL: relative mirror and wasm URLs are the page's, not the worker script's. */
  pageUrl: string;
}

/** Download progress while the model loads: per file, and over all its files. */
export type WhisperLoadProgress =
  | { kind: 'file'; modelId: string; file: string; loadedBytes: number; totalBytes: number }
  | { kind: 'total'; modelId: string; loadedBytes: number; totalBytes: number }
  /** The files are in; ONNX Runtime is building the sessions (seconds, without byte progress). */
  | { kind: 'starting'; modelId: string; device: 'webgpu' | 'wasm' };

export interface WhisperReady {
  modelId: string;
  device: 'webgpu' | 'wasm';
  dtype: WhisperDtypes;
  /** Whisper's language code, null for an English-only model. */
  language: string | null;
  /** Why this model and device, in words (including a fall back from WebGPU). */
  reason: string;
  loadMs: number;
}

export interface WhisperTranscribeRequest {
  /** Mono, 16 kHz. */
  audio: Float32Array;
  /** Where `audio` starts on the answer's timeline (a partial sends only the last window). */
  offsetSeconds: number;
  /** A partial reads `audio` as one window (at most 30 s); a final one cuts it into windows. */
  partial: boolean;
  windowSeconds?: number;
  overlapSeconds?: number;
}

/** Text as Whisper writes it, while a window is being transcribed. */
export interface WhisperStreamedText {
  windowIndex: number;
  windowCount: number;
  /** The window's start on the answer's timeline. */
  windowStartSeconds: number;
  /** This window's text so far. */
  text: string;
}

export interface WhisperTranscription {
  words: TranscriptWord[];
  partial: boolean;
  /** Start of the (last) window read, on the answer's timeline: what a partial merge needs. */
  windowStartSeconds: number;
  windowCount: number;
  audioSeconds: number;
  processingMs: number;
  modelId: string;
  device: 'webgpu' | 'wasm';
}

export type WorkerResult<T> = { ok: true; value: T } | { ok: false; failure: TranscriptionFailure };

/** What the worker knows about where it fetched from, for support screens and tests. */
export interface WhisperDiagnostics {
  /** transformers.js's settings as configured, or null before the first load. */
  settings: TransformersSettings | null;
  /** Every URL transformers.js fetched through its guarded fetch, in order. */
  requestedUrls: string[];
  /** Every resource the worker's scope loaded (fetches, imports), from the Performance API. */
  resourceUrls: string[];
}

/** The worker's API, exposed through Comlink. Callbacks are Comlink proxies. */
export interface WhisperWorkerApi {
  load(request: WhisperLoadRequest, onProgress?: (progress: WhisperLoadProgress) => void): Promise<WorkerResult<WhisperReady>>;
  transcribe(request: WhisperTranscribeRequest, onText?: (text: WhisperStreamedText) => void): Promise<WorkerResult<WhisperTranscription>>;
  diagnostics(): Promise<WhisperDiagnostics>;
  dispose(): Promise<void>;
}
