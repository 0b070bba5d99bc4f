import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { exportMlbom } from '../../app/inventory/export-mlbom.js';
import { importMlbom } from '../../app/inventory/import-mlbom.js';
import { SYSTEM_CSV_COLUMNS, importSystemsCsv } from '../../app/inventory/import-systems-csv.js';
import { IdSchema } from '../../contracts/common.contracts.js';
import { SystemSchema } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { SECURED, createRouter, errorResponses, jsonResponse } from '../openapi-router.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['inventory exchange'];
const CycloneDxSchema = z.record(z.string(), z.unknown()).meta({ id: 'CycloneDxBom', description: 'A CycloneDX 1.6 JSON document (ML-BOM): https://cyclonedx.org/docs/1.6/json/' });
const counts = z.object({ ai_system: z.number(), model: z.number(), model_version: z.number(), dataset: z.number(), dataset_version: z.number(), supplier: z.number() });
const ImportResultSchema = z
  .object({
    created: counts,
    updated: counts,
    items: z.array(z.object({ kind: z.string(), id: IdSchema, name: z.string(), action: z.enum(['created', 'updated', 'unchanged']), from: z.string().meta({ description: 'Where in the BOM, e.g. components.2' }) })),
  })
  .meta({ id: 'MlbomImportResult' });
const CSV_HELP = `Columns (header row): ${SYSTEM_CSV_COLUMNS.join(', ')}. Lists are separated by semicolons; ownerEmail names a member, models names models of the inventory. All rows are checked first: one bad row and nothing is imported; details.rows lists every bad row with its row number (the header is row 1) and column.`;

const cdx = (description: string) => ({ description, content: { 'application/vnd.cyclonedx+json': { schema: CycloneDxSchema }, 'application/json': { schema: CycloneDxSchema } } });

/** CycloneDX ML-BOM export and import, and CSV import of systems. */
export function inventoryExchangeRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({ method: 'get', path: '/mlbom', tags, summary: 'The whole inventory as a CycloneDX 1.6 ML-BOM', security: SECURED, responses: { 200: cdx('The ML-BOM'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await exportMlbom(c.var.deps, c.var.actor), 200, { 'content-type': 'application/vnd.cyclonedx+json; version=1.6' }) as never,
  );
  router.openapi(
    createRoute({ method: 'get', path: '/systems/{id}/mlbom', tags, summary: 'One system and what it uses as a CycloneDX 1.6 ML-BOM', security: SECURED, request: { params: IdParams }, responses: { 200: cdx('The ML-BOM'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await exportMlbom(c.var.deps, c.var.actor, { systemId: c.req.valid('param').id }), 200, { 'content-type': 'application/vnd.cyclonedx+json; version=1.6' }) as never,
  );
  router.openapi(
    createRoute({
      method: 'post', path: '/mlbom/import', tags, security: SECURED,
      summary: 'Create or update inventory entries from a CycloneDX ML-BOM (1.5–1.7), validated against its schema first; an invalid BOM is refused naming where it fails',
      request: { body: { required: true, content: { 'application/json': { schema: CycloneDxSchema }, 'application/vnd.cyclonedx+json': { schema: CycloneDxSchema } } } },
      responses: { 200: jsonResponse(ImportResultSchema, 'What was created, updated or already there'), ...errorResponses(400, 401, 403, 409, 413) },
    }),
    async (c) => {
      let document: unknown;
      try {
        document = await c.req.json();
      } catch {
        throw new AppError('MALFORMED_REQUEST', 'the body is not JSON: send the CycloneDX JSON document');
      }
      return c.json(await importMlbom(c.var.deps, c.var.actor, document), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post', path: '/systems/import', tags, security: SECURED, summary: 'Import AI systems from CSV (text/csv), all or nothing', description: CSV_HELP,
      request: { body: { required: true, content: { 'text/csv': { schema: z.string().meta({ example: 'name,purpose,organizationRoles\nCredit engine,Consumer loan decisions,provider;deployer' }) } } } },
      responses: { 201: jsonResponse(z.object({ created: z.array(SystemSchema) }), 'Imported'), ...errorResponses(400, 401, 403, 413) },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^text\/(csv|plain)\b/i.test(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the CSV as text/csv');
      return c.json(await importSystemsCsv(c.var.deps, c.var.actor, await c.req.text()), 201);
    },
  );
  return router;
}
