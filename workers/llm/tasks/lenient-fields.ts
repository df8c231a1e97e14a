// Models drift a little outside what was asked ("4/5", 3.5, 9, "  Python ", 40 skills). These field
// schemas show the model exactly what is wanted (in the JSON schema it is sent) but read its answer
// leniently and pull it back into range, so a slightly-off answer is kept instead of re-asked.
// Owns: lenient zod field types for model output. Must not import: DOM, Dexie.
import { z } from 'zod';

/** The first number in a string ("4/5" → 4, "score: 3" → 3); anything else is left for zod to reject. */
function firstNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = /-?\d+(?:[.,]\d+)?/.exec(value);
  return match ? Number(match[0].replace(',', '.')) : value;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** An integer from `min` to `max`, as the model is told; read from any number or numeric string and clamped. */
export function lenientInt(min: number, max: number) {
  return z
    .preprocess(firstNumber, z.number().transform((value) => clamp(Math.round(value), min, max)))
    .meta({ type: 'integer', minimum: min, maximum: max });
}

/** A number from `min` to `max`, as the model is told; read from any number or numeric string and clamped. */
export function lenientNumber(min: number, max: number) {
  return z.preprocess(firstNumber, z.number().transform((value) => clamp(value, min, max))).meta({ minimum: min, maximum: max });
}

/** A plain string, trimmed and cut to `chars`. */
export function plainText(chars: number) {
  return z.string().transform((text) => text.trim().slice(0, chars));
}

/** Short plain strings: trimmed, empty ones dropped, at most `max` of them, each cut to `chars`. */
export function textList(max: number, chars = 300) {
  return z
    .array(z.string())
    .transform((items) => items.map((item) => item.trim().slice(0, chars)).filter(Boolean).slice(0, max));
}
