/** Swedish texts of this area, merged into the catalogue by i18n/sv.ts. Keys: 'followup.…'. */
export const svFollowup = {} as const;
