// Fake camera and microphone files for Chromium's --use-file-for-fake-{video,audio}-capture, made on
// this machine (ffmpeg, espeak-ng), never committed:
// - face.y4m: 30 fps, 640x480, from ../shared/fixtures/face-einstein-1927.jpg, with a slow zoom and pan
//   so the head appears to move;
// - speech.wav: spoken sentences (espeak-ng) separated by silences of known length, 48 kHz mono, with
//   where speech really is in it, measured from the samples (`speechSegments`), for VAD tests.
// Files are cached under node_modules/.cache by a hash of their recipe, so a run makes them once.
// Owns: the fixtures and their known timing. Must not import: app code.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SHARED_FIXTURES = resolve(REPO_ROOT, '../shared/fixtures');
const CACHE_DIR = join(REPO_ROOT, 'node_modules/.cache/interview-buddy-media');

/** One stretch of the WAV: a sentence, or silence of a known length. */
export type SpeechScriptPart = { say: string } | { silenceSeconds: number };

/** Leading silence, then sentences and pauses: three answers' worth of speech with gaps of 0.8–2.5 s. */
export const SPEECH_SCRIPT: readonly SpeechScriptPart[] = [
  { silenceSeconds: 1.0 },
  { say: 'I led the migration of our billing service to a new database.' },
  { silenceSeconds: 2.5 },
  { say: 'We cut the latency by forty percent.' },
  { silenceSeconds: 0.8 },
  { say: 'Then I wrote the rollback plan myself.' },
  { silenceSeconds: 3.0 },
];

export const SPEECH_SAMPLE_RATE = 48_000;

export interface SpeechFixture {
  path: string;
  sampleRate: number;
  durationSeconds: number;
  /** Where the samples are louder than silence, in seconds from the start of the file. */
  speechSegments: { start: number; end: number }[];
}

export interface MediaFixtures {
  faceY4m: string;
  speech: SpeechFixture;
}

function hasTool(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function mediaToolsMissing(): string[] {
  return ['ffmpeg', 'espeak-ng'].filter((tool) => !hasTool(tool));
}

function cached(name: string, recipe: unknown, make: (path: string) => void): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const hash = createHash('sha256').update(JSON.stringify(recipe)).digest('hex').slice(0, 12);
  const path = join(CACHE_DIR, `${hash}-${name}`);
  if (!existsSync(path)) {
    // Made beside its final name and renamed, so an interrupted run never leaves half a file.
    const partial = `${path}.partial`;
    rmSync(partial, { force: true });
    make(partial);
    renameSync(partial, path);
  }
  return path;
}

export function faceY4m(image = join(SHARED_FIXTURES, 'face-einstein-1927.jpg'), seconds = 4): string {
  const filters = [
    "zoompan=z='1.08+0.08*sin(2*PI*on/75)':x='iw/2-(iw/zoom/2)+12*sin(2*PI*on/45)':y='ih/2-(ih/zoom/2)':d=1:s=372x408:fps=30",
    'scale=640:480:force_original_aspect_ratio=decrease',
    'pad=640:480:(ow-iw)/2:(oh-ih)/2',
    'format=yuv420p',
  ].join(',');
  return cached('face.y4m', { image, seconds, filters, version: 1 }, (path) => {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-loop', '1', '-i', image, '-t', String(seconds), '-r', '30', '-vf', filters, '-f', 'yuv4mpegpipe', path]);
  });
}

/** 16-bit PCM mono WAV → samples in [-1, 1]. Only what ffmpeg writes here is read. */
function readPcm16Wav(path: string): { sampleRate: number; samples: Float32Array } {
  const bytes = readFileSync(path);
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') sampleRate = bytes.readUInt32LE(offset + 12);
    if (id === 'data') {
      const count = Math.floor(Math.min(size, bytes.length - offset - 8) / 2);
      const samples = new Float32Array(count);
      for (let i = 0; i < count; i++) samples[i] = bytes.readInt16LE(offset + 8 + i * 2) / 32768;
      return { sampleRate, samples };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${path}: no data chunk`);
}

/** Stretches louder than -40 dBFS in 10 ms windows, with gaps under 300 ms (between words) closed. */
export function measureSpeechSegments(samples: Float32Array, sampleRate: number): { start: number; end: number }[] {
  const window = Math.round(sampleRate * 0.01);
  const threshold = 0.01;
  const loud: boolean[] = [];
  for (let start = 0; start < samples.length; start += window) {
    let sum = 0;
    const end = Math.min(samples.length, start + window);
    for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!;
    loud.push(Math.sqrt(sum / (end - start)) > threshold);
  }
  const segments: { start: number; end: number }[] = [];
  loud.forEach((isLoud, index) => {
    if (!isLoud) return;
    const at = index * 0.01;
    const last = segments[segments.length - 1];
    if (last && at - last.end < 0.3) last.end = at + 0.01;
    else segments.push({ start: at, end: at + 0.01 });
  });
  return segments.map((segment) => ({ start: round(segment.start), end: round(segment.end) }));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function speechWav(script: readonly SpeechScriptPart[] = SPEECH_SCRIPT): SpeechFixture {
  const path = cached('speech.wav', { script, rate: SPEECH_SAMPLE_RATE, version: 1 }, (target) => {
    const work = `${target}.parts`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    try {
      const parts = script.map((part, index) => {
        const file = join(work, `${index}.wav`);
        if ('say' in part) {
          const raw = join(work, `${index}-raw.wav`);
          execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', raw, part.say]);
          execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', raw, '-ar', String(SPEECH_SAMPLE_RATE), '-ac', '1', '-c:a', 'pcm_s16le', file]);
        } else {
          execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `anullsrc=r=${SPEECH_SAMPLE_RATE}:cl=mono`, '-t', String(part.silenceSeconds), '-c:a', 'pcm_s16le', file]);
        }
        return file;
      });
      const list = join(work, 'list.txt');
      writeFileSync(list, parts.map((file) => `file '${file}'`).join('\n'));
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c:a', 'pcm_s16le', '-f', 'wav', target]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
  const { sampleRate, samples } = readPcm16Wav(path);
  return { path, sampleRate, durationSeconds: round(samples.length / sampleRate), speechSegments: measureSpeechSegments(samples, sampleRate) };
}

export function mediaFixtures(): MediaFixtures {
  return { faceY4m: faceY4m(), speech: speechWav() };
}
