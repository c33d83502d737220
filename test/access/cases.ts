import type { AccessModule } from './types.js';

export const casesAccess: AccessModule = { routes: {} };
