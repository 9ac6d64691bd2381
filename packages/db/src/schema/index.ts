export * from "./organisations";
export * from "./costs";
export * from "./indicators";
export * from "./auth";
export * from "./peers";
export * from "./quality";
export * from "./benefits";
export * from "./ideas";
