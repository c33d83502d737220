/** Swedish texts of this area, merged into the catalogue by i18n/sv.ts. Keys: 'trust.…'. */
export const svTrust = {} as const;
