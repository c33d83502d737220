import type { AccessModule } from './types.js';

export const followupAccess: AccessModule = { routes: {} };
