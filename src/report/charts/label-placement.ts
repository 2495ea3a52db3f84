/**
 * Point labels that do not overlap: points closer than `merge` pixels share one label ("1, 4"), and
 * each label takes the first of several positions around its point whose box meets no label
 * placed before (nor the plot's edges); rings further out are tried when the near ones are taken.
 * Text width is estimated from the character count (SVG text cannot be measured without a browser).
 */

export interface PlacedLabel {
  text: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  /** The label's box, for tests and for the next labels. */
  box: Box;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const CHAR_WIDTH = 7.5;
const HEIGHT = 13;

export function placeLabels(
  points: readonly { x: number; y: number; text: string }[],
  bounds: Box,
  options: { merge?: number } = {},
): PlacedLabel[] {
  const merge = options.merge ?? 4;
  const groups: { x: number; y: number; texts: string[] }[] = [];
  for (const p of points) {
    const near = groups.find((g) => Math.hypot(g.x - p.x, g.y - p.y) < merge);
    if (near) near.texts.push(p.text);
    else groups.push({ x: p.x, y: p.y, texts: [p.text] });
  }
  const placed: PlacedLabel[] = [];
  for (const g of groups) {
    const text = g.texts.join(", ");
    const width = text.length * CHAR_WIDTH;
    let best: PlacedLabel | null = null;
    let bestOverlap = Infinity;
    for (const candidate of candidates(g.x, g.y, width)) {
      const overlap = placed.reduce((sum, l) => sum + overlapArea(candidate.box, l.box), 0) + outside(candidate.box, bounds);
      if (overlap < bestOverlap) {
        best = { text, ...candidate };
        bestOverlap = overlap;
        if (overlap === 0) break;
      }
    }
    placed.push(best!);
  }
  return placed;
}

function candidates(x: number, y: number, width: number): Omit<PlacedLabel, "text">[] {
  const out: Omit<PlacedLabel, "text">[] = [];
  for (let ring = 1; ring <= 6; ring++) {
    const d = 7 * ring;
    const spots: [number, number, PlacedLabel["anchor"]][] = [
      [x + d, y - d + 2, "start"],
      [x + d, y + d + 8, "start"],
      [x - d, y - d + 2, "end"],
      [x - d, y + d + 8, "end"],
      [x, y - d - 3, "middle"],
      [x, y + d + 12, "middle"],
      [x + d + 2, y + 4, "start"],
      [x - d - 2, y + 4, "end"],
    ];
    for (const [lx, ly, anchor] of spots) {
      const left = anchor === "start" ? lx : anchor === "end" ? lx - width : lx - width / 2;
      // y is the text baseline: the box spans the cap height above it and a little below.
      out.push({ x: lx, y: ly, anchor, box: { left, right: left + width, top: ly - HEIGHT + 3, bottom: ly + 3 } });
    }
  }
  return out;
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function outside(box: Box, bounds: Box): number {
  const w = box.right - box.left;
  const h = box.bottom - box.top;
  return w * h - overlapArea(box, bounds);
}
