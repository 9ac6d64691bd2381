export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from "./root";
export { createContextInner, type Context, type ContextOptions } from "./context";
export { AppError } from "./errors";
export type { ErrorData } from "./trpc";
