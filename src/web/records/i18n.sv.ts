/** Swedish texts of this area, merged into the catalogue by i18n/sv.ts. Keys: 'records.…'. */
export const svRecords = {} as const;
