import type { FastifyReply } from 'fastify';

/**
 * Atom feeds (RFC 4287) for intranets and feed readers. Written by hand with every text and
 * attribute escaped, and characters XML 1.0 cannot carry (control characters, lone surrogates)
 * removed, so any title a person typed gives a well-formed document.
 */
export interface AtomEntry {
  /** A permanent IRI, e.g. `urn:uuid:…`. */
  id: string;
  title: string;
  updated: Date;
  /** The entry's page for people (rel="alternate"). */
  link: string;
  published?: Date | undefined;
  summary?: string | null | undefined;
  categories?: { term: string; label?: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address (rel="self"). */
  self: string;
  /** The page people read the same list on (rel="alternate"). */
  alternate: string;
  author: string;
  entries: AtomEntry[];
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or attribute value as XML: escaped, and characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A fixed moment for an empty feed, so that its ETag stays put while nothing happens. */
const EMPTY_FEED_UPDATED = new Date('2000-01-01T00:00:00Z');

export function renderAtom(feed: AtomFeed): string {
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), EMPTY_FEED_UPDATED);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${xmlText(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${stamp(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    '  <generator>Navet</generator>',
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${xmlText(e.id)}</id>`,
      `    <title>${xmlText(e.title)}</title>`,
      `    <updated>${stamp(e.updated)}</updated>`,
      ...(e.published ? [`    <published>${stamp(e.published)}</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
      ...(e.categories ?? []).map(
        (c) => `    <category term="${xmlText(c.term)}"${c.label ? ` label="${xmlText(c.label)}"` : ''}/>`,
      ),
      ...(e.summary ? [`    <summary type="text">${xmlText(e.summary)}</summary>`] : []),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** Sends a feed (a public read: the route sets `config: { publicRead: true }` for CORS and ETag). */
export function sendAtom(reply: FastifyReply, feed: AtomFeed): FastifyReply {
  return reply.header('content-type', 'application/atom+xml; charset=utf-8').send(renderAtom(feed));
}

/** The public address of a path under NAVET_PUBLIC_URL. */
export function publicLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/$/, '')}${path}`;
}
