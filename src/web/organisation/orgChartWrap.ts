/** Text in the chart's boxes: names word-wrapped to the box width with the browser's (or a test's) measure. */
import { CHART, type Measure } from './orgChartModel';

/** Word-wraps a name into at most MAX_LINES lines of the box's inner width; long words are broken. */
export function wrapText(text: string, maxWidth: number, measure: Measure, maxLines: number = CHART.MAX_LINES): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  const push = (line: string) => {
    if (line) lines.push(line);
  };
  for (let word of words) {
    // a word wider than the box is broken with a hyphen
    while (measure(word, 'box') > maxWidth) {
      const cut = breakPoint(word, maxWidth, measure);
      if (current) {
        push(current);
        current = '';
      }
      push(`${word.slice(0, cut)}-`);
      word = word.slice(cut);
    }
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate, 'box') <= maxWidth) current = candidate;
    else {
      push(current);
      current = word;
    }
  }
  push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (last.length > 2 && measure(last, 'box') > maxWidth) last = `${last.slice(0, -2)}…`;
  kept[maxLines - 1] = last;
  return kept;
}

/**
 * Where to break a word too long for the box. Swedish compounds are often joined with an "s"
 * (Samverkans|nämnden, Regionsjukvårds|ledningen), so the last such joint that fits is
 * preferred; otherwise as much as fits, leaving at least three letters for the next line.
 */
function breakPoint(word: string, maxWidth: number, measure: Measure): number {
  let fit = word.length - 1;
  while (fit > 1 && measure(`${word.slice(0, fit)}-`, 'box') > maxWidth) fit--;
  for (let cut = fit; cut >= 4; cut--) {
    if (word[cut - 1] === 's' && word.length - cut >= 3 && !/[aeiouyåäö]/i.test(word[cut] ?? '')) return cut;
  }
  return Math.max(1, Math.min(fit, word.length - 3));
}
