import { defineConfig } from '@playwright/test';

// Runs against the release build in dist/, served statically on loopback. The browser is
// Debian's Chromium (never a downloaded one); every request that leaves 127.0.0.1 is refused.
const port = 4173;
export default defineConfig({
  testDir: './specs',
  outputDir: '../../target/playwright',
  reporter: [['list']],
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/serve.mjs dist ${port} tests/e2e/host`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
