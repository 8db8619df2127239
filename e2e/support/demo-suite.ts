/**
 * The set-up shared by the specs that run on the seeded demo workspace: one app with the demo
 * seeded, one Chromium, a fresh browser context per person, all closed after the file.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoginPage } from '../pages/LoginPage.js';
import { WorkspacesPage } from '../pages/WorkspacesPage.js';
import { startApp, type RunningApp } from './app-server.js';
import { launchBrowser } from './browser.js';

export const DEMO_PASSWORD = 'marginalia-demo';
export const DEMO_WORKSPACE = 'MSS counter-espionage mobilisation';
export const DEMO_ACCOUNTS = {
  mei: { email: 'mei@demo.marginalia.test', name: 'Mei Lin' },
  tomas: { email: 'tomas@demo.marginalia.test', name: 'Tomás Ruiz' },
  priya: { email: 'priya@demo.marginalia.test', name: 'Priya Nair' },
} as const;

const ACTION_TIMEOUT_MS = 15_000;

export class DemoSuite {
  private app: RunningApp | undefined;
  private browser: Browser | undefined;
  private readonly contexts: BrowserContext[] = [];

  async start(): Promise<void> {
    this.app = await startApp({ seedDemo: true });
    this.browser = await launchBrowser();
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser?.close();
    await this.app?.stop();
  }

  /** A browser context of its own: one person, with their own cookies. */
  async newContext(options: { baseURL?: string; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
    if (!this.app || !this.browser) throw new Error('call start() in before()');
    const context = await this.browser.newContext({ baseURL: options.baseURL ?? this.app.baseUrl, viewport: options.viewport ?? { width: 1280, height: 900 } });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    this.contexts.push(context);
    return context;
  }

  async newPage(): Promise<Page> {
    return await (await this.newContext()).newPage();
  }

  /** Where the app listens (before any proxy). */
  get baseUrl(): string {
    if (!this.app) throw new Error('call start() in before()');
    return this.app.baseUrl;
  }

  /** The server's output, for failure artifacts. */
  log(): string {
    return this.app?.log() ?? '';
  }
}

/** Logs `email` in on `page` and opens the demo workspace. */
export async function openDemoWorkspace(page: Page, email: string): Promise<void> {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(email, DEMO_PASSWORD);
  await new WorkspacesPage(page).openWorkspace(DEMO_WORKSPACE);
}
