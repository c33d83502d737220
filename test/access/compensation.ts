import type { AccessModule } from './types.js';

export const compensationAccess: AccessModule = { routes: {} };
