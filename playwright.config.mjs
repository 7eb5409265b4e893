// Playwright configuration: Debian's Chromium only (no browser download),
// the built app (dist/) served at the sub-path /wasim/ by tests/e2e/serve.mjs.
import { defineConfig } from '@playwright/test';

// WASIM_DIST: another built dist/ to test (default: ./dist).
export const DIST = process.env.WASIM_DIST || 'dist';
export const PORT = Number(process.env.WASIM_E2E_PORT || 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}/wasim/`;

export const CHROMIUM_PATH = process.env.WASIM_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.mjs$/,
  outputDir: 'test-results',
  fullyParallel: false,
  workers: Number(process.env.WASIM_E2E_WORKERS || 2),
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL: BASE_URL,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node tests/e2e/serve.mjs --dir ${JSON.stringify(DIST)} --base /wasim/ --port ${PORT}`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
