import { describe, expect, it } from 'vitest';
import type { InterviewControl } from '../../sync-server/protocol/interview-control.ts';
import { foldControls } from './interviewer-controls.ts';

const control = (id: string, action: InterviewControl['action'], minutes: number | null = null, message = ''): InterviewControl => ({
  id,
  interviewId: 'iv',
  action,
  minutes,
  message,
  issuedBy: 'Ada',
  issuedAt: '2026-11-23T10:00:00.000Z',
});

describe('the interviewer controls of one interview', () => {
  it('hold it from a pause until a resume, and add every extension', () => {
    expect(foldControls([control('1', 'pause', null, 'Hold on')])).toMatchObject({ held: true, latest: { action: 'pause', message: 'Hold on' } });
    const state = foldControls([control('1', 'pause'), control('2', 'extend', 5), control('3', 'resume'), control('4', 'extend', 10)]);
    expect(state).toMatchObject({ held: false, extraMinutes: 15, ended: false, locked: false, latest: { action: 'extend', minutes: 10 } });
  });

  it('end it, and lock it for good', () => {
    expect(foldControls([control('1', 'pause'), control('2', 'end')])).toMatchObject({ held: false, ended: true });
    expect(foldControls([control('1', 'lock'), control('2', 'resume')])).toMatchObject({ locked: true });
    expect(foldControls([])).toMatchObject({ held: false, ended: false, locked: false, latest: null });
  });
});
