import { describe, expect, it } from 'vitest';
import { JsonAnswerError, parseJsonAnswer, repairJson } from './json-answer.ts';

describe('parseJsonAnswer', () => {
  it('reads plain JSON, fenced JSON and JSON between prose', () => {
    expect(parseJsonAnswer('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonAnswer('Here you go:\n```json\n{"a": [1, 2]}\n```')).toEqual({ a: [1, 2] });
    expect(parseJsonAnswer('```\n{"a": 2}\n```')).toEqual({ a: 2 });
    expect(parseJsonAnswer('Sure! {"a": "x {y}"} Hope that helps.')).toEqual({ a: 'x {y}' });
  });

  it('finds the JSON outside a code fence that holds something else', () => {
    expect(parseJsonAnswer('Use `x` like this:\n```ts\nconst x = 1;\n```\n{"a": 3}')).toEqual({ a: 3 });
  });

  it('repairs trailing commas, typographic quotes and raw line breaks', () => {
    expect(parseJsonAnswer('{"a": [1, 2,], "b": 3,}')).toEqual({ a: [1, 2], b: 3 });
    expect(parseJsonAnswer('{\u201ca\u201d: \u201cb\u201d}')).toEqual({ a: 'b' });
    expect(parseJsonAnswer('{"a": "line one\nline two",}')).toEqual({ a: 'line one\nline two' });
  });

  it('leaves valid JSON untouched, typographic quotes and commas inside strings included', () => {
    expect(parseJsonAnswer('{"a": "I wrote the \u201crunbook\u201d, }"}')).toEqual({ a: 'I wrote the \u201crunbook\u201d, }' });
  });

  it('says clearly when there is no JSON or it was cut off', () => {
    expect(() => parseJsonAnswer('I cannot help with that.')).toThrow(JsonAnswerError);
    expect(() => parseJsonAnswer('I cannot help with that.')).toThrow(/no JSON object/);
    expect(() => parseJsonAnswer('{"a": "unterminated')).toThrow(/not valid JSON/);
  });
});

describe('repairJson', () => {
  it('never changes text inside straight-quoted strings', () => {
    expect(repairJson('{"a": "x, ]", "b": "\u201cq\u201d",}')).toBe('{"a": "x, ]", "b": "\u201cq\u201d"}');
  });

  it('escapes a straight quote inside a typographically quoted string', () => {
    expect(JSON.parse(repairJson('{\u201ca\u201d: \u201che said "no"\u201d}'))).toEqual({ a: 'he said "no"' });
  });
});
