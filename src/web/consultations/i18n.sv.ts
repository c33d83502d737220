/** Swedish texts of this area, merged into the catalogue by i18n/sv.ts. Keys: 'consultations.…'. */
export const svConsultations = {} as const;
