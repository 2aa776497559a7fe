import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { reasonZh } from '../lib/reason-zh.ts';

/**
 * Every refusal carries `reasonZh` at the top level when a Chinese reason is known: the
 * domain's own (`details.reasonZh`) or, for the generic wordings, one from lib/reason-zh.
 */
function withReasonZh<T extends { error: string; message: string; field?: string; details?: unknown }>(body: T): T & { reasonZh?: string } {
  const d = body.details as { reasonZh?: unknown } | undefined;
  const own = d && typeof d === 'object' && !Array.isArray(d) && typeof d.reasonZh === 'string' ? d.reasonZh : undefined;
  const zh = own ?? reasonZh({ code: body.error, message: body.message, field: body.field });
  return zh ? { ...body, reasonZh: zh } : body;
}

/**
 * The one place errors become responses: AppError → its status with code, message and
 * field; schema failures → 400 naming the field; anything else → 500 with no details.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(withReasonZh({ error: err.code, message: err.message, ...(err.field && { field: err.field }), ...(err.details !== undefined && { details: err.details }) }));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const where = (err as FastifyError).validationContext ?? 'body';
      const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || (first?.params as { missingProperty?: string } | undefined)?.missingProperty || '';
      const field = path || where;
      return reply.status(400).send(withReasonZh({
        error: 'VALIDATION',
        message: `${where}${path ? `.${path}` : ''}: ${first?.message ?? 'invalid'}`,
        field,
        details: err.validation.map((v) => ({ field: v.instancePath.replace(/^\//, '').replace(/\//g, '.'), message: v.message })),
      }));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send({ error: 'INTERNAL', message: 'internal error' });
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors: bad JSON, too large, wrong content type …
      const code = fe.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : fe.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      return reply.status(fe.statusCode).send(withReasonZh({ error: code, message: fe.message }));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: 'INTERNAL', message: 'internal error' });
  });
}
