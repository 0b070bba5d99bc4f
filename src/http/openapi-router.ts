import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { type z } from 'zod';
import { ErrorResponseSchema } from '../contracts/common.contracts.js';
import { validationError } from '../contracts/parse.js';
import type { HttpEnv } from './http-env.js';

/** A router whose contract failures become our 400 error body, naming each field. */
export function createRouter() {
  return new OpenAPIHono<HttpEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error as z.ZodError, `request ${result.target}`);
    },
  });
}

export const SECURED: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { sessionCookie: [] }];

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { body: { required: true, description, content: { 'application/json': { schema } } } } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

const errorContent = { content: { 'application/json': { schema: ErrorResponseSchema } } } as const;

/** The error responses a route can give, for its OpenAPI entry. */
export function errorResponses(...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 429>): RouteConfig['responses'] {
  const text: Record<number, string> = {
    400: 'Invalid input; details.fields names each offending field',
    401: 'Not authenticated',
    403: 'Authenticated without the permission',
    404: 'Not found in your organization',
    409: 'Conflicts with existing data',
    413: 'Body larger than the limit',
    429: 'Too many attempts; details.retryAt says when to try again',
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: text[s]!, ...errorContent }]));
}
