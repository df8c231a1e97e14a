// Reading the announced digest from the headers real servers send, and the check itself.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { announcedSha256, matchesFile } from './file-digest.ts';

const CONTENT = 'the bytes of a shard';
const HEX = createHash('sha256').update(CONTENT).digest('hex');
const BASE64 = createHash('sha256').update(CONTENT).digest('base64');

describe('announcedSha256', () => {
  it('reads Repr-Digest, also beside other algorithms', () => {
    expect(announcedSha256(new Headers({ 'Repr-Digest': `sha-256=:${BASE64}:` }))).toBe(HEX);
    expect(announcedSha256(new Headers({ 'Repr-Digest': `sha-512=:AAAA:, sha-256=:${BASE64}:` }))).toBe(HEX);
  });

  it("falls back to Hugging Face's X-Linked-Etag, then a sha-256 ETag", () => {
    expect(announcedSha256(new Headers({ 'X-Linked-Etag': `"${HEX}"`, ETag: '"abc"' }))).toBe(HEX);
    expect(announcedSha256(new Headers({ ETag: `W/"${HEX.toUpperCase()}"` }))).toBe(HEX);
  });

  it('gives null when nothing is a sha-256 (only the length is then checked)', () => {
    expect(announcedSha256(new Headers({ ETag: '"5d41402abc4b2a76b9719d911017c592"' }))).toBeNull();
    expect(announcedSha256(new Headers({ 'Repr-Digest': 'sha-256=:tooShort=:' }))).toBeNull();
    expect(announcedSha256(new Headers())).toBeNull();
  });
});

describe('matchesFile', () => {
  it('checks the length and the digest', async () => {
    const blob = new Blob([CONTENT]);
    expect(await matchesFile(blob, CONTENT.length, HEX)).toBe(true);
    expect(await matchesFile(blob, CONTENT.length + 1, HEX)).toBe(false);
    expect(await matchesFile(new Blob(['The bytes of a shard']), null, HEX)).toBe(false);
    expect(await matchesFile(blob, null, null)).toBe(true);
  });
});
