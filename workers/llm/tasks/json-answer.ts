// Models wrap JSON in prose or code fences, leave trailing commas, use typographic quotes and put raw
// line breaks in strings. This finds the JSON object in an answer and repairs those slips, and nothing
// more: anything else wrong is a validation problem the model is asked to fix.
// Owns: text → unknown JSON. Must not import: DOM, Dexie, zod.

export class JsonAnswerError extends Error {
  override name = 'JsonAnswerError';
}

export function parseJsonAnswer(text: string): unknown {
  const candidates = [...new Set([stripCodeFence(text), text])].map(outermostObject).filter((found) => found !== null);
  if (!candidates.length) throw new JsonAnswerError('The answer contains no JSON object.');
  for (const candidate of candidates) {
    // Valid JSON is taken as it is: repairing it could only damage it.
    for (const attempt of [candidate, repairJson(candidate)]) {
      try {
        return JSON.parse(attempt);
      } catch {
        // try the repaired text, then the next candidate
      }
    }
  }
  throw new JsonAnswerError('The answer is not valid JSON (it may have been cut off).');
}

function stripCodeFence(text: string): string {
  const fenced = /```[a-z]*\s*([\s\S]*?)```/i.exec(text);
  return fenced ? fenced[1]! : text;
}

const OPEN_CURLY = '\u201c';
const CLOSE_CURLY = '\u201d';
const isCurly = (char: string) => char === OPEN_CURLY || char === CLOSE_CURLY;

/** From the first `{` to its matching `}`, skipping braces inside strings (straight or curly quoted). */
function outermostObject(text: string): string | null {
  const start = text.indexOf('{');
  if (start === -1) return null;
  let depth = 0;
  let closer: 'straight' | 'curly' | null = null;
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (closer) {
      if (char === '\\') i++;
      else if (closer === 'straight' ? char === '"' : isCurly(char)) closer = null;
      continue;
    }
    if (char === '"') closer = 'straight';
    else if (isCurly(char)) closer = 'curly';
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start); // unbalanced: let the parser say so
}

/**
 * Strings quoted with “typographic” marks get straight ones (a straight quote inside them is
 * escaped), raw line breaks and tabs inside strings are escaped, and commas before `}` or `]` are
 * dropped. Text inside properly quoted strings is never changed.
 */
export function repairJson(json: string): string {
  let out = '';
  let closer: 'straight' | 'curly' | null = null;
  for (let i = 0; i < json.length; i++) {
    const char = json[i]!;
    if (closer) {
      if (char === '\\') {
        out += char + (json[i + 1] ?? '');
        i++;
      } else if (closer === 'straight' ? char === '"' : isCurly(char)) {
        out += '"';
        closer = null;
      } else if (char === '\n') out += '\\n';
      else if (char === '\r') out += '\\r';
      else if (char === '\t') out += '\\t';
      else out += closer === 'curly' && char === '"' ? '\\"' : char;
      continue;
    }
    if (char === '"' || isCurly(char)) {
      closer = char === '"' ? 'straight' : 'curly';
      out += '"';
    } else if (char === ',' && /^\s*[}\]]/.test(json.slice(i + 1, i + 200))) {
      // a trailing comma: drop it
    } else out += char;
  }
  return out;
}
