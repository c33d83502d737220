import type { svKnowledge } from './i18n.sv';

export const enKnowledge: Record<keyof typeof svKnowledge, string> = {};
