import type { AccessModule } from './types.js';

export const mandatesAccess: AccessModule = { routes: {} };
