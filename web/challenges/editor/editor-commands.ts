// The editing commands the challenge editor needs beyond what @codemirror/view does on its own:
// undo/redo history, Enter that keeps (and deepens) indentation, Tab/Shift-Tab indentation. The
// installed `codemirror` package is CodeMirror 5 and @codemirror/commands is not installed, so these
// are small versions of the standard ones, written as state commands so Node tests can run them.
// Owns: those commands. Must not import: @codemirror/view (the commands work on a state alone), Solid.
import { Annotation, countColumn, EditorSelection, StateEffect, StateField, Text, Transaction, type ChangeSet, type EditorState, type StateCommand } from '@codemirror/state';
import { getIndentation, getIndentUnit, IndentContext, indentString } from '@codemirror/language';

interface HistoryEntry {
  /** Undoes one step (or a group of quick keystrokes). */
  changes: ChangeSet;
  /** The selection before the step, restored by undo. */
  selection: EditorSelection;
}

interface HistoryState {
  done: readonly HistoryEntry[];
  undone: readonly HistoryEntry[];
  lastAt: number;
  lastEvent: string | undefined;
}

/** Typing within this long of the last change joins the same undo step. */
const GROUP_MS = 500;
const MAX_STEPS = 300;

const setHistory = StateEffect.define<HistoryState>();
/** Marks the transactions that undo or redo, so they are not recorded as new steps. */
const fromHistory = Annotation.define<boolean>();

export const historyField = StateField.define<HistoryState>({
  create: () => ({ done: [], undone: [], lastAt: 0, lastEvent: undefined }),
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setHistory)) return effect.value;
    if (!tr.docChanged || tr.annotation(fromHistory) || tr.annotation(Transaction.addToHistory) === false) return value;
    const inverse = tr.changes.invert(tr.startState.doc);
    const at = tr.annotation(Transaction.time) ?? Date.now();
    const event = tr.annotation(Transaction.userEvent);
    const last = value.done.at(-1);
    // Consecutive typing (or deleting) is one step; anything else starts a new one.
    const joins = last && event && event === value.lastEvent && /^(input\.type|delete)/.test(event) && at - value.lastAt < GROUP_MS;
    const done = joins ? [...value.done.slice(0, -1), { changes: inverse.compose(last.changes), selection: last.selection }] : [...value.done, { changes: inverse, selection: tr.startState.selection }];
    return { done: done.slice(-MAX_STEPS), undone: [], lastAt: at, lastEvent: event };
  },
});

function step(direction: 'undo' | 'redo'): StateCommand {
  return ({ state, dispatch }) => {
    const history = state.field(historyField, false);
    if (!history) return false;
    const from = direction === 'undo' ? history.done : history.undone;
    const entry = from.at(-1);
    if (!entry) return false;
    const reverse: HistoryEntry = { changes: entry.changes.invert(state.doc), selection: state.selection };
    const next: HistoryState =
      direction === 'undo'
        ? { done: history.done.slice(0, -1), undone: [...history.undone, reverse], lastAt: 0, lastEvent: undefined }
        : { done: [...history.done, reverse], undone: history.undone.slice(0, -1), lastAt: 0, lastEvent: undefined };
    dispatch(state.update({ changes: entry.changes, selection: entry.selection, effects: setHistory.of(next), annotations: fromHistory.of(true), scrollIntoView: true, userEvent: direction }));
    return true;
  };
}

export const undo = step('undo');
export const redo = step('redo');

const PAIRS: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

/** Enter: a new line indented as the syntax says; between a pair of brackets, the closing one moves down a line. */
export const insertNewlineAndIndent: StateCommand = ({ state, dispatch }) => {
  const changes = state.changeByRange((range) => {
    const { from, to } = range;
    const line = state.doc.lineAt(from);
    const before = state.sliceDoc(from - 1, from);
    const explode = from === to && PAIRS[before] !== undefined && state.sliceDoc(to, to + 1) === PAIRS[before];
    const context = new IndentContext(state, { simulateBreak: from, simulateDoubleBreak: explode });
    const indent = getIndentation(context, from) ?? countColumn(/^\s*/.exec(line.text)![0], state.tabSize);
    const lines = ['', indentString(state, indent)];
    if (explode) lines.push(indentString(state, context.lineIndent(line.from, -1)));
    return { changes: { from, to, insert: Text.of(lines) }, range: EditorSelection.cursor(from + 1 + lines[1]!.length) };
  });
  dispatch(state.update(changes, { scrollIntoView: true, userEvent: 'input' }));
  return true;
};

function selectedLines(state: EditorState): number[] {
  const numbers = new Set<number>();
  for (const range of state.selection.ranges) {
    const last = state.doc.lineAt(range.to).number;
    for (let number = state.doc.lineAt(range.from).number; number <= last; number++) {
      // A selection that ends at the very start of a line does not take that line along.
      if (number === last && number !== state.doc.lineAt(range.from).number && range.to === state.doc.line(number).from) continue;
      numbers.add(number);
    }
  }
  return [...numbers];
}

/** Tab: one indent unit at the cursor, or before every selected line. */
export const indentMore: StateCommand = ({ state, dispatch }) => {
  const unit = indentString(state, getIndentUnit(state));
  if (state.selection.ranges.every((range) => range.empty)) {
    dispatch(state.update(state.replaceSelection(unit), { scrollIntoView: true, userEvent: 'input.indent' }));
    return true;
  }
  const changes = selectedLines(state).map((number) => ({ from: state.doc.line(number).from, insert: unit }));
  dispatch(state.update({ changes, userEvent: 'input.indent' }));
  return true;
};

/** Shift-Tab: up to one indent unit less before every selected line. */
export const indentLess: StateCommand = ({ state, dispatch }) => {
  const unit = getIndentUnit(state);
  const changes = selectedLines(state).flatMap((number) => {
    const line = state.doc.line(number);
    const leading = /^[ \t]*/.exec(line.text)![0];
    let remove = 0;
    let columns = 0;
    while (remove < leading.length && columns < unit) {
      columns += leading[remove] === '\t' ? state.tabSize : 1;
      remove++;
    }
    return remove ? [{ from: line.from, to: line.from + remove }] : [];
  });
  if (changes.length) dispatch(state.update({ changes, userEvent: 'delete.dedent' }));
  return true;
};
