import { xmlText } from '../http/atom.js';

/**
 * A small XML builder: elements as data, every name checked and every text and attribute value
 * escaped when written (xmlText drops what XML 1.0 cannot carry). Used by the e-archive package
 * (METS, ERMS, PREMIS), where a case's title or a file name may hold any character.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string | number | undefined | null>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][A-Za-z0-9_.-]*)?$/;

/** An element; attributes whose value is undefined or null are left out, as are null children. */
export function el(
  name: string,
  attrs: XmlElement['attrs'] = {},
  ...children: (XmlNode | null | undefined | false | (XmlNode | null | undefined | false)[])[]
): XmlElement {
  if (!NAME.test(name)) throw new Error(`not an XML name: ${name}`);
  for (const a of Object.keys(attrs)) if (!NAME.test(a)) throw new Error(`not an XML attribute name: ${a}`);
  const flat = children.flat().filter((c): c is XmlNode => c !== null && c !== undefined && c !== false);
  return { name, attrs, children: flat };
}

/** An element holding only text (left out when the text is null or undefined). */
export const textEl = (name: string, text: string | number | null | undefined, attrs: XmlElement['attrs'] = {}) =>
  text === null || text === undefined ? null : el(name, attrs, String(text));

function write(node: XmlNode, indent: string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(xmlText(node));
    return;
  }
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
  if (node.children.length === 0) {
    out.push(`${indent}<${node.name}${attrs}/>`);
  } else if (node.children.every((c) => typeof c === 'string')) {
    out.push(`${indent}<${node.name}${attrs}>${node.children.map((c) => xmlText(c)).join('')}</${node.name}>`);
  } else {
    out.push(`${indent}<${node.name}${attrs}>`);
    for (const c of node.children) {
      if (typeof c === 'string') out.push(`${indent}  ${xmlText(c)}`);
      else write(c, `${indent}  `, out);
    }
    out.push(`${indent}</${node.name}>`);
  }
}

/** The document, UTF-8, with its XML declaration. */
export function renderXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
