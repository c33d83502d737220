/**
 * A small raster and PNG encoder for the charts in generated documents (DOCX and PDF), in plain
 * TypeScript: no canvas, no native dependency. Shapes are drawn at a multiple of the final size
 * and averaged down (supersampling), so lines and dots come out smooth. Text is limited to what
 * a chart's axes need (digits, period labels) and uses a built-in 5×7 pixel font.
 */
import { deflateSync } from 'node:zlib';

export type Rgb = readonly [number, number, number];

export const hex = (s: string): Rgb => {
  const n = Number.parseInt(s.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

/** 5×7 glyphs, one string of five bits per row. */
const GLYPHS: Record<string, string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  '-': ['00000', '00000', '00000', '11111', '00000', '00000', '00000'],
  '−': ['00000', '00000', '00000', '11111', '00000', '00000', '00000'],
  ',': ['00000', '00000', '00000', '00000', '00110', '00100', '01000'],
  '.': ['00000', '00000', '00000', '00000', '00000', '01100', '01100'],
  '%': ['11001', '11010', '00010', '00100', '01000', '01011', '10011'],
  Q: ['01110', '10001', '10001', '10001', '10101', '10010', '01101'],
  H: ['10001', '10001', '10001', '11111', '10001', '10001', '10001'],
  ' ': ['00000', '00000', '00000', '00000', '00000', '00000', '00000'],
};

/** An RGB raster; coordinates are in final pixels, drawing happens at `scale` times that. */
export class Raster {
  readonly data: Uint8Array;
  readonly w: number;
  readonly h: number;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly scale = 3,
    background: Rgb = [255, 255, 255],
  ) {
    this.w = width * scale;
    this.h = height * scale;
    this.data = new Uint8Array(this.w * this.h * 3);
    if (background.every((v) => v === background[0])) this.data.fill(background[0]);
    else for (let i = 0; i < this.w * this.h; i++) this.data.set(background, i * 3);
  }

  private put(x: number, y: number, c: Rgb): void {
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return;
    const i = (y * this.w + x) * 3;
    this.data[i] = c[0];
    this.data[i + 1] = c[1];
    this.data[i + 2] = c[2];
  }

  fillRect(x: number, y: number, width: number, height: number, c: Rgb): void {
    const s = this.scale;
    const x0 = Math.round(x * s),
      y0 = Math.round(y * s),
      x1 = Math.round((x + width) * s),
      y1 = Math.round((y + height) * s);
    for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) this.put(xx, yy, c);
  }

  /** A filled disc of radius r (final pixels). */
  disc(cx: number, cy: number, r: number, c: Rgb): void {
    const s = this.scale;
    const R = r * s,
      X = cx * s,
      Y = cy * s;
    for (let yy = Math.floor(Y - R); yy <= Math.ceil(Y + R); yy++)
      for (let xx = Math.floor(X - R); xx <= Math.ceil(X + R); xx++)
        if ((xx + 0.5 - X) ** 2 + (yy + 0.5 - Y) ** 2 <= R * R) this.put(xx, yy, c);
  }

  /** A line of the given width (final pixels) with round ends; `dash` is [on, off] in final pixels. */
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, width = 1, dash?: [number, number]): void {
    const s = this.scale;
    const [ax, ay, bx, by] = [x0 * s, y0 * s, x1 * s, y1 * s];
    const r = (width * s) / 2;
    const dx = bx - ax,
      dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const len = Math.sqrt(len2);
    const period = dash ? (dash[0] + dash[1]) * s : 0;
    const on = dash ? dash[0] * s : 0;
    const xs = Math.max(0, Math.floor(Math.min(ax, bx) - r)),
      xe = Math.min(this.w - 1, Math.ceil(Math.max(ax, bx) + r));
    const ys = Math.max(0, Math.floor(Math.min(ay, by) - r)),
      ye = Math.min(this.h - 1, Math.ceil(Math.max(ay, by) + r));
    for (let py = ys; py <= ye; py++)
      for (let px = xs; px <= xe; px++) {
        const qx = px + 0.5 - ax,
          qy = py + 0.5 - ay;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (qx * dx + qy * dy) / len2));
        const ex = qx - t * dx,
          ey = qy - t * dy;
        if (ex * ex + ey * ey > r * r) continue;
        if (dash && (t * len) % period > on) continue;
        this.put(px, py, c);
      }
  }

  /** Text in the 5×7 font, `size` final pixels per font pixel; anchored left, centre or right at x. */
  text(x: number, y: number, str: string, c: Rgb, size = 2, align: 'left' | 'center' | 'right' = 'left'): void {
    const w = textWidth(str, size);
    const left = align === 'left' ? x : align === 'center' ? x - w / 2 : x - w;
    [...str].forEach((ch, i) => {
      const g = GLYPHS[ch] ?? GLYPHS[' ']!;
      g.forEach((row, gy) => {
        for (let gx = 0; gx < 5; gx++)
          if (row[gx] === '1') this.fillRect(left + (i * 6 + gx) * size, y + gy * size, size, size, c);
      });
    });
  }

  /** The final image: each block of scale×scale samples averaged to one pixel. */
  toPng(): Buffer {
    const s = this.scale;
    const stride = this.width * 3 + 1;
    const sums = new Uint32Array(this.width * 3);
    const out = Buffer.alloc(this.height * stride);
    for (let y = 0; y < this.height; y++) {
      sums.fill(0);
      for (let dy = 0; dy < s; dy++) {
        let i = (y * s + dy) * this.w * 3;
        for (let x = 0; x < this.width; x++)
          for (let dx = 0; dx < s; dx++)
            for (let ch = 0; ch < 3; ch++) {
              const k = x * 3 + ch;
              sums[k] = sums[k]! + this.data[i++]!;
            }
      }
      const row = y * stride; // filter byte 0 (none) first
      for (let k = 0; k < sums.length; k++) out[row + 1 + k] = Math.round(sums[k]! / (s * s));
    }
    return encodePng(this.width, this.height, out);
  }
}

export const textWidth = (str: string, size = 2): number => Math.max(0, [...str].length * 6 - 1) * size;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** A truecolour 8-bit PNG from filtered scanlines (each row prefixed by its filter byte). */
export function encodePng(width: number, height: number, scanlines: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(scanlines)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
