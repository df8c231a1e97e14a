// The page `npm run bench:vision` drives: the app's own vision session (workers/vision/) on the fake
// camera, with main-thread long tasks counted while it runs.
import { visionModelFiles } from '../../../workers/vision/model-files.ts';
import { startVisionSession } from '../../../workers/vision/vision-session.ts';

declare global {
  interface Window {
    runVisionBench: (options: { warmUpSeconds: number; seconds: number }) => Promise<unknown>;
  }
}

window.runVisionBench = async ({ warmUpSeconds, seconds }) => {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, frameRate: 30 } });
  const settings = stream.getVideoTracks()[0]?.getSettings();
  const session = await startVisionSession(stream, { files: visionModelFiles('/models') });
  await new Promise((resolve) => setTimeout(resolve, warmUpSeconds * 1000));
  const framesBefore = session.stats().frames;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(Math.round(entry.duration))));
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsed = (performance.now() - started) / 1000;
  observer.disconnect();
  const stats = session.stats();
  await session.stop();
  stream.getTracks().forEach((track) => track.stop());
  return {
    cameraFps: settings?.frameRate ?? null,
    delegate: session.ready.delegate,
    delegateReason: session.ready.reason,
    fps: (stats.frames - framesBefore) / elapsed,
    medianMs: stats.medianMs,
    p95Ms: stats.p95Ms,
    longTasks,
  };
};
