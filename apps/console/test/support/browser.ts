import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TEST_IDENTITIES, type IdentityName } from '@platform/testing';

/** Debian's chromium (tools/platform test installs it when missing); playwright-core downloads no browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS = join(__dirname, '..', '..', '..', '..', '.stack', 'artifacts', 'console');

export interface Browser {
  page: Page;
  problems: string[];
  close(): Promise<void>;
}

/** A fresh browser profile (its own --user-data-dir): no cookie or session of another person. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
    locale: 'da-DK',
    // axe-core is injected as an inline script, which the console's Content-Security-Policy refuses (rightly).
    bypassCSP: true,
    timezoneId: 'Europe/Copenhagen',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // What the page itself reports (a failed render, a refused request) goes to the test's output.
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
  page.on(
    'response',
    (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.request().method()} ${r.url()}`)),
  );
  return {
    page,
    problems,
    close: async () => {
      if (problems.length > 0) console.log(problems.join('\n'));
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs a demo person in through Keycloak's own login form (authorization code + PKCE). */
export async function signIn(page: Page, consoleUrl: string, identity: IdentityName): Promise<void> {
  const person = TEST_IDENTITIES[identity];
  if (person.kind !== 'user') throw new Error(`${identity} is not a person`);
  await page.goto(consoleUrl);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.locator('#username').fill(person.username);
  await page.locator('#password').fill(person.password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === new URL(consoleUrl).origin && url.pathname !== '/signed-in');
  await page.getByTestId('identity').waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page (WCAG 2.0/2.1 A and AA rules): the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Page code as strings: this file is compiled for Node, without the DOM's types.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ content: axeSource() });
  const result = await page.evaluate<{ violations: AxeViolation[] }>(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
