/** The CLI's exit codes, as scripts and auditors rely on them. */
export const EXIT_OK = 0;
/** A check ran and found a problem (verify, audit). */
export const EXIT_CHECK_FAILED = 1;
/** Usage or operational error: the command could not do its job. */
export const EXIT_ERROR = 2;
