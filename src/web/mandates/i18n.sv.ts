/** Swedish texts of this area, merged into the catalogue by i18n/sv.ts. Keys: 'mandates.…'. */
export const svMandates = {} as const;
