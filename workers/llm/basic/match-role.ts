// Matches a role typed in free text ("Senior React developer") to a role the question bank knows.
import type { BankRole } from './question-bank-schema.ts';

export class UnknownRoleError extends Error {
  override name = 'UnknownRoleError';
}

/**
 * The bank role a free-text role belongs to: the longest alias found as whole words wins, so
 * "frontend engineer" beats "engineer" and "rn" does not match inside "modern". Falls back to `general`.
 */
export function matchRole(freeText: string, bankRoles: readonly BankRole[]): BankRole {
  const text = ` ${freeText.toLowerCase().replace(/[^a-z0-9/+#-]+/g, ' ')} `;
  let best: { role: BankRole; length: number } | null = null;
  for (const role of bankRoles) {
    if (role.id === 'general') continue;
    for (const alias of role.aliases) {
      const needle = ` ${alias.toLowerCase().replace(/[^a-z0-9/+#-]+/g, ' ').trim()} `;
      if (text.includes(needle) && (!best || needle.length > best.length)) best = { role, length: needle.length };
    }
  }
  if (best) return best.role;
  const fallback = bankRoles.find((role) => role.id === 'general');
  if (!fallback) throw new UnknownRoleError('The question bank has no `general` role to fall back on.');
  return fallback;
}
