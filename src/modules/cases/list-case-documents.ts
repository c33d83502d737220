import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { presentDocument } from './presenter.js';
import { readableCase } from './read-case.js';
import * as repo from './repository.js';
import { canReadSecret, SECRET_FILE_NAME } from './scope.js';

/**
 * The case's documents (metadata with SHA-256). In a secret case the file names are shown only
 * to those who may read the documents themselves (see download-document.ts).
 */
export async function listCaseDocuments(db: Db, ctx: Ctx, id: string) {
  const c = (await readableCase(db, ctx, id)) as repo.CaseFlowRow;
  // The list follows the rule for reading the documents themselves (the download).
  const hide = c.secret && !canReadSecret(ctx.actor, c.region_code);
  const docs = (await repo.documentsOf(db, id)).map(presentDocument);
  return hide ? docs.map((d) => ({ ...d, fileName: SECRET_FILE_NAME })) : docs;
}
