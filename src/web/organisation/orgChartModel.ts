/** The organisation chart's shapes and measures: what the layout returns and the sizes it uses (SVG user units). */
export interface ChartNode {
  id: string;
  name: string;
  parentGroupId: string | null;
  mirrorsGroupId: string | null;
}

export interface LaidBox {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  band: 'own' | 'above';
}

export interface LaidLine {
  points: [number, number][];
  type: 'parent' | 'mirror';
}

export interface LaidBand {
  y: number;
  h: number;
  label: string;
  labelWidth: number;
  band: 'own' | 'above';
}

export interface LegendItem {
  type: 'own-box' | 'above-box' | 'parent-line' | 'mirror-line';
  label: string;
  x: number;
  y: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  boxes: LaidBox[];
  lines: LaidLine[];
  bands: LaidBand[];
  legend: LegendItem[];
}

export type Measure = (text: string, font: 'box' | 'label' | 'legend') => number;

export const CHART = {
  BOX_W: 144,
  PAD_X: 7,
  PAD_Y: 6,
  LINE_H: 15,
  FONT: 12,
  MAX_LINES: 3,
  V_GAP: 30,
  STACK_GAP: 8,
  H_GAP: 14,
  INDENT: 14,
  GUT_BASE: 6,
  GUT_STEP: 4,
  MAX_ROWS: 10,
  MAX_ROW_W: 1150,
  MARGIN: 16,
  BAND_LABEL_H: 34,
  BAND_PAD: 16,
  LEGEND_GAP: 18,
  LEGEND_ROW_H: 22,
  LEGEND_SWATCH_W: 34,
} as const;

export function pathOf(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${Math.round(x * 2) / 2} ${Math.round(y * 2) / 2}`).join(' ');
}
