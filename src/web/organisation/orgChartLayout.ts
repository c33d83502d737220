/**
 * Lays out an organisation chart without any library: the owner's groups as a tree of
 * reporting lines (parent → children) in the lower band, the groups they mirror stacked in
 * the band above. Pure: text widths come from a `measure` function, output is boxes, lines
 * and bands in SVG user units.
 *
 * Readability rules:
 * - siblings with children of their own are laid out side by side; leaf siblings go in a
 *   column (several columns of at most MAX_ROWS when there are many, e.g. Jönköping's 25 LPOs)
 *   hanging from a "comb" on their left;
 * - a mirror link leaves a group on its right, climbs in a corridor kept free next to its
 *   column, and reaches the mirrored group, which is stacked right above that column. The
 *   stack is in reverse order, so the links nest like brackets and never cross each other;
 * - parents are placed clear of those corridors, so a link never runs behind a box;
 * - top-level blocks wrap into rows when the chart would get too wide.
 */

import {
  CHART,
  type ChartLayout,
  type ChartNode,
  type LaidBand,
  type LaidBox,
  type LaidLine,
  type LegendItem,
  type Measure,
} from './orgChartModel';
import { wrapText } from './orgChartWrap';

export * from './orgChartModel';
export { wrapText } from './orgChartWrap';

interface Part {
  w: number;
  h: number;
  boxes: LaidBox[];
  lines: LaidLine[];
  /** x of the points where a parent's connector reaches this part (at its top, y = 0) */
  entries: number[];
  /** x ranges kept free for mirror links running up */
  corridors: [number, number][];
}

function shift(part: Part, dx: number, dy: number): Part {
  return {
    w: part.w,
    h: part.h,
    boxes: part.boxes.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy })),
    lines: part.lines.map((l) => ({ ...l, points: l.points.map(([x, y]): [number, number] => [x + dx, y + dy]) })),
    entries: part.entries.map((e) => e + dx),
    corridors: part.corridors.map(([a, b]): [number, number] => [a + dx, b + dx]),
  };
}

export function layoutOrgChart(input: {
  groups: ChartNode[];
  /** groups one level up that the owner's groups mirror, by id */
  mirrors: Map<string, ChartNode>;
  ownLabel: string;
  aboveLabel: string;
  legend: { ownBox: string; aboveBox: string; parentLine: string; mirrorLine: string };
  measure: Measure;
}): ChartLayout {
  const { groups, mirrors, measure } = input;
  const C = CHART;
  const inner = C.BOX_W - 2 * C.PAD_X;
  const boxFor = (node: ChartNode, band: 'own' | 'above'): LaidBox => {
    const lines = wrapText(node.name, inner, measure);
    return { id: node.id, x: 0, y: 0, w: C.BOX_W, h: 2 * C.PAD_Y + Math.max(1, lines.length) * C.LINE_H, lines, band };
  };
  const mirrored = (n: ChartNode) => !!n.mirrorsGroupId && mirrors.has(n.mirrorsGroupId);

  // the tree of reporting lines inside the owner's band
  const ids = new Set(groups.map((g) => g.id));
  const children = new Map<string, ChartNode[]>();
  for (const g of groups) {
    if (g.parentGroupId && ids.has(g.parentGroupId) && g.parentGroupId !== g.id) {
      children.set(g.parentGroupId, [...(children.get(g.parentGroupId) ?? []), g]);
    }
  }
  const visited = new Set<string>();
  const kidsOf = (n: ChartNode) => (children.get(n.id) ?? []).filter((c) => !visited.has(c.id));

  function layoutGrid(nodes: ChartNode[], hasParent: boolean): Part {
    const cols = Math.ceil(nodes.length / C.MAX_ROWS);
    const rows = Math.ceil(nodes.length / cols);
    const indent = hasParent ? C.INDENT : 0;
    const part: Part = { w: 0, h: 0, boxes: [], lines: [], entries: [], corridors: [] };
    let x = 0;
    for (let c = 0; c < cols; c++) {
      const colNodes = nodes.slice(c * rows, (c + 1) * rows);
      const mirrorCount = colNodes.filter(mirrored).length;
      const gutter = mirrorCount ? C.GUT_BASE + mirrorCount * C.GUT_STEP : 0;
      let y = 0;
      const mids: number[] = [];
      for (const n of colNodes) {
        visited.add(n.id);
        const box = { ...boxFor(n, 'own'), x: x + indent, y };
        part.boxes.push(box);
        mids.push(y + box.h / 2);
        y += box.h + C.STACK_GAP;
      }
      if (hasParent) {
        const tx = x + indent / 2;
        part.lines.push({
          type: 'parent',
          points: [
            [tx, 0],
            [tx, mids[mids.length - 1] ?? 0],
          ],
        });
        for (const m of mids)
          part.lines.push({
            type: 'parent',
            points: [
              [tx, m],
              [x + indent, m],
            ],
          });
        part.entries.push(tx);
      }
      if (gutter) part.corridors.push([x + indent + C.BOX_W, x + indent + C.BOX_W + gutter]);
      part.h = Math.max(part.h, y - C.STACK_GAP);
      x += indent + C.BOX_W + gutter + C.H_GAP;
    }
    part.w = x - C.H_GAP;
    return part;
  }

  /** Where to put a parent box: near `preferred`, but never over a mirror corridor. */
  function placeParent(preferred: number, corridors: [number, number][], max: number): number {
    const clear = (x: number) => corridors.every(([a, b]) => x + C.BOX_W <= a - 2 || x >= b + 2);
    const candidates = [preferred, ...corridors.flatMap(([a, b]) => [b + 4, a - C.BOX_W - 4])]
      .map((x) => Math.min(Math.max(0, x), Math.max(0, max)))
      .filter(clear)
      .sort((p, q) => Math.abs(p - preferred) - Math.abs(q - preferred));
    return candidates[0] ?? Math.min(Math.max(0, preferred), Math.max(0, max));
  }

  function layoutTree(node: ChartNode): Part {
    visited.add(node.id);
    const root = boxFor(node, 'own');
    const block = layoutSiblings(kidsOf(node), true);
    const selfGutter = mirrored(node) ? C.GUT_BASE + C.GUT_STEP : 0;
    const blockY = root.h + C.V_GAP;
    const minE = Math.min(...block.entries);
    const maxE = Math.max(...block.entries);
    const w = Math.max(block.w, C.BOX_W + selfGutter);
    const rx = placeParent((minE + maxE) / 2 - C.BOX_W / 2, block.corridors, w - C.BOX_W - selfGutter);
    const placed = shift(block, 0, blockY);
    const lines: LaidLine[] = [...placed.lines];
    const cx = rx + C.BOX_W / 2;
    if (block.entries.every((e) => e >= rx + 6 && e <= rx + C.BOX_W - 6)) {
      for (const e of block.entries)
        lines.push({
          type: 'parent',
          points: [
            [e, root.h],
            [e, blockY],
          ],
        });
    } else {
      const busY = root.h + C.V_GAP / 2;
      lines.push({
        type: 'parent',
        points: [
          [cx, root.h],
          [cx, busY],
        ],
      });
      lines.push({
        type: 'parent',
        points: [
          [Math.min(minE, cx), busY],
          [Math.max(maxE, cx), busY],
        ],
      });
      for (const e of block.entries)
        lines.push({
          type: 'parent',
          points: [
            [e, busY],
            [e, blockY],
          ],
        });
    }
    return {
      w,
      h: blockY + block.h,
      boxes: [{ ...root, x: rx, y: 0 }, ...placed.boxes],
      lines,
      entries: [cx],
      corridors: [...block.corridors, ...(selfGutter ? [[rx + C.BOX_W, rx + C.BOX_W + selfGutter] as [number, number]] : [])],
    };
  }

  function layoutSiblings(nodes: ChartNode[], hasParent: boolean): Part {
    const withKids = nodes.filter((n) => kidsOf(n).length > 0);
    const leaves = nodes.filter((n) => !withKids.includes(n));
    const parts = withKids.map(layoutTree);
    if (leaves.length) parts.push(layoutGrid(leaves, hasParent));
    const out: Part = { w: 0, h: 0, boxes: [], lines: [], entries: [], corridors: [] };
    let x = 0;
    for (const p of parts) {
      const s = shift(p, x, 0);
      out.boxes.push(...s.boxes);
      out.lines.push(...s.lines);
      out.entries.push(...s.entries);
      out.corridors.push(...s.corridors);
      out.h = Math.max(out.h, p.h);
      x += p.w + C.H_GAP;
    }
    out.w = Math.max(0, x - C.H_GAP);
    return out;
  }

  // top level: roots (no parent among the owner's groups), wrapped into rows when too wide
  const roots = groups.filter((g) => !g.parentGroupId || !ids.has(g.parentGroupId) || g.parentGroupId === g.id);
  const rootParts: Part[] = [];
  const rootTrees = roots.filter((n) => kidsOf(n).length > 0);
  for (const n of rootTrees) rootParts.push(layoutTree(n));
  // anything left unplaced (a cycle in bad data) is shown as a plain root
  const rootLeaves = [
    ...roots.filter((n) => !rootTrees.includes(n)),
    ...groups.filter((g) => !roots.includes(g) && !visited.has(g.id)),
  ];
  for (const n of rootLeaves) visited.add(n.id);
  if (rootLeaves.length) rootParts.push(layoutGrid(rootLeaves, false));

  // Parts with mirror links all stay in the first row: a link from a lower row would have to
  // climb through the row above. The others wrap into rows below.
  const own: Part = { w: 0, h: 0, boxes: [], lines: [], entries: [], corridors: [] };
  const ordered = [...rootParts.filter((p) => p.corridors.length > 0), ...rootParts.filter((p) => p.corridors.length === 0)];
  let rowX = 0;
  let rowY = 0;
  let rowH = 0;
  for (const p of ordered) {
    if (rowX > 0 && rowX + p.w > C.MAX_ROW_W && p.corridors.length === 0) {
      rowY += rowH + C.V_GAP;
      rowX = 0;
      rowH = 0;
    }
    const s = shift(p, rowX, rowY);
    own.boxes.push(...s.boxes);
    own.lines.push(...s.lines);
    own.corridors.push(...s.corridors);
    rowX += p.w + C.H_GAP;
    rowH = Math.max(rowH, p.h);
    own.w = Math.max(own.w, rowX - C.H_GAP);
  }
  own.h = rowY + rowH;

  // the band above: each column's mirrored groups stacked over it, in reverse order
  const byId = new Map(groups.map((g) => [g.id, g]));
  const mirroring = own.boxes.filter((b) => {
    const n = byId.get(b.id);
    return n ? mirrored(n) : false;
  });
  const columns = new Map<number, LaidBox[]>();
  for (const b of mirroring) columns.set(b.x, [...(columns.get(b.x) ?? []), b]);
  const stacks: { x: number; boxes: LaidBox[]; gutter: number }[] = [];
  const placedAbove = new Map<string, LaidBox>();
  const links: { from: LaidBox; gx: number; target: string }[] = [];
  let lastRight = -Infinity;
  for (const x of [...columns.keys()].sort((a, b) => a - b)) {
    const col = (columns.get(x) ?? []).sort((a, b) => a.y - b.y);
    const stack: LaidBox[] = [];
    col.forEach((b, i) => {
      const target = byId.get(b.id)?.mirrorsGroupId ?? '';
      links.push({ from: b, gx: b.x + b.w + C.GUT_BASE + i * C.GUT_STEP, target });
    });
    for (const b of [...col].reverse()) {
      const target = byId.get(b.id)?.mirrorsGroupId ?? '';
      const node = mirrors.get(target);
      if (!node || placedAbove.has(target)) continue;
      const box = boxFor(node, 'above');
      placedAbove.set(target, box);
      stack.push(box);
    }
    if (!stack.length) continue;
    const gutter = C.GUT_BASE + col.length * C.GUT_STEP;
    const sx = Math.max(x, lastRight + C.H_GAP);
    stacks.push({ x: sx, boxes: stack, gutter });
    lastRight = sx + C.BOX_W + gutter;
  }
  const stackH = (s: { boxes: LaidBox[] }) => s.boxes.reduce((h, b) => h + b.h, 0) + C.STACK_GAP * (s.boxes.length - 1);
  const aboveInner = Math.max(0, ...stacks.map(stackH));
  const hasAbove = stacks.length > 0;

  // absolute coordinates
  const M = C.MARGIN;
  const bands: LaidBand[] = [];
  let y = M;
  const boxes: LaidBox[] = [];
  const lines: LaidLine[] = [];
  if (hasAbove) {
    const h = C.BAND_LABEL_H + aboveInner + C.BAND_PAD;
    bands.push({ y, h, label: input.aboveLabel, labelWidth: measure(input.aboveLabel, 'label'), band: 'above' });
    const bottom = y + C.BAND_LABEL_H + aboveInner;
    for (const s of stacks) {
      let sy = bottom - stackH(s);
      for (const b of s.boxes) {
        b.x = M + s.x;
        b.y = sy;
        sy += b.h + C.STACK_GAP;
        boxes.push(b);
      }
    }
    y += h;
  }
  const ownTop = y;
  const ownH = C.BAND_LABEL_H + own.h + C.BAND_PAD;
  bands.push({ y: ownTop, h: ownH, label: input.ownLabel, labelWidth: measure(input.ownLabel, 'label'), band: 'own' });
  const ownPlaced = shift(own, M, ownTop + C.BAND_LABEL_H);
  boxes.push(...ownPlaced.boxes);
  lines.push(...ownPlaced.lines);
  y = ownTop + ownH;

  const ownById = new Map(ownPlaced.boxes.map((b) => [b.id, b]));
  for (const l of links) {
    const from = ownById.get(l.from.id);
    const to = placedAbove.get(l.target);
    if (!from || !to) continue;
    const gx = M + l.gx;
    const fy = from.y + from.h / 2;
    const ty = to.y + to.h / 2;
    const end = gx >= to.x + to.w ? to.x + to.w : gx <= to.x ? to.x : to.x + to.w / 2;
    const points: [number, number][] =
      end === to.x + to.w / 2
        ? [
            [from.x + from.w, fy],
            [gx, fy],
            [gx, to.y + to.h],
          ]
        : [
            [from.x + from.w, fy],
            [gx, fy],
            [gx, ty],
            [end, ty],
          ];
    lines.push({ type: 'mirror', points });
  }

  const contentW = Math.max(own.w, ...stacks.map((s) => s.x + C.BOX_W + s.gutter), 0);
  let width = contentW + 2 * M;

  // the legend, inside the picture so that it goes along when exported
  const items: { type: LegendItem['type']; label: string }[] = [
    { type: 'own-box', label: input.legend.ownBox },
    ...(hasAbove ? [{ type: 'above-box' as const, label: input.legend.aboveBox }] : []),
    { type: 'parent-line', label: input.legend.parentLine },
    ...(hasAbove ? [{ type: 'mirror-line' as const, label: input.legend.mirrorLine }] : []),
  ];
  const legendW = Math.max(width, 520);
  width = legendW;
  const legend: LegendItem[] = [];
  let lx = M;
  let ly = y + C.LEGEND_GAP;
  for (const item of items) {
    const w = C.LEGEND_SWATCH_W + 8 + measure(item.label, 'legend') + 24;
    if (lx > M && lx + w > width - M) {
      lx = M;
      ly += C.LEGEND_ROW_H;
    }
    legend.push({ ...item, x: lx, y: ly });
    lx += w;
  }
  const height = ly + C.LEGEND_ROW_H + M / 2;
  return { width, height, boxes, lines, bands, legend };
}
