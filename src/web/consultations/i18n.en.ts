import type { svConsultations } from './i18n.sv';

export const enConsultations: Record<keyof typeof svConsultations, string> = {};
