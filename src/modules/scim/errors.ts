/**
 * SCIM's own error shape (RFC 7644 §3.12): `schemas`, `status` as a string, `scimType` for the
 * kinds the RFC names, and `detail` (in Swedish, like every message of the server). The SCIM
 * routes answer with it instead of problem+json, because identity systems parse it.
 */
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers';

export class ScimProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
  }

  toJSON() {
    return {
      schemas: [ERROR_SCHEMA],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: this.message,
    };
  }
}

export const scimUnauthorized = () =>
  new ScimProblem(401, 'SCIM-nyckeln saknas, är ogiltig eller återkallad. Skicka "Authorization: Bearer <SCIM-nyckel>".');
export const scimNotFound = (id: string) =>
  new ScimProblem(404, `Användaren ${id} finns inte eller hör inte till klientens register.`);
export const scimGroupNotFound = (id: string) =>
  new ScimProblem(404, `Gruppen ${id} finns inte eller hör inte till klientens register.`);
export const scimInvalid = (detail: string, scimType: ScimType = 'invalidValue') => new ScimProblem(400, detail, scimType);
export const scimConflict = (detail: string) => new ScimProblem(409, detail, 'uniqueness');
export const scimPreconditionFailed = (current: number, what = 'Användaren') =>
  new ScimProblem(412, `${what} har ändrats sedan du läste den (nu version W/"${current}"). Läs den igen.`);
