// Checking, in the browser, that the camera and microphone an assigned interview requires can be
// opened (permission given, a device there, not held by another app), and watching a required
// microphone for as long as the interview runs, so that one unplugged mid-interview is noticed.
// The streams opened here are only opened and stopped (or listened to for their end): no frame or
// sample is read.
// Owns: the getUserMedia checks of required inputs. Must not import: Solid, Dexie, i18n.
import { problemOfMediaError, type MissingInput, type RequiredInput } from './required-inputs.ts';

const CONSTRAINTS: Record<RequiredInput, MediaStreamConstraints> = {
  camera: { video: true, audio: false },
  microphone: { audio: true, video: false },
};

/** Opens one required input; the caller must stop the stream. */
async function open(input: RequiredInput): Promise<MediaStream> {
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!media?.getUserMedia) throw new TypeError('This browser has no camera or microphone access here.');
  const stream = await media.getUserMedia(CONSTRAINTS[input]);
  if (!stream.getTracks().some((track) => track.readyState === 'live')) {
    stream.getTracks().forEach((track) => track.stop());
    throw new DOMException(`No ${input} is available.`, 'NotFoundError');
  }
  return stream;
}

/** Each required input that cannot be opened now, and why. One at a time, so each says its own problem. */
export async function checkRequiredInputs(inputs: readonly RequiredInput[]): Promise<MissingInput[]> {
  const missing: MissingInput[] = [];
  for (const input of inputs) {
    try {
      const stream = await open(input);
      stream.getTracks().forEach((track) => track.stop());
    } catch (error) {
      missing.push({ input, ...problemOfMediaError(error) });
    }
  }
  return missing;
}

export interface MicrophoneWatch {
  close(): void;
}

/**
 * Keeps the microphone open and calls `onEnded` when its track ends (unplugged, revoked, taken by
 * the system). Throws a MissingInput-shaped problem through `problemOfMediaError` if it cannot open.
 */
export async function watchMicrophone(onEnded: () => void): Promise<MicrophoneWatch> {
  const stream = await open('microphone');
  let closed = false;
  const ended = () => {
    if (!closed) onEnded();
  };
  for (const track of stream.getAudioTracks()) track.addEventListener('ended', ended, { once: true });
  return {
    close() {
      closed = true;
      stream.getTracks().forEach((track) => track.stop());
    },
  };
}

/** Calls `onEnded` when any video track of `stream` ends; returns the function that stops listening. */
export function watchVideoTracks(stream: MediaStream, onEnded: () => void): () => void {
  const tracks = stream.getVideoTracks();
  for (const track of tracks) track.addEventListener('ended', onEnded);
  return () => tracks.forEach((track) => track.removeEventListener('ended', onEnded));
}
