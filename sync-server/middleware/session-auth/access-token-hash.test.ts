import { describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.ts';
import { accessTokenHashOf } from './access-token-hash.ts';

describe('accessTokenHashOf', () => {
  it("is the hash of the ib_access cookie's value wherever it sits in the header, the same when asked again", () => {
    for (const header of ['ib_access=acc_abc', 'ib_csrf=x; ib_access=acc_abc', ' theme=dark ;ib_access=acc_abc; ib_csrf=y']) {
      expect(accessTokenHashOf(header), header).toBe(hashToken('acc_abc'));
      expect(accessTokenHashOf(header), header).toBe(hashToken('acc_abc'));
    }
    expect(accessTokenHashOf('ib_access=acc_other')).toBe(hashToken('acc_other'));
  });

  it('is null without the cookie, or without a header', () => {
    for (const header of [undefined, '', 'ib_csrf=x', 'ib_accessX=acc_abc', 'xib_access=acc_abc', 'ib_access=']) expect(accessTokenHashOf(header), String(header)).toBeNull();
  });

  it('answers right after thousands of other headers have come and gone', () => {
    for (let i = 0; i < 5_000; i++) expect(accessTokenHashOf(`ib_access=acc_${i}`)).toBe(hashToken(`acc_${i}`));
    expect(accessTokenHashOf('ib_access=acc_0')).toBe(hashToken('acc_0'));
  });
});
