// The interviewer's interview templates: create one (role, questions of their own or picked from the
// basic engine's bank, time limit, language, camera and voice requirements), list them, and assign one
// to a device of the organisation or to all of them.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { QuestionKind } from '../../sync-server/protocol/index.ts';
import type { TemplateBody, TemplateQuestion } from '../../sync-server/protocol/interview-template.ts';
import { getQuestionBank } from '../../workers/llm/basic/question-bank.ts';
import { t } from '../i18n/i18n.ts';
import { usePageTitle } from '../ui/page.ts';
import { problemText } from './problem-text.ts';
import { assignTemplate, createTemplate, listDevices, listTemplates } from './workspace-api.ts';
import './interviewer.css';

const KINDS: QuestionKind[] = ['behavioural', 'technical', 'system-design'];

export default function TemplatesPage() {
  usePageTitle(() => t('workspace:templates.title'));
  const [templates, { refetch }] = createResource(listTemplates);
  const [devices] = createResource(listDevices);
  const bank = getQuestionBank();
  const [bankRole, setBankRole] = createSignal(bank.roles[0]?.id ?? '');
  const [picked, setPicked] = createSignal<string[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);
  let form: HTMLFormElement | undefined;

  function questionsFrom(data: FormData): TemplateQuestion[] {
    const kind = String(data.get('ownKind')) as QuestionKind;
    const own = String(data.get('ownQuestions') ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((text, index): TemplateQuestion => ({ id: `own-${index + 1}`, kind, text, talkingPoints: [], rubricHint: '', expectedSeconds: 120, source: 'own' }));
    const fromBank = picked()
      .map((questionId) => bank.questions.find((question) => question.id === questionId))
      .filter((question) => question !== undefined)
      .map(({ id, kind: questionKind, text, talkingPoints, rubricHint, expectedSeconds }): TemplateQuestion => ({ id, kind: questionKind, text, talkingPoints, rubricHint, expectedSeconds, source: 'bank' }));
    return [...own, ...fromBank];
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    setStatus(null);
    const data = new FormData(form);
    const body: TemplateBody = {
      name: String(data.get('name') ?? ''),
      role: String(data.get('role') ?? ''),
      seniority: String(data.get('seniority')) as TemplateBody['seniority'],
      questions: questionsFrom(data),
      rubricWeights: [],
      timeLimitMinutes: Number(data.get('timeLimit')),
      language: String(data.get('language') ?? 'en'),
      cameraRequired: data.get('camera') === 'on',
      voiceRequired: data.get('voice') === 'on',
    };
    if (body.questions.length === 0) {
      setError(t('workspace:templates.noQuestions'));
      return;
    }
    try {
      const created = await createTemplate(body);
      form?.reset();
      setPicked([]);
      setStatus(t('workspace:templates.created', { name: created.name }));
      await refetch();
    } catch (cause) {
      setError(problemText(cause));
    }
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
                    <div>
                      <strong>{template.name}</strong>{' '}
                      <span class="muted">
                        {t('workspace:templates.summary', { role: template.role, count: template.questions.length, minutes: template.timeLimitMinutes, version: template.version })}
                      </span>
                    </div>
                    <div class="row">
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

      <form ref={form} class="card stack" aria-labelledby="template-new-title" onSubmit={(event) => void submit(event)}>
        <h2 id="template-new-title">{t('workspace:templates.newTitle')}</h2>
        <label class="stack-tight">
          {t('workspace:templates.name')}
          <input name="name" required maxLength={120} />
        </label>
        <label class="stack-tight">
          {t('workspace:templates.role')}
          <input name="role" required maxLength={120} />
        </label>
        <label class="stack-tight">
          {t('workspace:templates.seniority')}
          <select name="seniority">
            <option value="junior">{t('workspace:seniority.junior')}</option>
            <option value="mid" selected>
              {t('workspace:seniority.mid')}
            </option>
            <option value="senior">{t('workspace:seniority.senior')}</option>
          </select>
        </label>
        <label class="stack-tight">
          {t('workspace:templates.ownQuestions')}
          <textarea name="ownQuestions" rows={4} aria-describedby="own-questions-hint" />
        </label>
        <p id="own-questions-hint" class="muted small">
          {t('workspace:templates.ownQuestionsHint')}
        </p>
        <label class="stack-tight">
          {t('workspace:templates.ownKind')}
          <select name="ownKind">
            <For each={KINDS}>{(kind) => <option value={kind}>{t(`workspace:kind.${kind}`)}</option>}</For>
          </select>
        </label>
        <fieldset class="stack-tight">
          <legend>{t('workspace:templates.bank')}</legend>
          <label class="stack-tight">
            {t('workspace:templates.bankRole')}
            <select value={bankRole()} onChange={(event) => setBankRole(event.currentTarget.value)}>
              <For each={bank.roles}>{(role) => <option value={role.id}>{role.label}</option>}</For>
            </select>
          </label>
          <ul class="workspace-bank">
            <For each={bank.questions.filter((question) => question.role === bankRole())}>
              {(question) => (
                <li>
                  <label>
                    <input
                      type="checkbox"
                      checked={picked().includes(question.id)}
                      onChange={(event) =>
                        setPicked((ids) => (event.currentTarget.checked ? [...ids, question.id] : ids.filter((other) => other !== question.id)))
                      }
                    />{' '}
                    {question.text}
                  </label>
                </li>
              )}
            </For>
          </ul>
        </fieldset>
        <label class="stack-tight">
          {t('workspace:templates.timeLimit')}
          <input name="timeLimit" type="number" min={1} max={180} value={20} required />
        </label>
        <label class="stack-tight">
          {t('workspace:templates.language')}
          <select name="language">
            <option value="en" lang="en">English</option>
            <option value="es" lang="es">Español</option>
          </select>
        </label>
        <label>
          <input name="camera" type="checkbox" /> {t('workspace:templates.cameraRequired')}
        </label>
        <label>
          <input name="voice" type="checkbox" /> {t('workspace:templates.voiceRequired')}
        </label>
        <div>
          <button type="submit" class="button button-primary">
            {t('workspace:templates.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
