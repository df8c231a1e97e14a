// Test helper: writes small PDFs object by object, for the cases pdf-lib cannot make: an encrypted
// PDF (pdf-lib 1.17 has no encryption) and text in a non-embedded CJK font that needs Adobe's CMaps.
// Encryption is the real thing (Standard security handler, revision 5, AES-256, PDF 1.7 extension
// level 3), computed with WebCrypto, so pdf.js opens the result with the right password.

export interface RawPdfObject {
  /** The object's dictionary (or other value), without "n 0 obj". */
  body: string;
  /** Stream content; the writer adds /Length (and encrypts it when the file is encrypted). */
  stream?: Uint8Array;
}

export interface Encryption {
  userPassword: string;
  ownerPassword: string;
}

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
const hex = (bytes: Uint8Array): string => `<${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}>`;
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};
const random = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length));

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', concat(...parts) as Uint8Array<ArrayBuffer>));
}

async function aesCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-CBC', false, ['encrypt']);
  // WebCrypto always pads (PKCS#7), which is what PDF streams use.
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: iv as Uint8Array<ArrayBuffer> }, cryptoKey, data as Uint8Array<ArrayBuffer>));
}

// The key wrapping in the PDF spec is AES-256 without padding: with a zero IV, that is the first
// blocks of the padded CBC output.
async function aesNoPadding(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return (await aesCbc(key, new Uint8Array(16), data)).subarray(0, data.length);
}

/** ISO 32000-1 extension level 3, "Algorithm 3.10/3.11" (revision 5): the /Encrypt dictionary's values. */
async function revision5Keys(encryption: Encryption, permissions: number) {
  const fileKey = random(32);
  const user = new TextEncoder().encode(encryption.userPassword);
  const owner = new TextEncoder().encode(encryption.ownerPassword);
  const [userValidationSalt, userKeySalt, ownerValidationSalt, ownerKeySalt] = [random(8), random(8), random(8), random(8)];
  const U = concat(await sha256(user, userValidationSalt), userValidationSalt, userKeySalt);
  const UE = await aesNoPadding(await sha256(user, userKeySalt), fileKey);
  const O = concat(await sha256(owner, ownerValidationSalt, U), ownerValidationSalt, ownerKeySalt);
  const OE = await aesNoPadding(await sha256(owner, ownerKeySalt, U), fileKey);
  const permsPlain = new Uint8Array(16);
  new DataView(permsPlain.buffer).setInt32(0, permissions, true);
  permsPlain.set([0xff, 0xff, 0xff, 0xff], 4);
  permsPlain.set(latin1('Tadb'), 8);
  permsPlain.set(random(4), 12);
  const Perms = await aesNoPadding(fileKey, permsPlain);
  return { fileKey, U, UE, O, OE, Perms };
}

/**
 * Object 1 must be the catalog. With `encryption`, streams are encrypted; string values in `body`
 * are not, so encrypted test files must keep their text in streams (names are never encrypted).
 */
export async function writePdf(objects: RawPdfObject[], encryption?: Encryption): Promise<Uint8Array> {
  const permissions = -4; // every permission: only opening needs the password
  const keys = encryption ? await revision5Keys(encryption, permissions) : null;
  const fileId = random(16);

  const allObjects = [...objects];
  if (keys) {
    allObjects.push({
      body:
        `<< /Filter /Standard /V 5 /R 5 /Length 256 /P ${permissions} /EncryptMetadata true ` +
        '/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF ' +
        `/O ${hex(keys.O)} /U ${hex(keys.U)} /OE ${hex(keys.OE)} /UE ${hex(keys.UE)} /Perms ${hex(keys.Perms)} >>`,
    });
  }

  const chunks: Uint8Array[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  for (const [index, object] of allObjects.entries()) {
    offsets.push(length);
    const isEncryptDictionary = keys !== null && index === allObjects.length - 1;
    let stream = object.stream;
    if (stream && keys && !isEncryptDictionary) {
      const iv = random(16);
      stream = concat(iv, await aesCbc(keys.fileKey, iv, stream));
    }
    if (stream) {
      const dictionary = object.body.replace(/>>\s*$/, ` /Length ${stream.length} >>`);
      push(concat(latin1(`${index + 1} 0 obj\n${dictionary}\nstream\n`), stream, latin1('\nendstream\nendobj\n')));
    } else {
      push(latin1(`${index + 1} 0 obj\n${object.body}\nendobj\n`));
    }
  }

  const xrefOffset = length;
  const xrefRows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const encryptRef = keys ? ` /Encrypt ${allObjects.length} 0 R` : '';
  push(
    latin1(
      `xref\n0 ${allObjects.length + 1}\n0000000000 65535 f \n${xrefRows}` +
        `trailer\n<< /Size ${allObjects.length + 1} /Root 1 0 R /ID [${hex(fileId)} ${hex(fileId)}]${encryptRef} >>\n` +
        `startxref\n${xrefOffset}\n%%EOF\n`,
    ),
  );
  return concat(...chunks);
}

/**
 * A one-page document whose page draws `content`. `fontObjects` are numbered from 5 on;
 * `fontResources` names the fonts among them (by default /F1 is the first).
 */
export function onePageObjects(content: string, fontObjects: RawPdfObject[], fontResources = '/F1 5 0 R'): RawPdfObject[] {
  return [
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fontResources} >> >> /Contents 4 0 R >>` },
    { body: '<< >>', stream: latin1(content) },
    ...fontObjects,
  ];
}
