// The code editor on the challenge screen. CodeMirror is loaded here with a dynamic import, so it is
// fetched only when a challenge opens; until then, and if it cannot load (offline before it was
// cached), a plain labelled text box stands in, so the candidate can always write and run code.
import { createEffect, createSignal, on, onCleanup, onMount, Show } from 'solid-js';
import type { CodeLanguage } from '../../workers/code-runner/api.ts';
import { t } from '../i18n/i18n.ts';
import type { CodeEditorHandle } from './editor/code-editor.ts';

export interface CodeEditorControls {
  setDoc(doc: string, options?: { undoable?: boolean }): void;
  goToLine(line: number): void;
  focus(): void;
}

export function CodeEditor(props: {
  id: string;
  initialDoc: string;
  language: CodeLanguage;
  onChange: (doc: string) => void;
  onRun: () => void;
  ref?: (controls: CodeEditorControls) => void;
}) {
  const hintId = `${props.id}-keys`;
  const labelId = `${props.id}-label`;
  const label = () => t('challenges:editor.label', { language: t(`challenges:languages.${props.language}`) });
  const [status, setStatus] = createSignal<'loading' | 'ready' | 'fallback'>('loading');
  let host!: HTMLDivElement;
  let fallback: HTMLTextAreaElement | undefined;
  let editor: CodeEditorHandle | null = null;
  // The text as last typed, so the fallback and the editor start from the same place.
  let current = props.initialDoc;
  const change = (doc: string) => {
    current = doc;
    props.onChange(doc);
  };

  props.ref?.({
    setDoc(doc, options) {
      current = doc;
      if (editor) editor.setDoc(doc, options);
      else if (fallback) fallback.value = doc;
      props.onChange(doc);
    },
    goToLine(line) {
      if (editor) editor.goToLine(line);
      else if (fallback) {
        const offset = current.split('\n').slice(0, Math.max(0, line - 1)).reduce((sum, text) => sum + text.length + 1, 0);
        fallback.focus();
        fallback.setSelectionRange(offset, offset);
      }
    },
    focus() {
      if (editor) editor.focus();
      else fallback?.focus();
    },
  });

  onMount(() => {
    let disposed = false;
    onCleanup(() => {
      disposed = true;
      editor?.destroy();
      editor = null;
    });
    import('./editor/code-editor.ts').then(
      ({ createCodeEditor }) => {
        if (disposed) return;
        // Shown first: CodeMirror measures its host when it starts.
        setStatus('ready');
        editor = createCodeEditor({ parent: host, doc: current, language: props.language, label: label(), describedBy: hintId, onChange: change, onRun: () => props.onRun() });
      },
      () => {
        if (!disposed) setStatus('fallback');
      },
    );
  });

  createEffect(on([() => props.language, label], () => editor?.setLanguage(props.language, label()), { defer: true }));

  return (
    <div class="code-editor stack-tight">
      <span id={labelId} class="label">
        {label()}
      </span>
      <p id={hintId} class="hint">
        {t('challenges:editor.keys')}
      </p>
      <Show when={status() === 'loading'}>
        <p class="loading small" role="status">
          <span class="spinner" aria-hidden="true" /> {t('challenges:editor.loading')}
        </p>
      </Show>
      <Show when={status() === 'fallback'}>
        <p class="small warning-note" role="status">
          {t('challenges:editor.fallback')}
        </p>
        <textarea
          ref={fallback}
          class="textarea code-fallback"
          aria-labelledby={labelId}
          aria-describedby={hintId}
          spellcheck={false}
          value={current}
          onInput={(event) => change(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              props.onRun();
            }
          }}
        />
      </Show>
      <div ref={host} class="code-editor-host" data-testid="code-editor" data-status={status()} hidden={status() !== 'ready'} />
    </div>
  );
}
