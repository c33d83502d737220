import type { svMandates } from './i18n.sv';

export const enMandates: Record<keyof typeof svMandates, string> = {};
