// AI settings: which engine to prefer, the on-device model (what this device can run and why, the
// download with its size and the free space shown first, progress, cancel and resume), and the
// models already cached, each with a delete button.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { DeviceCapabilities } from '../../models/device-capabilities.ts';
import type { TierRecommendation } from '../../models/choose-llm-tier.ts';
import { getAiPreference, getLocalModelChoice, setAiPreference, setLocalModelChoice, type AiPreference, type LocalModelChoice } from '../data/ai-settings.ts';
import { chooseEngine, type EngineChoice } from '../engine/engine-facade.ts';
import { loadCatalogueModels, type CatalogueModel } from '../engine/local-model-records.ts';
import { formatBytes } from '../ui/format.ts';
import { messageOf, usePageTitle } from '../ui/page.ts';

const PREFERENCES: { value: AiPreference; label: string; detail: string }[] = [
  { value: 'auto', label: 'Automatic', detail: 'The on-device model when it is downloaded and the GPU works, else the cloud AI if your organisation offers it, else basic scoring.' },
  { value: 'local', label: 'On-device model first', detail: 'Nothing you write leaves this device while the model works.' },
  { value: 'cloud', label: 'Cloud AI first', detail: "Faster on weak devices. Your typed answers go to your organisation's AI provider." },
  { value: 'basic', label: 'Basic scoring only', detail: 'No model, nothing sent anywhere: a curated question bank and transparent rules.' },
];

interface Progress {
  loadedBytes: number;
  totalBytes: number;
  bytesPerSecond: number;
  secondsLeft: number | null;
}

type DownloadState =
  | { phase: 'idle' }
  | { phase: 'sizing'; model: CatalogueModel }
  | { phase: 'confirm'; model: CatalogueModel; totalBytes: number; freeBytes: number | null }
  | { phase: 'downloading'; model: CatalogueModel; progress: Progress }
  | { phase: 'failed'; model: CatalogueModel; message: string };

export default function AiSettingsPage() {
  usePageTitle('AI settings');
  const [preference, setPreference] = createSignal<AiPreference>('auto');
  const [engine, setEngine] = createSignal<EngineChoice | null>(null);
  const [capabilities, setCapabilities] = createSignal<DeviceCapabilities | null>(null);
  const [recommendation, setRecommendation] = createSignal<TierRecommendation | null>(null);
  const [models, setModels] = createSignal<CatalogueModel[]>([]);
  const [selected, setSelected] = createSignal<string | null>(null);
  const [choice, setChoice] = createSignal<LocalModelChoice | null>(null);
  const [cached, setCached] = createSignal<{ model: CatalogueModel; bytes: number }[]>([]);
  const [download, setDownload] = createSignal<DownloadState>({ phase: 'idle' });
  const [error, setError] = createSignal<string | null>(null);
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  const refreshEngine = () => chooseEngine().then(setEngine, () => setEngine(null));

  async function refreshCached(all = models()) {
    const { listCachedModels } = await import('../../models/download/model-cache.ts');
    const listed = await listCachedModels(all.map((model) => model.record));
    setCached(
      listed.filter((entry) => entry.cached).flatMap((entry) => {
        const model = all.find((candidate) => candidate.record.model_id === entry.record.model_id);
        return model ? [{ model, bytes: entry.bytes }] : [];
      }),
    );
  }

  onMount(async () => {
    try {
      setPreference(await getAiPreference());
      setChoice(await getLocalModelChoice());
      void refreshEngine();
      const [{ probeDevice }, { chooseLlmTier }, { buildLlmCatalogue }, catalogue] = await Promise.all([
        import('../../models/device-probe.ts'),
        import('../../models/choose-llm-tier.ts'),
        import('../../models/llm-catalogue.ts'),
        loadCatalogueModels(),
      ]);
      const probed = await probeDevice();
      setCapabilities(probed);
      const recommended = chooseLlmTier(probed, buildLlmCatalogue());
      setRecommendation(recommended);
      const quantisation = recommended.quantisation;
      const offered = catalogue.filter((model) => model.variant.quantisation === quantisation);
      setModels(offered);
      setSelected(recommended.variant?.modelId ?? null);
      await refreshCached(offered);
    } catch (cause) {
      setError(messageOf(cause));
    }
  });

  async function changePreference(value: AiPreference) {
    setPreference(value);
    await setAiPreference(value).catch((cause: unknown) => setError(messageOf(cause)));
    void refreshEngine();
  }

  async function prepareDownload() {
    const model = models().find((candidate) => candidate.variant.modelId === selected());
    if (!model) return;
    setError(null);
    setDownload({ phase: 'sizing', model });
    try {
      const { resolveModelFiles } = await import('../../models/download/model-files.ts');
      const files = await resolveModelFiles(model.record);
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      const freeBytes = estimate?.quota !== undefined ? estimate.quota - (estimate.usage ?? 0) : null;
      setDownload({ phase: 'confirm', model, totalBytes: files.totalBytes, freeBytes });
    } catch (cause) {
      setDownload({ phase: 'failed', model, message: messageOf(cause) });
    }
  }

  async function startDownload(model: CatalogueModel) {
    controller?.abort();
    controller = new AbortController();
    setDownload({ phase: 'downloading', model, progress: { loadedBytes: 0, totalBytes: 0, bytesPerSecond: 0, secondsLeft: null } });
    try {
      const { downloadModel } = await import('../../models/download/download-model.ts');
      await downloadModel(model.record, {
        signal: controller.signal,
        onProgress: (progress) => setDownload({ phase: 'downloading', model, progress }),
      });
      const chosen = { tierId: model.tier.id, modelId: model.variant.modelId };
      await setLocalModelChoice(chosen);
      setChoice(chosen);
      setDownload({ phase: 'idle' });
      // The model runtime's code, too, so the model works offline right away.
      void import('../../workers/llm/local/local-chat-backend.ts').then((module) => module.warmLocalEngineCode()).catch(() => undefined);
      await refreshCached();
      void refreshEngine();
    } catch (cause) {
      if (controller.signal.aborted) setDownload({ phase: 'idle' });
      else setDownload({ phase: 'failed', model, message: `${messageOf(cause)} Until then, ${engineFallbackText()}` });
    }
  }

  async function remove(model: CatalogueModel) {
    setError(null);
    try {
      const { deleteCachedModel } = await import('../../models/download/model-cache.ts');
      await deleteCachedModel(model.record);
      if (choice()?.modelId === model.variant.modelId) {
        await setLocalModelChoice(null);
        setChoice(null);
      }
      await refreshCached();
      void refreshEngine();
    } catch (cause) {
      setError(messageOf(cause));
    }
  }

  const engineFallbackText = () => (engine()?.kind === 'cloud' ? 'the cloud AI is used.' : 'basic scoring is used.');
  const gpu = () => capabilities()?.webgpu;

  return (
    <div class="stack">
      <div class="page-header">
        <h1>AI settings</h1>
        <p class="muted">Choose which AI writes your questions and scores your answers.</p>
      </div>

      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>

      <section class="card stack" aria-labelledby="engine-title">
        <h2 id="engine-title">Which AI to use</h2>
        <p class="engine-note" data-testid="engine-now" data-engine={engine()?.kind ?? 'pending'}>
          <span class="tag tag-accent">{engine()?.label ?? 'checking…'}</span>
          <span>{engine()?.reason ?? 'Checking which AI this device can use.'}</span>
        </p>
        <fieldset class="stack-tight">
          <legend class="visually-hidden">Preferred engine</legend>
          <For each={PREFERENCES}>
            {(option) => (
              <label class="choice">
                <input type="radio" name="preference" value={option.value} checked={preference() === option.value} onChange={() => void changePreference(option.value)} />
                <span>
                  <strong>{option.label}</strong>
                  <span class="muted small"> — {option.detail}</span>
                </span>
              </label>
            )}
          </For>
        </fieldset>
      </section>

      <section class="card stack" aria-labelledby="device-title">
        <h2 id="device-title">On-device model</h2>
        <Show when={capabilities()} fallback={<p class="loading" role="status"><span class="spinner" aria-hidden="true" /> Checking this device…</p>}>
          <dl class="facts" data-testid="device-facts">
            <dt>GPU</dt>
            <dd>{gpu() ? gpu()!.adapterDescription || 'WebGPU adapter' : capabilities()!.webgpuUnavailableReason}</dd>
            <Show when={gpu()}>
              <dt>16-bit shaders</dt>
              <dd>{gpu()!.features.includes('shader-f16') ? 'yes' : 'no'}</dd>
            </Show>
            <dt>Memory</dt>
            <dd>{capabilities()!.deviceMemoryGb ? `about ${capabilities()!.deviceMemoryGb} GB` : 'not reported by the browser'}</dd>
            <dt>Free storage</dt>
            <dd>{capabilities()!.storage ? formatBytes(capabilities()!.storage!.quotaBytes - capabilities()!.storage!.usageBytes) : 'unknown'}</dd>
          </dl>
          <p data-testid="tier-reason">{recommendation()?.reason}</p>
        </Show>

        <Show when={models().length > 0 && gpu()}>
          <fieldset class="stack-tight">
            <legend>Model</legend>
            <For each={models()}>
              {(model) => (
                <label class="choice">
                  <input type="radio" name="model" value={model.variant.modelId} checked={selected() === model.variant.modelId} onChange={() => setSelected(model.variant.modelId)} />
                  <span>
                    <strong>{model.tier.label}</strong>
                    {model.variant.modelId === recommendation()?.variant?.modelId ? <span class="tag tag-accent"> recommended</span> : null}
                    <span class="muted small">
                      {' '}
                      — {model.tier.blurb} Needs about {Math.round(model.variant.vramRequiredMB)} MB of GPU memory.
                    </span>
                  </span>
                </label>
              )}
            </For>
            <label class="choice">
              <input type="radio" name="model" value="" checked={selected() === null} onChange={() => setSelected(null)} />
              <span>
                <strong>None</strong> <span class="muted small">— don't download a model</span>
              </span>
            </label>
          </fieldset>

          <DownloadPanel
            state={download()}
            onPrepare={prepareDownload}
            onStart={startDownload}
            onCancel={() => controller?.abort()}
            onDismiss={() => setDownload({ phase: 'idle' })}
            canPrepare={selected() !== null}
          />
        </Show>
      </section>

      <section class="card stack" aria-labelledby="cached-title">
        <h2 id="cached-title">Downloaded models</h2>
        <Show when={cached().length > 0} fallback={<p class="muted">No model is stored on this device.</p>}>
          <ul class="plain-list" data-testid="cached-models">
            <For each={cached()}>
              {(entry) => (
                <li class="row spread">
                  <span>
                    {entry.model.tier.label} · {formatBytes(entry.bytes)}
                    {choice()?.modelId === entry.model.variant.modelId ? ' · in use' : ''}
                  </span>
                  <button type="button" class="button button-small button-danger-quiet" onClick={() => void remove(entry.model)}>
                    Delete
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
}

interface DownloadPanelProps {
  state: DownloadState;
  canPrepare: boolean;
  onPrepare: () => void;
  onStart: (model: CatalogueModel) => void;
  /** Stops a running download; what arrived stays staged for the next try. */
  onCancel: () => void;
  /** Declines the download offer before it starts. */
  onDismiss: () => void;
}

function DownloadPanel(props: DownloadPanelProps) {
  return (
    <div class="stack-tight" data-testid="download-panel" data-phase={props.state.phase}>
      <Show when={props.state.phase === 'idle' || props.state.phase === 'failed'}>
        <div class="row">
          <button type="button" class="button button-primary" disabled={!props.canPrepare} onClick={() => props.onPrepare()}>
            Download model…
          </button>
        </div>
      </Show>
      <Show when={props.state.phase === 'sizing'}>
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" /> Checking the download size…
        </p>
      </Show>
      <Show when={props.state.phase === 'confirm' ? props.state : null}>
        {(state) => (
          <div class="confirm-box stack-tight" role="group" aria-labelledby="download-confirm">
            <p id="download-confirm">
              {state().model.tier.label} is a {formatBytes(state().totalBytes)} download. This device has{' '}
              {state().freeBytes === null ? 'an unknown amount of' : formatBytes(state().freeBytes!)} free storage.
              {state().freeBytes !== null && state().freeBytes! < state().totalBytes ? ' That is not enough: free some space or pick a smaller model.' : ''}
            </p>
            <div class="row">
              <button type="button" class="button button-primary" onClick={() => props.onStart(state().model)} disabled={state().freeBytes !== null && state().freeBytes! < state().totalBytes}>
                Download {formatBytes(state().totalBytes)}
              </button>
              <button type="button" class="button" onClick={() => props.onDismiss()}>
                Not now
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={props.state.phase === 'downloading' ? props.state : null}>
        {(state) => (
          <div class="stack-tight">
            <div
              class="progress-track"
              role="progressbar"
              aria-label="Model download"
              aria-valuemin="0"
              aria-valuemax={state().progress.totalBytes || 1}
              aria-valuenow={state().progress.loadedBytes}
            >
              <div class="progress-fill" style={{ width: `${state().progress.totalBytes ? Math.round((state().progress.loadedBytes / state().progress.totalBytes) * 100) : 0}%` }} />
            </div>
            <p class="small" data-testid="download-progress">
              {formatBytes(state().progress.loadedBytes)} of {formatBytes(state().progress.totalBytes)} · {formatBytes(state().progress.bytesPerSecond)}/s
              {state().progress.secondsLeft !== null ? ` · about ${Math.ceil(state().progress.secondsLeft!)} s left` : ''}
            </p>
            <div class="row">
              <button type="button" class="button" onClick={() => props.onCancel()}>
                Cancel download
              </button>
              <span class="muted small">If you leave or reload, the download continues from where it stopped next time.</span>
            </div>
          </div>
        )}
      </Show>
      <Show when={props.state.phase === 'failed' ? props.state : null}>
        {(state) => (
          <p class="error" role="alert" data-testid="download-error">
            {state().message}
          </p>
        )}
      </Show>
    </div>
  );
}
