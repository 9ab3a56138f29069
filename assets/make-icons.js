#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in icon (a table whose header row is blue, with a check badge) at every size the
 * manifest and the ribbon ask for, and writes assets/icon-<size>.png.
 *
 * Plain Node (zlib only) so the icons can be regenerated anywhere without ImageMagick:
 *   node assets/make-icons.js
 * The output is deterministic: same script, same bytes, so a rerun leaves git clean.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];

// Fluent brand blues, so the icon sits well next to the built-in ribbon icons.
const BLUE = [15, 108, 189];
const DARK_BLUE = [17, 94, 163];
const GRID_BLUE = [125, 170, 214];
const WHITE = [255, 255, 255];

/** Geometry in pixels for one size; strokes never drop below one pixel so 16 px stays legible. */
function layout(size) {
  const stroke = Math.max(1, Math.round(size / 16));
  return {
    table: { x0: size * 0.05, y0: size * 0.1, x1: size * 0.8, y1: size * 0.82, radius: size * 0.06 },
    stroke,
    headerHeight: Math.max(2, size * 0.2),
    gridStroke: Math.max(1, Math.round(size / 40)),
    badge: { cx: size * 0.72, cy: size * 0.72, r: size * 0.27 },
    badgeRing: Math.max(1, size * 0.045),
    check: [
      [size * 0.595, size * 0.725],
      [size * 0.685, size * 0.815],
      [size * 0.85, size * 0.63],
    ],
    checkStroke: Math.max(1.4, size * 0.075),
  };
}

function insideRoundedRect(x, y, r) {
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return false;
  const cx = Math.min(Math.max(x, r.x0 + r.radius), r.x1 - r.radius);
  const cy = Math.min(Math.max(y, r.y0 + r.radius), r.y1 - r.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.radius ** 2;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour at one sample point, or null where the icon is transparent. Top layer first. */
function sample(x, y, g) {
  const badgeDistance = Math.hypot(x - g.badge.cx, y - g.badge.cy);
  if (badgeDistance <= g.badge.r) {
    const onCheck =
      distanceToSegment(x, y, g.check[0], g.check[1]) <= g.checkStroke / 2 ||
      distanceToSegment(x, y, g.check[1], g.check[2]) <= g.checkStroke / 2;
    return onCheck ? WHITE : DARK_BLUE;
  }
  // A white ring keeps the badge readable where it overlaps the table.
  if (badgeDistance <= g.badge.r + g.badgeRing) {
    return insideRoundedRect(x, y, g.table) ? WHITE : null;
  }
  const t = g.table;
  if (!insideRoundedRect(x, y, t)) return null;
  const inner = {
    x0: t.x0 + g.stroke,
    y0: t.y0 + g.stroke,
    x1: t.x1 - g.stroke,
    y1: t.y1 - g.stroke,
    radius: Math.max(0, t.radius - g.stroke),
  };
  if (!insideRoundedRect(x, y, inner)) return BLUE;
  if (y < t.y0 + g.headerHeight) return BLUE;
  const bodyTop = t.y0 + g.headerHeight;
  const rowHeight = (t.y1 - bodyTop) / 3;
  for (let i = 1; i < 3; i += 1) {
    if (Math.abs(y - (bodyTop + i * rowHeight)) <= g.gridStroke / 2) return GRID_BLUE;
  }
  const columnX = t.x0 + (t.x1 - t.x0) * 0.3;
  if (Math.abs(x - columnX) <= g.gridStroke / 2) return GRID_BLUE;
  return WHITE;
}

/** RGBA pixels with 4×4 supersampling; colours are averaged premultiplied so edges do not darken. */
function render(size) {
  const g = layout(size);
  const n = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let gr = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const colour = sample(px + (sx + 0.5) / n, py + (sy + 0.5) / n, g);
          if (colour) {
            r += colour[0];
            gr += colour[1];
            b += colour[2];
            covered += 1;
          }
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        pixels[at] = Math.round(r / covered);
        pixels[at + 1] = Math.round(gr / covered);
        pixels[at + 2] = Math.round(b / covered);
        pixels[at + 3] = Math.round((255 * covered) / (n * n));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i += 1) {
    let c = i;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A truecolour-with-alpha, 8-bit, non-interlaced PNG; each scanline uses filter 0 (none). */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y += 1) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    const png = encodePng(size, render(size));
    fs.writeFileSync(file, png);
    process.stdout.write(`${path.relative(process.cwd(), file)}  ${size}×${size}  ${png.length} bytes\n`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, render, encodePng };
