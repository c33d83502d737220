import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { presentDocument } from './presenter.js';
import { readableCase } from './read-case.js';
import * as repo from './repository.js';
import { showsSecret } from './policy.js';

/**
 * The case's documents (metadata with SHA-256). In a secret case the file names and checksums
 * are shown only to those who may read the documents themselves (see download-document.ts).
 */
export async function listCaseDocuments(db: Db, ctx: Ctx, id: string) {
  const show = showsSecret(await readableCase(db, ctx, id), ctx.actor);
  return (await repo.documentsOf(db, id)).map((d) => presentDocument(d, show));
}
