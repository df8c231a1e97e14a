// Setup: what kind of interview to practise, in which language, optionally tailored to a résumé and
// job description. Shows which engine will run it and why, plans the questions (shared cache first),
// stores the interview, and opens it.
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import type { CandidateContext } from '../../workers/llm/api.ts';
import type { InterviewSpec } from '../../sync-server/protocol/interview-spec.ts';
// The zod-free lists: the schemas (and zod) are not needed to show the form.
import { INTERVIEW_TYPES, SENIORITIES, type InterviewType, type Seniority } from '../../sync-server/protocol/interview-spec-values.ts';
import { createInterview } from '../data/interviews.ts';
import { chooseEngine, describeDefaultEngine, loadBasicEngine, previewEngine, type EngineChoice, type EngineSummary } from '../engine/engine-facade.ts';
import { planInterview } from '../engine/plan-interview.ts';
import { SUGGESTED_ROLES } from '../engine/role-suggestions.ts';
import { t } from '../i18n/i18n.ts';
import { INTERVIEW_LANGUAGES } from '../ui/languages.ts';
import { ResumeSection } from './ResumeSection.tsx';
import { INTERVIEW_TYPE_LABELS, SENIORITY_LABELS } from '../ui/format.ts';
import { messageOf, usePageTitle } from '../ui/page.ts';
import './setup.css';

const LIMITS = { questions: { min: 1, max: 10 }, minutes: { min: 5, max: 120 } } as const;

export default function SetupPage() {
  usePageTitle(() => t('setup:title'));
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [roleInvalid, setRoleInvalid] = createSignal(false);
  // The engine itself, once built; the note shows `shown`, which can come before it (see onMount).
  const [engine, setEngine] = createSignal<EngineChoice | null>(null);
  const [shown, setShown] = createSignal<EngineSummary | null>(null);
  // Progress's "next practice" links here with the setup to repeat and the dimension to work on.
  const [search] = useSearchParams<{ role?: string; seniority?: string; type?: string; language?: string; focus?: string }>();
  const prefill = {
    role: typeof search.role === 'string' ? search.role.slice(0, 120) : '',
    seniority: SENIORITIES.includes(search.seniority as Seniority) ? (search.seniority as Seniority) : 'mid',
    type: INTERVIEW_TYPES.includes(search.type as InterviewType) ? (search.type as InterviewType) : 'behavioural',
    language: INTERVIEW_LANGUAGES.some((option) => option.tag === search.language) ? search.language! : 'en',
    focus: typeof search.focus === 'string' && /^[a-z_]{1,40}$/.test(search.focus) ? search.focus : null,
  };
  const [language, setLanguage] = createSignal(prefill.language);
  const [planned, setPlanned] = createSignal<number | null>(null);
  let candidate: CandidateContext = {};
  const pending = () => describeDefaultEngine();

  const useEngine = (choice: EngineChoice) => {
    setEngine(choice);
    setShown(choice);
    return choice;
  };

  // Basic scoring needs nothing built before Start, and building it loads the question bank (the
  // heaviest thing this screen could load), so for basic the note shows the preview alone. A model
  // engine is built now, as before: the résumé analysis needs it.
  onMount(async () => {
    try {
      const preview = await previewEngine();
      if (preview.kind === 'basic') setShown(preview);
      else useEngine(await chooseEngine());
    } catch (cause) {
      setError(messageOf(cause));
    }
  });

  // The bank loads once the candidate starts filling the form in, so Start does not wait for it. A
  // failure here is not shown: Start loads it again and reports what goes wrong then.
  const warmUp = () => void loadBasicEngine().catch(() => undefined);

  async function start(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const role = String(data.get('role') ?? '').trim();
    if (!role) {
      setRoleInvalid(true);
      setError(t('setup:role.missing'));
      form.querySelector<HTMLInputElement>('#role')?.focus();
      return;
    }
    const spec: InterviewSpec = {
      role: role.slice(0, 120),
      seniority: String(data.get('seniority')) as Seniority,
      type: String(data.get('type')) as InterviewType,
      questionCount: clamp(Number(data.get('questionCount')), LIMITS.questions.min, LIMITS.questions.max, 3),
      minutes: clamp(Number(data.get('minutes')), LIMITS.minutes.min, LIMITS.minutes.max, 15),
      language: language(),
    };
    setBusy(true);
    setError(null);
    try {
      // Ask the browser not to evict interviews under storage pressure; harmless if it says no.
      void navigator.storage?.persist?.().catch(() => false);
      const choice = engine() ?? useEngine(await chooseEngine());
      setPlanned(0);
      const plan = await planInterview(choice, spec, { candidate, onText: (text) => setPlanned(text.length) });
      const reason = plan.source === 'cache' ? t('setup:fromCache', { reason: choice.reason }) : choice.reason;
      const interview = await createInterview({ spec, questions: plan.questions, engine: { kind: choice.kind, label: choice.label, reason } });
      navigate(`/interview/${interview.id}`);
    } catch (cause) {
      setError(messageOf(cause));
      setBusy(false);
      setPlanned(null);
    }
  }

  return (
    <div class="stack">
      <div class="page-header">
        <h1>{t('setup:title')}</h1>
        <p class="muted">{t('setup:intro')}</p>
      </div>
      <Show when={prefill.focus && t(`progress:dimensions.${prefill.focus}`, { defaultValue: '' })}>
        {(dimension) => (
          <div class="banner banner-info" role="note">
            <div>
              <strong>{t('setup:focus.title', { dimension: dimension() })}</strong> {t(`progress:tips.${prefill.focus}`, { defaultValue: '' })}
            </div>
          </div>
        )}
      </Show>

      <form class="card stack setup-form" onSubmit={start} onFocusIn={warmUp} novalidate aria-describedby={error() ? 'setup-error' : undefined}>
        <div class="form-grid">
          <div class="field span-2">
            <label for="role">{t('setup:role.label')}</label>
            <input
              id="role"
              name="role"
              class="input"
              list="role-suggestions"
              required
              maxlength="120"
              autocomplete="organization-title"
              placeholder={t('setup:role.placeholder')}
              aria-describedby="role-hint"
              aria-invalid={roleInvalid()}
              value={prefill.role}
              onInput={() => setRoleInvalid(false)}
            />
            <datalist id="role-suggestions">
              <For each={SUGGESTED_ROLES}>{(role) => <option value={role} />}</For>
            </datalist>
            <span id="role-hint" class="hint">
              {t('setup:role.hint')}
            </span>
          </div>

          <div class="field">
            <label for="seniority">{t('setup:seniority')}</label>
            <select id="seniority" name="seniority" class="select" value={prefill.seniority}>
              <For each={SENIORITIES}>
                {(level) => (
                  <option value={level} selected={level === prefill.seniority}>
                    {SENIORITY_LABELS[level]}
                  </option>
                )}
              </For>
            </select>
          </div>

          <div class="field">
            <label for="type">{t('setup:type')}</label>
            <select id="type" name="type" class="select">
              <For each={INTERVIEW_TYPES}>
                {(type) => (
                  <option value={type} selected={type === prefill.type}>
                    {INTERVIEW_TYPE_LABELS[type]}
                  </option>
                )}
              </For>
            </select>
          </div>

          <div class="field">
            <label for="questionCount">{t('setup:questionCount')}</label>
            <input
              id="questionCount"
              name="questionCount"
              class="input"
              type="number"
              inputmode="numeric"
              min={LIMITS.questions.min}
              max={LIMITS.questions.max}
              value="3"
              required
            />
          </div>

          <div class="field">
            <label for="minutes">{t('setup:minutes.label')}</label>
            <input
              id="minutes"
              name="minutes"
              class="input"
              type="number"
              inputmode="numeric"
              min={LIMITS.minutes.min}
              max={LIMITS.minutes.max}
              value="15"
              required
              aria-describedby="minutes-hint"
            />
            <span id="minutes-hint" class="hint">
              {t('setup:minutes.hint')}
            </span>
          </div>

          <div class="field">
            <label for="language">{t('setup:language.label')}</label>
            <select id="language" name="language" class="select" onChange={(event) => setLanguage(event.currentTarget.value)} aria-describedby="language-hint">
              <For each={INTERVIEW_LANGUAGES}>
                {(option) => (
                  <option value={option.tag} selected={option.tag === prefill.language}>
                    {option.name}
                  </option>
                )}
              </For>
            </select>
            <span id="language-hint" class="hint">
              {t('setup:language.hint')}
            </span>
          </div>
        </div>

        <ResumeSection engine={engine} language={language} onChange={(context) => (candidate = context)} />

        <div class="engine-note" data-testid="engine-note" data-engine={shown()?.kind ?? 'pending'}>
          <span class="tag tag-accent">{shown()?.label ?? pending().label}</span>
          <span>
            {shown()?.reason ?? pending().reason} <A href="/settings/ai">{t('setup:aiSettings')}</A>
          </span>
        </div>

        <Show when={error()}>
          <p id="setup-error" class="error" role="alert">
            {error()}
          </p>
        </Show>

        <div class="row">
          <button type="submit" class="button button-primary" disabled={busy()}>
            <Show when={busy()} fallback={t('setup:start')}>
              <span class="spinner" aria-hidden="true" /> {planned() ? t('setup:preparingWritten', { count: planned() ?? 0 }) : t('setup:preparing')}
            </Show>
          </button>
        </div>
      </form>
    </div>
  );
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
