// The challenge screen's code editor: CodeMirror 6 (@codemirror/view + state + language) with the
// JavaScript/TypeScript language, themed with the app's CSS variables, labelled for screen readers.
// Tab indents; Escape then Tab leaves the editor (CodeMirror's tab-focus escape), and Ctrl-M /
// Shift-Alt-M toggles Tab between indenting and moving focus. Ctrl/Cmd-Enter runs the tests.
// Loaded only through a dynamic import from CodeEditor.tsx, so CodeMirror stays out of every other
// screen's bundle.
// Owns: the editor's setup. Must not import: Dexie, the runner, Solid.
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorSelection, EditorState, Transaction } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { CodeLanguage } from '../../../workers/code-runner/api.ts';
import { historyField, indentLess, indentMore, insertNewlineAndIndent, redo, undo } from './editor-commands.ts';

export interface CodeEditorOptions {
  parent: HTMLElement;
  doc: string;
  language: CodeLanguage;
  /** The accessible name of the text area, e.g. "Your code (TypeScript)". */
  label: string;
  /** Id of the element that explains the keyboard (Tab, Escape then Tab, Ctrl+Enter). */
  describedBy: string;
  onChange: (doc: string) => void;
  onRun: () => void;
}

export interface CodeEditorHandle {
  /** Replaces the whole text; `undoable` edits (a reset to the starter code) can be undone with Ctrl+Z. */
  setDoc(doc: string, options?: { undoable?: boolean }): void;
  setLanguage(language: CodeLanguage, label: string): void;
  /** Puts the cursor at the start of `line` (1-based) and focuses the editor. */
  goToLine(line: number): void;
  focus(): void;
  destroy(): void;
}

// Token colours come from the app's variables (classes styled in challenges.css), so they follow
// dark mode and keep the text contrast the rest of the app has.
const highlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword], class: 'cm-tok-keyword' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], class: 'cm-tok-string' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], class: 'cm-tok-literal' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], class: 'cm-tok-comment' },
  { tag: [tags.typeName, tags.className, tags.namespace], class: 'cm-tok-type' },
  { tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName)), tags.definition(tags.variableName)], class: 'cm-tok-definition' },
  { tag: tags.invalid, class: 'cm-tok-invalid' },
]);

const theme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--surface)', fontSize: '0.95rem' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)', padding: '0.5rem 0' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: 'var(--surface-muted)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--surface-muted)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--border)', color: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--accent-soft)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-matchingBracket': { backgroundColor: 'var(--accent-soft)', outline: '1px solid var(--accent)' },
});

function languageExtension(language: CodeLanguage) {
  return javascript({ typescript: language === 'typescript' });
}

export function createCodeEditor(options: CodeEditorOptions): CodeEditorHandle {
  const languageSlot = new Compartment();
  const labelSlot = new Compartment();
  const labelAttributes = (label: string) => EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': options.describedBy });
  const toggleTabFocus = (view: EditorView) => {
    view.setTabFocusMode();
    return true;
  };

  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        historyField,
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        indentUnit.of('  '),
        EditorState.tabSize.of(2),
        syntaxHighlighting(highlightStyle),
        languageSlot.of(languageExtension(options.language)),
        labelSlot.of(labelAttributes(options.label)),
        // tabindex says outright what contenteditable implies, so checkers (axe's scrollable-region
        // rule) see the scrolling area holds a focusable element; it adds no tab stop.
        EditorView.contentAttributes.of({ spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off', tabindex: '0' }),
        theme,
        keymap.of([
          { key: 'Mod-Enter', run: () => (options.onRun(), true), preventDefault: true },
          ...closeBracketsKeymap,
          { key: 'Enter', run: insertNewlineAndIndent },
          { key: 'Tab', run: indentMore, shift: indentLess },
          { key: 'Mod-z', run: undo, preventDefault: true },
          { key: 'Mod-Shift-z', run: redo, preventDefault: true },
          { key: 'Mod-y', run: redo, preventDefault: true },
          { key: 'Ctrl-m', mac: 'Shift-Alt-m', run: toggleTabFocus },
        ]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    setDoc(doc, { undoable = false } = {}) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: doc },
        selection: EditorSelection.cursor(0),
        annotations: Transaction.addToHistory.of(undoable),
        userEvent: 'input.replace',
      });
    },
    setLanguage(language, label) {
      view.dispatch({ effects: [languageSlot.reconfigure(languageExtension(language)), labelSlot.reconfigure(labelAttributes(label))] });
    },
    goToLine(line) {
      const target = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
      view.dispatch({ selection: EditorSelection.cursor(target.from + (/^\s*/.exec(target.text)?.[0].length ?? 0)), scrollIntoView: true });
      view.focus();
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
