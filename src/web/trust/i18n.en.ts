import type { svTrust } from './i18n.sv';

export const enTrust: Record<keyof typeof svTrust, string> = {};
