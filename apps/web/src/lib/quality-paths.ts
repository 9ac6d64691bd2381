/** The URL segment of each quality instrument's page (Norwegian, as users see it). */
export const QUALITY_PATHS = { maturity: "modenhet", satisfaction: "tilfredshet", scope: "tjenester" } as const;
