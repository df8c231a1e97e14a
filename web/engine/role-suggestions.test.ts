import { describe, expect, it } from 'vitest';
import { bankRoles } from '../../workers/llm/basic/index.ts';
import { SUGGESTED_ROLES } from './role-suggestions.ts';

describe('setup role suggestions', () => {
  it('are the validated question bank roles, in the bank order, without the general one', () => {
    expect(SUGGESTED_ROLES, 'The question bank\'s roles changed: copy their labels (all but general) into web/engine/role-suggestions.ts').toEqual(
      bankRoles.map((role) => role.label),
    );
    expect(SUGGESTED_ROLES.length).toBeGreaterThan(3);
    expect(SUGGESTED_ROLES).not.toContain('Any role');
  });
});
