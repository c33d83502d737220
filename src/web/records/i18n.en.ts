import type { svRecords } from './i18n.sv';

export const enRecords: Record<keyof typeof svRecords, string> = {};
