import type { svFollowup } from './i18n.sv';

export const enFollowup: Record<keyof typeof svFollowup, string> = {};
