// What the interviewer's controls, in the order they were issued, mean for the interview now: held
// (paused until a resume), extra minutes (every extension adds up), ended, locked (read-only for
// good), and the last message to show. Pure: the interview screen folds the pulled controls with it.
import type { InterviewControl } from '../../sync-server/protocol/interview-control.ts';

export interface ControlState {
  held: boolean;
  extraMinutes: number;
  ended: boolean;
  locked: boolean;
  /** The latest control, for the banner; null before any. */
  latest: Pick<InterviewControl, 'action' | 'message' | 'issuedBy' | 'minutes'> | null;
}

export const NO_CONTROLS: ControlState = { held: false, extraMinutes: 0, ended: false, locked: false, latest: null };

export function foldControls(controls: readonly InterviewControl[]): ControlState {
  let state = NO_CONTROLS;
  for (const control of controls) {
    const latest = { action: control.action, message: control.message, issuedBy: control.issuedBy, minutes: control.minutes };
    switch (control.action) {
      case 'pause':
        state = { ...state, held: true, latest };
        break;
      case 'resume':
        state = { ...state, held: false, latest };
        break;
      case 'extend':
        state = { ...state, extraMinutes: state.extraMinutes + (control.minutes ?? 0), latest };
        break;
      case 'end':
        state = { ...state, held: false, ended: true, latest };
        break;
      case 'lock':
        state = { ...state, locked: true, latest };
        break;
    }
  }
  return state;
}
