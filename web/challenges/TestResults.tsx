// The challenge's tests: before a run, each call and what it should return; after one, a summary that
// says what to do next (fix a syntax error at a line, a loop that never ends, a missing function) and
// each test's verdict with expected and got, the error and its line, and what the code printed.
import { For, Match, Show, Switch } from 'solid-js';
import type { CodeProblem } from '../../workers/code-runner/api.ts';
import { formatValue } from '../../workers/code-runner/format-value.ts';
import { describeCall, type JudgedTestCase, type TestResult, type TestStatus } from '../../workers/code-runner/judge.ts';
import type { RunOutcome } from '../../workers/code-runner/run-outcome.ts';
import { t } from '../i18n/i18n.ts';

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function ConsoleLines(props: { output: { lines: string[]; truncated: boolean } }) {
  return (
    <Show when={props.output.lines.length > 0}>
      <details class="console-output">
        <summary>{t('challenges:results.console', { count: props.output.lines.length })}</summary>
        <pre>
          <code>{props.output.lines.join('\n')}</code>
        </pre>
        <Show when={props.output.truncated}>
          <p class="hint">{t('challenges:results.consoleTruncated')}</p>
        </Show>
      </details>
    </Show>
  );
}

function ProblemMessage(props: { problem: CodeProblem; onGoToLine: (line: number) => void }) {
  return (
    <Switch>
      <Match when={props.problem.kind === 'compile' ? props.problem : null}>
        {(problem) => (
          <div class="stack-tight">
            <p class="error" data-testid="run-problem">
              {problem().location
                ? t('challenges:results.compileAt', { line: problem().location!.line, column: problem().location!.column ?? 1, message: problem().message })
                : t('challenges:results.compile', { message: problem().message })}
            </p>
            <Show when={problem().location}>
              {(location) => (
                <div>
                  <button type="button" class="button button-small" onClick={() => props.onGoToLine(location().line)}>
                    {t('challenges:results.goToLine', { line: location().line })}
                  </button>
                </div>
              )}
            </Show>
          </div>
        )}
      </Match>
      <Match when={props.problem.kind === 'load' ? props.problem : null}>
        {(problem) => (
          <div class="stack-tight">
            <p class="error" data-testid="run-problem">
              {problem().error.location
                ? t('challenges:results.loadAt', { name: problem().error.name, message: problem().error.message, line: problem().error.location!.line })
                : t('challenges:results.load', { name: problem().error.name, message: problem().error.message })}
            </p>
            <ConsoleLines output={problem().console} />
          </div>
        )}
      </Match>
      <Match when={props.problem.kind === 'missing-function' ? props.problem : null}>
        {(problem) => (
          <p class="error" data-testid="run-problem">
            {t('challenges:results.missingFunction', { name: problem().functionName, found: problem().found })}
          </p>
        )}
      </Match>
    </Switch>
  );
}

function statusLabel(status: TestStatus): string {
  return t(`challenges:results.status.${status}`);
}

function TestRow(props: { call: string; expected: string; result: TestResult | null; onGoToLine: (line: number) => void }) {
  const status = () => props.result?.status ?? null;
  return (
    <li class="test-row" data-status={status() ?? 'pending'} data-testid="test-row">
      <div class="test-row-head">
        <code class="test-call">{props.call}</code>
        <Show when={status()}>{(current) => <span class="tag test-status" data-status={current()}>{statusLabel(current())}</span>}</Show>
      </div>
      <dl class="test-values">
        <div>
          <dt>{t('challenges:results.expected')}</dt>
          <dd>
            <code data-testid="test-expected">{props.expected}</code>
          </dd>
        </div>
        <Show when={props.result?.got !== null && props.result?.got !== undefined}>
          <div>
            <dt>{t('challenges:results.got')}</dt>
            <dd>
              <code data-testid="test-got">{props.result!.got}</code>
            </dd>
          </div>
        </Show>
      </dl>
      <Show when={props.result?.error}>
        {(error) => (
          <p class="error small">
            {error().location ? t('challenges:results.threwAt', { name: error().name, message: error().message, line: error().location!.line }) : t('challenges:results.threw', { name: error().name, message: error().message })}{' '}
            <Show when={error().location}>
              {(location) => (
                <button type="button" class="link-button" onClick={() => props.onGoToLine(location().line)}>
                  {t('challenges:results.goToLine', { line: location().line })}
                </button>
              )}
            </Show>
          </p>
        )}
      </Show>
      <Show when={status() === 'timed-out'}>
        <p class="error small">{t('challenges:results.testTimedOut')}</p>
      </Show>
      <Show when={props.result}>{(result) => <ConsoleLines output={result().console} />}</Show>
    </li>
  );
}

export function TestResults(props: {
  functionName: string;
  tests: readonly JudgedTestCase[];
  outcome: RunOutcome | null;
  /** Shown while a run is under way. */
  running: boolean;
  onGoToLine: (line: number) => void;
  summaryRef?: (element: HTMLElement) => void;
}) {
  const rows = () =>
    props.tests.map((test, index) => ({
      call: describeCall(props.functionName, test.args),
      expected: formatValue(test.expected),
      result: props.outcome?.results[index] ?? null,
    }));
  const summary = () => {
    const outcome = props.outcome;
    if (!outcome) return null;
    switch (outcome.status) {
      case 'passed':
        return t('challenges:results.allPassed', { count: outcome.total });
      case 'failed':
        return t('challenges:results.somePassed', { passed: outcome.passed, total: outcome.total });
      case 'timed-out': {
        const limit = seconds(outcome.timedOut!.limitMs);
        const test = outcome.timedOut!.testId;
        return test === null ? t('challenges:results.timedOutTopLevel', { seconds: limit }) : t('challenges:results.timedOut', { seconds: limit, test: rows()[props.tests.findIndex((candidate) => candidate.id === test)]?.call ?? test });
      }
      case 'problem':
        return t('challenges:results.didNotRun');
    }
  };

  return (
    <div class="stack-tight test-results">
      <div role="status" aria-live="polite" class="run-summary" data-testid="run-summary" data-status={props.running ? 'running' : (props.outcome?.status ?? 'idle')}>
        <Show when={props.running} fallback={<Show when={summary()}>{(text) => <p ref={(element) => props.summaryRef?.(element)} tabindex="-1" class="run-summary-text"><strong>{text()}</strong></p>}</Show>}>
          <p class="loading">
            <span class="spinner" aria-hidden="true" /> {t('challenges:results.running')}
          </p>
        </Show>
      </div>
      <Show when={!props.running && props.outcome?.problem}>{(problem) => <ProblemMessage problem={problem()} onGoToLine={props.onGoToLine} />}</Show>
      <ol class="test-list" aria-label={t('challenges:results.listLabel')}>
        <For each={rows()}>{(row) => <TestRow call={row.call} expected={row.expected} result={props.running ? null : row.result} onGoToLine={props.onGoToLine} />}</For>
      </ol>
    </div>
  );
}
