/**
 * A tiny, safe Markdown renderer for mandate texts: headings, paragraphs, lists (one level of
 * nesting), **strong**, *emphasis*, `code` and [links](https://…). Everything becomes React
 * elements, so text is always escaped; nothing is ever injected as HTML. The text's top heading
 * level becomes h3, because the page around it already has its h1 and h2.
 */
import type { ReactNode } from 'react';

type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: ListItem[] };

interface ListItem {
  text: string;
  children: { ordered: boolean; items: string[] } | null;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;

interface OpenList {
  ordered: boolean;
  items: ListItem[];
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  // what is being collected: the lines of a paragraph or the items of a list
  const open: { paragraph: string[]; list: OpenList | null } = { paragraph: [], list: null };

  const flushParagraph = () => {
    if (open.paragraph.length) blocks.push({ type: 'paragraph', text: open.paragraph.join(' ') });
    open.paragraph = [];
  };
  const flushList = () => {
    if (open.list) blocks.push({ type: 'list', ...open.list });
    open.list = null;
  };

  for (const raw of lines) {
    const line = raw.replace(/\t/g, '    ');
    if (!line.trim()) {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line.trim());
    if (heading && !line.startsWith('    ')) {
      flushParagraph();
      flushList();
      blocks.push({ type: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
      continue;
    }
    const bullet = BULLET.exec(line);
    const last = open.list?.items[open.list.items.length - 1];
    if (bullet) {
      flushParagraph();
      const indent = bullet[1]?.length ?? 0;
      const ordered = /\d/.test(bullet[2] ?? '');
      const text = bullet[3] ?? '';
      if (indent >= 2 && last) {
        last.children ??= { ordered, items: [] };
        last.children.items.push(text);
      } else {
        if (!open.list || open.list.ordered !== ordered) {
          flushList();
          open.list = { ordered, items: [] };
        }
        open.list.items.push({ text, children: null });
      }
      continue;
    }
    if (last && /^\s{2,}/.test(line)) {
      // a continuation line of the last list item
      last.text = `${last.text} ${line.trim()}`;
      continue;
    }
    flushList();
    open.paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

const INLINE = /(\*\*|__)(.+?)\1|(\*|_)(?!\s)(.+?)(?<!\s)\3|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Only these link targets are kept; anything else (javascript:, data:) becomes plain text. */
function safeHref(url: string): string | null {
  if (/^(https?:|mailto:)/i.test(url)) return url;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return null;
}

export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    const start = m.index;
    if (start > last) out.push(text.slice(last, start));
    const key = `${keyPrefix}-${n++}`;
    if (m[2] !== undefined) out.push(<strong key={key}>{renderInline(m[2], key)}</strong>);
    else if (m[4] !== undefined) out.push(<em key={key}>{renderInline(m[4], key)}</em>);
    else if (m[5] !== undefined) out.push(<code key={key}>{m[5]}</code>);
    else if (m[6] !== undefined && m[7] !== undefined) {
      const href = safeHref(m[7]);
      out.push(
        href ? (
          <a key={key} href={href} rel="noopener noreferrer">
            {renderInline(m[6], key)}
          </a>
        ) : (
          m[0]
        ),
      );
    }
    last = start + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function Heading({ level, children }: { level: number; children: ReactNode }) {
  // "#" in the text is the first level inside the page's own h2 section
  const l = Math.min(6, level + 2);
  if (l === 3) return <h3>{children}</h3>;
  if (l === 4) return <h4>{children}</h4>;
  if (l === 5) return <h5>{children}</h5>;
  return <h6>{children}</h6>;
}

export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = parseMarkdown(text);
  // the text's own top level becomes h3, whether it starts with "#" or "##"
  const top = Math.min(6, ...blocks.map((b) => (b.type === 'heading' ? b.level : 6)));
  return (
    <div className={`markdown${className ? ` ${className}` : ''}`}>
      {blocks.map((b, i) => {
        const key = `b${i}`;
        if (b.type === 'heading')
          return (
            <Heading key={key} level={b.level - top + 1}>
              {renderInline(b.text, key)}
            </Heading>
          );
        if (b.type === 'paragraph') return <p key={key}>{renderInline(b.text, key)}</p>;
        const ListTag = b.ordered ? 'ol' : 'ul';
        return (
          <ListTag key={key}>
            {b.items.map((item, j) => {
              const itemKey = `${key}-${j}`;
              const SubTag = item.children?.ordered ? 'ol' : 'ul';
              return (
                <li key={itemKey}>
                  {renderInline(item.text, itemKey)}
                  {item.children && (
                    <SubTag>
                      {item.children.items.map((c, k) => (
                        <li key={`${itemKey}-${k}`}>{renderInline(c, `${itemKey}-${k}`)}</li>
                      ))}
                    </SubTag>
                  )}
                </li>
              );
            })}
          </ListTag>
        );
      })}
    </div>
  );
}
