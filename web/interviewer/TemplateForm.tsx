// The template form: a new template, or the saved one being edited (its fields filled in, saved as
// its next version). Questions of the interviewer's own or from the basic engine's bank, rubric
// weights per scoring dimension (empty: the device's default weight), time limit, language, and
// the camera and voice requirements. Must not import: Dexie.
import { createSignal, For, Show } from 'solid-js';
import type { QuestionKind } from '../../sync-server/protocol/index.ts';
import type { InterviewTemplate, TemplateBody, TemplateQuestion } from '../../sync-server/protocol/interview-template.ts';
import { getQuestionBank } from '../../workers/llm/basic/question-bank.ts';
import { t } from '../i18n/i18n.ts';
import { problemText } from './problem-text.ts';
import { MAX_WEIGHT, MAX_WEIGHTS, MIN_WEIGHT, parseWeight, readWeights, TEMPLATE_DIMENSIONS, weightsNotOffered, weightText, type WeightProblem } from './template-weight-fields.ts';
import { createTemplate, saveTemplate } from './workspace-api.ts';
import './templates.css';

const KINDS: QuestionKind[] = ['behavioural', 'technical', 'system-design'];
const LANGUAGES: Record<string, string> = { en: 'English', es: 'Español' };

export const dimensionLabel = (key: string): string => t(`workspace:templates.weights.dimension.${key}`, { defaultValue: key });

export function weightProblemText(key: string | null, problem: WeightProblem): string {
  return problem === 'too-many' || key === null
    ? t('workspace:templates.weights.tooMany', { max: MAX_WEIGHTS })
    : t('workspace:templates.weights.invalid', { dimension: dimensionLabel(key), min: MIN_WEIGHT, max: MAX_WEIGHT });
}

export function TemplateForm(props: { template: InterviewTemplate | null; onSaved: (template: InterviewTemplate, created: boolean) => void; onCancel: () => void }) {
  // Read once: the page mounts a fresh form for each template it edits.
  const editing = props.template;
  const bank = getQuestionBank();
  const ownOf = editing?.questions.filter((question) => question.source === 'own') ?? [];
  const bankOf = editing?.questions.filter((question) => question.source === 'bank') ?? [];
  const firstBankRole = bankOf.map((question) => bank.questions.find((known) => known.id === question.id)?.role).find((role) => role !== undefined);
  const [bankRole, setBankRole] = createSignal(firstBankRole ?? bank.roles[0]?.id ?? '');
  const [picked, setPicked] = createSignal<string[]>(bankOf.map((question) => question.id));
  const [error, setError] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  const weightInputs = new Map<string, HTMLInputElement>();
  const languages = { ...LANGUAGES, ...(editing && !(editing.language in LANGUAGES) ? { [editing.language]: editing.language } : {}) };
  const titleId = editing ? 'template-edit-title' : 'template-new-title';
  let form!: HTMLFormElement;

  function questionsFrom(data: FormData): TemplateQuestion[] {
    const kind = String(data.get('ownKind')) as QuestionKind;
    const lines = String(data.get('ownQuestions') ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    // An own question kept word for word keeps what the form does not show (its talking points, its id).
    const kept = lines.map((text) => ownOf.find((question) => question.text === text));
    const used = new Set(kept.flatMap((question) => (question ? [question.id] : [])));
    let next = 1;
    const freshId = () => {
      while (used.has(`own-${next}`)) next++;
      used.add(`own-${next}`);
      return `own-${next}`;
    };
    const own = lines.map(
      (text, index): TemplateQuestion => ({ ...(kept[index] ?? { id: freshId(), text, talkingPoints: [], rubricHint: '', expectedSeconds: 120, source: 'own' as const }), kind }),
    );
    const fromBank = picked()
      .map((questionId): TemplateQuestion | undefined => {
        const known = bank.questions.find((question) => question.id === questionId);
        if (!known) return bankOf.find((question) => question.id === questionId);
        const { id, kind: questionKind, text, talkingPoints, rubricHint, expectedSeconds } = known;
        return { id, kind: questionKind, text, talkingPoints, rubricHint, expectedSeconds, source: 'bank' };
      })
      .filter((question) => question !== undefined);
    return [...own, ...fromBank];
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    const data = new FormData(form);
    const weights = readWeights(
      TEMPLATE_DIMENSIONS.map((key) => {
        const input = weightInputs.get(key);
        return { key, text: input?.value ?? '', badInput: input?.validity.badInput ?? false };
      }),
      weightsNotOffered(editing?.rubricWeights ?? []),
    );
    if (!weights.ok) {
      setError(weightProblemText(weights.key, weights.problem));
      if (weights.key) weightInputs.get(weights.key)?.focus();
      return;
    }
    const body: TemplateBody = {
      name: String(data.get('name') ?? ''),
      role: String(data.get('role') ?? ''),
      seniority: String(data.get('seniority')) as TemplateBody['seniority'],
      questions: questionsFrom(data),
      rubricWeights: weights.weights,
      timeLimitMinutes: Number(data.get('timeLimit')),
      language: String(data.get('language') ?? 'en'),
      cameraRequired: data.get('camera') === 'on',
      voiceRequired: data.get('voice') === 'on',
      ...(editing?.notes !== undefined ? { notes: editing.notes } : {}),
    };
    if (body.questions.length === 0) {
      setError(t('workspace:templates.noQuestions'));
      return;
    }
    setSaving(true);
    try {
      const saved = editing ? await saveTemplate(editing.id, body) : await createTemplate(body);
      props.onSaved(saved, !editing);
    } catch (cause) {
      setError(problemText(cause));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form ref={form} class="card stack" id="template-form" aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
      <h2 id={titleId} tabindex="-1">
        {editing ? t('workspace:templates.editTitle', { name: editing.name }) : t('workspace:templates.newTitle')}
      </h2>
      <Show when={error()}>
        <p role="alert" class="error" data-testid="template-form-error">
          {error()}
        </p>
      </Show>
      <label class="stack-tight">
        {t('workspace:templates.name')}
        <input name="name" required maxLength={120} value={editing?.name ?? ''} />
      </label>
      <label class="stack-tight">
        {t('workspace:templates.role')}
        <input name="role" required maxLength={120} value={editing?.role ?? ''} />
      </label>
      <label class="stack-tight">
        {t('workspace:templates.seniority')}
        <select name="seniority">
          <For each={['junior', 'mid', 'senior'] as const}>
            {(level) => (
              <option value={level} selected={(editing?.seniority ?? 'mid') === level}>
                {t(`workspace:seniority.${level}`)}
              </option>
            )}
          </For>
        </select>
      </label>
      <label class="stack-tight">
        {t('workspace:templates.ownQuestions')}
        <textarea name="ownQuestions" rows={4} aria-describedby="own-questions-hint" value={ownOf.map((question) => question.text).join('\n')} />
      </label>
      <p id="own-questions-hint" class="muted small">
        {t('workspace:templates.ownQuestionsHint')}
      </p>
      <label class="stack-tight">
        {t('workspace:templates.ownKind')}
        <select name="ownKind">
          <For each={KINDS}>
            {(kind) => (
              <option value={kind} selected={ownOf[0]?.kind === kind}>
                {t(`workspace:kind.${kind}`)}
              </option>
            )}
          </For>
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
                    onChange={(event) => setPicked((ids) => (event.currentTarget.checked ? [...ids, question.id] : ids.filter((other) => other !== question.id)))}
                  />{' '}
                  {question.text}
                </label>
              </li>
            )}
          </For>
        </ul>
      </fieldset>
      <fieldset class="stack-tight template-weights-fieldset" aria-describedby="template-weights-hint">
        <legend>{t('workspace:templates.weights.legend')}</legend>
        <p id="template-weights-hint" class="muted small">
          {t('workspace:templates.weights.hint', { min: MIN_WEIGHT, max: MAX_WEIGHT })}
        </p>
        <div class="template-weights-grid">
          <For each={TEMPLATE_DIMENSIONS}>
            {(key) => <WeightField key={key} initial={weightText(editing?.rubricWeights ?? [], key)} ref={(input) => weightInputs.set(key, input)} />}
          </For>
        </div>
      </fieldset>
      <label class="stack-tight">
        {t('workspace:templates.timeLimit')}
        <input name="timeLimit" type="number" min={1} max={180} value={editing?.timeLimitMinutes ?? 20} required />
      </label>
      <label class="stack-tight">
        {t('workspace:templates.language')}
        <select name="language">
          <For each={Object.entries(languages)}>
            {([code, name]) => (
              <option value={code} lang={code} selected={(editing?.language ?? 'en') === code}>
                {name}
              </option>
            )}
          </For>
        </select>
      </label>
      <label>
        <input name="camera" type="checkbox" checked={editing?.cameraRequired ?? false} /> {t('workspace:templates.cameraRequired')}
      </label>
      <label>
        <input name="voice" type="checkbox" checked={editing?.voiceRequired ?? false} /> {t('workspace:templates.voiceRequired')}
      </label>
      <div class="row">
        <button type="submit" class="button button-primary" disabled={saving()}>
          {editing ? t('workspace:templates.save') : t('workspace:templates.create')}
        </button>
        <Show when={editing}>
          <button type="button" class="button" onClick={() => props.onCancel()}>
            {t('workspace:templates.cancelEdit')}
          </button>
        </Show>
      </div>
    </form>
  );
}

/** One dimension's weight: a number from 0 to 5, or empty for the default; says at once what is wrong. */
function WeightField(props: { key: string; initial: string; ref: (input: HTMLInputElement) => void }) {
  const [problem, setProblem] = createSignal<WeightProblem | null>(null);
  const id = () => `template-weight-${props.key}`;
  const check = (input: HTMLInputElement) => {
    const parsed = parseWeight(input.value, input.validity.badInput);
    const found = parsed.ok ? null : parsed.problem;
    setProblem(found);
    // The browser's own bubble on submit then says the same, in the interface language.
    input.setCustomValidity(found ? weightProblemText(props.key, found) : '');
  };
  return (
    <div class="stack-tight template-weight">
      <label for={id()}>{dimensionLabel(props.key)}</label>
      <input
        ref={(input) => props.ref(input)}
        id={id()}
        name={`weight-${props.key}`}
        type="number"
        inputmode="decimal"
        min={MIN_WEIGHT}
        max={MAX_WEIGHT}
        step="any"
        placeholder={t('workspace:templates.weights.notSet')}
        value={props.initial}
        aria-invalid={problem() ? 'true' : undefined}
        aria-describedby={problem() ? `${id()}-problem` : undefined}
        data-testid="template-weight-input"
        data-key={props.key}
        onInput={(event) => check(event.currentTarget)}
        onBlur={(event) => check(event.currentTarget)}
      />
      <Show when={problem()}>
        {(found) => (
          <span id={`${id()}-problem`} class="error small">
            {weightProblemText(props.key, found())}
          </span>
        )}
      </Show>
    </div>
  );
}
