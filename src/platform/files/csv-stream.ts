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

/** A line break that is a lone carriage return (old Mac files): csv-parse reads those. */
const LONE_CR = /\r(?!\n)/;

/**
 * The records of a CSV file whose bytes come from `chunks`, `batchRows` at a time (the heading
 * row is the first record of the first batch). `bytesRead` is how far the file has been fed.
 *
 * Files as the sources export them have no quotes: their lines are split on the separator
 * directly (cells trimmed, empty lines skipped), which is several times faster than csv-parse
 * for a million rows (issue 20). From the first line with a quote (or a lone carriage return)
 * on, the rest of the file goes to csv-parse, which reads quoted cells across lines.
 */
export async function* csvBatches(
  chunks: AsyncIterable<Uint8Array>,
  opts: { encoding: TextEncoding; delimiter: string; batchRows: number },
): AsyncGenerator<{ records: string[][]; bytesRead: number }> {
  const decoder = new TextDecoder(opts.encoding);
  const source = chunks[Symbol.asyncIterator]();
  let bytesRead = 0;
  let batch: string[][] = [];
  // The start of a line not yet whole.
  let rest = '';
  let first = true;
  let slowFrom: string | undefined;
  const { delimiter } = opts;
  for (;;) {
    const next = await source.next();
    const text = next.done ? decoder.decode() : decoder.decode(next.value, { stream: true });
    if (!next.done) bytesRead += next.value.length;
    let all = rest + text;
    if (first && all.length) {
      first = false;
      if (all.charCodeAt(0) === 0xfeff) all = all.slice(1);
    }
    // Whole lines only; the last (unfinished) one waits for the next chunk, or the end.
    const end = next.done ? all.length : all.lastIndexOf('\n') + 1;
    rest = all.slice(end);
    for (let at = 0; at < end;) {
      // A slice of whole lines at a time, and a turn for the event loop between slices.
      let to = Math.min(end, at + SLICE_CHARS);
      if (to < end) to = all.lastIndexOf('\n', to) + 1 || end;
      if (to <= at) to = end;
      const part = all.slice(at, to);
      if (part.includes('"') || LONE_CR.test(part.endsWith('\r') ? part.slice(0, -1) : part)) {
        slowFrom = all.slice(at);
        break;
      }
      for (const raw of part.split('\n')) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (!line) continue;
        const cells = line.split(delimiter);
        for (let i = 0; i < cells.length; i++) cells[i] = cells[i]!.trim();
        batch.push(cells);
        if (batch.length >= opts.batchRows) {
          yield { records: batch, bytesRead };
          batch = [];
        }
      }
      at = to;
      await yieldToLoop();
    }
    if (slowFrom !== undefined) break;
    if (next.done) break;
  }
  if (slowFrom === undefined) {
    if (batch.length) yield { records: batch, bytesRead };
    return;
  }
  if (batch.length) yield { records: batch, bytesRead };
  // The rest of the file, from the first line with a quote, through csv-parse.
  const start = slowFrom;
  async function* texts(): AsyncGenerator<string> {
    yield start;
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      bytesRead += next.value.length;
      yield decoder.decode(next.value, { stream: true });
    }
  }
  for await (const records of parsedBatches(texts(), delimiter, opts.batchRows, () => decoder.decode()))
    yield { records, bytesRead };
}

/** Text through csv-parse's stream parser, fed in small slices; `tail` is what the decoder still holds at the end. */
async function* parsedBatches(
  texts: AsyncIterable<string>,
  delimiter: string,
  batchRows: number,
  tail: () => string,
): AsyncGenerator<string[][]> {
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
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
    for await (const text of texts) {
      if (stopped) return;
      for (let i = 0; i < text.length; i += SLICE_CHARS) {
        if (stopped) return;
        if (!parser.write(text.slice(i, i + SLICE_CHARS))) await drained();
        // Let requests in between slices: parsing a slice is a few milliseconds.
        await yieldToLoop();
      }
    }
    parser.end(tail());
  };
  const feeding = feed().catch((err: unknown) => parser.destroy(err instanceof Error ? err : new Error(String(err))));
  let batch: string[][] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      batch.push(record);
      if (batch.length >= batchRows) {
        yield batch;
        batch = [];
      }
    }
    await feeding;
    if (batch.length) yield batch;
  } finally {
    // The reader stopped early (a cancel): stop feeding too.
    stopped = true;
    if (!parser.destroyed) parser.destroy();
  }
}
