import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (installed by scripts/ensure-system-packages.sh --with-browser), headless, with
 * a fresh profile (Playwright makes one per launch). The flags keep it from calling home: this
 * machine's network is closed. As root it needs --no-sandbox.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
