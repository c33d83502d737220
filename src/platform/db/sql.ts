/** Builds a WHERE clause from optional filters; `?` marks each value's place. */
export class Filters {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  add(sql: string, ...values: unknown[]): this {
    let s = sql;
    for (const v of values) {
      this.params.push(v);
      s = s.replace('?', `$${this.params.length}`);
    }
    this.parts.push(s);
    return this;
  }

  /** Appends a value that is not part of the WHERE clause (LIMIT) and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** Mirrors sv_fold() for the search term; LIKE wildcards in user input are dropped. */
export function foldLike(q: string): string {
  const from = 'ÅÄÖÆØÉÈÜÁÀåäöæøéèüáà';
  const to = 'aaoaoeeuaaaaoaoeeuaa';
  return [...q.toLowerCase().replace(/[%_\\]/g, '')].map((c) => (from.includes(c) ? to[from.indexOf(c)] : c)).join('');
}
