/**
 * The heatmap's column headers: a region's name in at most five letters, so all 21 regions fit
 * at 1366 px (issue 17). The abbreviations Swedish regions use of each other in reports and
 * mail (Sthlm, Jkpg, VGR …); the full name stays the header's accessible name and tooltip.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  '01': 'Sthlm',
  '03': 'Upps',
  '04': 'Sörm',
  '05': 'Östg',
  '06': 'Jkpg',
  '07': 'Kron',
  '08': 'Kalm',
  '09': 'Gotl',
  '10': 'Blek',
  '12': 'Skåne',
  '13': 'Hall',
  '14': 'VGR',
  '17': 'Värml',
  '18': 'Öreb',
  '19': 'Västm',
  '20': 'Dal',
  '21': 'Gävl',
  '22': 'Vnorr',
  '23': 'JH',
  '24': 'Vbott',
  '25': 'Nbott',
};

/** The region's abbreviation; an unknown code's short name cut to five letters. */
export function regionAbbreviation(code: string, shortName: string): string {
  return ABBREVIATIONS[code] ?? shortName.slice(0, 5);
}
