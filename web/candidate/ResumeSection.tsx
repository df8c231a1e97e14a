// The optional résumé and job description on the setup screen: read a PDF or text file (or paste),
// let the AI pull out skills, experience and gaps, and let the candidate correct the result before it
// tailors the questions. The résumé stays on this device; with the cloud engine its text goes to the
// organisation's AI provider, and the note below the field says so.
import { createSignal, For, Show } from 'solid-js';
import type { CandidateContext, ResumeAnalysis } from '../../workers/llm/api.ts';
import type { EngineChoice } from '../engine/engine-facade.ts';
import { t } from '../i18n/i18n.ts';
import { messageOf } from '../ui/page.ts';

export interface ResumeSectionProps {
  engine: () => EngineChoice | null;
  language: () => string;
  onChange: (context: CandidateContext) => void;
}

export function ResumeSection(props: ResumeSectionProps) {
  const [resumeText, setResumeText] = createSignal('');
  const [jobDescription, setJobDescription] = createSignal('');
  const [analysis, setAnalysis] = createSignal<ResumeAnalysis | null>(null);
  const [reading, setReading] = createSignal(false);
  const [analysing, setAnalysing] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let controller: AbortController | undefined;

  const publish = () => props.onChange({ analysis: analysis() ?? undefined, jobDescription: jobDescription().trim() || undefined });
  const canAnalyse = () => Boolean(props.engine()?.engine.analyseResume) && props.engine()?.kind !== 'basic';

  async function readFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setReading(true);
    try {
      const { readResumeFile } = await import('../resume/resume-input.ts');
      const result = await readResumeFile(file);
      setResumeText(result.text);
      if (result.truncated) setError(t('setup:resume.truncated'));
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setReading(false);
      input.value = '';
    }
  }

  async function analyse() {
    const choice = props.engine();
    if (!choice?.engine.analyseResume || !resumeText().trim()) return;
    controller?.abort();
    controller = new AbortController();
    setError(null);
    setAnalysing(0);
    try {
      const result = await choice.engine.analyseResume(
        { resumeText: resumeText(), jobDescription: jobDescription().trim() || undefined, language: props.language() },
        { signal: controller.signal, onText: (text) => setAnalysing(text.length) },
      );
      setAnalysis(result);
      publish();
    } catch (cause) {
      if (!controller.signal.aborted) setError(messageOf(cause));
    } finally {
      setAnalysing(null);
    }
  }

  function edit(patch: Partial<ResumeAnalysis>) {
    const current = analysis();
    if (!current) return;
    setAnalysis({ ...current, ...patch });
    publish();
  }

  return (
    <details class="resume-section">
      <summary>{t('setup:resume.summary')}</summary>
      <div class="stack">
        <div class="field">
          <label for="resume-file">{t('setup:resume.file')}</label>
          <input id="resume-file" type="file" accept=".pdf,application/pdf,.txt,text/plain,.md,text/markdown" onChange={readFile} disabled={reading()} />
        </div>
        <div class="field">
          <label for="resume-text">{t('setup:resume.paste')}</label>
          <textarea id="resume-text" class="textarea" rows="5" value={resumeText()} onInput={(event) => setResumeText(event.currentTarget.value)} />
          <Show when={reading()}>
            <span class="hint" role="status">
              <span class="spinner" aria-hidden="true" /> {t('setup:resume.reading')}
            </span>
          </Show>
        </div>
        <div class="field">
          <label for="job-description">{t('setup:resume.jobDescription')}</label>
          <textarea
            id="job-description"
            class="textarea"
            rows="4"
            value={jobDescription()}
            onInput={(event) => {
              setJobDescription(event.currentTarget.value);
              publish();
            }}
          />
        </div>
        <p class="hint">
          <Show when={props.engine()?.kind === 'cloud'} fallback={t('setup:resume.staysHere')}>
            {t('setup:resume.cloudNote')}
          </Show>
        </p>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <div class="row">
          <Show
            when={canAnalyse()}
            fallback={<p class="hint">{t('setup:resume.needsModel')}</p>}
          >
            <button type="button" class="button" onClick={analyse} disabled={analysing() !== null || !resumeText().trim()}>
              <Show when={analysing() !== null} fallback={analysis() ? t('setup:resume.analyseAgain') : t('setup:resume.analyse')}>
                <span class="spinner" aria-hidden="true" /> {analysing() ? t('setup:resume.analysingWritten', { count: analysing() ?? 0 }) : t('setup:resume.analysing')}
              </Show>
            </button>
          </Show>
        </div>
        <Show when={analysis()}>
          {(result) => (
            <section class="card stack" aria-labelledby="analysis-title" data-testid="resume-analysis">
              <h2 id="analysis-title">{t('setup:resume.found')}</h2>
              <div class="field">
                <label for="analysis-summary">{t('setup:resume.summaryField')}</label>
                <textarea id="analysis-summary" class="textarea" rows="2" value={result().summary} onChange={(event) => edit({ summary: event.currentTarget.value })} />
              </div>
              <div class="field">
                <label for="analysis-skills">{t('setup:resume.skills')}</label>
                <input
                  id="analysis-skills"
                  class="input"
                  value={result().skills.join(', ')}
                  onChange={(event) => edit({ skills: splitList(event.currentTarget.value, ',') })}
                />
              </div>
              <div class="field">
                <span class="label">{t('setup:resume.experience')}</span>
                <ul class="plain-list">
                  <For each={result().experience}>
                    {(item, index) => (
                      <li>
                        {item.title}
                        {item.organisation ? `, ${item.organisation}` : ''}
                        {item.years ? ` ${t('setup:resume.years', { years: item.years })}` : ''}{' '}
                        <button type="button" class="button button-small" onClick={() => edit({ experience: result().experience.filter((_, i) => i !== index()) })}>
                          {t('setup:resume.remove')}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
              <div class="field">
                <label for="analysis-gaps">{t('setup:resume.gaps')}</label>
                <textarea id="analysis-gaps" class="textarea" rows="3" value={result().gaps.join('\n')} onChange={(event) => edit({ gaps: splitList(event.currentTarget.value, '\n') })} />
              </div>
            </section>
          )}
        </Show>
      </div>
    </details>
  );
}

function splitList(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}
