// Opaque bearer and session tokens. Only their SHA-256 hashes are stored, so a copy of the database
// does not let anyone sign in or push as a device.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

// No 0/O, 1/I/L: codes are read aloud and typed from a screen.
const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Accepts what people type: lower case, spaces, missing or extra dashes. */
export function normaliseInviteCode(input: string): string {
  const letters = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return letters.length === 10 ? `${letters.slice(0, 5)}-${letters.slice(5)}` : letters;
}
