/**
 * Renders generated documents in Chromium the way a reader sees them: a PDF drawn page by page
 * with pdf.js onto canvases, a DOCX laid out as pages with docx-preview. Each page is saved as a
 * PNG in test-results/browser/ and its text returned for the test to check. The libraries are
 * served from node_modules to a page on a made-up origin; nothing is fetched from the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR } from './browser.js';

const require = createRequire(import.meta.url);
/** A package's folder: its entry resolved, then up to the package.json that names it (some export no package.json). */
function pkgDir(name: string): string {
  let dir = dirname(require.resolve(name));
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === name)
      return dir;
    dir = dirname(dir);
  }
  throw new Error(`${name} is not installed (npm ci installs it: a devDependency)`);
}
const ORIGIN = 'http://documents.test';

const TYPES: Record<string, string> = {
  mjs: 'text/javascript',
  js: 'text/javascript',
  pfb: 'application/octet-stream',
  ttf: 'font/ttf',
  html: 'text/html',
};

export interface RenderedPage {
  text: string;
  /** Images drawn on the page (pdf.js paintImageXObject operations, or <img> in the DOCX page). */
  images: number;
  png: string;
}

async function openViewer(browser: Browser, files: Record<string, Buffer>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 }, locale: 'sv-SE', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    let body: Buffer | undefined;
    try {
      body = fileFor(path, files);
    } catch {
      body = undefined;
    }
    if (!body) return route.fulfill({ status: 404, body: 'not found' });
    const ext = path.split('.').pop() ?? '';
    return route.fulfill({ status: 200, contentType: TYPES[ext] ?? 'application/octet-stream', body });
  });
  await page.goto(`${ORIGIN}/viewer.html`);
  return page;
}

function fileFor(path: string, files: Record<string, Buffer>): Buffer | undefined {
  if (path === '/viewer.html')
    return Buffer.from(
      '<!doctype html><html lang="sv"><meta charset="utf-8"><body style="margin:0;background:#888"></body></html>',
    );
  if (path.startsWith('/pdfjs/')) return readFileSync(join(pkgDir('pdfjs-dist'), path.slice('/pdfjs/'.length)));
  if (path === '/docx-preview.js') return readFileSync(join(pkgDir('docx-preview'), 'dist', 'docx-preview.min.js'));
  if (path === '/jszip.js') return readFileSync(join(pkgDir('jszip'), 'dist', 'jszip.min.js'));
  if (path.startsWith('/doc/')) return files[path.slice('/doc/'.length)];
  return undefined;
}

/**
 * The browser side, as source text: page.evaluate runs it as written (a function would be
 * rewritten by vitest's transform, and the DOM is not in the tests' type library).
 */
const RENDER_PDF = `(async () => {
  const pdfjs = await import('${ORIGIN}/pdfjs/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = '${ORIGIN}/pdfjs/build/pdf.worker.mjs';
  const doc = await pdfjs.getDocument({ url: '${ORIGIN}/doc/file.pdf', standardFontDataUrl: '${ORIGIN}/pdfjs/standard_fonts/' }).promise;
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    const viewport = p.getViewport({ scale: 1.5 });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    canvas.id = 'page-' + n;
    canvas.style.cssText = 'display:block;margin:16px;background:white';
    document.body.appendChild(canvas);
    await p.render({ canvasContext: canvas.getContext('2d'), canvas, viewport }).promise;
    const content = await p.getTextContent();
    let text = '';
    for (const item of content.items) text += (item.str || '') + (item.hasEOL ? '\\n' : '');
    const ops = await p.getOperatorList();
    out.push({ text, images: ops.fnArray.filter((f) => f === pdfjs.OPS.paintImageXObject).length });
  }
  return out;
})()`;

const RENDER_DOCX = `(async () => {
  const blob = await (await fetch('${ORIGIN}/doc/file.docx')).blob();
  const host = document.createElement('div');
  document.body.appendChild(host);
  await window.docx.renderAsync(blob, host, undefined, {
    breakPages: true, renderHeaders: true, renderFooters: true, ignoreLastRenderedPageBreak: true, experimental: true,
  });
  await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  return host.querySelectorAll('section.docx').length;
})()`;

/** Draws every page of the PDF at 1.5× (about 108 dpi) and screenshots it. */
export async function renderPdf(browser: Browser, pdf: Buffer, name: string): Promise<RenderedPage[]> {
  const page = await openViewer(browser, { 'file.pdf': pdf });
  const info = await page.evaluate<{ text: string; images: number }[]>(RENDER_PDF);
  const pages: RenderedPage[] = [];
  for (let i = 0; i < info.length; i++) {
    const png = join(RESULTS_DIR, `${name}-p${i + 1}.png`);
    await page.locator(`#page-${i + 1}`).screenshot({ path: png });
    pages.push({ ...info[i]!, png });
  }
  await page.context().close();
  return pages;
}

/** Lays the DOCX out as pages with docx-preview (headers and footers included) and screenshots each. */
export async function renderDocx(browser: Browser, docx: Buffer, name: string): Promise<RenderedPage[]> {
  const page = await openViewer(browser, { 'file.docx': docx });
  await page.addScriptTag({ url: `${ORIGIN}/jszip.js` });
  await page.addScriptTag({ url: `${ORIGIN}/docx-preview.js` });
  const count = await page.evaluate<number>(RENDER_DOCX);
  const pages: RenderedPage[] = [];
  for (let i = 0; i < count; i++) {
    const section = page.locator('section.docx').nth(i);
    const png = join(RESULTS_DIR, `${name}-p${i + 1}.png`);
    await section.screenshot({ path: png });
    pages.push({ text: await section.innerText(), images: await section.locator('img').count(), png });
  }
  await page.context().close();
  return pages;
}
