import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './Markdown';

describe('the mandate Markdown parser', () => {
  it('knows headings, paragraphs and lists with one level of nesting', () => {
    expect(parseMarkdown('# Uppdrag\n\nRad ett\nrad två.\n\n- a\n- b\n  - b1\n1. ett\n2. två')).toEqual([
      { type: 'heading', level: 1, text: 'Uppdrag' },
      { type: 'paragraph', text: 'Rad ett rad två.' },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'a', children: null },
          { text: 'b', children: { ordered: false, items: ['b1'] } },
        ],
      },
      {
        type: 'list',
        ordered: true,
        items: [
          { text: 'ett', children: null },
          { text: 'två', children: null },
        ],
      },
    ]);
  });

  it('keeps markup as text: nothing is HTML', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([{ type: 'paragraph', text: '<script>alert(1)</script>' }]);
  });
});
