// The local engine's failure paths in real Chromium, with web-llm's real worker on SwiftShader's
// WebGPU: a chosen model that is not in the cache, files missing from the mirror, and files that are
// there but are not a model. Each ends on the basic engine, and says so where the candidate sees it.
// What needs real weights (a model that loads and answers) is listed in ARCHITECTURE.md; none are here.
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { InterviewSpec } from '../../workers/llm/api.ts';
import { createBasicEngine } from '../../workers/llm/basic/index.ts';
import { ChatBackendError } from '../../workers/llm/chat-backend.ts';
import { createChatEngine } from '../../workers/llm/chat-engine.ts';
import { createLocalChatBackend, type LocalChatBackend } from '../../workers/llm/local/local-chat-backend.ts';
import { downloadModel } from '../../models/download/download-model.ts';
import { deleteCachedModel } from '../../models/download/model-cache.ts';
import { mirrorModelRecord } from '../../models/download/mirror-url.ts';
import { setAiPreference, setLocalModelChoice } from '../data/ai-settings.ts';
import { chooseEngine } from './engine-facade.ts';
import { loadCatalogueModels } from './local-model-records.ts';

const MIRROR = '/models';
const fake = inject('fakeMlcModel');
const spec: InterviewSpec = { role: 'Software Engineer', seniority: 'mid', type: 'behavioural', questionCount: 2, language: 'en', minutes: 10 };
const ANSWER = 'I led the migration of our billing service to Postgres, cut query latency by 40%, and wrote the rollback plan myself.';

let backends: LocalChatBackend[] = [];
afterEach(async () => {
  await Promise.all(backends.map((backend) => backend.unload()));
  backends = [];
  await setLocalModelChoice(null);
  await setAiPreference('auto');
});

function localBackendFor(record: ReturnType<typeof mirrorModelRecord>): LocalChatBackend {
  const backend = createLocalChatBackend({ record });
  backends.push(backend);
  return backend;
}

/** Scores one answer through a local engine whose basic fallback is real; returns the score and notices. */
async function scoreThrough(backend: LocalChatBackend) {
  const basic = createBasicEngine();
  const engine = createChatEngine({ backend, kind: 'local', label: 'on-device AI (test model)', fallback: basic });
  const question = (await basic.planQuestions(spec))[0]!;
  const notices: string[] = [];
  const score = await engine.scoreAnswer({ spec, question, answer: ANSWER }, { onFallback: (notice) => notices.push(notice) });
  return { score, notices };
}

describe('the local engine when its model cannot run', () => {
  it('is not offered when the chosen model is not downloaded: basic scoring is chosen, and the reason says what to do', async () => {
    const [model] = await loadCatalogueModels();
    await setLocalModelChoice({ tierId: model!.tier.id, modelId: model!.variant.modelId });
    await deleteCachedModel(model!.record);

    const choice = await chooseEngine();
    expect(choice.kind).toBe('basic');
    expect(choice.label).toBe('basic scoring');
    expect(choice.reason).toContain('is not fully downloaded on this device');
    expect(choice.reason).toContain('AI settings');
  });

  it("fails cleanly when the model's files are missing from the mirror, and basic scoring stands in visibly", async () => {
    const missing = mirrorModelRecord(
      {
        model_id: 'Missing-Model-q4f32_1-MLC',
        model: 'https://huggingface.co/mlc-ai/Missing-Model-q4f32_1-MLC',
        model_lib: fake.modelLibUrl.replace(/[^/]+\.wasm$/, 'Missing-Model-q4f32_1-webgpu.wasm'),
      },
      MIRROR,
    );
    const backend = localBackendFor(missing);
    const loadError = await backend.load().then(
      () => null,
      (error: unknown) => error,
    );
    expect(loadError).toBeInstanceOf(ChatBackendError);
    expect((loadError as ChatBackendError).code).toBe('unavailable');
    expect((loadError as ChatBackendError).message).toMatch(/^The on-device model's files are missing on this device and could not be fetched \(.+\)\. Download the model again in AI settings\.$/);

    const { score, notices } = await scoreThrough(localBackendFor(missing));
    expect(score.engine).toBe('basic');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^The on-device AI \(test model\) answer could not be used \(The on-device model's files are missing .+\), so basic scoring stood in\.$/);
    // The notice travels with the score, so the report shows it next to that answer.
    expect(score.flags).toContain(notices[0]);
    expect(score.overall).toBeGreaterThan(0);
  });

  it('fails cleanly when the downloaded files are not a working model (a corrupt library), and basic scoring stands in visibly', async () => {
    // The generated model has the right files with the right sizes and digests, but its .wasm is random
    // bytes: web-llm reads everything from the cache, then cannot compile the model library.
    const record = mirrorModelRecord({ model_id: fake.modelId, model: fake.modelUrl, model_lib: fake.modelLibUrl }, MIRROR);
    await downloadModel(record, { onProgress: () => undefined });
    try {
      const { score, notices } = await scoreThrough(localBackendFor(record));
    expect(score.engine).toBe('basic');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/could not be used \(The on-device model's files are damaged .+\), so basic scoring stood in\.$/);
      expect(score.flags).toContain(notices[0]);
    } finally {
      await deleteCachedModel(record);
    }
  });
});
