import { describe, expect, it } from 'vitest';
import {
  createInterviewState,
  questionElapsedMs,
  snapshotOf,
  totalElapsedMs,
  transition,
  type InterviewEvent,
  type InterviewMachineState,
  type TransitionResult,
} from './interview-machine.ts';

const T0 = 1_700_000_000_000;

function run(state: InterviewMachineState, ...events: InterviewEvent[]): TransitionResult {
  let result: TransitionResult = { ok: true, state };
  for (const event of events) {
    result = transition(result.state, event);
    if (!result.ok) throw new Error(`${event.type} refused: ${result.error}`);
  }
  return result;
}

function started(count = 3): InterviewMachineState {
  return run(createInterviewState(count), { type: 'start', at: T0 }).state;
}

describe('interview machine', () => {
  it('starts on the first question with the timer running', () => {
    const state = started();
    expect(state.phase).toBe('answering');
    expect(state.index).toBe(0);
    expect(questionElapsedMs(state, T0 + 1500)).toBe(1500);
  });

  it('pauses and resumes, and elapsed time excludes the pause', () => {
    const state = run(
      started(),
      { type: 'pause', at: T0 + 10_000 },
      { type: 'resume', at: T0 + 70_000 },
    ).state;
    expect(state.phase).toBe('answering');
    // 10 s before the pause, 5 s after it; the minute paused does not count.
    expect(questionElapsedMs(state, T0 + 75_000)).toBe(15_000);
    expect(totalElapsedMs(state, T0 + 75_000)).toBe(15_000);
  });

  it('does not count time while paused', () => {
    const paused = run(started(), { type: 'pause', at: T0 + 4_000 }).state;
    expect(questionElapsedMs(paused, T0 + 4_000)).toBe(4_000);
    expect(questionElapsedMs(paused, T0 + 999_000)).toBe(4_000);
  });

  it('submits an answer with its active time and moves to the next question', () => {
    const result = run(
      started(),
      { type: 'draft', text: 'I led the migration.' },
      { type: 'pause', at: T0 + 20_000 },
      { type: 'resume', at: T0 + 50_000 },
      { type: 'submit', at: T0 + 60_000 },
    );
    expect(result.ok && result.outcome).toEqual({ index: 0, answer: 'I led the migration.', skipped: false, activeMs: 30_000, followUp: null });
    expect(result.state.index).toBe(1);
    expect(result.state.draft).toBe('');
    expect(result.state.phase).toBe('answering');
    // The next question's clock starts at zero.
    expect(questionElapsedMs(result.state, T0 + 61_000)).toBe(1_000);
    expect(totalElapsedMs(result.state, T0 + 61_000)).toBe(31_000);
  });

  it('refuses to submit an empty answer', () => {
    const result = transition(started(), { type: 'submit', at: T0 + 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/skip/);
    expect(transition(run(started(), { type: 'draft', text: '   \n' }).state, { type: 'submit', at: T0 + 1 }).ok).toBe(false);
  });

  it('skips a question, keeping whatever was typed, and marks it skipped', () => {
    const result = run(started(), { type: 'draft', text: 'half a thought' }, { type: 'skip', at: T0 + 5_000 });
    expect(result.ok && result.outcome).toEqual({ index: 0, answer: 'half a thought', skipped: true, activeMs: 5_000, followUp: null });
    expect(result.state.index).toBe(1);
  });

  it('finishes after the last question', () => {
    const result = run(
      started(2),
      { type: 'draft', text: 'one' },
      { type: 'submit', at: T0 + 1_000 },
      { type: 'draft', text: 'two' },
      { type: 'submit', at: T0 + 3_000 },
    );
    expect(result.ok && result.finished).toBe(true);
    expect(result.state.phase).toBe('finished');
    expect(result.state.endedEarly).toBe(false);
    expect(result.ok && result.outcome?.activeMs).toBe(2_000);
    expect(totalElapsedMs(result.state, T0 + 100_000)).toBe(3_000);
  });

  it('ends early from answering or paused, keeping the time spent', () => {
    const fromAnswering = run(started(), { type: 'endEarly', at: T0 + 8_000 });
    expect(fromAnswering.state).toMatchObject({ phase: 'finished', endedEarly: true, index: 0 });
    expect(fromAnswering.ok && fromAnswering.finished).toBe(true);
    expect(totalElapsedMs(fromAnswering.state, T0 + 50_000)).toBe(8_000);

    const fromPaused = run(started(), { type: 'pause', at: T0 + 2_000 }, { type: 'endEarly', at: T0 + 9_000 });
    expect(fromPaused.state).toMatchObject({ phase: 'finished', endedEarly: true });
    expect(totalElapsedMs(fromPaused.state, T0 + 9_000)).toBe(2_000);
  });

  it('refuses illegal transitions and leaves the state as it was', () => {
    const fresh = createInterviewState(3);
    const cases: Array<[InterviewMachineState, InterviewEvent]> = [
      [fresh, { type: 'pause', at: T0 }],
      [fresh, { type: 'resume', at: T0 }],
      [fresh, { type: 'submit', at: T0 }],
      [fresh, { type: 'skip', at: T0 }],
      [fresh, { type: 'draft', text: 'x' }],
      [fresh, { type: 'endEarly', at: T0 }],
      [started(), { type: 'start', at: T0 }],
      [started(), { type: 'resume', at: T0 }],
      [run(started(), { type: 'pause', at: T0 + 1 }).state, { type: 'pause', at: T0 + 2 }],
      [run(started(), { type: 'pause', at: T0 + 1 }).state, { type: 'draft', text: 'typed while paused' }],
      [run(started(), { type: 'draft', text: 'a' }, { type: 'pause', at: T0 + 1 }).state, { type: 'submit', at: T0 + 2 }],
      [run(started(), { type: 'pause', at: T0 + 1 }).state, { type: 'skip', at: T0 + 2 }],
      [run(started(), { type: 'endEarly', at: T0 + 1 }).state, { type: 'resume', at: T0 + 2 }],
      [run(started(), { type: 'endEarly', at: T0 + 1 }).state, { type: 'skip', at: T0 + 2 }],
      [run(started(), { type: 'endEarly', at: T0 + 1 }).state, { type: 'endEarly', at: T0 + 2 }],
    ];
    for (const [state, event] of cases) {
      const result = transition(state, event);
      expect(result.ok, `${state.phase} + ${event.type}`).toBe(false);
      expect(result.state).toBe(state);
      expect(!result.ok && result.error.length).toBeGreaterThan(5);
    }
  });

  it('accepts a tick in any phase without changing anything', () => {
    for (const state of [createInterviewState(2), started(), run(started(), { type: 'endEarly', at: T0 + 1 }).state]) {
      const result = transition(state, { type: 'tick', at: T0 + 5 });
      expect(result.ok).toBe(true);
      expect(result.state).toBe(state);
    }
  });

  it('resumes after a reload on the same question with the same draft, paused at the elapsed time', () => {
    const before = run(
      started(3),
      { type: 'draft', text: 'first answer' },
      { type: 'submit', at: T0 + 30_000 },
      { type: 'draft', text: 'half of the second' },
    ).state;
    // Saved 12 s into question 2; the page is reloaded an hour later.
    const snapshot = JSON.parse(JSON.stringify(snapshotOf(before, T0 + 42_000)));
    const restored = transition(createInterviewState(3), { type: 'restore', snapshot });

    expect(restored.ok).toBe(true);
    expect(restored.state).toMatchObject({ phase: 'paused', index: 1, draft: 'half of the second', runningSince: null });
    const oneHourLater = T0 + 3_600_000;
    expect(questionElapsedMs(restored.state, oneHourLater)).toBe(12_000);
    expect(totalElapsedMs(restored.state, oneHourLater)).toBe(42_000);

    // Resuming continues the clock from there.
    const resumed = run(restored.state, { type: 'resume', at: oneHourLater }, { type: 'draft', text: 'half of the second, and the rest' });
    expect(questionElapsedMs(resumed.state, oneHourLater + 3_000)).toBe(15_000);
    const submitted = run(resumed.state, { type: 'submit', at: oneHourLater + 3_000 });
    expect(submitted.ok && submitted.outcome).toEqual({ index: 1, answer: 'half of the second, and the rest', skipped: false, activeMs: 15_000, followUp: null });
  });

  it('restores a paused snapshot without counting the time after the pause', () => {
    const paused = run(started(), { type: 'pause', at: T0 + 7_000 }).state;
    const restored = transition(createInterviewState(3), { type: 'restore', snapshot: snapshotOf(paused, T0 + 500_000) });
    expect(restored.state.phase).toBe('paused');
    expect(questionElapsedMs(restored.state, T0 + 900_000)).toBe(7_000);
  });

  it('restores a finished interview as finished', () => {
    const done = run(started(1), { type: 'draft', text: 'x' }, { type: 'submit', at: T0 + 1_000 }).state;
    const restored = transition(createInterviewState(1), { type: 'restore', snapshot: snapshotOf(done, T0 + 2_000) });
    expect(restored.state.phase).toBe('finished');
  });

  it('refuses a damaged snapshot', () => {
    const snapshot = { ...snapshotOf(started(3), T0 + 1), activeMs: [1, 2] };
    const result = transition(createInterviewState(3), { type: 'restore', snapshot });
    expect(result.ok).toBe(false);
  });

  it('never counts negative time when the clock goes backwards', () => {
    const state = started();
    expect(questionElapsedMs(state, T0 - 5_000)).toBe(0);
    const paused = run(state, { type: 'pause', at: T0 - 5_000 }).state;
    expect(totalElapsedMs(paused, T0)).toBe(0);
  });

  describe('follow-ups', () => {
    it('keeps the main answer, asks one follow-up, and submits both as one turn', () => {
      const asked = run(started(2), { type: 'draft', text: 'I fixed it.' }, { type: 'followUp', question: 'How did you find the cause?' });
      expect(asked.state.index).toBe(0);
      expect(asked.state.draft).toBe('');
      expect(asked.state.followUp).toEqual({ question: 'How did you find the cause?', mainAnswer: 'I fixed it.' });

      const done = run(asked.state, { type: 'draft', text: 'From the logs.' }, { type: 'submit', at: T0 + 5_000 });
      expect(done.ok && done.outcome).toEqual({
        index: 0,
        answer: 'I fixed it.',
        skipped: false,
        activeMs: 5_000,
        followUp: { question: 'How did you find the cause?', answer: 'From the logs.' },
      });
      expect(done.state.index).toBe(1);
      expect(done.state.followUp).toBeNull();
    });

    it('allows at most one follow-up per question, and none on an empty answer', () => {
      const asked = run(started(), { type: 'draft', text: 'Answer' }, { type: 'followUp', question: 'Why?' });
      const again = transition(run(asked.state, { type: 'draft', text: 'Because' }).state, { type: 'followUp', question: 'And then?' });
      expect(again.ok).toBe(false);
      expect(transition(started(), { type: 'followUp', question: 'Why?' }).ok).toBe(false);
    });

    it('skipping the follow-up keeps the main answer as answered', () => {
      const asked = run(started(), { type: 'draft', text: 'Main answer' }, { type: 'followUp', question: 'Why?' });
      const skipped = run(asked.state, { type: 'skip', at: T0 + 1_000 });
      expect((skipped.ok ? skipped.outcome : null)?.skipped).toBe(false);
      expect((skipped.ok ? skipped.outcome : null)?.answer).toBe('Main answer');
      expect((skipped.ok ? skipped.outcome : null)?.followUp).toEqual({ question: 'Why?', answer: '' });
    });

    it('survives a reload in the middle of a follow-up', () => {
      const asked = run(started(), { type: 'draft', text: 'Main answer' }, { type: 'followUp', question: 'Why?' }, { type: 'draft', text: 'Beca' });
      const restored = transition(createInterviewState(3), { type: 'restore', snapshot: snapshotOf(asked.state, T0 + 2_000) });
      expect(restored.ok).toBe(true);
      expect(restored.state.followUp).toEqual({ question: 'Why?', mainAnswer: 'Main answer' });
      expect(restored.state.draft).toBe('Beca');
    });
  });
});
