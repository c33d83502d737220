import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, addVary } from './content-coding.js';

describe('acceptsGzip', () => {
  it('takes gzip when it or * is listed with a weight above zero', () => {
    for (const yes of ['gzip', 'GZIP', 'deflate, gzip;q=0.5', 'x-gzip', '*', 'br;q=1, *;q=0.1', ['br', 'gzip']])
      expect(acceptsGzip(yes), String(yes)).toBe(true);
  });

  it('refuses it when absent, weighted zero or unreadable, and gzip’s own weight wins over *', () => {
    for (const no of [undefined, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip; q=0.000', '*;q=0', 'gzip;q=0, *', 'gzip;q=x'])
      expect(acceptsGzip(no), String(no)).toBe(false);
  });
});

describe('addVary', () => {
  it('adds a field once, keeping those already there, and leaves * alone', async () => {
    const app = Fastify();
    app.get('/', async (req, reply) => {
      const preset = req.headers['x-preset'];
      if (typeof preset === 'string') void reply.header('vary', preset);
      addVary(reply, 'Accept-Encoding');
      addVary(reply, 'Origin');
      addVary(reply, 'accept-encoding');
      return 'ok';
    });
    expect((await app.inject({ url: '/' })).headers.vary).toBe('Accept-Encoding, Origin');
    expect((await app.inject({ url: '/', headers: { 'x-preset': 'Cookie' } })).headers.vary).toBe(
      'Cookie, Accept-Encoding, Origin',
    );
    expect((await app.inject({ url: '/', headers: { 'x-preset': '*' } })).headers.vary).toBe('*');
    await app.close();
  });
});
