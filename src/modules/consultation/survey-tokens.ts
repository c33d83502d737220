import { createHash, randomBytes } from 'node:crypto';

/**
 * The survey links' tokens (server only: node:crypto). A token belongs to one recipient of one
 * survey and is kept only as a SHA-256; rules/survey.ts, which the web reads through the
 * schemas, stays free of Node modules.
 */
export const newSurveyToken = (): string => randomBytes(32).toString('base64url');
export const hashSurveyToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
