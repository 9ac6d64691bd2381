import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

import { E2E_PASSWORD } from "./global-setup";

const CHROMIUM = "/usr/bin/chromium";
// Flags that work as root on a machine without network.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface BrowserHandle {
  readonly baseUrl: string;
  /** `enforceCsp: true` keeps the app's Content-Security-Policy on (axe cannot be injected then). */
  newPage(options?: { enforceCsp?: boolean }): Promise<Page>;
}

/** One Chromium per spec file; each test gets a fresh context (cookies, storage). */
export function useBrowser(): BrowserHandle {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (npm test does it when run as root).`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });
  return {
    baseUrl: inject("baseUrl"),
    async newPage(options = {}) {
      if (!browser) throw new Error("browser not started");
      // bypassCSP lets axe-core be injected; the CSP spec runs with it enforced.
      const context = await browser.newContext({
        locale: "nb-NO",
        viewport: { width: 1280, height: 900 },
        bypassCSP: options.enforceCsp !== true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on("pageerror", (error) => {
        throw error;
      });
      takeOverBeforeUse(page);
      return page;
    },
  };
}

/**
 * A main page the server drew (ADR 041) shows before its scripts have run; its controls hold off a tap until
 * the app has taken it over (#root loses `data-drawn`), but a select or a field filled by Playwright would not
 * wait. So a navigation that waits for the page's load waits for that too; one that asks for less
 * (`waitUntil: "commit" | "domcontentloaded"`) looks at the page as the server sent it.
 */
function takeOverBeforeUse(page: Page): void {
  const takenOver = () =>
    page.waitForFunction(() => !document.getElementById("root")?.hasAttribute("data-drawn"), undefined, { timeout: 60_000 });
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (!options?.waitUntil || options.waitUntil === "load" || options.waitUntil === "networkidle") await takenOver();
    return response;
  };
  const reload = page.reload.bind(page);
  page.reload = async (options) => {
    const response = await reload(options);
    if (!options?.waitUntil || options.waitUntil === "load" || options.waitUntil === "networkidle") await takenOver();
    return response;
  };
}

/** Signs in through the real sign-in page, as a user would. */
export async function signIn(page: Page, baseUrl: string, email: string, path = "/"): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.getByTestId("signed-in-as").waitFor();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) and fails on serious or critical violations.
 * `scope` limits the check, e.g. to an open modal dialog: the page behind its backdrop is inert
 * and dimmed on purpose, which axe would otherwise report as low contrast.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string, scope?: string): Promise<void> {
  // A dialog fading in is half transparent: let transitions end before contrast is measured.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document | string, opts: object) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run(selector ?? document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, scope);
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `${label}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}
