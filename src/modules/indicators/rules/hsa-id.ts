/**
 * The HSA-id of a unit (Inera's Katalogtjänst HSA): the country code "SE", the organisationsnummer
 * of the catalogue's owner in ten digits without a hyphen (a region's: 2321000131), a hyphen, then
 * at least one letter A–Z/a–z or digit (no å, ä, ö or @); at most 31 characters in all. Example:
 * "SE2321000131-E000000011111". The database checks the same pattern (migration 0050).
 */
export const HSA_ID_PATTERN = '^SE[0-9]{10}-[A-Za-z0-9]{1,18}$';
const HSA_ID = new RegExp(HSA_ID_PATTERN);

export const isHsaId = (s: string): boolean => HSA_ID.test(s);

/** The reason an HSA-id is refused, in Swedish; undefined when it is valid. */
export function hsaIdProblem(s: string): string | undefined {
  if (isHsaId(s)) return undefined;
  if (!s.startsWith('SE')) return `"${s}" är inget HSA-id: det börjar med SE.`;
  if (!/^SE[0-9]{10}-/.test(s))
    return `"${s}" är inget HSA-id: efter SE kommer organisationsnumret med tio siffror och ett bindestreck.`;
  if (s.length > 31) return `"${s}" är inget HSA-id: det är högst 31 tecken.`;
  return `"${s}" är inget HSA-id: efter bindestrecket kommer bara bokstäver A–Z och siffror.`;
}
