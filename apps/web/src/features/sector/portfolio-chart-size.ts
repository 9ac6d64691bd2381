/** The height of the sector portfolio's chart, which its room is kept at until it is drawn. */
export const PORTFOLIO_CHART_HEIGHT = 320;
