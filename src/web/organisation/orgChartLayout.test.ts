import { describe, expect, it } from 'vitest';
import { layoutOrgChart, wrapText, type ChartLayout, type ChartNode, type LaidBox } from './orgChartLayout';

/** A fixed-width font is enough to check the geometry. */
const measure = (text: string) => text.length * 6.5;
const legend = { ownBox: 'Grupp', aboveBox: 'Speglad grupp', parentLine: 'Rapporterar till', mirrorLine: 'Speglar' };

function node(id: string, parent: string | null = null, mirror: string | null = null): ChartNode {
  return { id, name: `Grupp ${id}`, parentGroupId: parent, mirrorsGroupId: mirror };
}

/** A healthcare region like Sydöstra: board → management → four councils with program areas, plus leaf groups. */
function sydostra() {
  const groups: ChartNode[] = [node('board'), node('mgmt', 'board')];
  const mirrors = new Map<string, ChartNode>();
  for (let c = 0; c < 4; c++) {
    groups.push(node(`council${c}`, 'mgmt'));
    for (let a = 0; a < 6; a++) {
      const npo = `npo${c}-${a}`;
      mirrors.set(npo, node(npo));
      groups.push(node(`rpo${c}-${a}`, `council${c}`, npo));
    }
  }
  for (let s = 0; s < 9; s++) groups.push(node(`rsg${s}`, 'mgmt'));
  mirrors.set('npo-orphan', node('npo-orphan'));
  groups.push(node('rpo-orphan', null, 'npo-orphan'));
  return { groups, mirrors };
}

function overlap(a: LaidBox, b: LaidBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Segments of the mirror links that run through a box other than the two they join. */
function linksThroughBoxes(layout: ChartLayout): string[] {
  const problems: string[] = [];
  for (const line of layout.lines.filter((l) => l.type === 'mirror')) {
    for (let i = 0; i + 1 < line.points.length; i++) {
      const [x1, y1] = line.points[i]!;
      const [x2, y2] = line.points[i + 1]!;
      for (const b of layout.boxes) {
        const inside = (x: number, y: number) => x > b.x + 0.5 && x < b.x + b.w - 0.5 && y > b.y + 0.5 && y < b.y + b.h - 0.5;
        // sample the segment
        for (let t = 0.05; t < 1; t += 0.05) {
          if (inside(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t)) {
            problems.push(`mirror link through ${b.id}`);
            break;
          }
        }
      }
    }
  }
  return problems;
}

describe('organisation chart layout', () => {
  it('places every group once, without overlaps, mirrors in the band above', () => {
    const { groups, mirrors } = sydostra();
    const layout = layoutOrgChart({ groups, mirrors, ownLabel: 'Sydöstra', aboveLabel: 'Nationell', legend, measure });
    const own = layout.boxes.filter((b) => b.band === 'own');
    const above = layout.boxes.filter((b) => b.band === 'above');
    expect(own.map((b) => b.id).sort()).toEqual(groups.map((g) => g.id).sort());
    expect(above).toHaveLength(mirrors.size);
    for (const [i, a] of layout.boxes.entries()) {
      for (const b of layout.boxes.slice(i + 1)) expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    }
    const [aboveBand, ownBand] = layout.bands;
    for (const b of above) expect(b.y + b.h).toBeLessThanOrEqual(aboveBand!.y + aboveBand!.h);
    for (const b of own) expect(b.y).toBeGreaterThanOrEqual(ownBand!.y);
    expect(layout.lines.filter((l) => l.type === 'mirror')).toHaveLength(25);
  });

  it('never runs a mirror link through a box', () => {
    const { groups, mirrors } = sydostra();
    const layout = layoutOrgChart({ groups, mirrors, ownLabel: 'Sydöstra', aboveLabel: 'Nationell', legend, measure });
    expect(linksThroughBoxes(layout)).toEqual([]);
  });

  it('wraps many leaf groups (Jönköping’s 25 LPOs) into columns of at most ten', () => {
    const groups: ChartNode[] = [node('board')];
    const mirrors = new Map<string, ChartNode>();
    for (let i = 0; i < 25; i++) {
      mirrors.set(`rpo${i}`, node(`rpo${i}`));
      groups.push(node(`lpo${i}`, 'board', `rpo${i}`));
    }
    const layout = layoutOrgChart({ groups, mirrors, ownLabel: '06', aboveLabel: 'Sydöstra', legend, measure });
    const columns = new Set(layout.boxes.filter((b) => b.id.startsWith('lpo')).map((b) => b.x));
    expect(columns.size).toBe(3);
    expect(linksThroughBoxes(layout)).toEqual([]);
  });

  it('has no band above when nothing is mirrored, and survives a cycle in bad data', () => {
    const layout = layoutOrgChart({
      groups: [node('a', 'b'), node('b', 'a'), node('c')],
      mirrors: new Map(),
      ownLabel: 'x',
      aboveLabel: 'y',
      legend,
      measure,
    });
    expect(layout.bands.map((b) => b.band)).toEqual(['own']);
    expect(layout.boxes.map((b) => b.id).sort()).toEqual(['a', 'b', 'c']);
    expect(layout.legend.map((l) => l.type)).toEqual(['own-box', 'parent-line']);
  });

  it('wraps names into at most three lines, breaking long compounds at an s-joint', () => {
    expect(wrapText('Samverkansnämnden', 80, measure)).toEqual(['Samverkans-', 'nämnden']);
    expect(wrapText('RMPO Rehabilitering, habilitering och försäkringsmedicin', 130, measure)).toEqual([
      'RMPO Rehabilitering,',
      'habilitering och',
      'försäkringsmedicin',
    ]);
    const long = wrapText('Ledningsgruppen för samverkan mellan Region Jönköpings län och länets kommuner', 130, measure);
    expect(long).toHaveLength(3);
    expect(long[2]).toMatch(/…$/);
  });
});
