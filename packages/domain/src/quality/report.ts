import { z } from "zod";

import { MAX_YEAR, MIN_YEAR } from "../reporting/years";
import { nameSchema, textSchema } from "../text/schemas";
import { STAIRCASE_STEPS } from "../scope/staircase";
import { MATURITY_AREAS } from "./maturity";
import { QUALITY_INSTRUMENTS } from "./satisfaction";

const Text = textSchema(1_000).nullable();

export const MaturityContentSchema = z.object({
  scores: z
    .array(z.object({ area: z.enum(MATURITY_AREAS), score: z.number().int().min(1).max(5).nullable(), comment: Text, evidence: Text }))
    .max(MATURITY_AREAS.length),
});

const Mean = z.number().min(0).max(1_000).multipleOf(0.01);
const Respondents = z.number().int().min(1).max(10_000_000);

export const SatisfactionContentSchema = z.object({
  /** The staff's IT user survey, on its own scale (Q2 compares the 1–6 scale only). */
  staff: z
    .object({
      mean: Mean,
      respondents: Respondents,
      scaleMin: z.number().int().min(0).max(100),
      scaleMax: z.number().int().min(1).max(1_000),
    })
    .nullable(),
  /** bedrekommune.no results, one per survey type, on its 1–6 scale. */
  citizen: z.array(z.object({ surveyType: nameSchema(80), mean: Mean, respondents: Respondents })).max(50),
});

export const ScopeContentSchema = z.object({
  services: z
    .array(
      z.object({
        code: z.string().min(1).max(60),
        step: z
          .union(
            STAIRCASE_STEPS.map((s) => z.literal(s)) as [
              z.ZodLiteral<1>,
              z.ZodLiteral<2>,
              z.ZodLiteral<3>,
              z.ZodLiteral<4>,
              z.ZodLiteral<5>,
            ],
          )
          .nullable(),
        notOffered: z.boolean(),
        evidence: Text,
      }),
    )
    .max(100),
  mail: z
    .array(
      z.object({
        shipmentType: nameSchema(80, { min: 0 }),
        digital: z.number().int().min(0).max(1e9),
        paper: z.number().int().min(0).max(1e9),
      }),
    )
    .max(50),
});

export type MaturityContent = z.infer<typeof MaturityContentSchema>;
export type SatisfactionContent = z.infer<typeof SatisfactionContentSchema>;
export type ScopeContent = z.infer<typeof ScopeContentSchema>;

export const QualityContentSchema = z.discriminatedUnion("instrument", [
  z.object({ instrument: z.literal("maturity"), content: MaturityContentSchema }),
  z.object({ instrument: z.literal("satisfaction"), content: SatisfactionContentSchema }),
  z.object({ instrument: z.literal("scope"), content: ScopeContentSchema }),
]);
export type QualityContent = z.infer<typeof QualityContentSchema>;

export const QualityReportKeySchema = z.object({
  year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
  instrument: z.enum(QUALITY_INSTRUMENTS),
});

export const saveMaturityWeightsInputSchema = z.object({
  weights: z.array(z.object({ area: z.enum(MATURITY_AREAS), weight: z.number().int().min(0).max(100) })).max(MATURITY_AREAS.length),
});
