import { findUserByEmail, listAudit } from "@malestokk/db";
import { MATURITY_AREAS } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, FIXED_NOW, setupApi } from "../../test-helpers";

const NUMBER = "0301";
// The demo invents quality reports from 2021 on; 2020 is empty, to be filled in.
const key = { municipalityNumber: NUMBER, year: 2020 };

describe("quality: the maturity self-assessment", () => {
  it("is filled in by a manager, submitted only when every area is scored, approved, and Q1 follows", async () => {
    const api = setupApi();
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const empty = await manager.quality.report({ ...key, instrument: "maturity" });
    expect(empty).toMatchObject({ report: null, actions: ["edit"], missing: [...MATURITY_AREAS] });

    const scores = MATURITY_AREAS.map((area, i) => ({ area, score: i === 0 ? null : 3, comment: null, evidence: null }));
    const first = await manager.quality.save({ ...key, expectedVersion: null, body: { instrument: "maturity", content: { scores } } });
    const incomplete = await expectTrpcError(() =>
      manager.quality.submit({ ...key, instrument: "maturity", expectedVersion: first.version }),
    );
    expect(expectAppError(incomplete, "INCOMPLETE").params).toMatchObject({ missing: "userCentred", count: 1 });

    const all = scores.map((s) => ({
      ...s,
      score: s.area === "securityPrivacy" ? 5 : 3,
      comment: s.area === "securityPrivacy" ? "ISO 27001-sertifisert" : null,
    }));
    const second = await manager.quality.save({
      ...key,
      expectedVersion: first.version,
      body: { instrument: "maturity", content: { scores: all } },
    });
    const view = await manager.quality.report({ ...key, instrument: "maturity" });
    expect(view.derived).toMatchObject({ kind: "maturity", index: 3.25, band: "middle", complete: true });
    await manager.quality.submit({ ...key, instrument: "maturity", expectedVersion: second.version });
    await manager.quality.approve({ ...key, instrument: "maturity", expectedVersion: second.version + 1 });

    const q1 = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "Q1", municipalityNumber: NUMBER });
    expect(q1.points.find((p) => p.year === 2020)?.own).toMatchObject({ value: 3.25, numerator: 26, denominator: 8, status: "approved" });
    expect(listAudit(api.db, { action: "quality.reportApproved", limit: 1 })).toHaveLength(1);
  });

  it("keeps the return comment, with who and when, through a save until the assessment is submitted again", async () => {
    const api = setupApi();
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const scores = MATURITY_AREAS.map((area) => ({ area, score: 3, comment: null, evidence: null }));
    const first = await manager.quality.save({ ...key, expectedVersion: null, body: { instrument: "maturity", content: { scores } } });
    await manager.quality.submit({ ...key, instrument: "maturity", expectedVersion: first.version });
    const back = await api
      .as("admin@demo.example")
      .quality.return({ ...key, instrument: "maturity", expectedVersion: first.version + 1, comment: "Begrunn sikkerhet" });
    const saved = await manager.quality.save({
      ...key,
      expectedVersion: back.version,
      body: { instrument: "maturity", content: { scores: scores.map((s) => ({ ...s, score: 4 })) } },
    });
    const report = async () => (await manager.quality.report({ ...key, instrument: "maturity" })).report;
    expect(await report()).toMatchObject({
      status: "draft",
      returnComment: "Begrunn sikkerhet",
      decidedBy: findUserByEmail(api.db, "admin@demo.example")?.name,
      decidedAt: FIXED_NOW.toISOString(),
    });
    await manager.quality.submit({ ...key, instrument: "maturity", expectedVersion: saved.version });
    expect(await report()).toMatchObject({ status: "submitted", returnComment: null, decidedBy: null });
  });

  it("recomputes Q1 for everyone when an admin changes the weights", async () => {
    const api = setupApi();
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const scores = MATURITY_AREAS.map((area) => ({ area, score: area === "securityPrivacy" ? 5 : 3, comment: null, evidence: null }));
    const saved = await manager.quality.save({ ...key, expectedVersion: null, body: { instrument: "maturity", content: { scores } } });
    await api.as("admin@demo.example").quality.setWeights({ weights: [{ area: "securityPrivacy", weight: 3 }] });
    const view = await manager.quality.report({ ...key, instrument: "maturity" });
    expect(view.derived).toMatchObject({ index: 3.6 });
    expect(view.weights.find((w) => w.area === "securityPrivacy")?.weight).toBe(3);
    const q1 = await manager.benchmarks.series({ indicatorCode: "Q1", municipalityNumber: NUMBER });
    expect(q1.points.find((p) => p.year === 2020)?.own).toMatchObject({ numerator: 36, denominator: 10, status: "draft" });
    expect(saved.version).toBe(1);
  });
});

describe("quality: the maturity peers (issue 20)", () => {
  it("compares Oslo, alone in its KOSTRA group, with the same stand-in as the comparison pages", async () => {
    const view = await setupApi()
      .as("manager.0301@demo.example")
      .quality.report({ municipalityNumber: "0301", year: 2024, instrument: "maturity" });
    expect(view.derived).toMatchObject({ kind: "maturity", peerGroup: { kind: "asss", standInFor: "kostra" } });
    expect(view.derived?.kind === "maturity" ? view.derived.peers.some((p) => p.n >= 3 && p.median !== null) : false).toBe(true);
  });
});

describe("quality: satisfaction", () => {
  it("refuses a mean off its scale with the scale named, and changes nothing", async () => {
    const api = setupApi();
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const bad = await expectTrpcError(() =>
      manager.quality.save({
        ...key,
        expectedVersion: null,
        body: { instrument: "satisfaction", content: { staff: null, citizen: [{ surveyType: "Barnehage", mean: 7, respondents: 250 }] } },
      }),
    );
    expect(expectAppError(bad, "VALIDATION_FAILED").issues).toEqual([
      { path: ["content", "citizen", 0, "mean"], code: "OUTSIDE_SCALE", params: { min: 1, max: 6 } },
    ]);
    expect((await manager.quality.report({ ...key, instrument: "satisfaction" })).report).toBeNull();
  });

  it("keeps staff and citizens apart, flags few respondents, and compares staff only on the 1–6 scale", async () => {
    const api = setupApi();
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    await manager.quality.save({
      ...key,
      expectedVersion: null,
      body: {
        instrument: "satisfaction",
        content: {
          staff: { mean: 4.5, respondents: 800, scaleMin: 1, scaleMax: 6 },
          citizen: [
            { surveyType: "Barnehage", mean: 5, respondents: 300 },
            { surveyType: "Byggesak", mean: 3.5, respondents: 8 },
          ],
        },
      },
    });
    const view = await manager.quality.report({ ...key, instrument: "satisfaction" });
    expect(view.derived).toMatchObject({
      kind: "satisfaction",
      staffUncertain: false,
      staffComparable: true,
      citizenUncertain: ["Byggesak"],
    });
    const q3 = await manager.benchmarks.series({ indicatorCode: "Q3", municipalityNumber: NUMBER });
    // Weighted by respondents: (5 × 300 + 3.5 × 8) / 308
    expect(q3.points.find((p) => p.year === 2020)?.own?.value).toBeCloseTo((5 * 300 + 3.5 * 8) / 308, 10);
    const q2 = await manager.benchmarks.series({ indicatorCode: "Q2", municipalityNumber: NUMBER });
    expect(q2.points.find((p) => p.year === 2020)?.own?.value).toBeCloseTo(4.5, 10);

    const view2 = await manager.quality.report({ ...key, instrument: "satisfaction" });
    await manager.quality.save({
      ...key,
      expectedVersion: view2.report?.version ?? 0,
      body: { instrument: "satisfaction", content: { staff: { mean: 72, respondents: 800, scaleMin: 0, scaleMax: 100 }, citizen: [] } },
    });
    const q2After = await manager.benchmarks.series({ indicatorCode: "Q2", municipalityNumber: NUMBER });
    expect(q2After.points.find((p) => p.year === 2020)?.own).toBeNull();
    expect((await manager.quality.report({ ...key, instrument: "satisfaction" })).derived).toMatchObject({ staffComparable: false });
  });
});

describe("quality: service scope", () => {
  it("computes S1/S2 over offered services, S3 from SvarUt counts, and wants every basket service answered", async () => {
    const api = setupApi();
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const basket = (await manager.quality.report({ ...key, instrument: "scope" })).basket;
    const services = basket.map((s, i) => ({
      code: s.code,
      step: i === 0 ? null : (((i % 5) + 1) as 1 | 2 | 3 | 4 | 5),
      notOffered: i === 0,
      evidence: null,
    }));
    const saved = await manager.quality.save({
      ...key,
      expectedVersion: null,
      body: { instrument: "scope", content: { services, mail: [{ shipmentType: "", digital: 7_000, paper: 3_000 }] } },
    });
    const view = await manager.quality.report({ ...key, instrument: "scope" });
    const offered = services.slice(1);
    const expectedS1 = (offered.filter((s) => (s.step ?? 0) >= 4).length / offered.length) * 100;
    expect(view.derived).toMatchObject({ kind: "scope", notOffered: 1, unanswered: 0, s3: 70 });
    expect(view.derived?.kind === "scope" ? view.derived.s1 : null).toBeCloseTo(expectedS1, 10);
    expect(view.missing).toEqual([]);
    await manager.quality.submit({ ...key, instrument: "scope", expectedVersion: saved.version });

    const stranger = await expectTrpcError(() =>
      manager.quality.save({
        ...key,
        year: 2019,
        expectedVersion: null,
        body: { instrument: "scope", content: { services: [{ code: "kaffe", step: 3, notOffered: false, evidence: null }], mail: [] } },
      }),
    );
    expect(expectAppError(stranger, "VALIDATION_FAILED").issues[0]).toMatchObject({ code: "NOT_IN_BASKET", params: { code: "kaffe" } });
  });

  it("takes SvarUt counts per shipment type, summed into S3, but never a total beside them", async () => {
    const api = setupApi();
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const mixed = await expectTrpcError(() =>
      manager.quality.save({
        ...key,
        expectedVersion: null,
        body: {
          instrument: "scope",
          content: {
            services: [],
            mail: [
              { shipmentType: "", digital: 5, paper: 5 },
              { shipmentType: "byggesak", digital: 1, paper: 1 },
            ],
          },
        },
      }),
    );
    expect(expectAppError(mixed, "VALIDATION_FAILED").issues[0]).toMatchObject({
      path: ["content", "mail", 0, "shipmentType"],
      code: "MIXED_TOTAL",
    });
    await manager.quality.save({
      ...key,
      expectedVersion: null,
      body: {
        instrument: "scope",
        content: {
          services: [],
          mail: [
            { shipmentType: "byggesak", digital: 900, paper: 100 },
            { shipmentType: "skoleskyss", digital: 100, paper: 900 },
          ],
        },
      },
    });
    const s3 = await manager.benchmarks.series({ indicatorCode: "S3", municipalityNumber: NUMBER });
    expect(s3.points.find((p) => p.year === 2020)?.own).toMatchObject({ numerator: 1_000, denominator: 2_000, value: 50 });
  });

  it("never lets finance of another municipality read or write it", async () => {
    const api = setupApi();
    const other = api.as("finance.5001@demo.example");
    expect((await expectTrpcError(() => other.quality.report({ ...key, instrument: "scope" }))).code).toBe("FORBIDDEN");
  });
});

describe("quality: a report before approval, to readers outside the organisation (issue 17, finding 3)", () => {
  it("gives the board the status and who submitted it when, and no answer, score or figure", async () => {
    const api = setupApi();
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const saved = await manager.quality.save({
      ...key,
      expectedVersion: null,
      body: {
        instrument: "satisfaction",
        content: { staff: null, citizen: [{ surveyType: "Barnehage 31337", mean: 4.2, respondents: 31_337 }] },
      },
    });
    await manager.quality.submit({ ...key, instrument: "satisfaction", expectedVersion: saved.version });
    const view = await api.as("board@demo.example").quality.report({ ...key, instrument: "satisfaction" });
    expect(view).toMatchObject({
      report: null,
      withheld: { status: "submitted", submittedBy: findUserByEmail(api.db, `manager.${NUMBER}@demo.example`)?.name },
      content: null,
      derived: null,
      missing: [],
      actions: [],
    });
    expect(JSON.stringify(view)).not.toContain("31337");
    expect(
      (await api.as("board@demo.example").quality.list({ municipalityNumber: NUMBER })).find((y) => y.year === 2020)?.status,
    ).toMatchObject({ satisfaction: "submitted" });
    expect(await manager.quality.report({ ...key, instrument: "satisfaction" })).toMatchObject({
      withheld: null,
      content: { content: { citizen: [{ respondents: 31_337 }] } },
    });
  });
});
