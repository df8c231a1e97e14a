// Draws the app icons as PNGs with no dependencies: a tiny rasteriser (shapes as signed distances,
// 4×4 supersampling for smooth edges) and a PNG encoder (zlib from Node + CRC32).
// Run: node web/public/icons/make-icons.mjs   (the outputs are committed; rerun after changing the logo)
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const INDIGO = [59, 91, 219];
const WHITE = [255, 255, 255];
const MINT = [99, 230, 190];

/** Signed distance from (px, py) to a rounded rectangle centred at (cx, cy). Negative inside. */
function roundedRect(px, py, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(px - cx) - halfW + radius;
  const qy = Math.abs(py - cy) - halfH + radius;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function insideTriangle(px, py, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (px - bx) * (ay - by) - (ax - bx) * (py - by);
  const d2 = (px - cx) * (by - cy) - (bx - cx) * (py - cy);
  const d3 = (px - ax) * (cy - ay) - (cx - ax) * (py - ay);
  const negative = d1 < 0 || d2 < 0 || d3 < 0;
  const positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

/**
 * The logo in unit coordinates (0..1): a white speech bubble with a tail, holding two indigo lines of
 * "text" and a mint check mark dot. `scale` shrinks the artwork toward the centre (maskable safe zone).
 */
function colourAt(u, v, { rounded, scale }) {
  // Background: a rounded square, or full-bleed for the maskable icon.
  const background = rounded ? roundedRect(u, v, 0.5, 0.5, 0.5, 0.5, 0.22) <= 0 : true;
  if (!background) return null;
  const x = (u - 0.5) / scale + 0.5;
  const y = (v - 0.5) / scale + 0.5;
  const inBubble = roundedRect(x, y, 0.5, 0.45, 0.3, 0.22, 0.09) <= 0 || insideTriangle(x, y, [0.3, 0.6], [0.44, 0.6], [0.27, 0.8]);
  if (inBubble) {
    if (roundedRect(x, y, 0.46, 0.38, 0.17, 0.035, 0.035) <= 0) return INDIGO;
    if (roundedRect(x, y, 0.41, 0.5, 0.12, 0.035, 0.035) <= 0) return INDIGO;
    if (Math.hypot(x - 0.66, y - 0.5) <= 0.06) return MINT;
    return WHITE;
  }
  return INDIGO;
}

function render(size, options) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, options);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      // Colours are averaged over covered samples only, so edges fade in alpha, not toward black.
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // Each scanline starts with filter type 0 (none); zlib does the compressing.
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outputs = [
  ['icon-192.png', 192, { rounded: true, scale: 1 }],
  ['icon-512.png', 512, { rounded: true, scale: 1 }],
  // Maskable: full bleed, artwork inside the 80 % safe circle that launchers may crop to.
  ['icon-maskable-512.png', 512, { rounded: false, scale: 0.8 }],
  ['apple-touch-icon-180.png', 180, { rounded: false, scale: 0.9 }],
];

for (const [name, size, options] of outputs) {
  const png = render(size, options);
  writeFileSync(join(here, name), png);
  console.info(`${name}: ${png.length} bytes`);
}
