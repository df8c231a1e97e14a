import { z } from 'zod';
import { MAX_TEXT_CHARS } from './limits.ts';

/** Which engine produced a question or a score. The UI always names it. */
export const ENGINE_KINDS = ['basic', 'local', 'cloud'] as const;
export const engineKind = z.enum(ENGINE_KINDS);
export type EngineKind = z.infer<typeof engineKind>;

export const dimensionScore = z.object({
  /** Stable key, e.g. `star`, `coverage`, `relevance`. */
  key: z.string().min(1).max(40),
  label: z.string().min(1).max(80),
  /** 1 (weak) to 5 (strong). */
  score: z.number().int().min(1).max(5),
  /** What was found, in plain words: why this score. */
  reason: z.string().max(MAX_TEXT_CHARS),
  /** Verbatim quotes from the answer that support the reason. */
  evidence: z.array(z.string().max(MAX_TEXT_CHARS)).max(10),
});
export type DimensionScore = z.infer<typeof dimensionScore>;

export const answerScore = z.object({
  engine: engineKind,
  /** 0 to 100, derived from the dimensions. */
  overall: z.number().min(0).max(100),
  dimensions: z.array(dimensionScore).min(1).max(12),
  /** Things the scorer noticed that are not a dimension, e.g. an attempt to instruct the scorer. */
  flags: z.array(z.string().max(200)).max(10).default([]),
  feedback: z.string().max(MAX_TEXT_CHARS).optional(),
  /** A stronger answer to the same question, from the AI engines. */
  exampleAnswer: z.string().max(MAX_TEXT_CHARS).optional(),
});
export type AnswerScore = z.infer<typeof answerScore>;

export const interviewSummary = z.object({
  engine: engineKind,
  overall: z.number().min(0).max(100),
  /** The mean of each dimension over the answered questions, 1 to 5 with one decimal. */
  dimensions: z.array(
    z.object({ key: z.string().max(40), label: z.string().max(80), score: z.number().min(1).max(5) }),
  ).max(12),
  strengths: z.array(z.string().max(MAX_TEXT_CHARS)).max(10),
  improvements: z.array(z.string().max(MAX_TEXT_CHARS)).max(10),
  answered: z.number().int().min(0),
  skipped: z.number().int().min(0),
  /** Concrete next practice steps, from the AI engines. */
  practicePlan: z.array(z.string().max(MAX_TEXT_CHARS)).max(10).optional(),
});
export type InterviewSummary = z.infer<typeof interviewSummary>;
