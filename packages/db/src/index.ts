export * from "./client";
export * from "./migrate";
export * from "./queries/organisations";
export * from "./queries/reporting-years";
export * from "./queries/costs";
export * from "./queries/indicators";
export { seedDemoData, DEMO_FIRST_YEAR, DEMO_LAST_YEAR, type DemoSeedResult } from "./seed/demo";
