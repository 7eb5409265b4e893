#!/usr/bin/env node
// Renders the app icons (web/icons/*.png) from their SVG sources with
// Debian's Chromium (through Playwright, as the e2e tests do). Run by hand
// after changing an SVG; the PNGs are committed (installing the app needs
// PNG icons of 192 and 512 pixels, see web/manifest.webmanifest).
//
//   node .ci/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../playwright.config.mjs';

const icons = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/icons');
const OUTPUTS = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const [source, target, size] of OUTPUTS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = fs.readFileSync(path.join(icons, source), 'utf8');
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: path.join(icons, target), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`[make-icons] ${target} (${size}×${size}) from ${source}`);
  }
} finally {
  await browser.close();
}
