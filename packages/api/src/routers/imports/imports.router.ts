import { IMPORT_MEASURE_CODES, nameSchema } from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../../context";
import { permissionProcedure, router } from "../../trpc";
import { fetchStatisticsFile } from "./fetch-file";
import { importJsonStat, importKostraGroups, importRegionChanges, importRegisterNames } from "./imports.service";

export const importsRouter = router({
  /**
   * JSON-stat 2.0 as text (an uploaded file's content) or fetched from Statistics Norway's
   * statistics bank (`url`); `dryRun` gives the preview only.
   */
  jsonStat: permissionProcedure("reference.import")
    .input(
      z
        .object({
          measure: z.enum(IMPORT_MEASURE_CODES),
          content: z.string().min(2).max(900_000).optional(),
          url: z.string().max(2_000).optional(),
          fileName: nameSchema(255, { min: 0 }).nullish(),
          dryRun: z.boolean(),
        })
        .refine((v) => (v.content === undefined) !== (v.url === undefined), { message: "content or url", path: ["content"] }),
    )
    .mutation(async ({ ctx, input }) =>
      importJsonStat(
        ctx.db,
        {
          text: input.url === undefined ? (input.content ?? "") : await fetchStatisticsFile(input.url),
          measure: input.measure,
          dryRun: input.dryRun,
          fileName: input.fileName ?? input.url ?? null,
        },
        changeOptions(ctx),
      ),
    ),
  /** Municipality names and parallel Sámi/Kven names from KLASS 131 codes. */
  registerNames: permissionProcedure("reference.import")
    .input(z.object({ content: z.string().min(2).max(900_000), dryRun: z.boolean() }))
    .mutation(({ ctx, input }) =>
      importRegisterNames(
        ctx.db,
        {
          text: input.content,
          dryRun: input.dryRun,
        },
        changeOptions(ctx),
      ),
    ),
  /** KOSTRA groups from a KLASS correspondence file (classification 112) for a year. */
  kostraGroups: permissionProcedure("reference.import")
    .input(z.object({ content: z.string().min(2).max(900_000), year: z.number().int().min(2020).max(2100), dryRun: z.boolean() }))
    .mutation(({ ctx, input }) =>
      importKostraGroups(
        ctx.db,
        {
          text: input.content,
          year: input.year,
          dryRun: input.dryRun,
        },
        changeOptions(ctx),
      ),
    ),
  /** The change list of municipality numbers from KLASS 131, to map statistics from before 2020. */
  regionChanges: permissionProcedure("reference.import")
    .input(z.object({ content: z.string().min(2).max(900_000), dryRun: z.boolean() }))
    .mutation(({ ctx, input }) =>
      importRegionChanges(
        ctx.db,
        {
          text: input.content,
          dryRun: input.dryRun,
        },
        changeOptions(ctx),
      ),
    ),
});
