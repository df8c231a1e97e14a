// Small helpers every screen uses: the document title, and where focus goes when a screen opens.
import { createEffect } from 'solid-js';
import { StorageFullError } from '../data/storage-errors.ts';
import { t } from '../i18n/i18n.ts';
import { errorMessage } from './error-message.ts';

export function usePageTitle(title: string | (() => string)): void {
  createEffect(() => {
    const text = typeof title === 'function' ? title() : title;
    document.title = text ? `${text} · Interview Buddy` : 'Interview Buddy';
  });
}

/** Moves focus to `element` without scrolling it out of view; for headings with tabindex="-1". */
export function focusElement(element: HTMLElement | undefined | null): void {
  if (!element) return;
  element.focus({ preventScroll: true });
  element.scrollIntoView?.({ block: 'nearest' });
}

/**
 * The message of an error for the candidate; storage and sync errors already speak to them. A full
 * disk is explained at length by the shell's banner, so next to the control that failed a short line
 * says what happened to the candidate's work. In the interface language (see ./error-message.ts).
 */
export function messageOf(error: unknown): string {
  if (error instanceof StorageFullError) return t('errors:storage.fullAtControl');
  return errorMessage(error);
}
