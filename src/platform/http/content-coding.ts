import type { FastifyReply } from 'fastify';

/**
 * Whether the client takes gzip (RFC 9110 §12.5.3): `gzip` or `*` listed with a weight above
 * zero. `identity` is always acceptable, so a client that lists nothing gets the plain bytes.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => /^q=/i.test(p));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const coding = name.toLowerCase();
    if (coding === 'gzip' || coding === 'x-gzip') gzip = Number.isNaN(weight) ? 0 : weight;
    else if (coding === '*') any = Number.isNaN(weight) ? 0 : weight;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** Adds a field to the answer's Vary header, keeping those already there. */
export function addVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  const fields = (typeof current === 'string' ? current.split(',') : Array.isArray(current) ? current : [])
    .map((f) => String(f).trim())
    .filter(Boolean);
  if (fields.some((f) => f === '*' || f.toLowerCase() === field.toLowerCase())) return;
  void reply.header('vary', [...fields, field].join(', '));
}
