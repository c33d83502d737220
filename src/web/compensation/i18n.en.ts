import type { svCompensation } from './i18n.sv';

export const enCompensation: Record<keyof typeof svCompensation, string> = {};
