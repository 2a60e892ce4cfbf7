/**
 * "Share / embed" (c): a goal card as a PNG, drawn from the standalone SVG (lib/snapshot/goal-card-svg)
 * so the image and the SVG file are the same picture. Browser-only: it needs Image and canvas. The SVG
 * is loaded from a blob: URL and holds no external references, so the canvas is never tainted.
 */

/** The pixel size an SVG document declares (its width/height attributes, else its viewBox). */
export function svgSize(svg: string): { width: number; height: number } | null {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName.toLowerCase() !== 'svg') return null;
  const width = Number.parseFloat(root.getAttribute('width') ?? '');
  const height = Number.parseFloat(root.getAttribute('height') ?? '');
  if (width > 0 && height > 0) return { width, height };
  const box = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const [, , w = 0, h = 0] = box;
  return w > 0 && h > 0 ? { width: w, height: h } : null;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The SVG could not be drawn as an image.'));
    image.src = url;
  });
}

/**
 * Renders an SVG string to a PNG blob at `scale` × its declared size (2 for sharp slides on HiDPI
 * screens). Rejects with a readable error when the SVG has no size, cannot be decoded, or the canvas
 * cannot encode.
 */
export async function svgToPngBlob(svg: string, scale = 2): Promise<Blob> {
  const size = svgSize(svg);
  if (!size) throw new Error('The SVG has no width and height.');
  const factor = Number.isFinite(scale) && scale > 0 ? Math.min(scale, 8) : 1;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.width * factor);
    canvas.height = Math.round(size.height * factor);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas is available to draw the PNG.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
        'image/png',
      );
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
