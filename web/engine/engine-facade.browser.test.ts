// The setup screen names the engine from previewEngine() and builds it with chooseEngine() only on
// Start, so the two must agree, and the preview must not load the basic engine's question bank (the
// reason it exists: the bank is the heaviest thing the setup screen could load).
import { afterEach, describe, expect, it } from 'vitest';
import { setAiPreference, setLocalModelChoice } from '../data/ai-settings.ts';
import { chooseEngine, previewEngine } from './engine-facade.ts';
import { loadCatalogueModels } from './local-model-records.ts';

const summaryOf = ({ kind, label, reason }: { kind: string; label: string; reason: string }) => ({ kind, label, reason });
const basicEngineRequests = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/workers/llm/basic/'));

afterEach(async () => {
  await setLocalModelChoice(null);
  await setAiPreference('auto');
});

describe('previewEngine', () => {
  // First, while nothing in this page has asked for the basic engine yet.
  it('names the engine without loading the basic engine', async () => {
    const preview = await previewEngine();
    expect(preview.kind).toBe('basic');
    expect(preview.label).toBe('basic scoring');
    expect(basicEngineRequests()).toEqual([]);

    const choice = await chooseEngine();
    expect(basicEngineRequests().length).toBeGreaterThan(0);
    expect(choice.engine).toBeDefined();
    expect(summaryOf(choice)).toEqual(preview);
  });

  it('agrees with chooseEngine when the candidate picked basic scoring', async () => {
    await setAiPreference('basic');
    const preview = await previewEngine();
    expect(preview.kind).toBe('basic');
    expect(summaryOf(await chooseEngine())).toEqual(preview);
  });

  it('agrees with chooseEngine, reason included, when the chosen model is not downloaded', async () => {
    const [model] = await loadCatalogueModels();
    await setLocalModelChoice({ tierId: model!.tier.id, modelId: model!.variant.modelId });
    const preview = await previewEngine();
    expect(preview.kind).toBe('basic');
    expect(preview.reason).toContain('AI settings');
    expect(summaryOf(await chooseEngine())).toEqual(preview);
  });

  it('agrees with chooseEngine when the candidate asked for cloud AI without joining an organisation', async () => {
    await setAiPreference('cloud');
    const preview = await previewEngine();
    expect(preview.kind).toBe('basic');
    expect(summaryOf(await chooseEngine())).toEqual(preview);
  });
});
