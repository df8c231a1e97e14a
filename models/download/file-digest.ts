// What a downloaded file must hash to, as the server announced it, and the check itself.
// Sources, best first: Repr-Digest (RFC 9530; our mirror sends it, on 206 answers too), then Hugging
// Face's X-Linked-Etag or a plain ETag when it is a 64-hex sha-256 (HF's LFS files). A server that
// gives neither (raw.githubusercontent.com's wasm, HF's small git files) gets only its length checked.
// Owns: reading those headers and hashing. Must not import: Cache Storage, web-llm.

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** The announced sha-256 in hex, or null when the server announced none. */
export function announcedSha256(headers: Headers): string | null {
  const repr = headers.get('Repr-Digest');
  if (repr) {
    // A structured-field dictionary, e.g. `sha-256=:base64:, sha-512=:…:`.
    for (const member of repr.split(',')) {
      const match = /^\s*sha-256\s*=\s*:([A-Za-z0-9+/=]+):\s*$/.exec(member);
      const hex = match?.[1] ? base64ToHex(match[1]) : null;
      if (hex) return hex;
    }
  }
  for (const name of ['X-Linked-Etag', 'ETag']) {
    const tag = headers.get(name)?.replace(/^W\//, '').replace(/"/g, '').trim();
    if (tag && SHA256_HEX.test(tag)) return tag.toLowerCase();
  }
  return null;
}

/**
 * Whether `blob` is the file: the right length and, when a digest was announced, the right sha-256.
 * Reads the whole file into memory once (Web Crypto has no streaming digest); shards are tens of MB.
 */
export async function matchesFile(blob: Blob, expectedBytes: number | null, expectedSha256Hex: string | null): Promise<boolean> {
  if (expectedBytes !== null && blob.size !== expectedBytes) return false;
  if (expectedSha256Hex === null) return true;
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return bytesToHex(new Uint8Array(digest)) === expectedSha256Hex.toLowerCase();
}

function base64ToHex(base64: string): string | null {
  try {
    const hex = bytesToHex(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
    return hex.length === 64 ? hex : null;
  } catch {
    return null;
  }
}

function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
