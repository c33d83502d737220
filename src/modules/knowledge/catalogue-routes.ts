import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { importCatalogue } from './import-catalogue.js';
import { CatalogueImportBody, CatalogueImportReport } from './schemas.js';

const tags = ['Kunskapsstöd'];

/** The national catalogue from its file: a dry run with the report per row, then the confirmed import. */
export const catalogueRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/knowledge-catalogue/imports',
    {
      schema: {
        tags,
        summary:
          'Läs in den nationella katalogen från en fil (CSV, XLSX eller JSON, base64). dryRun (standard) ger rapporten per rad: ny, uppdaterad (ny version), oförändrad, upphävd eller fel; dryRun: false skriver allt i en transaktion. Nationella roller.',
        body: CatalogueImportBody,
        response: { 200: CatalogueImportReport, ...errorResponses(400, 401, 403, 413, 422) },
      },
    },
    async (req) => {
      const b = req.body;
      return importCatalogue(db, req.ctx, {
        fileName: b.fileName,
        format: b.format,
        contentBase64: b.contentBase64,
        full: b.full ?? true,
        dryRun: b.dryRun ?? true,
      });
    },
  );
};
