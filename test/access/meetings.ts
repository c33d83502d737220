import type { AccessModule } from './types.js';

export const meetingsAccess: AccessModule = { routes: {} };
