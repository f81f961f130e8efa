/**
 * Small-number suppression for team figures. A team with fewer than three practitioners is one
 * or two people: its totals are their own figures. For such a team, a count from 1 to 4 is not
 * shown (null: "fewer than 5"), nor is any figure that would let it be worked out (the other half
 * of a pair, a median over it, the longest wait behind it). Zero is shown: it names nobody.
 */
export const SMALL_TEAM_PRACTITIONERS = 3
export const SMALL_NUMBER = 5

export const isSmallTeam = (practitioners: number) => practitioners < SMALL_TEAM_PRACTITIONERS

/** The count, or null where it is small in a small team. */
export function hideSmall(n: number, practitioners: number): number | null {
  return isSmallTeam(practitioners) && n > 0 && n < SMALL_NUMBER ? null : n
}

/**
 * Hides, in a small team, each count from 1 to 4 and what hangs on it. `groups` lists counts
 * that stand or fall together (a pair, where one and the difference give the other), each with
 * the figures derived from it.
 */
export function hideSmallCounts<T extends Record<string, unknown>, K extends keyof T>(
  row: T,
  practitioners: number,
  groups: { counts: K[]; derived?: K[] }[],
): Omit<T, K> & { [P in K]: T[P] | null } {
  type Out = Omit<T, K> & { [P in K]: T[P] | null }
  const out: Record<string, unknown> = { ...row }
  if (!isSmallTeam(practitioners)) return out as Out
  for (const g of groups) {
    const small = g.counts.some((k) => hideSmall(Number(row[k]), practitioners) === null)
    if (!small) continue
    for (const k of [...g.counts, ...(g.derived ?? [])]) out[k as string] = null
  }
  return out as Out
}
