import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { changeSystem } from '../../app/inventory/change-system.js';
import { getSystem } from '../../app/inventory/get-system.js';
import { getClassificationQuestionnaire, listSystemClassifications, previewClassification } from '../../app/inventory/list-classifications.js';
import { listSystems } from '../../app/inventory/list-systems.js';
import { moveSystemStage } from '../../app/inventory/move-system-stage.js';
import { listReviewTriggers } from '../../app/inventory/read-datasets.js';
import { recordClassification } from '../../app/inventory/record-classification.js';
import { registerSystem } from '../../app/inventory/register-system.js';
import { changeWaveSettings, getWaveSettings, overrideWave, proposeWaves } from '../../app/inventory/wave-ranking.js';
import { IdSchema, pageSchema } from '../../contracts/common.contracts.js';
import {
  ClassificationHistorySchema,
  ClassificationPreviewSchema,
  ClassificationQuestionnaireSchema,
  ClassificationRecordWithDisclaimerSchema,
  ClassifyInputSchema,
} from '../../contracts/classification.contracts.js';
import {
  ChangeSystemInputSchema,
  MoveStageInputSchema,
  RegisterSystemInputSchema,
  ReviewTriggerQuerySchema,
  ReviewTriggerSchema,
  SystemDetailSchema,
  SystemListQuerySchema,
  SystemSchema,
  WaveOverrideInputSchema,
  WaveProposalSchema,
  WaveSettingsInputSchema,
  WaveSettingsSchema,
} from '../../contracts/inventory.contracts.js';
import { SECURED, createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';

const IdParams = z.object({ id: IdSchema });
const tags = ['inventory'];

/** AI systems: the inventory, lifecycle, EU AI Act screening and certification waves. */
export function systemRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({ method: 'get', path: '/systems', tags, summary: 'The inventory, highest wave-ranking score first', security: SECURED, request: { query: SystemListQuerySchema }, responses: { 200: jsonResponse(pageSchema(SystemDetailSchema), 'A page of systems'), ...errorResponses(400, 401, 403) } }),
    async (c) => c.json(await listSystems(c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/systems', tags, summary: 'Add an AI system to the inventory', security: SECURED, request: jsonBody(RegisterSystemInputSchema), responses: { 201: jsonResponse(SystemSchema, 'Added'), ...errorResponses(400, 401, 403, 409) } }),
    async (c) => c.json(await registerSystem(c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/systems/{id}', tags, summary: 'One system with its current classification and ranking', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(SystemDetailSchema, 'The system'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await getSystem(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ method: 'patch', path: '/systems/{id}', tags, summary: "Change a system's description (not its stage or wave)", security: SECURED, request: { params: IdParams, ...jsonBody(ChangeSystemInputSchema) }, responses: { 200: jsonResponse(SystemSchema, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await changeSystem(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post', path: '/systems/{id}/stage', tags, security: SECURED,
      summary: 'Move a system to another lifecycle stage: forward one stage at a time; back, or out of retired, only with a reason',
      request: { params: IdParams, ...jsonBody(MoveStageInputSchema) }, responses: { 200: jsonResponse(SystemSchema, 'Moved'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await moveSystemStage(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/systems/{id}/wave', tags, summary: 'Override the wave proposal for a system, with a reason (wave null returns it to the proposal)', security: SECURED, request: { params: IdParams, ...jsonBody(WaveOverrideInputSchema) }, responses: { 200: jsonResponse(SystemSchema, 'Overridden'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await overrideWave(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'post', path: '/systems/{id}/classifications', tags: ['classification'], security: SECURED,
      summary: 'Screen the system under the EU AI Act: stores the answers and the computed result as a new version (screening, not legal advice)',
      request: { params: IdParams, ...jsonBody(ClassifyInputSchema) }, responses: { 201: jsonResponse(ClassificationRecordWithDisclaimerSchema, 'Recorded'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await recordClassification(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/systems/{id}/classifications', tags: ['classification'], summary: "Every classification version of the system, newest first", security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(ClassificationHistorySchema, 'Versions'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await listSystemClassifications(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/classification/questions', tags: ['classification'], summary: 'The EU AI Act screening questionnaire, with its disclaimer', security: SECURED, responses: { 200: jsonResponse(ClassificationQuestionnaireSchema, 'Questions in table order'), ...errorResponses(401, 403) } }),
    (c) => c.json(getClassificationQuestionnaire(c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/classification/preview', tags: ['classification'], summary: 'The next question and the result so far for a set of answers; stores nothing', security: SECURED, request: jsonBody(ClassifyInputSchema), responses: { 200: jsonResponse(ClassificationPreviewSchema, 'Preview'), ...errorResponses(400, 401, 403) } }),
    (c) => c.json(previewClassification(c.var.actor, c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({ method: 'get', path: '/waves', tags: ['ranking'], summary: 'The ranked inventory and the wave-1 proposal (with overrides applied)', security: SECURED, responses: { 200: jsonResponse(WaveProposalSchema, 'Proposal'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await proposeWaves(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/waves/settings', tags: ['ranking'], summary: 'The current wave-ranking weights and wave-1 limits (version 0: the defaults)', security: SECURED, responses: { 200: jsonResponse(WaveSettingsSchema, 'Settings'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await getWaveSettings(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'put', path: '/waves/settings', tags: ['ranking'], summary: 'Store a new version of the wave-ranking weights and wave-1 limits', security: SECURED, request: jsonBody(WaveSettingsInputSchema), responses: { 200: jsonResponse(WaveSettingsSchema, 'Stored'), ...errorResponses(400, 401, 403) } }),
    async (c) => c.json(await changeWaveSettings(c.var.deps, c.var.actor, c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({ method: 'get', path: '/review-triggers', tags: ['inventory'], summary: '"Review needed" triggers raised by inventory changes (a new dataset version), newest first', security: SECURED, request: { query: ReviewTriggerQuerySchema }, responses: { 200: jsonResponse(pageSchema(ReviewTriggerSchema), 'A page of triggers'), ...errorResponses(400, 401, 403) } }),
    async (c) => c.json(await listReviewTriggers(c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  return router;
}
