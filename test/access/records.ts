import type { AccessModule } from './types.js';

export const recordsAccess: AccessModule = { routes: {} };
