import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { decideAssessment, getAssessment, listAssessmentsOf, saveAssessment, startAssessment, submitAssessment } from '../../app/impact/assessment-use-cases.js';
import { IdSchema } from '../../contracts/common.contracts.js';
import { AssessmentListQuerySchema, DecideAssessmentInputSchema, ImpactAssessmentSchema, SaveAssessmentInputSchema } from '../../contracts/impact.contracts.js';
import { SECURED, createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['impact assessments'];

/** AI system impact assessments (ISO/IEC 42001 6.1.4, 8.4): versioned, submitted, approved by someone else. */
export function impactRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({ method: 'get', path: '/impact-assessments', tags, summary: 'Assessments, newest first', security: SECURED, request: { query: AssessmentListQuerySchema }, responses: { 200: jsonResponse(z.array(ImpactAssessmentSchema), 'Assessments'), ...errorResponses(400, 401, 403) } }),
    async (c) => c.json(await listAssessmentsOf(c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/systems/{id}/impact-assessments', tags, summary: "Start the next version of a system's impact assessment", security: SECURED, request: { params: IdParams, ...jsonBody(SaveAssessmentInputSchema) }, responses: { 201: jsonResponse(ImpactAssessmentSchema, 'Started'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await startAssessment(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/impact-assessments/{id}', tags, summary: 'One assessment with completeness and review state', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(ImpactAssessmentSchema, 'The assessment'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await getAssessment(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ method: 'put', path: '/impact-assessments/{id}', tags, summary: 'Save the content of a draft', security: SECURED, request: { params: IdParams, ...jsonBody(SaveAssessmentInputSchema) }, responses: { 200: jsonResponse(ImpactAssessmentSchema, 'Saved'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await saveAssessment(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/impact-assessments/{id}/submit', tags, summary: 'Submit a complete draft for approval', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(ImpactAssessmentSchema, 'Submitted'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await submitAssessment(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/impact-assessments/{id}/decision', tags, summary: 'Approve, or return for changes (approvers; not the author or submitter)', security: SECURED, request: { params: IdParams, ...jsonBody(DecideAssessmentInputSchema) }, responses: { 200: jsonResponse(ImpactAssessmentSchema, 'Decided'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await decideAssessment(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return router;
}
