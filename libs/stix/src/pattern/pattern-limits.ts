/**
 * Bounds on what the pattern parser reads. Patterns arrive from the internet: these keep one
 * hostile indicator from costing more than a few microseconds of CPU or a deep call stack.
 * Real AIS indicators stay far below both (a few hundred characters, nesting 3 or 4).
 */
export const MAX_PATTERN_LENGTH = 16 * 1024;

/** Brackets and parentheses open at once; each level is a few stack frames of the parser. */
export const MAX_PATTERN_NESTING = 64;
