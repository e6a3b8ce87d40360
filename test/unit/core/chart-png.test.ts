import { deflateSync, inflateSync } from 'node:zlib';
import { AREA_COLOR, CHART_HEIGHT, CHART_WIDTH, mixChartPng, niceCeiling, type MixWeek } from '../../../src/core/chart-png';
import { crc32, encodePng, PNG_SIGNATURE } from '../../../src/core/png';
import { createRaster, fillRect } from '../../../src/core/raster';

const deflate = (data: Uint8Array) => deflateSync(data, { level: 9 });

interface Chunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

/** Reads a PNG's chunks the way a decoder would, checking each CRC. */
function chunks(png: Uint8Array): Chunk[] {
  const buf = Buffer.from(png);
  const out: Chunk[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    out.push({ type, data, crcOk: buf.readUInt32BE(at + 8 + length) === crc32(buf.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return out;
}

/** Inflates IDAT and undoes the per-row filters (only None and Sub are used): RGB pixels back. */
function decode(png: Uint8Array): { width: number; height: number; pixel(x: number, y: number): number[] } {
  const all = chunks(png);
  const ihdr = all.find((c) => c.type === 'IHDR')!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * 3;
  expect(raw.length).toBe(height * (stride + 1));
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    expect([0, 1]).toContain(filter);
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      pixels[y * stride + x] = filter === 1 && x >= 3 ? (v + pixels[y * stride + x - 3]!) & 0xff : v;
    }
  }
  return { width, height, pixel: (x, y) => [...pixels.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)] };
}

function week(id: string, counts: Partial<MixWeek['messages']>): MixWeek {
  return { week: id, messages: { deep_work: 0, daily_operations: 0, online_meeting: 0, offline_activity: 0, emergency: 0, ...counts } };
}

describe('crc32', () => {
  test('matches the CRC every PNG ends with (IEND)', () => {
    expect(crc32(Buffer.from('IEND', 'latin1'))).toBe(0xae426082);
  });
});

describe('encodePng', () => {
  test('writes the signature, an IHDR for 8-bit RGB, IDAT and IEND, each with a valid CRC', () => {
    const raster = createRaster(3, 2, [255, 255, 255]);
    fillRect(raster, 1, 0, 1, 1, [10, 20, 30]);
    const png = encodePng(raster, deflate);
    expect(Buffer.from(png.subarray(0, 8))).toEqual(Buffer.from(PNG_SIGNATURE));
    const all = chunks(png);
    expect(all.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(all.every((c) => c.crcOk)).toBe(true);
    expect([...all[0]!.data]).toEqual([0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
    const image = decode(png);
    expect(image.pixel(1, 0)).toEqual([10, 20, 30]);
    expect(image.pixel(2, 1)).toEqual([255, 255, 255]);
  });
});

describe('mixChartPng', () => {
  const weeks = [week('2026-W12', { daily_operations: 40, deep_work: 5, online_meeting: 20 }), week('2026-W13', { daily_operations: 60, online_meeting: 10, emergency: 2 }), week('2026-W14', { daily_operations: 70, offline_activity: 3 })];

  test('is a real PNG of the chart size that decodes to the drawn pixels, of a sensible byte size', () => {
    const png = mixChartPng(weeks, deflate);
    const image = decode(png);
    expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(png.length).toBeGreaterThan(1_000);
    expect(png.length).toBeLessThan(100_000);
    // The legend's first swatch is deep work's colour (async areas are listed first).
    expect(image.pixel(612, 64)).toEqual([...AREA_COLOR.deep_work]);
  });

  test('draws every area that has messages in its own colour somewhere', () => {
    const image = decode(mixChartPng([week('2026-W14', { daily_operations: 30, emergency: 30 })], deflate));
    const colours = new Set<string>();
    for (let y = 60; y < 340; y += 2) colours.add(image.pixel(308, y).join(','));
    expect(colours).toContain(AREA_COLOR.daily_operations.join(','));
    expect(colours).toContain(AREA_COLOR.emergency.join(','));
    expect(colours).not.toContain(AREA_COLOR.online_meeting.join(','));
  });

  test('a chart with no data at all is still a valid image', () => {
    const image = decode(mixChartPng([week('2026-W14', {})], deflate));
    expect(image.width).toBe(CHART_WIDTH);
  });
});

describe('niceCeiling', () => {
  const cases: Array<[number, number]> = [[0, 4], [3, 4], [7, 10], [11, 20], [96, 100], [101, 200], [450, 500]];
  test.each(cases)('%i -> %i', (n, nice) => expect(niceCeiling(n)).toBe(nice));
});
