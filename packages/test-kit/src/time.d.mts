/** The scale every time limit in the tests is multiplied by (HEARTH_TEST_TIME_SCALE, 3 unless set). */
export declare const TIME_SCALE: number
/** A time limit in milliseconds, scaled for a busy machine. */
export declare function limit(ms: number): number
