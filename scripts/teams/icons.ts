import { encodePng } from './png';

/**
 * The app's two icons, drawn from simple shapes: a speech bubble with a question mark. Shapes are
 * described on a 192-unit canvas and rendered at any size with 4x4 supersampling for smooth edges.
 * Teams wants a full-colour 192x192 icon and a 32x32 outline icon that is white on transparent.
 */
export const ACCENT = { r: 0x00, g: 0x72, b: 0xc6 }; // the blue Lync used for its own icon
export const ACCENT_HEX = '#0072C6';

type Shape = (x: number, y: number) => boolean;

const roundedRect =
  (left: number, top: number, right: number, bottom: number, radius: number): Shape =>
  (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };

const triangle =
  (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape =>
  (x, y) => {
    const side = (px: number, py: number, qx: number, qy: number) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
    const d1 = side(ax, ay, bx, by);
    const d2 = side(bx, by, cx, cy);
    const d3 = side(cx, cy, ax, ay);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };

const circle =
  (cx: number, cy: number, radius: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;

/** A thick line with round ends. */
const capsule =
  (ax: number, ay: number, bx: number, by: number, width: number): Shape =>
  (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (width / 2) ** 2;
  };

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

const bubble = union(roundedRect(24, 30, 168, 138, 26), triangle(50, 126, 50, 170, 92, 126));
const bubbleInside = roundedRect(37, 43, 155, 125, 14);

/** The question mark: an open ring on top, a stem that curls into the middle, a dot. */
const questionMark = (thickness: number): Shape => {
  const ring: Shape = (x, y) => {
    const distance = Math.hypot(x - 96, y - 68);
    if (Math.abs(distance - 17) > thickness / 2) return false;
    return y <= 68 || x >= 96; // upper half and the right side coming down
  };
  return union(ring, capsule(107, 81, 96, 92, thickness), capsule(96, 92, 96, 100, thickness), circle(96, 115, thickness * 0.62));
};

function render(size: number, paint: (x: number, y: number) => { r: number; g: number; b: number; a: number }): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const scale = 192 / size;
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale);
          r += colour.r * colour.a;
          g += colour.g * colour.a;
          b += colour.b * colour.a;
          a += colour.a;
        }
      }
      const offset = (py * size + px) * 4;
      rgba[offset] = a > 0 ? Math.round(r / a) : 0;
      rgba[offset + 1] = a > 0 ? Math.round(g / a) : 0;
      rgba[offset + 2] = a > 0 ? Math.round(b / a) : 0;
      rgba[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const WHITE = { r: 255, g: 255, b: 255, a: 1 };
const NOTHING = { r: 0, g: 0, b: 0, a: 0 };

/** 192x192, full colour: white bubble on the accent colour, the question mark in the accent colour. */
export function colorIcon(): Buffer {
  const mark = questionMark(12);
  return render(192, (x, y) => {
    if (bubble(x, y) && !mark(x, y)) return WHITE;
    return { ...ACCENT, a: 1 };
  });
}

/** 32x32 outline: the bubble's border and the question mark in white, everything else transparent. */
export function outlineIcon(): Buffer {
  const shape = union(minus(bubble, bubbleInside), questionMark(14));
  return render(32, (x, y) => (shape(x, y) ? WHITE : NOTHING));
}
