import type { Browser } from 'playwright-core';

/** What one cold-cache visit cost: bytes on the wire, the same bytes uncompressed, and first paint. */
export interface PageLoad {
  readonly transferredBytes: number;
  readonly uncompressedBytes: number;
  readonly requests: number;
  readonly firstContentfulPaintMs: number;
}

/**
 * Opens `url` in a fresh browser context (an empty cache) and waits until it has painted and the
 * network is idle: every byte the page needed, fonts included, has arrived. Sizes come from the
 * DevTools protocol.
 */
export async function measurePageLoad(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    let transferredBytes = 0;
    let uncompressedBytes = 0;
    let requests = 0;
    session.on('Network.loadingFinished', (event) => {
      transferredBytes += event.encodedDataLength;
      requests += 1;
    });
    session.on('Network.dataReceived', (event) => {
      uncompressedBytes += event.dataLength;
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    // On a busy machine the network can fall quiet while a script still runs: wait for the first
    // paint with content and for the fonts it asked for, then for the network again.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.waitForLoadState('networkidle');
    const firstContentfulPaintMs = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    return { transferredBytes, uncompressedBytes, requests, firstContentfulPaintMs };
  } finally {
    await context.close();
  }
}
