// What the interview screen calls to listen to an answer: the microphone (capture/) feeding Silero
// VAD in the speech worker, started in the order that keeps timing honest (the model loads before
// the microphone opens, so frames never queue behind a slow load), and stopped in one call.
// Owns: wiring a capture to voice activity. Must not import: the UI.
import { startMicrophoneCapture, type MicrophoneCapture, type MicrophoneCaptureOptions } from '../capture/microphone-capture.ts';
import { startVoiceActivity, type VoiceActivity, type VoiceActivityOptions, type VoiceActivityResult } from './voice-activity.ts';

export interface ListenOptions extends VoiceActivityOptions {
  microphone?: MicrophoneCaptureOptions;
}

export interface ListeningResult extends VoiceActivityResult {
  audio: Float32Array;
}

export interface Listening {
  /** Level meter (`capture.onLevel`), the track, the microphone's `onEnded`. */
  readonly capture: MicrophoneCapture;
  /** Segments, speaking, answer-ended, newAnswer(), setOptions(). */
  readonly voice: VoiceActivity;
  /**
   * Releases the microphone, then returns every segment of this capture (one under way is closed)
   * and its audio (16 kHz mono), for the final transcription.
   */
  stop(): Promise<ListeningResult>;
}

/** Throws MicrophoneError (capture/microphone-errors.ts) or VoiceActivityError, with what to do in words. */
export async function startListening(options: ListenOptions = {}): Promise<Listening> {
  const { microphone, ...voiceOptions } = options;
  const voice = await startVoiceActivity(voiceOptions);
  let capture: MicrophoneCapture;
  try {
    capture = await startMicrophoneCapture(microphone);
  } catch (error) {
    voice.close();
    throw error;
  }
  voice.listenTo(capture.framePort);
  let stopping: Promise<ListeningResult> | null = null;
  return {
    capture,
    voice,
    stop() {
      stopping ??= (async () => {
        try {
          await capture.stop();
          const result = await voice.finish();
          const { samples } = await voice.readAudio(0);
          return { ...result, audio: samples };
        } finally {
          voice.close();
        }
      })();
      return stopping;
    },
  };
}
