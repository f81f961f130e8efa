/** How far a return's run has gone, 0–100: done is 100 whatever the counts say. */
export function percentDone(status: string, done: number, total: number): number {
  if (status === 'done') return 100
  return total ? Math.floor((100 * done) / total) : 0
}
