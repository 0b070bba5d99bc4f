import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { acceptSoaEvidence, withdrawSoaEvidence } from '../../app/soa/accept-soa-evidence.js';
import { decideSoaControl } from '../../app/soa/decide-soa-control.js';
import { exportSoa } from '../../app/soa/export-soa.js';
import { getSoa, getSoaControl } from '../../app/soa/get-soa.js';
import { importSoaCsv } from '../../app/soa/import-soa-csv.js';
import { issueSoaVersion } from '../../app/soa/issue-soa-version.js';
import { removeSoaResponsibility, setSoaResponsibility } from '../../app/soa/set-soa-responsibility.js';
import { diffSoaVersions, getSoaVersionDocument, listSoaVersionsOf } from '../../app/soa/soa-versions.js';
import { IdSchema } from '../../contracts/common.contracts.js';
import {
  AcceptEvidenceInputSchema,
  ControlIdSchema,
  DecideControlInputSchema,
  IssueSoaInputSchema,
  SoaControlDecisionSchema,
  SoaControlFilterSchema,
  SoaControlSchema,
  SoaDiffQuerySchema,
  SoaDiffSchema,
  SoaEvidenceAcceptanceSchema,
  SoaExportQuerySchema,
  SoaImportResultSchema,
  SetResponsibilityInputSchema,
  SoaResponsibilityRecordSchema,
  SoaSchema,
  SoaVersionSchema,
} from '../../contracts/soa.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { SECURED, createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';

const ControlParams = z.object({ controlId: ControlIdSchema });
const AcceptanceParams = z.object({ controlId: ControlIdSchema, evidenceId: IdSchema });
const ResponsibilityParams = z.object({ controlId: ControlIdSchema, supplierId: IdSchema });
const VersionParams = z.object({ number: z.coerce.number({ error: 'must be a version number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }) });

/** The Statement of Applicability: tailoring, evidence acceptance, versions, diff, export and import. */
export function soaRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({ method: 'get', path: '/soa', tags: ['soa'], summary: 'The working SoA: all 38 Annex A controls with derived statuses', security: SECURED, request: { query: SoaControlFilterSchema }, responses: { 200: jsonResponse(SoaSchema, 'The SoA (open draft, or the next one)'), ...errorResponses(400, 401, 403) } }),
    async (c) => c.json(await getSoa(c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/soa/controls/{controlId}', tags: ['soa'], summary: 'One control of the working SoA', security: SECURED, request: { params: ControlParams }, responses: { 200: jsonResponse(SoaControlSchema, 'The control'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await getSoaControl(c.var.deps, c.var.actor, c.req.valid('param').controlId), 200),
  );
  router.openapi(
    createRoute({
      method: 'patch', path: '/soa/controls/{controlId}', tags: ['soa'], summary: 'Tailor a control: applicability, justification, owner, plan (starts a draft if needed)', security: SECURED,
      request: { params: ControlParams, ...jsonBody(DecideControlInputSchema) }, responses: { 200: jsonResponse(SoaControlDecisionSchema, 'The decision as stored'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await decideSoaControl(c.var.deps, c.var.actor, c.req.valid('param').controlId, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post', path: '/soa/controls/{controlId}/evidence/{evidenceId}/acceptance', tags: ['soa'], summary: 'Accept linked evidence as proof of the control (approvers; not your own upload)', security: SECURED,
      request: { params: AcceptanceParams, ...jsonBody(AcceptEvidenceInputSchema) }, responses: { 201: jsonResponse(SoaEvidenceAcceptanceSchema, 'Accepted'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { controlId, evidenceId } = c.req.valid('param');
      return c.json(await acceptSoaEvidence(c.var.deps, c.var.actor, controlId, evidenceId, c.req.valid('json')), 201);
    },
  );
  router.openapi(
    createRoute({ method: 'delete', path: '/soa/controls/{controlId}/evidence/{evidenceId}/acceptance', tags: ['soa'], summary: 'Withdraw an acceptance', security: SECURED, request: { params: AcceptanceParams }, responses: { 204: { description: 'Withdrawn' }, ...errorResponses(400, 401, 403, 404) } }),
    async (c) => {
      const { controlId, evidenceId } = c.req.valid('param');
      await withdrawSoaEvidence(c.var.deps, c.var.actor, controlId, evidenceId);
      return c.body(null, 204);
    },
  );
  router.openapi(
    createRoute({
      method: 'put', path: '/soa/controls/{controlId}/responsibilities/{supplierId}', tags: ['soa'], summary: 'Say who holds the control for a supplier: ours, the supplier, or shared (shared-responsibility matrix)', security: SECURED,
      request: { params: ResponsibilityParams, ...jsonBody(SetResponsibilityInputSchema) }, responses: { 200: jsonResponse(SoaResponsibilityRecordSchema, 'Recorded'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { controlId, supplierId } = c.req.valid('param');
      return c.json(await setSoaResponsibility(c.var.deps, c.var.actor, controlId, supplierId, c.req.valid('json')), 200);
    },
  );
  router.openapi(
    createRoute({ method: 'delete', path: '/soa/controls/{controlId}/responsibilities/{supplierId}', tags: ['soa'], summary: 'Remove a supplier from the control', security: SECURED, request: { params: ResponsibilityParams }, responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404) } }),
    async (c) => {
      const { controlId, supplierId } = c.req.valid('param');
      await removeSoaResponsibility(c.var.deps, c.var.actor, controlId, supplierId);
      return c.body(null, 204);
    },
  );
  router.openapi(
    createRoute({ method: 'get', path: '/soa/versions', tags: ['soa'], summary: 'SoA versions, newest first', security: SECURED, responses: { 200: jsonResponse(z.array(SoaVersionSchema), 'Versions'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await listSoaVersionsOf(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/soa/issue', tags: ['soa'], summary: 'Issue the open draft as a frozen version (approvers)', security: SECURED, request: jsonBody(IssueSoaInputSchema), responses: { 201: jsonResponse(SoaVersionSchema, 'Issued'), ...errorResponses(400, 401, 403, 409) } }),
    async (c) => c.json(await issueSoaVersion(c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/soa/versions/{number}', tags: ['soa'], summary: 'A version: issued exactly as frozen, or the draft as it stands', security: SECURED, request: { params: VersionParams }, responses: { 200: jsonResponse(SoaSchema, 'The document'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await getSoaVersionDocument(c.var.deps, c.var.actor, c.req.valid('param').number), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/soa/diff', tags: ['soa'], summary: 'What changed between two versions, control by control', security: SECURED, request: { query: SoaDiffQuerySchema }, responses: { 200: jsonResponse(SoaDiffSchema, 'The differences'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(await diffSoaVersions(c.var.deps, c.var.actor, from, to), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/soa/export', tags: ['soa'], summary: 'Export the SoA as CSV, printable HTML, JSON or OSCAL (catalog + profile + component definition)', security: SECURED, request: { query: SoaExportQuerySchema },
      responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/json': { schema: z.unknown() } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { format, version } = c.req.valid('query');
      const file = await exportSoa(c.var.deps, c.var.actor, format, version);
      // The printable page opens in the browser; data formats download.
      const disposition = format === 'html' ? 'inline' : 'attachment';
      const headers = { 'content-type': file.contentType, 'content-disposition': `${disposition}; filename="${file.fileName}"`, 'x-content-type-options': 'nosniff' };
      return new Response(file.body, { status: 200, headers }) as never;
    },
  );
  router.openapi(
    createRoute({
      method: 'post', path: '/soa/import', tags: ['soa'], summary: 'Import decisions from CSV (all rows or none; problems named by row and column)', security: SECURED,
      request: { body: { required: true, content: { 'text/csv': { schema: z.string().meta({ description: 'Header row with control_id, applicability and optionally justification, owner_email, implementation_plan' }) } } } },
      responses: { 200: jsonResponse(SoaImportResultSchema, 'Imported'), ...errorResponses(400, 401, 403, 413) },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('text/csv')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the CSV with Content-Type: text/csv');
      return c.json(await importSoaCsv(c.var.deps, c.var.actor, await c.req.text()), 200);
    },
  );
  return router;
}
