/**
 * CSV read as a stream, for files too large to hold as one string (an indicator file of a
 * million rows): the same reading rules as `readCsv` (table.ts) — UTF-8 with or without BOM or
 * Windows-1252, separated by semicolons, commas or tabs, cells trimmed, empty lines skipped —
 * parsed by csv-parse's stream parser, fed in small slices so that no single step holds the event
 * loop for long. Records come out in batches, with how many bytes of the file have been read.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** The separator the heading row uses most: semicolon, comma or tab. */
export function detectDelimiter(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Watches a file's bytes as they arrive: whether they are valid UTF-8 so far, and the heading
 * row (the first line) once it is whole. Holds at most the first line, never the file.
 */
export class CsvSniffer {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private utf8Valid = true;
  private head: Buffer[] = [];
  private headBytes = 0;
  private headDone = false;
  private lines = 0;
  size = 0;

  constructor(private readonly maxHeadBytes = 64 * 1024) {}

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.utf8Valid) {
      try {
        this.utf8.decode(chunk, { stream: true });
      } catch {
        this.utf8Valid = false;
      }
    }
    // The heading row and the first data row (two line breaks).
    let from = 0;
    while (!this.headDone) {
      const nl = chunk.indexOf(0x0a, from);
      const part = chunk.subarray(from, nl >= 0 ? nl + 1 : chunk.length);
      this.head.push(part);
      this.headBytes += part.length;
      if (nl >= 0) this.lines++;
      if (this.lines >= 2 || this.headBytes >= this.maxHeadBytes) this.headDone = true;
      if (nl < 0) break;
      from = nl + 1;
    }
  }

  /** True once the heading row is whole (or the file ended). */
  get hasHeading(): boolean {
    return this.headDone;
  }

  get encoding(): TextEncoding {
    if (this.utf8Valid) {
      try {
        this.utf8.decode();
      } catch {
        this.utf8Valid = false;
      }
    }
    return this.utf8Valid ? 'utf-8' : 'windows-1252';
  }

  /** The heading row's cells, the first data row's, and the separator (UTF-8 when the start is valid UTF-8). */
  heading(): { header: string[]; firstRow: string[]; delimiter: string } {
    const buf = Buffer.concat(this.head);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      text = new TextDecoder('windows-1252').decode(buf);
    }
    text = text.replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/);
    const delimiter = detectDelimiter(lines[0] ?? '');
    const cells = (line: string | undefined): string[] => {
      if (!line?.trim()) return [];
      const records: string[][] = parseSync(line, { delimiter, relax_column_count: true, trim: true, relax_quotes: true });
      return (records[0] ?? []).map((h) => String(h).trim());
    };
    return { header: cells(lines[0]), firstRow: this.lines >= 2 ? cells(lines[1]) : [], delimiter };
  }
}

const SLICE_CHARS = 64 * 1024;

/**
 * The records of a CSV file whose bytes come from `chunks`, `batchRows` at a time (the heading
 * row is the first record of the first batch). `bytesRead` is how far the file has been fed.
 */
export async function* csvBatches(
  chunks: AsyncIterable<Uint8Array>,
  opts: { encoding: TextEncoding; delimiter: string; batchRows: number },
): AsyncGenerator<{ records: string[][]; bytesRead: number }> {
  const parser = parse({ delimiter: opts.delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  const decoder = new TextDecoder(opts.encoding);
  let bytesRead = 0;
  let stopped = false;
  const drained = () =>
    new Promise<void>((resolve) => {
      const go = () => {
        parser.off('drain', go);
        parser.off('close', go);
        resolve();
      };
      parser.on('drain', go);
      parser.on('close', go);
    });
  const feed = async () => {
    for await (const chunk of chunks) {
      if (stopped) return;
      bytesRead += chunk.length;
      const text = decoder.decode(chunk, { stream: true });
      for (let i = 0; i < text.length; i += SLICE_CHARS) {
        if (stopped) return;
        if (!parser.write(text.slice(i, i + SLICE_CHARS))) await drained();
        // Let requests in between slices: parsing a slice is a few milliseconds.
        await yieldToLoop();
      }
    }
    parser.end(decoder.decode());
  };
  const feeding = feed().catch((err: unknown) => parser.destroy(err instanceof Error ? err : new Error(String(err))));
  let batch: string[][] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      batch.push(record);
      if (batch.length >= opts.batchRows) {
        yield { records: batch, bytesRead };
        batch = [];
      }
    }
    await feeding;
    if (batch.length) yield { records: batch, bytesRead };
  } finally {
    // The reader stopped early (a cancel): stop feeding too.
    stopped = true;
    if (!parser.destroyed) parser.destroy();
  }
}
