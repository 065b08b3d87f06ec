/**
 * Longest field the detectors look at, in UTF-16 code units (64 KiB of ASCII). A longer screened
 * field is held as "too long to screen" rather than scanned: every pattern is linear, but the bound
 * keeps the worst case per field small and predictable (see README "Regular-expression safety").
 */
export const MAX_SCREENED_FIELD_LENGTH = 64 * 1024;
