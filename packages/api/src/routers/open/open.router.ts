import { INDICATOR_CODES, MAX_YEAR, MIN_YEAR } from "@malestokk/domain";
import { z } from "zod";

import { getOpenDataLicence } from "../../open-data/licence";
import { publicProcedure, router } from "../../trpc";
import { MunicipalityNumberSchema } from "../municipalities/municipalities.router";
import { getOpenIndicator, getOpenMap, getOpenMunicipality, getOpenValueHistory } from "./open.service";

const Year = z.number().int().min(MIN_YEAR).max(MAX_YEAR);
const IndicatorCode = z.enum(INDICATOR_CODES);

/**
 * The open pages (docs/open-data.md#open-pages): no sign-in, published figures only. Never a draft, a
 * submitted value or anything of a year before its publication date; the permission walk checks it.
 */
export const openRouter = router({
  municipality: publicProcedure
    .input(z.object({ municipalityNumber: MunicipalityNumberSchema }))
    .query(({ ctx, input }) => getOpenMunicipality(ctx.db, input.municipalityNumber, ctx.now())),
  indicator: publicProcedure
    .input(z.object({ indicatorCode: IndicatorCode, year: Year.optional() }))
    .query(({ ctx, input }) => getOpenIndicator(ctx.db, input, ctx.now())),
  valueHistory: publicProcedure
    .input(z.object({ indicatorCode: IndicatorCode, municipalityNumber: MunicipalityNumberSchema, year: Year }))
    .query(({ ctx, input }) => getOpenValueHistory(ctx.db, input, ctx.now())),
  /** The administrator's licence and attribution, as every answer of the public API states them. */
  licence: publicProcedure.query(({ ctx }) => getOpenDataLicence(ctx.db)),
  map: publicProcedure
    .input(z.object({ indicatorCode: IndicatorCode, year: Year.optional() }))
    .query(({ ctx, input }) => getOpenMap(ctx.db, input, ctx.now())),
});
