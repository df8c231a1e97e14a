// The interviewer's interview templates: list them with their settings, create one or edit a saved
// one (TemplateForm.tsx: questions, rubric weights, time limit, language, camera and voice
// requirements), and assign one to a device of the organisation or to all of them.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { InterviewTemplate } from '../../sync-server/protocol/interview-template.ts';
import { intlLocale, t } from '../i18n/i18n.ts';
import { usePageTitle } from '../ui/page.ts';
import { problemText } from './problem-text.ts';
import { dimensionLabel, TemplateForm } from './TemplateForm.tsx';
import { assignTemplate, listDevices, listTemplates } from './workspace-api.ts';
import './interviewer.css';
import './templates.css';

/** The template the form edits, or null for a new one; a fresh object mounts a fresh form. */
type FormState = { template: InterviewTemplate | null };

export default function TemplatesPage() {
  usePageTitle(() => t('workspace:templates.title'));
  const [templates, { refetch }] = createResource(listTemplates);
  const [devices] = createResource(listDevices);
  const [formState, setFormState] = createSignal<FormState>({ template: null });
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);

  async function saved(template: InterviewTemplate, created: boolean) {
    setStatus(created ? t('workspace:templates.created', { name: template.name }) : t('workspace:templates.saved', { name: template.name, version: template.version }));
    setFormState({ template: null });
    await refetch();
  }

  function edit(template: InterviewTemplate) {
    setError(null);
    setStatus(null);
    setFormState({ template });
    const heading = document.getElementById('template-edit-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }

  async function assign(templateId: string, target: string) {
    setError(null);
    setStatus(null);
    try {
      const assignments = await assignTemplate(templateId, target === '*' ? { type: 'org' } : { type: 'device', deviceId: target });
      setStatus(t('workspace:templates.assigned', { names: assignments.map((assignment) => assignment.candidateName).join(', ') }));
    } catch (cause) {
      setError(problemText(cause));
    }
  }

  return (
    <div class="stack">
      <h1>{t('workspace:templates.title')}</h1>
      <Show when={status()}>
        <p role="status" class="workspace-status">
          {status()}
        </p>
      </Show>
      <Show when={error()}>
        <p role="alert" class="error">
          {error()}
        </p>
      </Show>

      <section class="card stack" aria-labelledby="templates-list-title">
        <h2 id="templates-list-title">{t('workspace:templates.listTitle')}</h2>
        <Show when={(templates() ?? []).length > 0} fallback={<p class="muted">{t('workspace:templates.empty')}</p>}>
          <ul class="stack workspace-list">
            <For each={templates()}>
              {(template) => {
                let select: HTMLSelectElement | undefined;
                return (
                  <li class="workspace-item" data-testid="template-item">
                    <div class="stack-tight">
                      <div>
                        <strong>{template.name}</strong>{' '}
                        <span class="muted">
                          {t('workspace:templates.summary', { role: template.role, count: template.questions.length, minutes: template.timeLimitMinutes, version: template.version })}
                        </span>
                      </div>
                      <TemplateDetails template={template} />
                    </div>
                    <div class="row">
                      <button type="button" class="button" onClick={() => edit(template)} aria-controls="template-form">
                        {t('workspace:templates.edit', { name: template.name })}
                      </button>
                      <label>
                        <span class="visually-hidden">{t('workspace:templates.assignTo', { name: template.name })}</span>
                        <select ref={select}>
                          <option value="*">{t('workspace:templates.everyDevice')}</option>
                          <For each={devices() ?? []}>{(device) => <option value={device.id}>{device.candidateName}</option>}</For>
                        </select>
                      </label>
                      <button type="button" class="button" onClick={() => void assign(template.id, select?.value ?? '*')}>
                        {t('workspace:templates.assign', { name: template.name })}
                      </button>
                    </div>
                  </li>
                );
              }}
            </For>
          </ul>
        </Show>
      </section>

      <Show when={formState()} keyed>
        {(state) => <TemplateForm template={state.template} onSaved={(template, created) => void saved(template, created)} onCancel={() => setFormState({ template: null })} />}
      </Show>
    </div>
  );
}

/** A saved template's requirements and rubric weights, in one short line each (nothing when unset). */
function TemplateDetails(props: { template: InterviewTemplate }) {
  const requirements = () =>
    [props.template.cameraRequired ? t('workspace:templates.cameraRequired') : null, props.template.voiceRequired ? t('workspace:templates.voiceRequired') : null].filter(
      (text) => text !== null,
    );
  const weights = () =>
    props.template.rubricWeights.map(({ key, weight }) =>
      t(weight === 0 ? 'workspace:templates.weights.itemNotCounted' : 'workspace:templates.weights.item', { dimension: dimensionLabel(key), weight: new Intl.NumberFormat(intlLocale()).format(weight) }),
    );
  return (
    <>
      <Show when={requirements().length > 0}>
        <span class="muted small" data-testid="template-requirements">
          {requirements().join(' · ')}
        </span>
      </Show>
      <Show when={weights().length > 0}>
        <span class="muted small" data-testid="template-weights-summary">
          {t('workspace:templates.weights.summary', { weights: weights().join(', ') })}
        </span>
      </Show>
    </>
  );
}
