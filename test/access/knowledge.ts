import type { AccessModule } from './types.js';

export const knowledgeAccess: AccessModule = { routes: {} };
