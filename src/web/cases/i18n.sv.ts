/** Swedish texts of this area, merged into the catalogue by i18n/sv.ts. Keys: 'cases.…'. */
export const svCases = {} as const;
