/** Swedish texts of this area, merged into the catalogue by i18n/sv.ts. Keys: 'knowledge.…'. */
export const svKnowledge = {} as const;
