/**
 * Team figures in one place, for the strategy team's council view and the insight team's figures
 * (both screens call these use-cases; nothing else computes them). Computed live on each request from
 * the tables: "as fresh as the moment you loaded the page". Team totals only: never a league table
 * of individual workers.
 */
export type Row = Record<string, string | number | null>
export const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows
export const num = (v: unknown) => Number(v ?? 0)
export const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10)
