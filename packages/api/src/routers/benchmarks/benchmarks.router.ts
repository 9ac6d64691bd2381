import { INDICATOR_CODES, PEER_GROUP_KINDS, SIZE_CLASSES } from "@malestokk/domain";
import { z } from "zod";

import { permissionProcedure, router } from "../../trpc";
import { MunicipalityNumberSchema } from "../municipalities/municipalities.router";
import { compareUnits, getBenchmarkSeries, getIndicatorDetail, getMapFigures, getProfile } from "./benchmarks.service";

const PeerSummarySchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("shown"),
    n: z.number(),
    q1: z.number(),
    median: z.number(),
    q3: z.number(),
    ratioOfSums: z.number(),
  }),
  z.object({ status: z.literal("hidden"), n: z.number(), reason: z.literal("TOO_FEW_MEMBERS") }),
]);

// Cross-municipality data: the output schema strips anything a query adds by mistake.
const SeriesSchema = z.object({
  indicatorCode: z.string(),
  municipalityNumber: z.string(),
  peerGroup: z.object({
    kind: z.enum([...PEER_GROUP_KINDS, "custom"]),
    standInFor: z.enum(PEER_GROUP_KINDS).nullable(),
    peerSetName: z.string().nullable(),
    sizeClass: z.enum(SIZE_CLASSES).nullable(),
    countyNumber: z.string().nullable(),
    countyName: z.string().nullable(),
    kostraGroup: z.string().nullable(),
    kostraGroupName: z.string().nullable(),
    kostraGroupApproximate: z.boolean(),
    members: z.number(),
    memberNames: z.array(z.string()),
  }),
  points: z.array(
    z.object({
      year: z.number(),
      own: z
        .object({
          value: z.number(),
          numerator: z.number(),
          denominator: z.number(),
          status: z.enum(["draft", "submitted", "approved"]),
          /** The last approved figure of a report being corrected ("under retting"). */
          isUnderCorrection: z.boolean(),
        })
        .nullable(),
      peers: PeerSummarySchema,
      percentile: z.number().nullable(),
      national: z.object({ n: z.number(), ratioOfSums: z.number().nullable() }),
    }),
  ),
  isDemo: z.boolean(),
});

const PeerGroupSchema = SeriesSchema.shape.peerGroup;

// Every municipality's figure: the output schema keeps the answer to these columns.
const MapSchema = z.object({
  indicatorCode: z.string(),
  year: z.number(),
  municipalityNumber: z.string().nullable(),
  municipalityName: z.string().nullable(),
  peerGroup: PeerGroupSchema.nullable(),
  peerNumbers: z.array(z.string()),
  counties: z.array(z.object({ number: z.string(), name: z.string() })),
  units: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      countyNumber: z.string(),
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      isUnderCorrection: z.boolean(),
      isDemo: z.boolean(),
    }),
  ),
  isDemo: z.boolean(),
});

export const benchmarksRouter = router({
  series: permissionProcedure("benchmarks.read")
    .input(
      z.object({
        indicatorCode: z.enum(INDICATOR_CODES),
        municipalityNumber: MunicipalityNumberSchema,
        peerGroup: z.enum(PEER_GROUP_KINDS).optional(),
        /** A saved peer set the user may use; takes the place of peerGroup. */
        peerSetId: z.number().int().positive().optional(),
      }),
    )
    .output(SeriesSchema)
    .query(({ ctx, input }) => getBenchmarkSeries(ctx.db, input, ctx.session)),
  /** Every indicator for one municipality and year against the chosen peer group ("Min kommune"). */
  profile: permissionProcedure("benchmarks.read")
    .input(
      z.object({
        municipalityNumber: MunicipalityNumberSchema,
        year: z.number().int().min(2000).max(2100).optional(),
        peerGroup: z.enum(PEER_GROUP_KINDS).optional(),
        peerSetId: z.number().int().positive().optional(),
      }),
    )
    .query(({ ctx, input }) => getProfile(ctx.db, input, ctx.session)),
  /** One indicator in depth: distribution over the peer group, series, an optional scatter, definition and freshness. */
  indicator: permissionProcedure("benchmarks.read")
    .input(
      z.object({
        indicatorCode: z.enum(INDICATOR_CODES),
        municipalityNumber: MunicipalityNumberSchema,
        year: z.number().int().min(2000).max(2100).optional(),
        against: z.enum(INDICATOR_CODES).optional(),
        peerGroup: z.enum(PEER_GROUP_KINDS).optional(),
        peerSetId: z.number().int().positive().optional(),
      }),
    )
    .query(({ ctx, input }) => getIndicatorDetail(ctx.db, input, ctx.session)),
  /** Up to ten units side by side on chosen indicators, every year. */
  compare: permissionProcedure("benchmarks.read")
    .input(
      z.object({
        numbers: z.array(MunicipalityNumberSchema).min(1).max(10),
        codes: z.array(z.enum(INDICATOR_CODES)).min(1).max(INDICATOR_CODES.length),
      }),
    )
    .query(({ ctx, input }) => compareUnits(ctx.db, input, ctx.session)),
  /** The map (issue 24): one indicator for every municipality in a year; with a municipality, its peer group too. */
  map: permissionProcedure("benchmarks.read")
    .input(
      z.object({
        indicatorCode: z.enum(INDICATOR_CODES),
        municipalityNumber: MunicipalityNumberSchema.optional(),
        year: z.number().int().min(2000).max(2100).optional(),
        peerGroup: z.enum(PEER_GROUP_KINDS).optional(),
        peerSetId: z.number().int().positive().optional(),
      }),
    )
    .output(MapSchema)
    .query(({ ctx, input }) => getMapFigures(ctx.db, input, ctx.session)),
});
