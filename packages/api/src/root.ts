import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import { adminRouter } from "./routers/admin/admin.router";
import { authRouter } from "./routers/auth/auth.router";
import { benchmarksRouter } from "./routers/benchmarks/benchmarks.router";
import { benefitsRouter } from "./routers/benefits/benefits.router";
import { ideasRouter } from "./routers/ideas/ideas.router";
import { sectorRouter } from "./routers/sector/sector.router";
import { importsRouter } from "./routers/imports/imports.router";
import { peersRouter } from "./routers/peers/peers.router";
import { registerRouter } from "./routers/register/register.router";
import { costsRouter } from "./routers/costs/costs.router";
import { municipalitiesRouter } from "./routers/municipalities/municipalities.router";
import { systemRouter } from "./routers/system/system.router";
import { systemsRouter } from "./routers/systems/systems.router";
import { yearsRouter } from "./routers/years/years.router";
import { qualityRouter } from "./routers/quality/quality.router";
import { homeRouter } from "./routers/home/home.router";
import { toolboxRouter } from "./routers/toolbox/toolbox.router";
import { apiTokensRouter } from "./tokens/api-tokens.router";
import { solutionsRouter } from "./routers/solutions/solutions.router";
import { mailRouter } from "./routers/mail/mail.router";
import { openRouter } from "./routers/open/open.router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  admin: adminRouter,
  municipalities: municipalitiesRouter,
  benchmarks: benchmarksRouter,
  costs: costsRouter,
  imports: importsRouter,
  peers: peersRouter,
  register: registerRouter,
  years: yearsRouter,
  systems: systemsRouter,
  quality: qualityRouter,
  benefits: benefitsRouter,
  ideas: ideasRouter,
  sector: sectorRouter,
  home: homeRouter,
  toolbox: toolboxRouter,
  apiTokens: apiTokensRouter,
  solutions: solutionsRouter,
  mail: mailRouter,
  open: openRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
