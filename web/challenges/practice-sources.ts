// Where practice comes from, as one typed list. Today there is one source: the bank (the curated
// question bank's practice sets and the bundled coding challenges). Organisation templates are the
// next: an organisation's template reaches the device when it syncs and becomes a PracticeSource
// (kind 'org-template', id `org-template:<templateId>`) with its own challenges and sets, and limits
// such as how many hints it allows. Adding it means adding it to `listPracticeSources`; the screens
// and the stored attempts (keyed by source id) already take any source.
// Owns: the list of sources and the bank source. Must not import: Solid, the UI.
import type { CodingChallenge } from './catalogue/challenge-schema.ts';
import type { InterviewPracticeSet } from './practice-sets.ts';

export type PracticeSourceKind = 'bank' | 'org-template';

export interface PracticeRole {
  id: string;
  label: string;
}

export interface PracticeSource {
  /** Stable: attempts and drafts are stored under it. `bank`, or `org-template:<templateId>`. */
  id: string;
  kind: PracticeSourceKind;
  /** How the screens name an organisation's source (its template's name); null for the bank, which the screens name themselves. */
  name: string | null;
  codingChallenges(): Promise<CodingChallenge[]>;
  /** Roles whose interview practice sets this source has. */
  roles(): Promise<PracticeRole[]>;
  interviewSets(roleId: string): Promise<InterviewPracticeSet[]>;
  /** How many of a challenge's hints this source lets the candidate reveal (a template may allow fewer, or none). */
  hintsAllowed(challenge: CodingChallenge): number;
}

export const BANK_SOURCE_ID = 'bank';

const bankSource: PracticeSource = {
  id: BANK_SOURCE_ID,
  kind: 'bank',
  name: null,
  async codingChallenges() {
    const { codingChallenges } = await import('./catalogue/catalogue.ts');
    return codingChallenges();
  },
  async roles() {
    const { getQuestionBank } = await import('../../workers/llm/basic/index.ts');
    return getQuestionBank().roles.map((role) => ({ id: role.id, label: role.label }));
  },
  async interviewSets(roleId) {
    const [{ getQuestionBank }, { bankPracticeSets }] = await Promise.all([import('../../workers/llm/basic/index.ts'), import('./practice-sets.ts')]);
    return bankPracticeSets(getQuestionBank(), roleId);
  },
  hintsAllowed: (challenge) => challenge.hints.length,
};

/** Every source of practice on this device, the bank first. */
export async function listPracticeSources(): Promise<PracticeSource[]> {
  return [bankSource];
}

export async function findPracticeSource(id: string): Promise<PracticeSource | null> {
  return (await listPracticeSources()).find((source) => source.id === id) ?? null;
}
