import type { AccessModule } from './types.js';

export const trustAccess: AccessModule = { routes: {} };
