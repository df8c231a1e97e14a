// The practice library: coding challenges and interview practice sets from the question bank, by
// category and difficulty (filters kept in the URL). A coding challenge opens its own screen; a
// practice set starts an ordinary interview with the set's questions. Sources come from
// practice-sources.ts, where organisation templates will join the bank.
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { QUESTION_KINDS } from '../../sync-server/protocol/interview-spec.ts';
import type { QuestionKind } from '../../sync-server/protocol/index.ts';
import { challengeKey, challengeStandings } from '../data/challenge-attempts.ts';
import { t, uiLanguage } from '../i18n/i18n.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { createLoad, errorOf, valueOf } from '../ui/load.ts';
import { messageOf, usePageTitle } from '../ui/page.ts';
import type { CodingChallenge } from './catalogue/challenge-schema.ts';
import { LIBRARY_CATEGORIES, LIBRARY_DIFFICULTIES, libraryParams, matchesDifficulty, parseLibraryQuery, showsCoding, showsKind, type LibraryQuery } from './library-filters.ts';
import type { InterviewPracticeSet } from './practice-sets.ts';
import { BANK_SOURCE_ID, listPracticeSources, type PracticeRole, type PracticeSource } from './practice-sources.ts';
import { startPracticeSet } from './start-practice-set.ts';
import './challenges.css';

interface SourcedChallenge {
  source: PracticeSource;
  challenge: CodingChallenge;
}

interface LibraryData {
  sources: PracticeSource[];
  challenges: SourcedChallenge[];
  roles: PracticeRole[];
}

async function loadLibrary(): Promise<LibraryData> {
  const sources = await listPracticeSources();
  const challenges = (await Promise.all(sources.map(async (source) => (await source.codingChallenges()).map((challenge) => ({ source, challenge }))))).flat();
  const bank = sources.find((source) => source.id === BANK_SOURCE_ID);
  return { sources, challenges, roles: bank ? await bank.roles() : [] };
}

const textLanguage = (): 'en' | 'es' => (uiLanguage() === 'es' ? 'es' : 'en');

export default function ChallengeLibraryPage() {
  usePageTitle(() => t('challenges:library.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const library = createLoad(() => true, loadLibrary);
  const standings = createLiveQuery(challengeStandings);
  const query = createMemo<LibraryQuery>(() => parseLibraryQuery(params, (valueOf(library())?.roles ?? []).map((role) => role.id)));
  const setQuery = (change: Partial<LibraryQuery>) => setParams(libraryParams({ ...query(), ...change }), { replace: true, scroll: false });

  const bank = () => valueOf(library())?.sources.find((source) => source.id === BANK_SOURCE_ID) ?? null;
  const sets = createLoad(
    () => (bank() ? query().role : undefined),
    (roleId) => bank()!.interviewSets(roleId),
  );
  const challenges = () => (valueOf(library())?.challenges ?? []).filter(({ challenge }) => matchesDifficulty(query(), challenge.difficulty));
  const setsOf = (kind: QuestionKind) => (valueOf(sets()) ?? []).filter((set) => set.kind === kind && matchesDifficulty(query(), set.difficulty));
  const shownKinds = () => QUESTION_KINDS.filter((kind) => showsKind(query(), kind));

  const [starting, setStarting] = createSignal<string | null>(null);
  const [startError, setStartError] = createSignal<{ setId: string; message: string } | null>(null);
  async function start(set: InterviewPracticeSet) {
    if (starting()) return;
    setStarting(set.id);
    setStartError(null);
    try {
      const interviewId = await startPracticeSet(set);
      navigate(`/interview/${interviewId}`);
    } catch (error) {
      setStartError({ setId: set.id, message: messageOf(error) });
      setStarting(null);
    }
  }

  function standingLine(item: SourcedChallenge): string {
    const standing = standings.value()?.get(challengeKey(item.source.id, item.challenge.id));
    if (!standing) return t('challenges:library.notTried');
    return t('challenges:library.standing', {
      count: standing.attempts,
      code: standing.bestCodeScore,
      explanation: standing.bestExplanationScore === null ? '—' : Math.round(standing.bestExplanationScore),
    });
  }

  return (
    <div class="stack challenge-library">
      <div class="page-header">
        <h1>{t('challenges:library.title')}</h1>
        <p class="muted">{t('challenges:library.intro')}</p>
      </div>

      <Switch>
        <Match when={errorOf(library())}>
          {(error) => (
            <p class="card error" role="alert">
              {t('challenges:library.loadError', { message: messageOf(error()) })}
            </p>
          )}
        </Match>
        <Match when={!valueOf(library())}>
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" /> {t('challenges:library.loading')}
          </p>
        </Match>
        <Match when={valueOf(library())}>
          <div class="card library-filters" role="group" aria-labelledby="library-filters-title">
            <h2 id="library-filters-title" class="visually-hidden">
              {t('challenges:library.filters')}
            </h2>
            <div class="field">
              <label for="library-category">{t('challenges:library.category')}</label>
              <select id="library-category" class="select" value={query().category} onChange={(event) => setQuery({ category: event.currentTarget.value as LibraryQuery['category'] })}>
                <For each={LIBRARY_CATEGORIES}>
                  {(option) => (
                    <option value={option} selected={option === query().category}>
                      {t(`challenges:categories.${option}`)}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <div class="field">
              <label for="library-difficulty">{t('challenges:library.difficulty')}</label>
              <select id="library-difficulty" class="select" value={query().difficulty} onChange={(event) => setQuery({ difficulty: event.currentTarget.value as LibraryQuery['difficulty'] })}>
                <For each={LIBRARY_DIFFICULTIES}>
                  {(option) => (
                    <option value={option} selected={option === query().difficulty}>
                      {option === 'all' ? t('challenges:library.allDifficulties') : t(`challenges:difficulty.${option}`)}
                    </option>
                  )}
                </For>
              </select>
            </div>
          </div>

          <Show when={showsCoding(query())}>
            <section class="stack-tight" aria-labelledby="coding-title" data-testid="coding-challenges">
              <h2 id="coding-title">{t('challenges:library.codingTitle')}</h2>
              <p class="muted small">{t('challenges:library.codingIntro')}</p>
              <Show when={challenges().length > 0} fallback={<p class="card muted">{t('challenges:library.noneMatch')}</p>}>
                <ul class="library-grid">
                  <For each={challenges()}>
                    {(item) => (
                      <li class="card library-card" data-testid="challenge-card" data-challenge={item.challenge.id}>
                        <h3>
                          <A href={`/challenges/${encodeURIComponent(item.source.id)}/${encodeURIComponent(item.challenge.id)}`}>{item.challenge.title[textLanguage()]}</A>
                        </h3>
                        <div class="row">
                          <span class="tag difficulty-tag" data-difficulty={item.challenge.difficulty}>
                            {t(`challenges:difficulty.${item.challenge.difficulty}`)}
                          </span>
                          <For each={item.challenge.topics}>{(topic) => <span class="tag">{t(`challenges:topics.${topic}`)}</span>}</For>
                        </div>
                        <p class="small muted">{standingLine(item)}</p>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </Show>

          <Show when={shownKinds().length > 0}>
            <section class="stack-tight" aria-labelledby="sets-title" data-testid="practice-sets">
              <h2 id="sets-title">{t('challenges:library.setsTitle')}</h2>
              <p class="muted small">{t('challenges:library.setsIntro')}</p>
              <div class="field library-role">
                <label for="library-role">{t('challenges:library.role')}</label>
                <select id="library-role" class="select" value={query().role} onChange={(event) => setQuery({ role: event.currentTarget.value })}>
                  <For each={valueOf(library())?.roles ?? []}>
                    {(role) => (
                      <option value={role.id} selected={role.id === query().role}>
                        {role.label}
                      </option>
                    )}
                  </For>
                </select>
              </div>
              <Show when={errorOf(sets())}>
                {(error) => (
                  <p class="error" role="alert">
                    {messageOf(error())}
                  </p>
                )}
              </Show>
              <For each={shownKinds()}>
                {(kind) => (
                  <div class="stack-tight">
                    <h3>{t(`challenges:categories.${kind}`)}</h3>
                    <Show when={setsOf(kind).length > 0} fallback={<p class="muted small">{t('challenges:library.noSets')}</p>}>
                      <ul class="library-grid">
                        <For each={setsOf(kind)}>
                          {(set) => (
                            <li class="card library-card" data-testid="practice-set" data-set={set.id}>
                              <h4 id={`set-${set.id}`}>{t('challenges:library.setTitle', { difficulty: t(`challenges:difficulty.${set.difficulty}`), count: set.questions.length })}</h4>
                              <p class="small muted" lang="en">
                                {set.questions[0]!.text}
                              </p>
                              <p class="small muted">{t('challenges:library.setMeta', { minutes: set.spec.minutes, level: t(`challenges:seniority.${set.spec.seniority}`) })}</p>
                              <div>
                                <button type="button" class="button button-small" aria-describedby={`set-${set.id}`} disabled={starting() !== null} onClick={() => void start(set)}>
                                  {starting() === set.id ? t('challenges:library.starting') : t('challenges:library.startSet')}
                                </button>
                              </div>
                              <Show when={startError()?.setId === set.id}>
                                <p class="error small" role="alert">
                                  {startError()!.message}
                                </p>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </div>
                )}
              </For>
            </section>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
