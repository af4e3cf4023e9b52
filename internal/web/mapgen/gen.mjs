// Builds internal/web/assets/world.json, the dashboard's country shapes,
// from the npm packages world-atlas (Natural Earth 1:110m as TopoJSON) and
// i18n-iso-countries (numeric to alpha-2 codes). Run by `make map-data`,
// which installs both with npm; the output is committed so that go build
// and go test never need node.
//
//   node gen.mjs NODE_MODULES_DIR > world.json
//
// Output: {"attribution": ..., "countries": [{"id": "FR", "name": "France",
// "rings": [[lon0, lat0, dlon1, dlat1, ...], ...]}]}: each ring's first
// point in hundredths of a degree, then deltas to the previous point.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node gen.mjs NODE_MODULES_DIR");
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(dir), "x.js"));
const topo = JSON.parse(readFileSync(path.join(dir, "world-atlas", "countries-110m.json"), "utf8"));
const iso = require("i18n-iso-countries");
const atlasVersion = JSON.parse(readFileSync(path.join(dir, "world-atlas", "package.json"), "utf8")).version;

// Decode the quantized, delta-encoded arcs into absolute lon/lat.
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});

function ring(indexes) {
  const pts = [];
  for (const i of indexes) {
    const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    // consecutive arcs share their end point
    pts.push(...(pts.length ? a.slice(1) : a));
  }
  return pts;
}

function encode(pts) {
  const out = [];
  let px = 0, py = 0;
  for (const [lon, lat] of pts) {
    const x = Math.round(lon * 100), y = Math.round(lat * 100);
    if (out.length && x === px && y === py) continue;
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
}

const extra = { Kosovo: "XK" };
const countries = [];
for (const g of topo.objects.countries.geometries) {
  const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
  const rings = [];
  for (const poly of polys) for (const r of poly) {
    const enc = encode(ring(r));
    if (enc.length >= 6) rings.push(enc);
  }
  const name = g.properties && g.properties.name || "";
  const id = iso.numericToAlpha2(g.id) || extra[name] || "";
  countries.push({ id, name, rings });
}
countries.sort((a, b) => a.name.localeCompare(b.name));
process.stdout.write(JSON.stringify({
  attribution: `Country shapes: Natural Earth 1:110m (public domain) via world-atlas ${atlasVersion} (ISC); codes via i18n-iso-countries.`,
  countries,
}) + "\n");
