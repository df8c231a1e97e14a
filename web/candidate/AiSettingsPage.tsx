// AI settings: which engine to prefer, the on-device model (what this device can run and why, the
// download with its size and the free space shown first, progress, cancel and resume), and the
// models already cached, each with a delete button.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { TierRecommendation } from '../../models/choose-llm-tier.ts';
import type { DeviceCapabilities } from '../../models/device-capabilities.ts';
import { getAiPreference, getLocalModelChoice, setAiPreference, setLocalModelChoice, type AiPreference, type LocalModelChoice } from '../data/ai-settings.ts';
import { chooseEngine, describeDefaultEngine, type EngineChoice } from '../engine/engine-facade.ts';
import { loadCatalogueModels, type CatalogueModel } from '../engine/local-model-records.ts';
import { t } from '../i18n/i18n.ts';
import { tierReason, webgpuUnavailableText } from '../ui/device-words.ts';
import { formatBytes, modelTierBlurb, modelTierLabel } from '../ui/format.ts';
import { messageOf, usePageTitle } from '../ui/page.ts';

const PREFERENCES: readonly AiPreference[] = ['auto', 'local', 'cloud', 'basic'];

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
  usePageTitle(() => t('ai-settings:title'));
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
      else setDownload({ phase: 'failed', model, message: t('ai-settings:download.failed', { message: messageOf(cause), fallback: engineFallbackText() }) });
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

  const engineFallbackText = () => (engine()?.kind === 'cloud' ? t('ai-settings:download.fallbackCloud') : t('ai-settings:download.fallbackBasic'));
  const gpu = () => capabilities()?.webgpu;

  return (
    <div class="stack">
      <div class="page-header">
        <h1>{t('ai-settings:title')}</h1>
        <p class="muted">{t('ai-settings:intro')}</p>
      </div>

      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>

      <section class="card stack" aria-labelledby="engine-title">
        <h2 id="engine-title">{t('ai-settings:engine.title')}</h2>
        <p class="engine-note" data-testid="engine-now" data-engine={engine()?.kind ?? 'pending'}>
          <span class="tag tag-accent">{engine()?.label ?? describeDefaultEngine().label}</span>
          <span>{engine()?.reason ?? describeDefaultEngine().reason}</span>
        </p>
        <fieldset class="stack-tight">
          <legend class="visually-hidden">{t('ai-settings:engine.preferred')}</legend>
          <For each={PREFERENCES}>
            {(option) => (
              <label class="choice">
                <input type="radio" name="preference" value={option} checked={preference() === option} onChange={() => void changePreference(option)} />
                <span>
                  <strong>{t(`ai-settings:preferences.${option}.label`)}</strong>
                  <span class="muted small"> — {t(`ai-settings:preferences.${option}.detail`)}</span>
                </span>
              </label>
            )}
          </For>
        </fieldset>
      </section>

      <section class="card stack" aria-labelledby="device-title">
        <h2 id="device-title">{t('ai-settings:device.title')}</h2>
        <Show
          when={capabilities()}
          fallback={
            <p class="loading" role="status">
              <span class="spinner" aria-hidden="true" /> {t('ai-settings:device.checking')}
            </p>
          }
        >
          <dl class="facts" data-testid="device-facts">
            <dt>{t('ai-settings:device.gpu')}</dt>
            <dd>{gpu() ? gpu()!.adapterDescription || t('ai-settings:device.webgpuAdapter') : webgpuUnavailableText(capabilities()!)}</dd>
            <Show when={gpu()}>
              <dt>{t('ai-settings:device.f16')}</dt>
              <dd>{gpu()!.features.includes('shader-f16') ? t('ai-settings:device.yes') : t('ai-settings:device.no')}</dd>
            </Show>
            <dt>{t('ai-settings:device.memory')}</dt>
            <dd>{capabilities()!.deviceMemoryGb ? t('ai-settings:device.memoryAbout', { gb: capabilities()!.deviceMemoryGb }) : t('ai-settings:device.memoryUnknown')}</dd>
            <dt>{t('ai-settings:device.freeStorage')}</dt>
            <dd>{capabilities()!.storage ? formatBytes(capabilities()!.storage!.quotaBytes - capabilities()!.storage!.usageBytes) : t('ai-settings:device.unknown')}</dd>
          </dl>
          <p data-testid="tier-reason">{recommendation() ? tierReason(recommendation()!, capabilities()!) : ''}</p>
        </Show>

        <Show when={models().length > 0 && gpu()}>
          <fieldset class="stack-tight">
            <legend>{t('ai-settings:models.legend')}</legend>
            <For each={models()}>
              {(model) => (
                <label class="choice">
                  <input type="radio" name="model" value={model.variant.modelId} checked={selected() === model.variant.modelId} onChange={() => setSelected(model.variant.modelId)} />
                  <span>
                    <strong>{modelTierLabel(model.tier)}</strong>
                    {model.variant.modelId === recommendation()?.variant?.modelId ? <span class="tag tag-accent">{t('ai-settings:models.recommended')}</span> : null}
                    <span class="muted small">{t('ai-settings:models.detail', { blurb: modelTierBlurb(model.tier), mb: Math.round(model.variant.vramRequiredMB) })}</span>
                  </span>
                </label>
              )}
            </For>
            <label class="choice">
              <input type="radio" name="model" value="" checked={selected() === null} onChange={() => setSelected(null)} />
              <span>
                <strong>{t('ai-settings:models.none')}</strong> <span class="muted small">{t('ai-settings:models.noneDetail')}</span>
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
        <h2 id="cached-title">{t('ai-settings:cached.title')}</h2>
        <Show when={cached().length > 0} fallback={<p class="muted">{t('ai-settings:cached.empty')}</p>}>
          <ul class="plain-list" data-testid="cached-models">
            <For each={cached()}>
              {(entry) => (
                <li class="row spread">
                  <span>
                    {modelTierLabel(entry.model.tier)} · {formatBytes(entry.bytes)}
                    {choice()?.modelId === entry.model.variant.modelId ? t('ai-settings:cached.inUse') : ''}
                  </span>
                  <button type="button" class="button button-small button-danger-quiet" onClick={() => void remove(entry.model)}>
                    {t('ai-settings:cached.delete')}
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
            {t('ai-settings:download.start')}
          </button>
        </div>
      </Show>
      <Show when={props.state.phase === 'sizing'}>
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" /> {t('ai-settings:download.sizing')}
        </p>
      </Show>
      <Show when={props.state.phase === 'confirm' ? props.state : null}>
        {(state) => (
          <div class="confirm-box stack-tight" role="group" aria-labelledby="download-confirm">
            <p id="download-confirm">
              {state().freeBytes === null
                ? t('ai-settings:download.confirmUnknownFree', { model: modelTierLabel(state().model.tier), size: formatBytes(state().totalBytes) })
                : t('ai-settings:download.confirm', { model: modelTierLabel(state().model.tier), size: formatBytes(state().totalBytes), free: formatBytes(state().freeBytes!) })}
              {state().freeBytes !== null && state().freeBytes! < state().totalBytes ? t('ai-settings:download.notEnough') : ''}
            </p>
            <div class="row">
              <button type="button" class="button button-primary" onClick={() => props.onStart(state().model)} disabled={state().freeBytes !== null && state().freeBytes! < state().totalBytes}>
                {t('ai-settings:download.confirmButton', { size: formatBytes(state().totalBytes) })}
              </button>
              <button type="button" class="button" onClick={() => props.onDismiss()}>
                {t('ai-settings:download.notNow')}
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
              aria-label={t('ai-settings:download.progressLabel')}
              aria-valuemin="0"
              aria-valuemax={state().progress.totalBytes || 1}
              aria-valuenow={state().progress.loadedBytes}
            >
              <div class="progress-fill" style={{ width: `${state().progress.totalBytes ? Math.round((state().progress.loadedBytes / state().progress.totalBytes) * 100) : 0}%` }} />
            </div>
            <p class="small" data-testid="download-progress">
              {t('ai-settings:download.progress', {
                loaded: formatBytes(state().progress.loadedBytes),
                total: formatBytes(state().progress.totalBytes),
                speed: formatBytes(state().progress.bytesPerSecond),
              })}
              {state().progress.secondsLeft !== null ? t('ai-settings:download.secondsLeft', { seconds: Math.ceil(state().progress.secondsLeft!) }) : ''}
            </p>
            <div class="row">
              <button type="button" class="button" onClick={() => props.onCancel()}>
                {t('ai-settings:download.cancel')}
              </button>
              <span class="muted small">{t('ai-settings:download.resumes')}</span>
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
