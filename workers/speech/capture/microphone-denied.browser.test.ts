// Microphone capture failing in real Chromium: getUserMedia stubbed to reject the way a browser does
// when the candidate refuses access or has no microphone, and a device that does not exist asked for
// for real. Each must become a MicrophoneError saying what to do, with no AudioContext left open.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MicrophoneError } from './microphone-errors.ts';
import { startMicrophoneCapture } from './microphone-capture.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Records every AudioContext created (they still work) and spies on close(). */
function watchAudioContexts() {
  const created: AudioContext[] = [];
  const RealAudioContext = AudioContext;
  vi.stubGlobal(
    'AudioContext',
    class extends RealAudioContext {
      constructor(options?: AudioContextOptions) {
        super(options);
        created.push(this);
      }
    },
  );
  const close = vi.spyOn(RealAudioContext.prototype, 'close');
  return {
    /** At least one context was made (before getUserMedia, as capture does), and every one was closed once. */
    async expectAllClosed(): Promise<void> {
      expect(created.length).toBeGreaterThan(0);
      expect(close).toHaveBeenCalledTimes(created.length);
      expect(new Set(close.mock.contexts)).toEqual(new Set(created));
      await Promise.all(close.mock.results.map((result) => result.value));
      for (const context of created) expect(context.state).toBe('closed');
    },
  };
}

async function captureError(start: Promise<unknown>): Promise<MicrophoneError> {
  const error = await start.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(MicrophoneError);
  return error as MicrophoneError;
}

describe('microphone capture refused', () => {
  it('NotAllowedError: rejects with problem "denied", telling the candidate to allow the microphone, and closes its AudioContext', async () => {
    const contexts = watchAudioContexts();
    const browserError = new DOMException('Permission denied', 'NotAllowedError');
    const getUserMedia = vi.spyOn(navigator.mediaDevices, 'getUserMedia').mockRejectedValue(browserError);

    const error = await captureError(startMicrophoneCapture());

    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(getUserMedia.mock.calls[0]![0]).toMatchObject({ audio: { echoCancellation: true }, video: false });
    expect(error.problem).toBe('denied');
    expect(error.message).toMatch(/allow the microphone for this site/i);
    expect(error.message).not.toContain('Permission denied');
    expect(error.cause).toBe(browserError);
    await contexts.expectAllClosed();
  });

  it('NotFoundError: rejects with problem "no-microphone", telling the candidate to plug one in, and closes its AudioContext', async () => {
    const contexts = watchAudioContexts();
    vi.spyOn(navigator.mediaDevices, 'getUserMedia').mockRejectedValue(new DOMException('Requested device not found', 'NotFoundError'));

    const error = await captureError(startMicrophoneCapture());

    expect(error.problem).toBe('no-microphone');
    expect(error.message).toMatch(/no microphone was found/i);
    expect(error.message).toMatch(/plug one in/i);
    await contexts.expectAllClosed();
  });

  it('a microphone that does not exist (real getUserMedia, exact deviceId): problem "no-microphone"', async () => {
    const contexts = watchAudioContexts();
    const getUserMedia = vi.spyOn(navigator.mediaDevices, 'getUserMedia');

    const error = await captureError(startMicrophoneCapture({ deviceId: 'no-such-microphone' }));

    const browserError: unknown = await getUserMedia.mock.results[0]!.value.catch((thrown: unknown) => thrown);
    console.info(
      `Chromium rejected an unknown deviceId with ${Object.prototype.toString.call(browserError)} ${(browserError as { name?: string }).name}` +
        ` (instanceof Error: ${browserError instanceof Error}, DOMException: ${browserError instanceof DOMException})`,
    );
    expect(error.problem).toBe('no-microphone');
    expect(error.cause).toBe(browserError);
    await contexts.expectAllClosed();
  });
});
