import { javascript } from '@codemirror/lang-javascript';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorSelection, EditorState, Transaction, type StateCommand } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { historyField, indentLess, indentMore, insertNewlineAndIndent, redo, undo } from './editor-commands.ts';

function stateOf(doc: string, cursor: number | { anchor: number; head: number } = doc.length): EditorState {
  const state = EditorState.create({
    doc,
    selection: typeof cursor === 'number' ? EditorSelection.cursor(cursor) : EditorSelection.single(cursor.anchor, cursor.head),
    extensions: [historyField, javascript({ typescript: true })],
  });
  ensureSyntaxTree(state, state.doc.length, 5_000);
  return state;
}

function run(state: EditorState, command: StateCommand): EditorState {
  let next = state;
  command({ state, dispatch: (tr: Transaction) => (next = tr.state) });
  return next;
}

function type(state: EditorState, text: string, at: number): EditorState {
  return state.update({ changes: { from: state.selection.main.head, insert: text }, selection: EditorSelection.cursor(state.selection.main.head + text.length), userEvent: 'input.type', annotations: Transaction.time.of(at) }).state;
}

describe('editor commands', () => {
  it('indents a new line after an opening brace and moves the closing one down', () => {
    const doc = 'function f() {}';
    const state = run(stateOf(doc, doc.length - 1), insertNewlineAndIndent);
    expect(state.doc.toString()).toBe('function f() {\n  \n}');
    expect(state.selection.main.head).toBe('function f() {\n  '.length);
    const next = run(type(state, 'return 1;', 0), insertNewlineAndIndent);
    expect(next.doc.toString()).toBe('function f() {\n  return 1;\n  \n}');
  });

  it('indents with Tab and takes one unit away with Shift-Tab, over every selected line', () => {
    const doc = 'a;\nb;\nc;';
    const indented = run(stateOf(doc, { anchor: 0, head: 4 }), indentMore);
    expect(indented.doc.toString()).toBe('  a;\n  b;\nc;');
    expect(run(indented, indentLess).doc.toString()).toBe('a;\nb;\nc;');
    expect(run(stateOf('x', 1), indentMore).doc.toString()).toBe('x  ');
    expect(run(stateOf('   deep', 7), indentLess).doc.toString()).toBe(' deep');
  });

  it('undoes quick typing as one step, other edits one by one, and redoes them', () => {
    let state = stateOf('', 0);
    state = type(state, 'let a', 1_000);
    state = type(state, ' = 1', 1_200);
    state = run(state, insertNewlineAndIndent);
    state = type(state, 'a++', 5_000);
    expect(state.doc.toString()).toBe('let a = 1\na++');
    state = run(state, undo);
    expect(state.doc.toString()).toBe('let a = 1\n');
    state = run(state, undo);
    expect(state.doc.toString()).toBe('let a = 1');
    state = run(state, undo);
    expect(state.doc.toString()).toBe('');
    let refused = true;
    undo({ state, dispatch: () => (refused = false) });
    expect(refused).toBe(true);
    state = run(run(state, redo), redo);
    expect(state.doc.toString()).toBe('let a = 1\n');
    // A new edit after undoing drops what could have been redone.
    state = type(run(state, undo), '!', 9_000);
    let redid = false;
    redo({ state, dispatch: () => (redid = true) });
    expect(redid).toBe(false);
  });

  it('leaves edits marked as not for history out of it', () => {
    const state = stateOf('old', 3).update({ changes: { from: 0, to: 3, insert: 'restored draft' }, annotations: Transaction.addToHistory.of(false) }).state;
    let changed = false;
    undo({ state, dispatch: () => (changed = true) });
    expect(changed).toBe(false);
  });
});
