import type { svMeetings } from './i18n.sv';

export const enMeetings: Record<keyof typeof svMeetings, string> = {};
