import { INDICATOR_CODES, OPEN_DATA_LICENCES, PEER_GROUP_KINDS } from "@malestokk/domain";

import { OPEN_DATA_FORMATS } from "./params";

/**
 * The OpenAPI 3.1 document of the public API (docs/open-data.md#api), written by hand as one object
 * (docs/decisions/033-open-data-api-contract.md): the answers are not zod-described, and the document is the
 * contract users read. Tests validate it and every endpoint's answers against its schemas.
 */

const text = { type: "string" } as const;
const nullableText = { type: ["string", "null"] } as const;
const nullableNumber = { type: ["number", "null"] } as const;
const localized = { $ref: "#/components/schemas/LocalizedText" } as const;

const envelope = (data: object) => ({
  type: "object",
  required: ["licence", "demo", "data"],
  additionalProperties: false,
  properties: { licence: { $ref: "#/components/schemas/Licence" }, demo: { type: "boolean" }, data: { type: "array", items: data } },
});

const param = (name: string, description: string, schema: object, example?: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
  ...(example ? { example } : {}),
});

const COMMON_PARAMETERS = [{ $ref: "#/components/parameters/format" }, { $ref: "#/components/parameters/lang" }];

const answers = (schema: string, description: string) => ({
  "200": {
    description,
    headers: {
      ETag: { $ref: "#/components/headers/ETag" },
      "Cache-Control": { $ref: "#/components/headers/CacheControl" },
      Link: { $ref: "#/components/headers/Link" },
    },
    content: {
      "application/json": { schema: { $ref: `#/components/schemas/${schema}` } },
      "text/csv": { schema: { type: "string" } },
    },
  },
  "304": { description: "Not modified: the ETag sent in If-None-Match is still current." },
  "400": {
    description: "A parameter is wrong; the answer names it.",
    content: { "application/json": { schema: { $ref: "#/components/schemas/ParameterError" } } },
  },
  "429": {
    description: "Too many requests from this address; wait the seconds in Retry-After.",
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } },
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
});

export const OPEN_DATA_OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Målestokk: åpne data",
    version: "1.0.0",
    summary: "Published IT benchmarking figures of Norway's municipalities.",
    description:
      "Published, approved figures only: a reporting year is public from its publication date. No sign-in. JSON by default; " +
      "`format=csv` (RFC 4180: comma, decimal point, UTF-8 without BOM), `format=csv-no` (semicolon, decimal comma, UTF-8 with BOM, for Excel) " +
      "and `format=jsonstat` (JSON-stat 2.0, as SSB's API). Every answer states its licence and whether the database holds demo data.",
    license: { name: "NLOD 2.0 (default; set by the administrator)", url: "https://data.norge.no/nlod/no/2.0" },
  },
  servers: [{ url: "/api/v1" }],
  paths: {
    "/indicators": {
      get: {
        operationId: "listIndicators",
        summary: "The indicator catalogue",
        description: "Code, names, definition, formula in words, unit, direction, source and the first published year.",
        parameters: COMMON_PARAMETERS,
        responses: answers("IndicatorsAnswer", "The catalogue."),
      },
    },
    "/units": {
      get: {
        operationId: "listUnits",
        summary: "The municipality register",
        description: "Number, names including official Sámi and Kven names, county, KOSTRA group with its source, written standard.",
        parameters: COMMON_PARAMETERS,
        responses: answers("UnitsAnswer", "The register."),
      },
    },
    "/values": {
      get: {
        operationId: "listValues",
        summary: "Indicator values per municipality and year",
        description:
          "The published values with their components. With an API token, also the token's own organisation's figures, drafts included.",
        parameters: [
          { $ref: "#/components/parameters/indicator" },
          param("unit", "Municipality numbers, comma-separated.", { type: "string", pattern: "^\\d{4}(,\\d{4})*$" }, "5001,4601"),
          { $ref: "#/components/parameters/year" },
          ...COMMON_PARAMETERS,
        ],
        responses: answers("ValuesAnswer", "The values, by indicator, municipality and year."),
      },
    },
    "/groups": {
      get: {
        operationId: "listGroups",
        summary: "Peer groups",
        description: "KOSTRA groups, size classes, counties, the ASSS network and all municipalities, with their members.",
        parameters: COMMON_PARAMETERS,
        responses: answers("GroupsAnswer", "The groups."),
      },
    },
    "/statistics": {
      get: {
        operationId: "listStatistics",
        summary: "Peer statistics",
        description:
          "Ratio of sums, median, quartiles and n per group and year, as on screen; hidden when fewer than three members have a value.",
        parameters: [
          { $ref: "#/components/parameters/indicator" },
          param(
            "group",
            "A kind of group (every group of it) or one group as kind:code; see /groups.",
            { type: "string", pattern: `^(${PEER_GROUP_KINDS.join("|")})(:[^:]+)?$`, default: "kostra" },
            "kostra",
          ),
          { $ref: "#/components/parameters/year" },
          ...COMMON_PARAMETERS,
        ],
        responses: answers("StatisticsAnswer", "The statistics, by indicator, group and year."),
      },
    },
  },
  components: {
    parameters: {
      format: {
        name: "format",
        in: "query",
        required: false,
        description: "The answer's format.",
        schema: { type: "string", enum: [...OPEN_DATA_FORMATS], default: "json" },
      },
      lang: {
        name: "lang",
        in: "query",
        required: false,
        description: "The language of names in CSV and JSON-stat (JSON gives all three).",
        schema: { type: "string", enum: ["nb", "nn", "en"], default: "nb" },
      },
      indicator: {
        name: "indicator",
        in: "query",
        required: false,
        description: `Indicator codes, comma-separated (required for /statistics). Known: ${INDICATOR_CODES.join(", ")}.`,
        schema: { type: "string" },
        example: "K1",
      },
      year: {
        name: "year",
        in: "query",
        required: false,
        description: "A year (2025), a range (2020-2025) or a list (2020,2022).",
        schema: { type: "string", pattern: "^\\d{4}(-\\d{4}|(,\\d{4})*)$" },
        example: "2020-2025",
      },
    },
    headers: {
      ETag: { description: "A strong validator of the answer's content: send it back in If-None-Match.", schema: { type: "string" } },
      CacheControl: { description: "public, max-age=300; private, no-store for a token's answers.", schema: { type: "string" } },
      Link: { description: 'The licence, as <url>; rel="license".', schema: { type: "string" } },
    },
    schemas: {
      LocalizedText: {
        type: "object",
        required: ["nb", "nn", "en"],
        additionalProperties: false,
        properties: { nb: text, nn: text, en: text },
      },
      Licence: {
        type: "object",
        required: ["licence", "attribution", "name", "url"],
        additionalProperties: false,
        properties: { licence: { enum: [...OPEN_DATA_LICENCES] }, attribution: text, name: text, url: { type: "string", format: "uri" } },
      },
      Error: {
        type: "object",
        required: ["error"],
        properties: { error: { type: "object", required: ["code", "message"], properties: { code: text, message: text } } },
      },
      ParameterError: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "parameter", "message", "text"],
            properties: { code: { const: "INVALID_PARAMETER" }, parameter: text, message: text, text: localized },
          },
        },
      },
      Indicator: {
        type: "object",
        additionalProperties: false,
        required: [
          "code",
          "dimension",
          "name",
          "definition",
          "formula",
          "numerator",
          "denominator",
          "scale",
          "unit",
          "decimals",
          "direction",
          "source",
          "since",
        ],
        properties: {
          code: text,
          dimension: { enum: ["cost", "quality", "scope"] },
          name: localized,
          definition: localized,
          formula: localized,
          numerator: text,
          denominator: text,
          scale: { type: "number" },
          unit: { enum: ["NOK", "percent", "score"] },
          decimals: { type: "integer" },
          direction: {
            enum: ["higher", "lower", "neutral"],
            description: "higher: higher is better; lower: lower is better; neutral: neither.",
          },
          source: localized,
          since: { type: ["integer", "null"], description: "The first published year with a value." },
        },
      },
      Unit: {
        type: "object",
        additionalProperties: false,
        required: ["number", "name", "officialNames", "county", "kostraGroup", "writtenStandard"],
        properties: {
          number: { type: "string", pattern: "^\\d{4}$" },
          name: text,
          officialNames: {
            type: "array",
            items: { type: "object", required: ["name", "language"], properties: { name: text, language: text } },
          },
          county: { type: "object", required: ["number", "name"], properties: { number: text, name: text } },
          kostraGroup: {
            oneOf: [
              { type: "null" },
              {
                type: "object",
                required: ["code", "name", "source", "approximate"],
                properties: { code: text, name: nullableText, source: nullableText, approximate: { type: "boolean" } },
              },
            ],
          },
          writtenStandard: { enum: ["bokmal", "nynorsk", "neutral", null] },
        },
      },
      Group: {
        type: "object",
        additionalProperties: false,
        required: ["id", "kind", "code", "name", "members"],
        properties: {
          id: text,
          kind: { enum: [...PEER_GROUP_KINDS] },
          code: nullableText,
          name: localized,
          members: { type: "array", items: { type: "string", pattern: "^\\d{4}$" } },
        },
      },
      Value: {
        type: "object",
        additionalProperties: false,
        required: [
          "indicator",
          "unit",
          "unitName",
          "year",
          "value",
          "numerator",
          "denominator",
          "status",
          "publishedOn",
          "revisedOn",
          "isDemo",
        ],
        properties: {
          indicator: text,
          unit: { type: "string", pattern: "^\\d{4}$" },
          unitName: text,
          year: { type: "integer" },
          value: nullableNumber,
          numerator: { type: "number" },
          denominator: { type: "number" },
          status: { enum: ["approved", "submitted", "draft"], description: "Always approved without a token." },
          publishedOn: { type: ["string", "null"], format: "date" },
          revisedOn: { type: ["string", "null"], format: "date" },
          isDemo: { type: "boolean" },
        },
      },
      Statistic: {
        type: "object",
        additionalProperties: false,
        required: ["indicator", "group", "year", "n", "status", "q1", "median", "q3", "ratioOfSums", "isDemo"],
        properties: {
          indicator: text,
          group: text,
          year: { type: "integer" },
          n: { type: "integer" },
          status: { enum: ["shown", "hidden"] },
          q1: nullableNumber,
          median: nullableNumber,
          q3: nullableNumber,
          ratioOfSums: nullableNumber,
          isDemo: { type: "boolean" },
        },
      },
      IndicatorsAnswer: envelope({ $ref: "#/components/schemas/Indicator" }),
      UnitsAnswer: envelope({ $ref: "#/components/schemas/Unit" }),
      GroupsAnswer: envelope({ $ref: "#/components/schemas/Group" }),
      ValuesAnswer: envelope({ $ref: "#/components/schemas/Value" }),
      StatisticsAnswer: envelope({ $ref: "#/components/schemas/Statistic" }),
    },
  },
} as const;
