/** Diarienummer: "<prefix> <year>/<sequence>", e.g. "R07 2027/12". The prefix defaults to R + county code. */
export function caseNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix} ${year}/${sequence}`;
}

export const defaultPrefix = (regionCode: string) => `R${regionCode}`;

/** The case year is the year the matter was received (a December letter registered in January keeps its year). */
export const caseYear = (receivedDate: string) => Number(receivedDate.slice(0, 4));
