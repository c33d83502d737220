import type { svCases } from './i18n.sv';

export const enCases: Record<keyof typeof svCases, string> = {};
