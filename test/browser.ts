import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { WEB_DIST } from '@server/http/web.ts';
import { DEMO_PASSWORD } from '@server/seed/demo-catalogue.ts';
import { createTestApp, type TestApp } from '@test/harness.ts';

const AXE_PATH = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(
  new URL('../test-results/screenshots', import.meta.url),
);

/** Debian's Chromium, flagged as STACK-NOTES.md says: no downloads, no background traffic. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type BrowserRig = {
  /** The real STER server, listening on 127.0.0.1 at a free port. */
  t: TestApp;
  baseUrl: string;
  context: BrowserContext;
  /** A fresh tab with no session: cookies are cleared first. */
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
};

/**
 * Starts a STER server on its own database copy and a headless Chromium with a fresh profile.
 * The web app must be built first (`npm run build`, which `npm test` does).
 */
export async function startBrowserRig(): Promise<BrowserRig> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error('dist/web is missing: run `npm run build` before the browser tests');
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const t = await createTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const profile = mkdtempSync(join(tmpdir(), 'ster-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
  });
  context.setDefaultTimeout(8_000);
  // Printing opens no dialog in tests: the page records that it asked to print.
  await context.addInitScript(() => {
    const counter = window as unknown as { printed: number };
    counter.printed = 0;
    window.print = () => {
      counter.printed += 1;
    };
  });

  return {
    t,
    baseUrl,
    context,
    async newPage() {
      await context.clearCookies();
      for (const open of context.pages()) {
        await open.close();
      }

      return context.newPage();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await t.close();
    },
  };
}

/** Signs in through the sign-in screen and waits for the attendant header. */
export async function signIn(page: Page, baseUrl: string, registration: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Matrícula').fill(registration);
  await page.getByLabel('Senha').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByTestId('attendant-header').waitFor();
}

/**
 * A tab already signed in as `registration` (the session cookie set directly, skipping the
 * sign-in screen that the flow 3 test drives), open at `path`.
 */
export async function openAs(rig: BrowserRig, registration: string, path = '/') {
  const page = await rig.newPage();
  const token = await rig.t.signIn(registration);
  await rig.context.addCookies([{ name: 'ster_session', value: token, url: rig.baseUrl }]);
  await page.goto(`${rig.baseUrl}${path}`);
  await page.getByTestId('attendant-header').waitFor();

  return page;
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
};

/** Runs axe-core in the page; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, screen: string) {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: Document) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document);

    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  });
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(grave, `axe on ${screen}`).toEqual([]);
}

/** Counts what a keyboard-only path costs: keystrokes typed or pressed, and clicks. */
export class InputCounter {
  keystrokes = 0;
  clicks = 0;

  constructor(private readonly page: Page) {}

  async press(key: string, times = 1) {
    for (let i = 0; i < times; i += 1) {
      await this.page.keyboard.press(key);
      this.keystrokes += 1;
    }
  }

  async type(text: string) {
    await this.page.keyboard.type(text);
    this.keystrokes += text.length;
  }
}
