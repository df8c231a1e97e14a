// The curated question bank: loads the JSON files, checks them against the schema once, and matches a
// role typed in free text to one the bank knows.
// Owns: bank data access. Must not import: DOM, Dexie, fetch.
import roles from './question-bank/roles.json';
import general from './question-bank/general.json';
import softwareEngineer from './question-bank/software-engineer.json';
import frontendEngineer from './question-bank/frontend-engineer.json';
import dataScientist from './question-bank/data-scientist.json';
import productManager from './question-bank/product-manager.json';
import designer from './question-bank/designer.json';
import sales from './question-bank/sales.json';
import customerSupport from './question-bank/customer-support.json';
import nurse from './question-bank/nurse.json';
import { z } from 'zod';
import { bankFile, bankRole, type BankQuestion, type BankRole } from './question-bank-schema.ts';

export { matchRole } from './match-role.ts';

const FILES: Record<string, unknown> = {
  general,
  'software-engineer': softwareEngineer,
  'frontend-engineer': frontendEngineer,
  'data-scientist': dataScientist,
  'product-manager': productManager,
  designer,
  sales,
  'customer-support': customerSupport,
  nurse,
};

export class QuestionBankError extends Error {
  override name = 'QuestionBankError';
}

export interface QuestionBank {
  roles: BankRole[];
  questions: BankQuestion[];
}

let cached: QuestionBank | null = null;

export function getQuestionBank(): QuestionBank {
  if (cached) return cached;
  const parsedRoles = z.array(bankRole).safeParse(roles);
  if (!parsedRoles.success) throw new QuestionBankError(`question-bank/roles.json is invalid: ${parsedRoles.error.message}`);
  const questions: BankQuestion[] = [];
  for (const [name, data] of Object.entries(FILES)) {
    const parsed = bankFile.safeParse(data);
    if (!parsed.success) throw new QuestionBankError(`question-bank/${name}.json is invalid: ${parsed.error.message}`);
    questions.push(...parsed.data.questions);
  }
  cached = { roles: parsedRoles.data, questions };
  return cached;
}

export const BANK_FILE_NAMES = Object.keys(FILES);
