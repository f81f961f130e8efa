import type { Executor } from './client'

/** Whether the executor is a transaction: one connection, on which pg runs one statement at a time. */
export const isTransaction = (ex: Executor) => typeof (ex as { rollback?: unknown }).rollback === 'function'

/**
 * Reads that do not depend on each other: at once on the pool, one after another inside a
 * transaction (sending a statement on a connection still running one is what pg 9 refuses).
 * `const [a, b] = await together(ex, () => ex.select()…, () => ex.select()…)`.
 */
export async function together<T extends unknown[]>(
  ex: Executor,
  ...queries: { [K in keyof T]: () => T[K] }
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  type Out = { [K in keyof T]: Awaited<T[K]> }
  if (!isTransaction(ex)) return (await Promise.all(queries.map((q) => q()))) as Out
  const out: unknown[] = []
  for (const q of queries) out.push(await q())
  return out as Out
}
