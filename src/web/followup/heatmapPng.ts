/**
 * The heatmap as shown, drawn on a canvas for a PNG download: title, the region headers
 * grouped by healthcare region, each support's title, coloured cells with their two-letter
 * labels (not colour alone), the shares per support and per region, and the legend. Drawn in
 * the browser from the same answer the table shows, like the charts' PNG export.
 */
import { STATUS_STYLE, STATUSES, type HeatmapResponse } from './types';

export interface HeatmapPngText {
  title: string;
  subtitle: string;
  support: string;
  share: string;
  regionShare: string;
  legend: string;
  none: string;
  status: (s: (typeof STATUSES)[number]) => string;
  groupName: (name: string) => string;
  pct: (n: number | null) => string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const CELL_W = 34;
const CELL_H = 22;
const PAD = 16;
const TITLE_MAX = 380;
const GROUP_H = 34;
const REGION_H = 136;
const SHARE_W = 64;
const INK = '#1a1a1a';
const RULE = '#9a9a9a';

/** Cut a text to fit a width, with an ellipsis. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/** Draw the heatmap; returns the canvas (twice the size, for sharp print). */
export function drawHeatmap(h: HeatmapResponse, text: HeatmapPngText, scale = 2): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const probe = canvas.getContext('2d')!;
  probe.font = `13px ${FONT}`;
  const titleW = Math.min(
    TITLE_MAX,
    Math.max(probe.measureText(text.regionShare).width, ...h.supports.map((s) => probe.measureText(s.title).width), 160) + 8,
  );
  const gridX = PAD + titleW;
  const gridW = h.regions.length * CELL_W;
  const headTop = PAD + 52;
  const gridTop = headTop + GROUP_H + REGION_H;
  const rowsH = (h.supports.length + 1) * CELL_H;
  const legendTop = gridTop + rowsH + 24;
  const legendItems = [...STATUSES.map((s) => ({ s, label: text.status(s) })), { s: null, label: text.none }];
  probe.font = `12px ${FONT}`;
  const legendItemW = legendItems.map((i) => 30 + probe.measureText(i.label).width + 18);
  const width = Math.ceil(Math.max(gridX + gridW + SHARE_W + PAD, PAD * 2 + 420));
  // The legend wraps to the width.
  const legendRows: number[][] = [[]];
  let x = 0;
  for (const [i, w] of legendItemW.entries()) {
    if (x + w > width - PAD * 2 && legendRows.at(-1)!.length) {
      legendRows.push([]);
      x = 0;
    }
    legendRows.at(-1)!.push(i);
    x += w;
  }
  const height = Math.ceil(legendTop + 22 + legendRows.length * 22 + PAD);

  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'middle';

  // Title and what is shown.
  ctx.fillStyle = INK;
  ctx.font = `600 17px ${FONT}`;
  ctx.fillText(fit(ctx, text.title, width - PAD * 2), PAD, PAD + 10);
  ctx.font = `13px ${FONT}`;
  ctx.fillText(fit(ctx, text.subtitle, width - PAD * 2), PAD, PAD + 32);

  // Healthcare regions over their regions, with a rule between groups.
  let col = 0;
  ctx.font = `600 12px ${FONT}`;
  for (const g of h.healthcareRegions) {
    const gx = gridX + col * CELL_W;
    const gw = g.regionCodes.length * CELL_W;
    ctx.fillStyle = '#eef1f4';
    ctx.fillRect(gx, headTop, gw, GROUP_H);
    ctx.fillStyle = INK;
    ctx.textAlign = 'center';
    const name = text.groupName(g.name);
    // A name wider than its columns goes on two lines, split at a hyphen or space.
    const cut = Math.max(name.lastIndexOf('-'), name.lastIndexOf(' '));
    if (ctx.measureText(name).width > gw - 4 && cut > 0) {
      ctx.font = `600 10px ${FONT}`;
      const head = name.slice(0, name[cut] === '-' ? cut + 1 : cut);
      ctx.fillText(fit(ctx, head, gw - 4), gx + gw / 2, headTop + GROUP_H / 2 - 7);
      ctx.fillText(fit(ctx, name.slice(cut + 1), gw - 4), gx + gw / 2, headTop + GROUP_H / 2 + 7);
      ctx.font = `600 12px ${FONT}`;
    } else {
      ctx.fillText(fit(ctx, name, gw - 4), gx + gw / 2, headTop + GROUP_H / 2);
    }
    ctx.strokeStyle = RULE;
    ctx.strokeRect(gx + 0.5, headTop + 0.5, gw, GROUP_H);
    col += g.regionCodes.length;
  }
  ctx.textAlign = 'left';

  // Region names, turned to read upwards.
  ctx.font = `12px ${FONT}`;
  for (const [i, r] of h.regions.entries()) {
    ctx.save();
    ctx.translate(gridX + i * CELL_W + CELL_W / 2, gridTop - 6);
    ctx.rotate(-Math.PI / 2);
    ctx.fillStyle = INK;
    ctx.fillText(fit(ctx, r.shortName, REGION_H - 10), 0, 0);
    ctx.restore();
  }
  ctx.font = `600 12px ${FONT}`;
  ctx.fillText(text.support, PAD, gridTop - 10);
  ctx.save();
  ctx.translate(gridX + gridW + SHARE_W - 12, gridTop - 6);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(fit(ctx, text.share, REGION_H - 10), 0, 0);
  ctx.restore();

  // One row per support, then the region shares.
  for (const [ri, s] of h.supports.entries()) {
    const y = gridTop + ri * CELL_H;
    if (ri % 2 === 1) {
      ctx.fillStyle = '#f7f7f7';
      ctx.fillRect(PAD, y, titleW, CELL_H);
    }
    ctx.fillStyle = INK;
    ctx.font = `13px ${FONT}`;
    ctx.fillText(fit(ctx, s.title, titleW - 8), PAD + 2, y + CELL_H / 2);
    for (const [ci, st] of s.statuses.entries()) {
      const cx = gridX + ci * CELL_W;
      ctx.fillStyle = st ? STATUS_STYLE[st].bg : '#fff';
      ctx.fillRect(cx, y, CELL_W, CELL_H);
      ctx.fillStyle = st ? STATUS_STYLE[st].fg : '#4a4a4a';
      ctx.font = `600 11px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.fillText(st ? STATUS_STYLE[st].short : '·', cx + CELL_W / 2, y + CELL_H / 2);
      ctx.textAlign = 'left';
    }
    ctx.fillStyle = INK;
    ctx.font = `12px ${FONT}`;
    ctx.textAlign = 'right';
    ctx.fillText(text.pct(s.implementedShare), gridX + gridW + SHARE_W - 2, y + CELL_H / 2);
    ctx.textAlign = 'left';
  }
  const footY = gridTop + h.supports.length * CELL_H;
  ctx.fillStyle = '#eef1f4';
  ctx.fillRect(PAD, footY, titleW + gridW + SHARE_W, CELL_H);
  ctx.fillStyle = INK;
  ctx.font = `600 12px ${FONT}`;
  ctx.fillText(fit(ctx, text.regionShare, titleW - 8), PAD + 2, footY + CELL_H / 2);
  ctx.font = `11px ${FONT}`;
  ctx.textAlign = 'center';
  for (const [i, r] of h.regionShares.entries()) {
    ctx.fillText(text.pct(r.share).replace(' ', ''), gridX + i * CELL_W + CELL_W / 2, footY + CELL_H / 2);
  }
  ctx.textAlign = 'left';

  // Grid lines, and heavier rules between healthcare regions.
  ctx.strokeStyle = '#d0d0d0';
  ctx.lineWidth = 1;
  for (let i = 0; i <= h.supports.length + 1; i++) {
    const y = gridTop + i * CELL_H + 0.5;
    ctx.beginPath();
    ctx.moveTo(PAD, y);
    ctx.lineTo(gridX + gridW + SHARE_W, y);
    ctx.stroke();
  }
  ctx.strokeStyle = RULE;
  col = 0;
  for (const g of [{ regionCodes: [] as string[] }, ...h.healthcareRegions]) {
    col += g.regionCodes.length;
    const gx = gridX + col * CELL_W + 0.5;
    ctx.beginPath();
    ctx.moveTo(gx, headTop);
    ctx.lineTo(gx, gridTop + rowsH);
    ctx.stroke();
  }

  // Legend.
  ctx.fillStyle = INK;
  ctx.font = `600 13px ${FONT}`;
  ctx.fillText(text.legend, PAD, legendTop);
  ctx.font = `12px ${FONT}`;
  for (const [row, items] of legendRows.entries()) {
    let lx = PAD;
    const ly = legendTop + 22 + row * 22;
    for (const i of items) {
      const { s, label } = legendItems[i]!;
      ctx.fillStyle = s ? STATUS_STYLE[s].bg : '#fff';
      ctx.fillRect(lx, ly - 9, 26, 18);
      ctx.strokeStyle = RULE;
      ctx.strokeRect(lx + 0.5, ly - 8.5, 25, 17);
      ctx.fillStyle = s ? STATUS_STYLE[s].fg : '#4a4a4a';
      ctx.font = `600 11px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.fillText(s ? STATUS_STYLE[s].short : '·', lx + 13, ly);
      ctx.textAlign = 'left';
      ctx.fillStyle = INK;
      ctx.font = `12px ${FONT}`;
      ctx.fillText(label, lx + 30, ly);
      lx += legendItemW[i]!;
    }
  }
  return canvas;
}

/** Save the canvas as a PNG file. */
export function downloadPng(canvas: HTMLCanvasElement, file: string): void {
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, 'image/png');
}
