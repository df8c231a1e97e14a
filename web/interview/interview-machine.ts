// The state machine of one interview in progress: which question is on screen, the draft answer, and
// how much active (unpaused) time each question has taken.
// Owns: the rules of moving through an interview. Must not import: the DOM, Dexie, timers, fetch, Solid.
// Time is always passed in (`at`, `now`), so the same events give the same state in tests and after a
// reload. A transition that is not allowed is refused with a reason instead of being half-applied.

export type InterviewPhase = 'not-started' | 'answering' | 'paused' | 'finished';

export interface InterviewMachineState {
  readonly phase: InterviewPhase;
  readonly questionCount: number;
  /** The question on screen; equals `questionCount` once the last one is done. */
  readonly index: number;
  /** The current question's answer as typed so far. */
  readonly draft: string;
  /** Active time per question, not counting the segment that is running now. */
  readonly activeMs: readonly number[];
  /** When the running segment began (epoch ms), or null while not answering. */
  readonly runningSince: number | null;
  readonly endedEarly: boolean;
  /** Set while the candidate answers the follow-up to the current question; `draft` is then the
   * follow-up's answer and `mainAnswer` the answer that prompted it. At most one per question. */
  readonly followUp: FollowUpInProgress | null;
}

export interface FollowUpInProgress {
  readonly question: string;
  readonly mainAnswer: string;
}

/** What the persistence layer stores so the interview can resume after a reload. Plain JSON. */
export interface InterviewSnapshot {
  readonly v: 1;
  readonly phase: InterviewPhase;
  readonly questionCount: number;
  readonly index: number;
  readonly draft: string;
  /** Active time per question, with any running segment folded in up to `savedAt`. */
  readonly activeMs: readonly number[];
  readonly endedEarly: boolean;
  readonly savedAt: number;
  /** Absent in snapshots saved before follow-ups existed. */
  readonly followUp?: FollowUpInProgress | null;
}

/** A question that was answered or skipped: what the caller scores and stores. */
export interface TurnOutcome {
  readonly index: number;
  readonly answer: string;
  readonly skipped: boolean;
  readonly activeMs: number;
  /** The follow-up asked on this question and its answer ('' if the candidate skipped it). */
  readonly followUp: { readonly question: string; readonly answer: string } | null;
}

export type InterviewEvent =
  | { readonly type: 'start'; readonly at: number }
  | { readonly type: 'draft'; readonly text: string }
  | { readonly type: 'pause'; readonly at: number }
  | { readonly type: 'resume'; readonly at: number }
  | { readonly type: 'skip'; readonly at: number }
  | { readonly type: 'submit'; readonly at: number }
  /** Instead of submitting: keep the draft as the main answer and ask one follow-up on it. */
  | { readonly type: 'followUp'; readonly question: string }
  | { readonly type: 'endEarly'; readonly at: number }
  | { readonly type: 'tick'; readonly at: number }
  | { readonly type: 'restore'; readonly snapshot: InterviewSnapshot };

export type TransitionResult =
  | {
      readonly ok: true;
      readonly state: InterviewMachineState;
      /** Set by submit and skip: the turn that just ended. */
      readonly outcome?: TurnOutcome;
      /** True when this transition ended the interview. */
      readonly finished?: boolean;
    }
  | { readonly ok: false; readonly state: InterviewMachineState; readonly error: string; readonly code: RefusalCode };

/** Why an event was refused, for the UI to say in its language; `error` says it in English. */
export type RefusalCode =
  | 'already-started'
  | 'not-started'
  | 'paused'
  | 'already-paused'
  | 'not-paused'
  | 'over'
  | 'already-over'
  | 'resume-to-submit'
  | 'resume-to-skip'
  | 'empty-answer'
  | 'follow-up-done'
  | 'follow-up-empty'
  | 'damaged';

export const REFUSALS: Readonly<Record<RefusalCode, string>> = {
  'already-started': 'The interview has already started.',
  'not-started': 'The interview has not started.',
  paused: 'The interview is paused. Resume it to keep answering.',
  'already-paused': 'The interview is already paused.',
  'not-paused': 'Only a paused interview can be resumed.',
  over: 'The interview is over.',
  'already-over': 'The interview is already over.',
  'resume-to-submit': 'Resume the interview before you submit.',
  'resume-to-skip': 'Resume the interview before you skip.',
  'empty-answer': 'Write an answer first, or skip the question.',
  'follow-up-done': 'This question already had its follow-up.',
  'follow-up-empty': 'A follow-up needs a question.',
  damaged: 'The saved interview progress is damaged.',
};

export function createInterviewState(questionCount: number): InterviewMachineState {
  if (!Number.isInteger(questionCount) || questionCount < 1) {
    throw new RangeError(`An interview needs at least one question, got ${questionCount}`);
  }
  return {
    phase: 'not-started',
    questionCount,
    index: 0,
    draft: '',
    activeMs: Array.from({ length: questionCount }, () => 0),
    runningSince: null,
    endedEarly: false,
    followUp: null,
  };
}

export function transition(state: InterviewMachineState, event: InterviewEvent): TransitionResult {
  const refuse = (code: RefusalCode): TransitionResult => ({ ok: false, state, error: REFUSALS[code], code });

  switch (event.type) {
    case 'start':
      if (state.phase !== 'not-started') return refuse('already-started');
      return { ok: true, state: { ...state, phase: 'answering', runningSince: event.at } };

    case 'draft':
      if (state.phase !== 'answering') return refuse(draftRefusal(state.phase));
      return { ok: true, state: { ...state, draft: event.text } };

    case 'pause':
      if (state.phase !== 'answering') return refuse(pauseRefusal(state.phase));
      return { ok: true, state: foldRunning(state, event.at, 'paused') };

    case 'resume':
      if (state.phase !== 'paused') return refuse('not-paused');
      return { ok: true, state: { ...state, phase: 'answering', runningSince: event.at } };

    case 'submit': {
      if (state.phase !== 'answering') return refuse(answerRefusal(state.phase, 'submit'));
      if (state.draft.trim().length === 0) return refuse('empty-answer');
      return advance(state, event.at, false);
    }

    case 'followUp': {
      if (state.phase !== 'answering') return refuse(answerRefusal(state.phase, 'submit'));
      if (state.followUp) return refuse('follow-up-done');
      if (state.draft.trim().length === 0) return refuse('empty-answer');
      const question = event.question.trim();
      if (!question) return refuse('follow-up-empty');
      return { ok: true, state: { ...state, draft: '', followUp: { question, mainAnswer: state.draft } } };
    }

    case 'skip':
      if (state.phase !== 'answering') return refuse(answerRefusal(state.phase, 'skip'));
      return advance(state, event.at, true);

    case 'endEarly': {
      if (state.phase !== 'answering' && state.phase !== 'paused') {
        return refuse(state.phase === 'finished' ? 'already-over' : 'not-started');
      }
      const folded = state.phase === 'answering' ? foldRunning(state, event.at, 'finished') : { ...state, phase: 'finished' as const };
      return { ok: true, state: { ...folded, endedEarly: true }, finished: true };
    }

    case 'tick':
      // Elapsed time is derived from `runningSince` and the clock, so a tick changes nothing; it is
      // accepted in every phase so a UI timer can send it without checking the phase first.
      return { ok: true, state };

    case 'restore':
      return restore(event.snapshot);
  }
}

/** Active time on the current question, including the segment running now. */
export function questionElapsedMs(state: InterviewMachineState, now: number): number {
  const index = Math.min(state.index, state.questionCount - 1);
  return (state.activeMs[index] ?? 0) + runningMs(state, now);
}

/** Active time over the whole interview, pauses excluded. */
export function totalElapsedMs(state: InterviewMachineState, now: number): number {
  return state.activeMs.reduce((sum, ms) => sum + ms, 0) + runningMs(state, now);
}

/**
 * A snapshot for storage. The running segment is folded in up to `now`, so the time between the last
 * save and a reload (when the candidate was away) is never counted.
 */
export function snapshotOf(state: InterviewMachineState, now: number): InterviewSnapshot {
  const folded = state.phase === 'answering' ? foldRunning(state, now, 'answering') : state;
  return {
    v: 1,
    phase: state.phase,
    questionCount: state.questionCount,
    index: state.index,
    draft: state.draft,
    activeMs: [...folded.activeMs],
    endedEarly: state.endedEarly,
    savedAt: now,
    followUp: state.followUp,
  };
}

function restore(snapshot: InterviewSnapshot): TransitionResult {
  const count = snapshot.questionCount;
  const valid =
    snapshot.v === 1 &&
    Number.isInteger(count) &&
    count >= 1 &&
    Number.isInteger(snapshot.index) &&
    snapshot.index >= 0 &&
    snapshot.index <= count &&
    snapshot.activeMs.length === count &&
    snapshot.activeMs.every((ms) => Number.isFinite(ms) && ms >= 0) &&
    (snapshot.followUp == null || (typeof snapshot.followUp.question === 'string' && typeof snapshot.followUp.mainAnswer === 'string'));
  const fallback = createInterviewState(Number.isInteger(count) && count >= 1 ? count : 1);
  if (!valid) return { ok: false, state: fallback, error: REFUSALS.damaged, code: 'damaged' };

  const finished = snapshot.phase === 'finished' || snapshot.index >= count;
  // The candidate was away, so an interview that was running comes back paused: the timer only
  // starts again when they say they are ready.
  const phase: InterviewPhase = finished ? 'finished' : snapshot.phase === 'not-started' ? 'not-started' : 'paused';
  return {
    ok: true,
    state: {
      phase,
      questionCount: count,
      index: snapshot.index,
      draft: snapshot.draft,
      activeMs: [...snapshot.activeMs],
      runningSince: null,
      endedEarly: snapshot.endedEarly,
      followUp: finished ? null : (snapshot.followUp ?? null),
    },
  };
}

function advance(state: InterviewMachineState, at: number, skipped: boolean): TransitionResult {
  const folded = foldRunning(state, at, 'answering');
  // Skipping a follow-up keeps the main answer: only the follow-up goes unanswered.
  const outcome: TurnOutcome = state.followUp
    ? {
        index: state.index,
        answer: state.followUp.mainAnswer,
        skipped: false,
        activeMs: folded.activeMs[state.index] ?? 0,
        followUp: { question: state.followUp.question, answer: skipped ? '' : state.draft },
      }
    : { index: state.index, answer: state.draft, skipped, activeMs: folded.activeMs[state.index] ?? 0, followUp: null };
  const nextIndex = state.index + 1;
  if (nextIndex >= state.questionCount) {
    return { ok: true, state: { ...folded, phase: 'finished', index: nextIndex, draft: '', runningSince: null, followUp: null }, outcome, finished: true };
  }
  return { ok: true, state: { ...folded, index: nextIndex, draft: '', runningSince: at, followUp: null }, outcome };
}

function foldRunning(state: InterviewMachineState, at: number, phase: InterviewPhase): InterviewMachineState {
  const ran = runningMs(state, at);
  const activeMs = state.activeMs.map((ms, i) => (i === state.index ? ms + ran : ms));
  return { ...state, phase, activeMs, runningSince: phase === 'answering' ? at : null };
}

function runningMs(state: InterviewMachineState, now: number): number {
  if (state.phase !== 'answering' || state.runningSince === null) return 0;
  // A clock that jumps backwards (manual change, NTP) must not make time negative.
  return Math.max(0, now - state.runningSince);
}

function draftRefusal(phase: InterviewPhase): RefusalCode {
  if (phase === 'paused') return 'paused';
  if (phase === 'finished') return 'over';
  return 'not-started';
}

function pauseRefusal(phase: InterviewPhase): RefusalCode {
  if (phase === 'paused') return 'already-paused';
  if (phase === 'finished') return 'over';
  return 'not-started';
}

function answerRefusal(phase: InterviewPhase, verb: 'submit' | 'skip'): RefusalCode {
  if (phase === 'paused') return verb === 'submit' ? 'resume-to-submit' : 'resume-to-skip';
  if (phase === 'finished') return 'over';
  return 'not-started';
}
