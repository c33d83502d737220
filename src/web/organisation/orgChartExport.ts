/** Saving the organisation chart: the SVG as drawn, or a PNG drawn from it on a canvas. */
import type { ChartLayout } from './orgChartLayout';

export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.removeAttribute('class');
  clone.removeAttribute('style');
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draws the SVG on a canvas at twice the size (sharp on paper and on dense screens). */
export function downloadPng(svg: SVGSVGElement, layout: ChartLayout, filename: string): Promise<void> {
  const scale = 2;
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(layout.width * scale);
      canvas.height = Math.ceil(layout.height * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('no canvas'));
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(scale, scale);
      ctx.drawImage(image, 0, 0, layout.width, layout.height);
      canvas.toBlob((blob) => {
        if (!blob) return reject(new Error('no png'));
        downloadBlob(blob, filename);
        resolve();
      }, 'image/png');
    };
    image.onerror = () => reject(new Error('svg did not load'));
    // a data: URL, because the content security policy allows data: images but not blob: ones
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg))}`;
  });
}
