import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { fieldErrors } from '../../platform/http/validation.js';
import { Problem, problemFromDatabaseError } from '../../platform/errors.js';
import { isConnectionError } from '../../platform/db/postgres.js';
import { ScimProblem, type ScimType } from './errors.js';

export const SCIM_MEDIA_TYPE = 'application/scim+json; charset=utf-8';

export function sendScim(reply: FastifyReply, p: ScimProblem): FastifyReply {
  if (p.status === 503) void reply.header('retry-after', '5');
  return reply.code(p.status).type(SCIM_MEDIA_TYPE).send(p.toJSON());
}

const typeFor = (status: number): ScimType | undefined =>
  status === 409 ? 'uniqueness' : status === 400 || status === 422 ? 'invalidValue' : undefined;

/** Every failure of a SCIM route in SCIM's error shape (RFC 7644 §3.12); never a 5xx for bad input. */
export function scimErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof ScimProblem) return sendScim(reply, err);
  if (err instanceof Problem) {
    // 422 is not a SCIM status: a value the rules refuse is SCIM's 400 invalidValue.
    const status = err.status === 422 ? 400 : err.status;
    return sendScim(reply, new ScimProblem(status, err.detail, typeFor(status)));
  }
  if (err.validation) {
    const errors = fieldErrors(err.validation as never, req.lang);
    const detail = `Uppgifterna är inte giltiga: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`;
    const type: ScimType =
      err.validationContext === 'querystring' && errors.some((e) => e.path === 'filter') ? 'invalidFilter' : 'invalidValue';
    return sendScim(reply, new ScimProblem(400, detail, type));
  }
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return sendScim(reply, new ScimProblem(400, 'Kroppen är inte giltig JSON.', 'invalidSyntax'));
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendScim(reply, new ScimProblem(413, 'Kroppen är för stor.'));
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return sendScim(reply, new ScimProblem(415, 'Skicka JSON med Content-Type: application/scim+json.'));
  }
  if (isConnectionError(err)) {
    return sendScim(reply, new ScimProblem(503, 'Databasen är inte tillgänglig just nu. Försök igen om en stund.'));
  }
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) {
    return sendScim(
      reply,
      new ScimProblem(400, 'Uppgifterna innehåller ett värde som inte kan lagras eller tolkas.', 'invalidValue'),
    );
  }
  const fromDb = problemFromDatabaseError(err);
  if (fromDb) {
    const status = fromDb.status === 422 ? 400 : fromDb.status;
    return sendScim(reply, new ScimProblem(status, fromDb.detail, typeFor(status)));
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return sendScim(reply, new ScimProblem(err.statusCode, err.message));
  }
  req.log.error({ err }, 'unhandled error in SCIM');
  return sendScim(reply, new ScimProblem(500, `Något gick fel hos oss. Ange begärans id ${req.id} om du kontaktar supporten.`));
}
