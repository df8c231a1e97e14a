// Catalogue text as the screens show it: paragraphs split on blank lines, `backticks` as code. The
// text is ours (the catalogue), and it is rendered as text nodes, never as HTML.
import { For } from 'solid-js';

function segments(paragraph: string): { code: boolean; text: string }[] {
  return paragraph.split('`').map((text, index) => ({ code: index % 2 === 1, text }));
}

export function RichText(props: { text: string; class?: string }) {
  const paragraphs = () => props.text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
  return (
    <For each={paragraphs()}>
      {(paragraph) => (
        <p class={props.class}>
          <For each={segments(paragraph)}>{(segment) => (segment.code ? <code>{segment.text}</code> : segment.text)}</For>
        </p>
      )}
    </For>
  );
}
