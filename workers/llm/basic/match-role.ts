// Matches a role typed in free text ("Senior React developer") to a role the question bank knows.
import type { BankRole } from './question-bank-schema.ts';

export class UnknownRoleError extends Error {
  override name = 'UnknownRoleError';
}

const normalise = (text: string): string => text.toLowerCase().replace(/[^a-z0-9/+#-]+/g, ' ').trim();

/**
 * The bank role a free-text role belongs to. Aliases match as whole words ("rn" does not match inside
 * "modern"), and the most specific alias wins: a longer alias beats a shorter one, and a bare head
 * noun such as "developer" or "engineer" (the last word of other, compound aliases) loses to any
 * qualifier, so "React developer" is a frontend role. Falls back to `general`.
 */
export function matchRole(freeText: string, bankRoles: readonly BankRole[]): BankRole {
  const text = ` ${normalise(freeText)} `;
  const headNouns = new Set(
    bankRoles.flatMap((role) => role.aliases.map(normalise).filter((alias) => alias.includes(' ')).map((alias) => alias.split(' ').at(-1)!)),
  );
  let best: { role: BankRole; weight: number } | null = null;
  for (const role of bankRoles) {
    if (role.id === 'general') continue;
    for (const alias of role.aliases.map(normalise)) {
      if (!text.includes(` ${alias} `)) continue;
      const weight = !alias.includes(' ') && headNouns.has(alias) ? 0.5 : alias.length;
      if (!best || weight > best.weight) best = { role, weight };
    }
  }
  if (best) return best.role;
  const fallback = bankRoles.find((role) => role.id === 'general');
  if (!fallback) throw new UnknownRoleError('The question bank has no `general` role to fall back on.');
  return fallback;
}
