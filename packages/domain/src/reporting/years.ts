/** The first accounting year Målestokk accepts data for. */
export const FIRST_REPORTING_YEAR = 2015;
/** Hard outer bounds for any year in input; the reporting-year table narrows it further. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
