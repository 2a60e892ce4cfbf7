// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { svgSize, svgToPngBlob } from '../../../components/widgets/export-png';
import { goalCardSvg } from '../../../lib/snapshot/goal-card-svg';
import { goalView } from '../snapshot/fixtures';

// The drawing itself needs a real canvas: tests/e2e/widgets.e2e.mjs checks the PNG's pixels in Chromium.
describe('export-png', () => {
  it('reads the size an SVG declares, from width/height or else the viewBox', () => {
    const card = goalCardSvg(goalView({ id: 'g' }), 'en');
    expect(svgSize(card)?.width).toBe(480);
    expect(svgSize(card)?.height).toBeGreaterThan(100);
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 20"/>')).toEqual({
      width: 10,
      height: 20,
    });
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBeNull();
    expect(svgSize('<html></html>')).toBeNull();
  });

  it('refuses an SVG without a size before touching the canvas', async () => {
    await expect(svgToPngBlob('<svg xmlns="http://www.w3.org/2000/svg"/>')).rejects.toThrow(
      'The SVG has no width and height.',
    );
  });
});
