// The checks of a template's required inputs, in real Chromium with its fake camera and microphone
// (the chromium project answers permission prompts yes): both open and are released, and a required
// microphone is watched until closed.
import { describe, expect, it } from 'vitest';
import { checkRequiredInputs, watchMicrophone, watchVideoTracks } from './check-inputs.ts';

describe('checking the camera and microphone a template requires', () => {
  it('finds nothing missing when both can be opened', async () => {
    await expect(checkRequiredInputs(['camera', 'microphone'])).resolves.toEqual([]);
    await expect(checkRequiredInputs([])).resolves.toEqual([]);
  });

  it('says a camera that cannot satisfy the request is not found', async () => {
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    // The fake camera can do 640×480; asking exactly for more is what a missing camera looks like.
    navigator.mediaDevices.getUserMedia = (constraints) =>
      original(constraints?.video ? { video: { width: { exact: 9_999 } } } : constraints);
    try {
      await expect(checkRequiredInputs(['camera', 'microphone'])).resolves.toEqual([{ input: 'camera', problem: 'not-found' }]);
    } finally {
      navigator.mediaDevices.getUserMedia = original;
    }
  });

  it('keeps a required microphone open while watched, and tells when a camera track ends', async () => {
    let microphoneEnded = false;
    const watch = await watchMicrophone(() => (microphoneEnded = true));
    watch.close();
    expect(microphoneEnded).toBe(false);

    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    let ended = 0;
    const stop = watchVideoTracks(stream, () => ended++);
    // A track ended by the device (unplugged, revoked) fires 'ended'; stop() from the page does not.
    stream.getVideoTracks()[0]!.dispatchEvent(new Event('ended'));
    expect(ended).toBe(1);
    stop();
    stream.getVideoTracks()[0]!.dispatchEvent(new Event('ended'));
    expect(ended).toBe(1);
    stream.getTracks().forEach((track) => track.stop());
  });
});
