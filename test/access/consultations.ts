import type { AccessModule } from './types.js';

export const consultationsAccess: AccessModule = { routes: {} };
