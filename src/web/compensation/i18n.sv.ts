/** Swedish texts of this area, merged into the catalogue by i18n/sv.ts. Keys: 'compensation.…'. */
export const svCompensation = {} as const;
