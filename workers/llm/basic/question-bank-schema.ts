// The shape of the curated question bank (question-bank/*.json). The bank is data written by us; this
// schema is what keeps it honest, and question-bank.test.ts runs it over every file.
import { z } from 'zod';
import { questionKind, seniority, talkingPoint } from '../../../sync-server/protocol/index.ts';

export const roleId = z.string().regex(/^[a-z][a-z0-9-]*$/);

/** A role the bank knows, and the words a free-text role is matched on. `general` suits any role. */
export const bankRole = z.object({
  id: roleId,
  label: z.string().min(2).max(80),
  aliases: z.array(z.string().min(2).max(60)).min(1),
});
export type BankRole = z.infer<typeof bankRole>;

export const bankQuestion = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/).max(80),
  role: roleId,
  seniorities: z.array(seniority).min(1).max(3),
  kind: questionKind,
  text: z.string().min(15).max(500),
  talkingPoints: z.array(talkingPoint).min(3).max(6),
  rubricHint: z.string().min(20).max(400),
  expectedSeconds: z.number().int().min(30).max(600),
});
export type BankQuestion = z.infer<typeof bankQuestion>;

export const bankFile = z.object({
  role: roleId,
  questions: z.array(bankQuestion).min(1),
});
export type BankFile = z.infer<typeof bankFile>;
