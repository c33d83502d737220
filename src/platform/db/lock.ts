import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `Datakatalogen ${dataDir} används redan av en annan Navet-process (pid ${holderPid}). ` +
        `Den inbäddade databasen kan bara öppnas av en process åt gången: stoppa den andra processen, ` +
        `välj en annan NAVET_DATA_DIR, eller kör mot en PostgreSQL-server med DATABASE_URL.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own and two processes on one data directory corrupt it.
 * An exclusive-create lock file holds our pid; a file left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = join(dataDir, 'navet.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: number;
      try {
        holder = Number((JSON.parse(readFileSync(path, 'utf8')) as { pid?: number }).pid ?? 0);
      } catch {
        holder = 0;
      }
      if (holder && alive(holder)) throw new DataDirLockedError(dataDir, holder);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Kunde inte låsa datakatalogen ${dataDir}`);
}
