/**
 * How long a test may wait before it is called stuck. Time limits in the tests catch hangs; they
 * never measure speed (that is `npm run bench`). A council's CI machine may be running something
 * else, or a second suite beside this one: every limit is the time the step takes on a quiet
 * 2-core machine, times HEARTH_TEST_TIME_SCALE (3 unless set). Waits end as soon as their
 * condition holds, so a larger scale costs time only when something is stuck. Plain JavaScript,
 * because vitest.config.ts reads it too.
 */
export const TIME_SCALE = Math.max(1, Number(process.env.HEARTH_TEST_TIME_SCALE ?? 3) || 3)

/**
 * A time limit in milliseconds, scaled for a busy machine.
 * @param {number} ms
 * @returns {number}
 */
export function limit(ms) {
  return Math.round(ms * TIME_SCALE)
}
