// On the report of an interview started from an interviewer's template that weights the rubric: says
// that the template weighted the dimensions, and shows each weight (0: shown, not counted), or why the
// overall is the plain mean after all. Nothing for any other interview.
import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { InterviewSummary } from '../../sync-server/protocol/index.ts';
import { assignmentOfInterview } from '../data/workspace-inbox.ts';
import { t } from '../i18n/i18n.ts';
import { formatDimension } from '../ui/format.ts';
import { templateOverall, type TemplateOverall } from './template-weights.ts';
import './workspace-candidate.css';

export function TemplateWeightsNote(props: { interviewId: string; summary: Pick<InterviewSummary, 'overall' | 'dimensions'> }) {
  const [assignment] = createResource(() => props.interviewId, assignmentOfInterview);
  const result = () => {
    const found = assignment();
    if (!found || found.template.rubricWeights.length === 0) return null;
    const outcome = templateOverall(props.summary, found.template.rubricWeights);
    return outcome.kind === 'unweighted' ? null : { ...outcome, org: found.orgName, template: found.template.name };
  };
  const weightText = (weight: number) => t('assigned:weights.times', { weight: formatWeight(weight) });

  return (
    <Show when={result()}>
      {(shown) => (
        <div class="template-weights stack-tight" role="note" data-testid="template-weights" data-kind={shown().kind}>
          <p>
            <Switch>
              <Match when={shown().kind === 'weighted'}>{t('assigned:weights.weighted', { org: shown().org, template: shown().template })}</Match>
              <Match when={reasonOf(shown()) === 'all-weights-zero'}>
                {t('assigned:weights.allZero', { org: shown().org, template: shown().template })}
              </Match>
              <Match when={shown().kind === 'fallback'}>{t('assigned:weights.nothingScored', { org: shown().org, template: shown().template })}</Match>
            </Switch>
          </p>
          <Show when={shown().dimensions.length > 0}>
            <table class="template-weights-table">
              <caption class="visually-hidden">{t('assigned:weights.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assigned:weights.dimension')}</th>
                  <th scope="col">{t('assigned:weights.score')}</th>
                  <th scope="col">{t('assigned:weights.weight')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={shown().dimensions}>
                  {(dimension) => (
                    <tr data-testid="template-weight" data-key={dimension.key} data-weight={String(dimension.weight)} data-score={String(dimension.score)}>
                      <th scope="row">{dimension.label}</th>
                      <td>{formatDimension(dimension.score)}</td>
                      <td>
                        {weightText(dimension.weight)}
                        <Show when={dimension.weight === 0}> {t('assigned:weights.notCounted')}</Show>
                        <Show when={!dimension.fromTemplate}> {t('assigned:weights.default')}</Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </div>
      )}
    </Show>
  );
}

const reasonOf = (outcome: TemplateOverall): string | null => (outcome.kind === 'fallback' ? outcome.reason : null);
const formatWeight = (weight: number): string => String(Math.round(weight * 100) / 100);
