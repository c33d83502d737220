import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { asciiFilename, contentDisposition, safeFilename, sendDownload } from './download.js';

describe('file downloads', () => {
  it('keeps Swedish names in filename* and gives old clients an ASCII fallback', () => {
    expect(contentDisposition('Ersättning år 2026.xlsx')).toBe(
      `attachment; filename="Ersattning ar 2026.xlsx"; filename*=UTF-8''Ers%C3%A4ttning%20%C3%A5r%202026.xlsx`,
    );
  });

  it('lets no path, quote, control character or header syntax through', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\x\\rapport.pdf')).toBe('rapport.pdf');
    expect(safeFilename('a\r\nSet-Cookie: x.pdf')).toBe('aSet-Cookie: x.pdf');
    expect(asciiFilename('"citat" 100%.pdf')).toBe('_citat_ 100_.pdf');
    expect(contentDisposition("it's (1).pdf")).toContain(`filename*=UTF-8''it%27s%20%281%29.pdf`);
    expect(contentDisposition('🙂.txt')).toContain('filename="_.txt"');
  });

  it('never sends an empty or hidden name', () => {
    expect(safeFilename('')).toBe('fil');
    expect(safeFilename('dir/')).toBe('fil');
    expect(safeFilename('.env')).toBe('env');
    expect(asciiFilename('ÅÄÖ')).toBe('AAO');
  });

  it('sends the type, the disposition and nosniff with the body', async () => {
    const app = Fastify();
    app.get('/f', (_req, reply) =>
      sendDownload(reply, { filename: 'Möte.ics', contentType: 'text/calendar; charset=utf-8', body: 'BEGIN:VCALENDAR' }),
    );
    const res = await app.inject({ method: 'GET', url: '/f' });
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Mote.ics"; filename*=UTF-8''M%C3%B6te.ics`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toBe('BEGIN:VCALENDAR');
    await app.close();
  });
});
