// Smoke check of the test machine's fake devices: the chromium project's Chromium has a camera and a
// microphone that play files made by tests/helpers/media-fixtures.ts.
import { describe, expect, inject, it } from 'vitest';

describe('fake camera and microphone', () => {
  it('gives a 640x480 video track and an audio track that carries sound', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    try {
      const [video] = stream.getVideoTracks();
      expect(video?.getSettings()).toMatchObject({ width: 640, height: 480 });
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      let loudest = 0;
      const firstSpeech = inject('fakeMicrophone').speechSegments[0]!;
      const until = performance.now() + (firstSpeech.end + 1) * 1000;
      while (performance.now() < until && loudest < 0.05) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        analyser.getFloatTimeDomainData(samples);
        loudest = Math.max(loudest, ...samples.map(Math.abs));
      }
      await context.close();
      expect(loudest).toBeGreaterThan(0.05);
    } finally {
      stream.getTracks().forEach((track) => track.stop());
    }
  });
});
