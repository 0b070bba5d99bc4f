import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { acceptRisk, closeRisk, reassessRisk, treatRisk } from '../../app/risk/change-risk.js';
import { getRisk, listRisksOf, riskHeatmap } from '../../app/risk/get-risks.js';
import { registerRisk } from '../../app/risk/register-risk.js';
import { listReviewQueue, raiseReviewTrigger } from '../../app/risk/reviews.js';
import { exportRisks, scoringMethodDocument } from '../../app/risk/export-risks.js';
import { importRisksCsv } from '../../app/risk/import-risks-csv.js';
import { changeScoringMethod, getScoringMethod, listScoringMethodVersions } from '../../app/risk/scoring-methods.js';
import { IdSchema } from '../../contracts/common.contracts.js';
import { ReviewTriggerSchema } from '../../contracts/inventory.contracts.js';
import {
  AcceptRiskInputSchema,
  ChangeScoringMethodInputSchema,
  CloseRiskInputSchema,
  HeatmapSchema,
  RaiseReviewTriggerInputSchema,
  ReassessRiskInputSchema,
  RegisterRiskInputSchema,
  ReviewItemSchema,
  RiskListQuerySchema,
  RiskSchema,
  ScoringMethodVersionSchema,
  TreatRiskInputSchema,
} from '../../contracts/risk.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { SECURED, createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['risks'];
const ExportQuery = z.strictObject({ format: z.enum(['csv', 'html'], { error: 'must be csv or html' }) });

/** The AI risk register, its scoring method and the review queue. */
export function riskRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({ method: 'get', path: '/risks', tags, summary: 'The register, highest current score first', security: SECURED, request: { query: RiskListQuerySchema }, responses: { 200: jsonResponse(z.array(RiskSchema), 'Risks'), ...errorResponses(400, 401, 403) } }),
    async (c) => c.json(await listRisksOf(c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/risks', tags, summary: 'Register a risk; the server scores it (needs an approved impact assessment)', security: SECURED, request: jsonBody(RegisterRiskInputSchema), responses: { 201: jsonResponse(RiskSchema, 'Registered'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await registerRisk(c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/risks/heatmap', tags, summary: 'Open risks per likelihood × impact cell, inherent and residual', security: SECURED, responses: { 200: jsonResponse(HeatmapSchema, 'Heatmaps'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await riskHeatmap(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/risks/export', tags, summary: 'The register as CSV, or as a printable document', security: SECURED, request: { query: ExportQuery },
      responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() }, 'text/html': { schema: z.string() } } }, ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { format } = c.req.valid('query');
      const file = await exportRisks(c.var.deps, c.var.actor, format);
      const disposition = format === 'html' ? 'inline' : 'attachment';
      return new Response(file.body, { status: 200, headers: { 'content-type': file.contentType, 'content-disposition': `${disposition}; filename="${file.fileName}"`, 'x-content-type-options': 'nosniff' } }) as never;
    },
  );
  router.openapi(
    createRoute({
      method: 'post', path: '/risks/import', tags, summary: 'Register risks from CSV (all rows or none; problems named by row and column)', security: SECURED,
      request: { body: { required: true, content: { 'text/csv': { schema: z.string() } } } }, responses: { 201: jsonResponse(z.object({ imported: z.number().int() }), 'Imported'), ...errorResponses(400, 401, 403, 409, 413) },
    }),
    async (c) => {
      if (!(c.req.header('content-type') ?? '').startsWith('text/csv')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the CSV with Content-Type: text/csv');
      return c.json(await importRisksCsv(c.var.deps, c.var.actor, await c.req.text()), 201);
    },
  );
  router.openapi(
    createRoute({ method: 'get', path: '/risks/{id}', tags, summary: 'One risk with its derived status, flags and acceptance', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(RiskSchema, 'The risk'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await getRisk(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ method: 'put', path: '/risks/{id}/assessment', tags, summary: 'Reassess: new inherent scores, review answered', security: SECURED, request: { params: IdParams, ...jsonBody(ReassessRiskInputSchema) }, responses: { 200: jsonResponse(RiskSchema, 'Reassessed'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await reassessRisk(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({ method: 'put', path: '/risks/{id}/treatment', tags, summary: 'Decide the treatment, its Annex A controls and the residual scores', security: SECURED, request: { params: IdParams, ...jsonBody(TreatRiskInputSchema) }, responses: { 200: jsonResponse(RiskSchema, 'Treated'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await treatRisk(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/risks/{id}/acceptance', tags, summary: 'Accept residual risk above the appetite (approvers; not the risk owner)', security: SECURED, request: { params: IdParams, ...jsonBody(AcceptRiskInputSchema) }, responses: { 201: jsonResponse(RiskSchema, 'Accepted'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await acceptRisk(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/risks/{id}/close', tags, summary: 'Close a risk, with the reason', security: SECURED, request: { params: IdParams, ...jsonBody(CloseRiskInputSchema) }, responses: { 200: jsonResponse(RiskSchema, 'Closed'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await closeRisk(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/scoring-method', tags, summary: 'The scoring method in force', security: SECURED, responses: { 200: jsonResponse(ScoringMethodVersionSchema, 'The method'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await getScoringMethod(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/scoring-method/versions', tags, summary: 'Every version of the method, newest first', security: SECURED, responses: { 200: jsonResponse(z.array(ScoringMethodVersionSchema), 'Versions'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await listScoringMethodVersions(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'put', path: '/scoring-method', tags, summary: 'Change the method: a new version; open risks are re-scored', security: SECURED, request: jsonBody(ChangeScoringMethodInputSchema), responses: { 200: jsonResponse(ScoringMethodVersionSchema.extend({ rescored: z.number().int() }), 'Changed'), ...errorResponses(400, 401, 403) } }),
    async (c) => c.json(await changeScoringMethod(c.var.deps, c.var.actor, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/scoring-method/document', tags, summary: 'The documented scoring methodology, printable', security: SECURED, responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } }, ...errorResponses(401, 403) } }),
    async (c) => c.html(await scoringMethodDocument(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/reviews', tags, summary: 'Risks and impact assessments due for review, overdue first', security: SECURED, responses: { 200: jsonResponse(z.array(ReviewItemSchema), 'The review queue'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await listReviewQueue(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/review-triggers', tags, summary: 'Record a regulatory change that calls for reviews', security: SECURED, request: jsonBody(RaiseReviewTriggerInputSchema), responses: { 201: jsonResponse(ReviewTriggerSchema, 'Raised'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await raiseReviewTrigger(c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );
  return router;
}
