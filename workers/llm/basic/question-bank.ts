// The curated question bank: loads the JSON files, checks them against the schema once (lazily, on
// first use), and matches a role typed in free text to one the bank knows.
// Owns: bank data access. Must not import: DOM, Dexie, fetch. The JSON is imported statically so
// that Vite bundles it into the worker and Node (tests, tsx) can import it as it is.
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

/** One file per role, keyed by the role id the file must hold. */
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

/** The validated bank. Throws QuestionBankError naming the file and the problem if the data is bad. */
export function getQuestionBank(): QuestionBank {
  if (cached) return cached;
  const parsedRoles = z.array(bankRole).safeParse(roles);
  if (!parsedRoles.success) throw new QuestionBankError(`question-bank/roles.json is invalid:\n${z.prettifyError(parsedRoles.error)}`);
  const roleIds = new Set(parsedRoles.data.map((role) => role.id));
  if (!roleIds.has('general')) throw new QuestionBankError('question-bank/roles.json has no `general` role.');

  const questions: BankQuestion[] = [];
  const seenIds = new Set<string>();
  for (const [name, data] of Object.entries(FILES)) {
    const file = `question-bank/${name}.json`;
    const parsed = bankFile.safeParse(data);
    if (!parsed.success) throw new QuestionBankError(`${file} is invalid:\n${z.prettifyError(parsed.error)}`);
    if (!roleIds.has(name)) throw new QuestionBankError(`${file}: role "${name}" is not listed in question-bank/roles.json.`);
    if (parsed.data.role !== name) throw new QuestionBankError(`${file}: file role is "${parsed.data.role}", expected "${name}".`);
    for (const question of parsed.data.questions) {
      if (question.role !== name) throw new QuestionBankError(`${file}: question ${question.id} has role "${question.role}", expected "${name}".`);
      if (seenIds.has(question.id)) throw new QuestionBankError(`${file}: question id ${question.id} is used more than once.`);
      seenIds.add(question.id);
      questions.push(question);
    }
  }
  const missing = [...roleIds].filter((id) => !(id in FILES));
  if (missing.length) throw new QuestionBankError(`question-bank/roles.json lists roles with no question file: ${missing.join(', ')}.`);
  cached = { roles: parsedRoles.data, questions };
  return cached;
}

export const BANK_FILE_NAMES = Object.keys(FILES);
