/** Swedish texts of this area, merged into the catalogue by i18n/sv.ts. Keys: 'meetings.…'. */
export const svMeetings = {} as const;
