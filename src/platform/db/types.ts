/**
 * One query interface over both engines. Everything above this layer sees the same shapes:
 * bigints and counts as numbers, `date` columns as 'YYYY-MM-DD' strings, timestamps as Date.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations, restore). */
  exec(sql: string): Promise<void>;
}

export interface Tx extends Queryable {
  readonly inTransaction: true;
}

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Db extends Queryable {
  readonly kind: DatabaseKind;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Cheap liveness probe. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Postgres type OIDs whose text form we parse the same way on both engines. */
export const OID = {
  int8: 20,
  int4: 23,
  numeric: 1700,
  date: 1082,
} as const;

export const parseInt8 = (v: string): number => Number(v);
export const keepDate = (v: string): string => v;
