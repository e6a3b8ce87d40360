import type { Raster } from './raster';

/**
 * A minimal PNG encoder (8-bit RGB, no interlace): signature, IHDR, one IDAT, IEND, each chunk with its CRC.
 * The zlib stream is made by the caller's `deflate` (node:zlib's deflateSync in practice), so the core stays
 * free of I/O modules and native dependencies.
 */

export type Deflate = (data: Uint8Array) => Uint8Array;

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309, the same as zlib's crc32). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Rows prefixed with filter type 1 (Sub): flat chart colours turn into long runs of zeros, which deflate well. */
function filteredRows(r: Raster): Uint8Array {
  const stride = r.width * 3;
  const out = new Uint8Array(r.height * (stride + 1));
  for (let y = 0; y < r.height; y++) {
    const src = y * stride;
    const dst = y * (stride + 1);
    out[dst] = 1;
    for (let x = 0; x < stride; x++) {
      const left = x >= 3 ? r.pixels[src + x - 3]! : 0;
      out[dst + 1 + x] = (r.pixels[src + x]! - left) & 0xff;
    }
  }
  return out;
}

export function encodePng(r: Raster, deflate: Deflate): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, r.width);
  view.setUint32(4, r.height);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  // compression, filter method and interlace stay 0
  const parts = [PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflate(filteredRows(r))), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
