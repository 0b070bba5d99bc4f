import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { getCatalogById, getCrosswalkById, listCatalogs, listCrosswalks } from '../../app/catalog/read-catalogs.js';
import { getCrosswalkCoverage } from '../../app/soa/get-crosswalk-coverage.js';
import { CatalogSchema, CatalogSummarySchema, CoverageSchema, CrosswalkSchema, CrosswalkSummarySchema } from '../../contracts/catalog.contracts.js';
import { SECURED, createRouter, errorResponses, jsonResponse } from '../openapi-router.js';

const IdParams = z.object({ id: z.string().max(100).meta({ example: 'iso-iec-42001:2023' }) });

/** Framework catalogs and crosswalks (reference data), and the SoA's coverage through a crosswalk. */
export function catalogRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({ method: 'get', path: '/catalogs', tags: ['catalogs'], summary: 'The framework catalogs shipped with OpenAIMS', security: SECURED, responses: { 200: jsonResponse(z.array(CatalogSummarySchema), 'Catalogs'), ...errorResponses(401, 403) } }),
    (c) => c.json(listCatalogs(c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/catalogs/{id}', tags: ['catalogs'], summary: 'One catalog with its items (IDs, short titles, our descriptions)', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(CatalogSchema, 'The catalog'), ...errorResponses(401, 403, 404) } }),
    (c) => c.json(getCatalogById(c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/crosswalks', tags: ['catalogs'], summary: 'Crosswalks from ISO/IEC 42001 to other frameworks', security: SECURED, responses: { 200: jsonResponse(z.array(CrosswalkSummarySchema), 'Crosswalks'), ...errorResponses(401, 403) } }),
    (c) => c.json(listCrosswalks(c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/crosswalks/{id}', tags: ['catalogs'], summary: 'One crosswalk: every mapping with its relation, confidence and source', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(CrosswalkSchema, 'The crosswalk'), ...errorResponses(401, 403, 404) } }),
    (c) => c.json(getCrosswalkById(c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/crosswalks/{id}/coverage', tags: ['catalogs'], summary: "What the organization's SoA covers of the target framework, item by item, with the gaps", security: SECURED, request: { params: IdParams },
      responses: { 200: jsonResponse(CoverageSchema, 'Coverage computed from the SoA and its evidence'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await getCrosswalkCoverage(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );
  return router;
}
