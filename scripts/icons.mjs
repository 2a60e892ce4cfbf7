// `npm run icons`: renders docs/icon.svg into public/icon/<size>.png with the machine's Chromium.
// WXT lists public/icon/<size>.png as the manifest's icons; the stores want 128 px (Chrome) and
// 48/96 px (Firefox), the toolbar 16/32. The PNGs are committed: a build needs no browser.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchPlainChromium, REPO_ROOT } from './browser.mjs';

export const ICON_SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync(path.join(REPO_ROOT, 'docs', 'icon.svg'), 'utf8');
const outDir = path.join(REPO_ROOT, 'public', 'icon');
mkdirSync(outDir, { recursive: true });

const { context, close } = await launchPlainChromium();
try {
  const page = await context.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const file = path.join(outDir, `${size}.png`);
    await page.locator('svg').screenshot({ path: file, omitBackground: true });
    console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
  }
} finally {
  await close();
}
