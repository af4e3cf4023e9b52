// sitrep dashboard: plain JS, no dependencies. Reads the JSON API under
// /api/v1 and draws the article list, a world map of event clusters (SVG,
// Equal Earth projection, shapes from world.json), a timeline of events per
// day by type, the event table and the article view with highlights.
"use strict";
(function () {
  const $ = (s) => document.querySelector(s);
  const api = "api/v1/";
  const SVGNS = "http://www.w3.org/2000/svg";
  const FILTERS = ["q", "topic", "country", "type", "actor", "from", "to"];
  const state = { q: "", topic: "", country: "", type: "", actor: "", from: "", to: "", bbox: "", article: "", ev: "" };
  let names = {}; // alpha-2 -> country name
  let gen = 0; // bumps on each filter change; late answers are dropped

  // ---- helpers ----
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }
  function el(tag, attrs, text) {
    const e = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function params(extra) {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (state[k]) p.set(k, state[k]);
    for (const k in extra || {}) if (extra[k] !== "" && extra[k] != null) p.set(k, extra[k]);
    return p;
  }
  async function post(path, body, type) {
    const headers = { "Content-Type": type };
    const tok = sessionStorage.getItem("sitrep-token");
    if (tok) headers.Authorization = "Bearer " + tok;
    const r = await fetch(api + path, { method: "POST", headers, body });
    if (r.status === 401) {
      const t = prompt("Adding articles needs the server's API token:");
      if (t) { sessionStorage.setItem("sitrep-token", t); return post(path, body, type); }
    }
    if (!r.ok) {
      let detail = r.statusText;
      try { detail = (await r.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    return r.json();
  }
  async function get(path) {
    const headers = {};
    const tok = sessionStorage.getItem("sitrep-token");
    if (tok) headers.Authorization = "Bearer " + tok;
    const r = await fetch(api + path, { headers });
    if (r.status === 401) {
      const t = prompt("This server needs an API token:");
      if (t) { sessionStorage.setItem("sitrep-token", t); return get(path); }
    }
    if (!r.ok) {
      let detail = r.statusText;
      try { detail = (await r.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    return r.json();
  }
  const palette = { ASSAULT: "#d32f2f", COERCE: "#ef6c00", THREATEN: "#f9a825", PROTEST: "#8e24aa", MOBILIZE: "#6d4c41",
    SANCTION: "#c2185b", REJECT: "#5d4037", REQUEST: "#0097a7", ACCUSE: "#ad1457", DEMAND: "#7b1fa2",
    CONSULT: "#1976d2", AGREE: "#00897b", SUPPORT: "#43a047", AID: "#2e7d32", RETREAT: "#546e7a", COOPERATE: "#00838f" };
  const spare = ["#3949ab", "#827717", "#00695c", "#4e342e", "#283593", "#9e9d24", "#37474f", "#bf360c"];
  function color(type) {
    if (palette[type]) return palette[type];
    let h = 0;
    for (const c of type || "") h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return spare[h % spare.length];
  }
  function debounce(fn, ms) {
    let t;
    const f = (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
    f.cancel = () => clearTimeout(t);
    return f;
  }

  // ---- URL state ----
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    for (const k in state) state[k] = p.get(k) || "";
    for (const k of FILTERS) { const i = $("#" + k); if (i && i.value !== state[k]) i.value = state[k]; }
  }
  function writeHash() {
    const p = new URLSearchParams();
    for (const k in state) if (state[k]) p.set(k, state[k]);
    const h = "#" + p.toString();
    if (location.hash !== h) history.replaceState(null, "", h === "#" ? location.pathname : h);
  }

  // ---- projection (Equal Earth, Šavrič, Patterson & Jenny 2018) ----
  const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2, R = 100;
  function project(lon, lat) {
    const l = (lon * Math.PI) / 180, p = (lat * Math.PI) / 180;
    const t = Math.asin(M * Math.sin(p)), t2 = t * t, t6 = t2 * t2 * t2;
    const x = (l * Math.cos(t)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    const y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return [x * R, -y * R];
  }
  const W = project(180, 0)[0], H = -project(0, 90)[1];
  const world = { x: -W, y: -H, w: 2 * W, h: 2 * H };
  // the first view leaves out the polar seas
  const home = { x: -W, y: project(0, 80)[1], w: 2 * W, h: project(0, -58)[1] - project(0, 80)[1] };
  let view = Object.assign({}, home);

  // ---- map ----
  const map = $("#map");
  const gLand = el("svg:g"), gBox = el("svg:g"), gCl = el("svg:g");
  map.append(gLand, gBox, gCl);
  let clusterData = { cell: 2, clusters: [] };

  async function loadWorld() {
    const r = await fetch("world.json");
    const w = await r.json();
    $("#foot").textContent = w.attribution;
    const frag = document.createDocumentFragment();
    for (const c of w.countries) {
      if (c.id) names[c.id] = c.name;
      if (c.id === "AQ") continue;
      let d = "";
      for (const ring of c.rings) {
        let x = 0, y = 0;
        for (let i = 0; i < ring.length; i += 2) {
          x += ring[i]; y += ring[i + 1];
          const [px, py] = project(x / 100, y / 100);
          // a jump across the antimeridian (Fiji, Chukotka) starts a new subpath
          const jump = i && Math.abs(ring[i]) > 18000;
          d += (i && !jump ? "L" : "M") + px.toFixed(2) + " " + py.toFixed(2);
        }
        d += "Z";
      }
      const p = el("svg:path", { d, class: "land", "data-id": c.id });
      p.append(el("svg:title", {}, c.name));
      frag.append(p);
    }
    gLand.append(frag);
  }

  function setView(v) {
    const aspect = map.clientWidth / Math.max(1, map.clientHeight) || 2;
    // keep the aspect of the element so pixels are square
    if (v.w / v.h > aspect) v.h = v.w / aspect; else v.w = v.h * aspect;
    v.w = Math.min(v.w, world.w * 1.6); v.h = Math.min(v.h, world.h * 3);
    v.x = Math.max(world.x - v.w / 2, Math.min(world.x + world.w - v.w / 2, v.x));
    v.y = Math.max(world.y - v.h / 2, Math.min(world.y + world.h - v.h / 2, v.y));
    view = v;
    map.setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
  }
  function pxScale() { return view.w / Math.max(1, map.clientWidth); } // map units per pixel
  function zoom(f, cx, cy) {
    if (cx == null) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
    const w = Math.max(world.w / 200, Math.min(world.w * 1.2, view.w / f));
    const k = w / view.w;
    setView({ x: cx - (cx - view.x) * k, y: cy - (cy - view.y) * k, w, h: view.h * k });
    drawClusters();
    reloadClusters();
  }
  const CELL_PX = 22;
  function cellSize() {
    // about CELL_PX pixels per cell, in degrees at the equator
    const deg = (pxScale() * CELL_PX * 180) / W;
    const steps = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15];
    for (const s of steps) if (s >= deg) return s;
    return 15;
  }
  function clientToMap(ev) {
    const r = map.getBoundingClientRect();
    return [view.x + ((ev.clientX - r.left) / r.width) * view.w, view.y + ((ev.clientY - r.top) / r.height) * view.h];
  }
  map.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const [x, y] = clientToMap(ev);
    zoom(ev.deltaY < 0 ? 1.4 : 1 / 1.4, x, y);
  }, { passive: false });
  let drag = null;
  map.addEventListener("pointerdown", (ev) => {
    if (ev.target.classList.contains("cl")) return;
    drag = { x: ev.clientX, y: ev.clientY, v: Object.assign({}, view), moved: false };
    map.setPointerCapture(ev.pointerId);
  });
  map.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const s = pxScale(), dx = (ev.clientX - drag.x) * s, dy = (ev.clientY - drag.y) * s;
    if (Math.abs(dx) + Math.abs(dy) > 2 * s) drag.moved = true;
    map.classList.add("dragging");
    setView({ x: drag.v.x - dx, y: drag.v.y - dy, w: drag.v.w, h: drag.v.h });
  });
  map.addEventListener("pointerup", () => { map.classList.remove("dragging"); drag = null; });
  $("#zoom-in").onclick = () => zoom(2);
  $("#zoom-out").onclick = () => zoom(0.5);
  $("#zoom-reset").onclick = () => { setView(Object.assign({}, home)); drawClusters(); reloadClusters(); };
  window.addEventListener("resize", debounce(() => { setView(Object.assign({}, view)); drawClusters(); drawTimeline(); }, 150));

  const tip = $("#tip");
  function showTip(ev, html) {
    tip.innerHTML = html;
    tip.hidden = false;
    const r = $("#map-wrap").getBoundingClientRect();
    tip.style.left = Math.min(r.width - 270, ev.clientX - r.left + 12) + "px";
    tip.style.top = ev.clientY - r.top + 12 + "px";
  }

  function drawClusters() {
    gCl.textContent = "";
    const s = pxScale();
    const frag = document.createDocumentFragment();
    const cs = clusterData.clusters;
    for (let i = cs.length - 1; i >= 0; i--) { // largest drawn last, on top
      const c = cs[i];
      const [x, y] = project(c.lon, c.lat);
      let top = "", best = -1;
      for (const t in c.types) if (c.types[t] > best) { best = c.types[t]; top = t; }
      const r = (c.count > 1 ? 6 : 4) + Math.min(CELL_PX * 0.45, Math.sqrt(c.count) * 1.5);
      const rr = r * s;
      const circle = el("svg:circle", { cx: x.toFixed(3), cy: y.toFixed(3), r: rr.toFixed(3), class: "cl", fill: color(top),
        "data-count": c.count, "data-lat": c.lat, "data-lon": c.lon });
      if (c.article) circle.setAttribute("data-article", c.article);
      circle.addEventListener("mousemove", (ev) => {
        const rows = Object.entries(c.types).sort((a, b) => b[1] - a[1]).map(([t, n]) => `<div><b>${esc(t)}</b> ${n}</div>`).join("");
        showTip(ev, `<div>${c.count} event${c.count > 1 ? "s" : ""} near ${c.lat.toFixed(2)}, ${c.lon.toFixed(2)}</div>${rows}<div class="muted">click to list them</div>`);
      });
      circle.addEventListener("mouseleave", () => { tip.hidden = true; });
      circle.addEventListener("click", () => {
        const cell = clusterData.cell;
        const x0 = Math.floor(c.lon / cell) * cell, y0 = Math.floor(c.lat / cell) * cell;
        state.bbox = [x0, y0, Math.min(180, x0 + cell), Math.min(90, y0 + cell)].map((v) => +v.toFixed(4)).join(",");
        tip.hidden = true;
        writeHash(); loadEvents(gen); drawBBox(); renderChips();
      });
      frag.append(circle);
      if (c.count > 1) frag.append(el("svg:text", { x: x.toFixed(3), y: y.toFixed(3), class: "cn", "font-size": (10 * s).toFixed(3) }, c.count > 999 ? Math.round(c.count / 1000) + "k" : String(c.count)));
    }
    gCl.append(frag);
    $("#map-info").textContent = clusterData.total ? `${clusterData.total} located event${clusterData.total === 1 ? "" : "s"} in ${cs.length} cluster${cs.length === 1 ? "" : "s"} of ${clusterData.cell}°` : "no located events";
  }
  function drawBBox() {
    gBox.textContent = "";
    if (!state.bbox) return;
    const [x0, y0, x1, y1] = state.bbox.split(",").map(Number);
    const pts = [];
    for (let i = 0; i <= 8; i++) pts.push(project(x0 + ((x1 - x0) * i) / 8, y0));
    for (let i = 0; i <= 8; i++) pts.push(project(x1 - ((x1 - x0) * i) / 8, y1));
    gBox.append(el("svg:path", { class: "bbox", d: "M" + pts.map((p) => p[0].toFixed(2) + " " + p[1].toFixed(2)).join("L") + "Z" }));
  }
  let fitPending = false; // zoom to the events of a new search once
  async function loadClusters(g) {
    const cell = cellSize();
    const data = await get("events/clusters?" + params({ cell }));
    if (g !== gen) return;
    clusterData = data;
    if (fitPending && data.clusters.length) {
      fitPending = false;
      if (fitTo(data.clusters)) return loadClusters(g); // recluster at the new zoom
    }
    drawClusters();
  }
  // fitTo zooms to the clusters when they cover less than the home view.
  function fitTo(cs) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const c of cs) {
      const [x, y] = project(c.lon, c.lat);
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
    const minW = world.w / 10;
    let w = Math.max(minW, (x1 - x0) * 1.5), h = Math.max(minW / 2, (y1 - y0) * 1.5);
    if (w >= home.w * 0.8) return false;
    setView({ x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w, h });
    return true;
  }
  const reloadClusters = debounce(() => loadClusters(gen).catch(showError), 200);
  function highlightCountry() {
    for (const p of gLand.querySelectorAll(".sel")) p.classList.remove("sel");
    if (state.country) for (const p of gLand.querySelectorAll(`[data-id="${CSS.escape(state.country.toUpperCase())}"]`)) p.classList.add("sel");
  }

  // ---- timeline ----
  let timelineData = [];
  function drawTimeline() {
    const svg = $("#timeline");
    svg.textContent = "";
    const legend = $("#legend");
    legend.textContent = "";
    const Wd = svg.clientWidth || 800, Hd = svg.clientHeight || 92, pad = 14;
    svg.setAttribute("viewBox", `0 0 ${Wd} ${Hd}`);
    if (!timelineData.length) {
      svg.append(el("svg:text", { x: 8, y: Hd / 2, class: "axis" }, "no dated events"));
      return;
    }
    const day = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 864e5;
    const d0 = day(timelineData[0].day), d1 = day(timelineData[timelineData.length - 1].day);
    const span = d1 - d0 + 1;
    const maxBins = Math.max(20, Math.floor(Wd / 4));
    const size = span <= maxBins ? 1 : span <= maxBins * 7 ? 7 : Math.ceil(span / maxBins / 30) * 30;
    const nb = Math.ceil(span / size);
    const bins = Array.from({ length: nb }, () => ({}));
    const types = {};
    for (const r of timelineData) {
      const b = Math.floor((day(r.day) - d0) / size);
      bins[b][r.type] = (bins[b][r.type] || 0) + r.count;
      types[r.type] = (types[r.type] || 0) + r.count;
    }
    const order = Object.keys(types).sort((a, b) => types[b] - types[a]);
    let max = 1;
    for (const b of bins) { let s = 0; for (const t in b) s += b[t]; max = Math.max(max, s); }
    const bw = Math.min(28, (Wd - 2) / nb), base = Hd - pad;
    const frag = document.createDocumentFragment();
    const fmt = (d) => new Date(d * 864e5).toISOString().slice(0, 10);
    bins.forEach((b, i) => {
      let y = base;
      const from = fmt(d0 + i * size), to = fmt(d0 + i * size + size - 1);
      const g = el("svg:g", { class: "bar-r", "data-from": from, "data-to": to });
      let total = 0;
      for (const t of order) {
        if (!b[t]) continue;
        total += b[t];
        const h = (b[t] / max) * (base - 4);
        y -= h;
        g.append(el("svg:rect", { x: (1 + i * bw).toFixed(2), y: y.toFixed(2), width: Math.max(1, bw - (bw > 3 ? 1 : 0)).toFixed(2), height: Math.max(0.5, h).toFixed(2), fill: color(t) }));
      }
      if (!total) return;
      g.append(el("svg:title", {}, (size === 1 ? from : from + " – " + to) + ": " + total + " events" + order.filter((t) => b[t]).map((t) => `\n${t}: ${b[t]}`).join("")));
      g.addEventListener("click", () => { $("#from").value = from; $("#to").value = to; changed(); });
      frag.append(g);
    });
    frag.append(el("svg:line", { x1: 0, x2: Wd, y1: base + 0.5, y2: base + 0.5, class: "base" }));
    const ticks = Math.min(6, Math.floor((nb * bw) / 90)); // labels 90 px apart at least
    for (let i = 0; i <= ticks; i++) {
      const d = d0 + (ticks ? Math.round((span - 1) * (i / ticks)) : 0);
      const x = Math.min(Wd - 60, Math.max(0, 1 + ((d - d0) / size) * bw));
      frag.append(el("svg:text", { x: x.toFixed(1), y: Hd - 2, class: "axis" }, fmt(d)));
    }
    svg.append(frag);
    for (const t of order) {
      const s = el("span");
      const i = el("i");
      i.style.background = color(t);
      s.append(i, document.createTextNode(`${t} ${types[t]}`));
      legend.append(s);
    }
    legend.append(el("span", {}, size === 1 ? "per day" : size === 7 ? "per week" : `per ${size} days`));
  }
  async function loadTimeline(g) {
    const data = await get("events/timeline?" + params());
    if (g !== gen) return;
    timelineData = data.days;
    drawTimeline();
  }

  // ---- articles ----
  let resultsCursor = "";
  function snippet(s) { return esc(s).replace(/\[/g, "<b>").replace(/\]/g, "</b>"); }
  async function loadResults(g, more) {
    const data = await get("articles?" + params({ limit: 30, cursor: more ? resultsCursor : "" }));
    if (g !== gen) return;
    const ol = $("#results");
    if (!more) ol.textContent = "";
    for (const h of data.items) {
      const li = el("li", { tabindex: "0", "data-id": h.id });
      li.innerHTML = `<div class="h">${esc(h.headline || "(no headline)")}</div><div class="m">${esc(h.published || "undated")}${h.topic ? " · " + esc(h.topic) : ""}</div><div class="s">${snippet(h.snippet)}</div>`;
      li.onclick = () => openArticle(h.id);
      li.onkeydown = (e) => { if (e.key === "Enter") openArticle(h.id); };
      ol.append(li);
    }
    if (!ol.children.length) ol.append(el("li", { class: "empty" }, "No article matches."));
    resultsCursor = data.next_cursor;
    $("#more-results").hidden = !resultsCursor;
    $("#results-count").textContent = ol.querySelectorAll("li[data-id]").length + (resultsCursor ? "+" : "");
  }
  $("#more-results").onclick = () => loadResults(gen, true).catch(showError);

  // ---- events table ----
  let eventsCursor = "";
  function who(a) { return a && a.name ? a.name + (a.country ? ` (${a.country})` : "") : ""; }
  async function loadEvents(g, more) {
    const data = await get("events?" + params({ bbox: state.bbox, limit: 100, cursor: more ? eventsCursor : "" }));
    if (g !== gen) return;
    const tb = $("#events tbody");
    if (!more) tb.textContent = "";
    for (const r of data.items) {
      const e = r.event;
      const tr = el("tr", { "data-article": r.article_id, "data-index": r.index });
      const loc = e.location ? e.location.name + (e.location.country ? ", " + e.location.country : "") : "";
      tr.innerHTML = `<td>${esc(e.date)}</td><td><span class="type"></span></td><td>${esc(who(e.source))}</td><td>${esc(who(e.target))}</td><td>${esc(loc)}</td><td class="num">${e.fatalities == null ? "" : e.fatalities}</td><td class="ev-text" title="${esc(r.headline)}">${esc(e.evidence && e.evidence.sentence || r.headline)}</td>`;
      const badge = tr.querySelector(".type");
      badge.textContent = e.type;
      badge.style.background = color(e.type);
      tr.onclick = () => openArticle(r.article_id, r.index);
      tb.append(tr);
    }
    if (!tb.children.length) {
      const tr = el("tr"), td = el("td", { colspan: 7, class: "empty" }, "No event matches.");
      tr.append(td); tb.append(tr);
    }
    eventsCursor = data.next_cursor;
    $("#more-events").hidden = !eventsCursor;
    $("#events-count").textContent = tb.querySelectorAll("tr[data-article]").length + (eventsCursor ? "+" : "");
    $("#csv").href = api + "events?" + params({ bbox: state.bbox, format: "csv" });
  }
  $("#more-events").onclick = () => loadEvents(gen, true).catch(showError);
  function renderChips() {
    const c = $("#chips");
    c.textContent = "";
    if (state.bbox) {
      const chip = el("span", { class: "chip", title: "Remove the map area filter" }, "area " + state.bbox + " ×");
      chip.onclick = () => { state.bbox = ""; writeHash(); drawBBox(); renderChips(); loadEvents(gen).catch(showError); };
      c.append(chip);
    }
  }

  // ---- article view ----
  function cpIndex(chars, str) {
    // code point offset of str in the body, -1 when absent
    const i = chars.join("").indexOf(str);
    return i < 0 ? -1 : Array.from(chars.join("").slice(0, i)).length;
  }
  function renderBody(a) {
    const chars = Array.from(a.body || "");
    const n = chars.length;
    const spans = [];
    const add = (s, e, kind, cls, title, ev) => {
      s = Math.max(0, s | 0); e = Math.min(n, e | 0);
      if (e > s) spans.push({ s, e, kind, cls, title, ev });
    };
    for (const en of a.entities || []) for (const m of en.mentions || []) add(m.start, m.end, "name", "hl ent ent-" + en.type, `${en.type}: ${en.name}`);
    for (const p of a.places || []) for (const m of p.mentions || []) add(m.start, m.end, "name", "hl place", `place: ${p.name}${p.country ? " (" + p.country + ")" : ""}`);
    for (const d of a.dates || []) add(d.start, d.end, "date", "hl date", `date: ${d.value}`);
    (a.events || []).forEach((e, i) => {
      const ev = e.evidence || {};
      let s = ev.start, t = ev.end;
      if (!(t > s) && ev.sentence) { s = cpIndex(chars, ev.sentence); t = s + Array.from(ev.sentence).length; }
      if (s >= 0 && t > s) add(s, t, "ev", "ev", `${e.type}${e.mode ? " (" + e.mode + ")" : ""}`, i);
    });
    const cuts = new Set([0, n]);
    for (const sp of spans) { cuts.add(sp.s); cuts.add(sp.e); }
    const pts = [...cuts].sort((x, y) => x - y);
    const first = {};
    let html = "";
    for (let k = 0; k + 1 < pts.length; k++) {
      const s = pts[k], e = pts[k + 1];
      let text = esc(chars.slice(s, e).join(""));
      const cover = spans.filter((sp) => sp.s <= s && sp.e >= e);
      const names = cover.filter((sp) => sp.kind !== "ev");
      // innermost: the shortest name span decides the class; others go in the title
      names.sort((x, y) => (x.e - x.s) - (y.e - y.s));
      if (names.length) text = `<span class="${esc(names[0].cls)}" title="${esc(names.map((x) => x.title).join("; "))}">${text}</span>`;
      const evs = cover.filter((sp) => sp.kind === "ev");
      if (evs.length) {
        const ids = evs.map((x) => x.ev);
        let id = "";
        for (const i of ids) if (!first[i]) { first[i] = true; id = ` id="ev-${i}"`; }
        text = `<mark class="ev"${id} data-ev="${ids.join(" ")}" title="${esc(evs.map((x) => x.title).join("; "))}">${text}</mark>`;
      }
      html += text;
    }
    return html;
  }
  function focusEvent(i, scroll) {
    for (const m of document.querySelectorAll("#article-body mark.focus, #article-events li.focus")) m.classList.remove("focus");
    const marks = [...document.querySelectorAll("#article-body mark.ev")].filter((m) => m.dataset.ev.split(" ").includes(String(i)));
    for (const m of marks) m.classList.add("focus");
    const li = document.querySelector(`#article-events li[data-ev="${i}"]`);
    if (li) li.classList.add("focus");
    if (scroll && marks[0]) marks[0].scrollIntoView({ block: "center" });
  }
  async function openArticle(id, ev) {
    state.article = id;
    state.ev = ev == null ? "" : String(ev);
    writeHash();
    await showArticle();
  }
  async function showArticle() {
    const box = $("#article");
    if (!state.article) { box.hidden = true; return; }
    let a;
    try { a = await get("articles/" + encodeURIComponent(state.article)); } catch (e) { showError(e); box.hidden = true; return; }
    $("#article-headline").textContent = a.headline || "(no headline)";
    const meta = [a.published && a.published.date ? `${a.published.date} (${a.published.how})` : "undated", a.source, a.byline,
      (a.topics || []).slice(0, 2).map((t) => `${t.label} ${Math.round(t.score * 100)}%`).join(", ")].filter(Boolean);
    $("#article-meta").textContent = meta.join(" · ");
    if (a.url) { const l = el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, " source ↗"); $("#article-meta").append(l); }
    $("#article-body").innerHTML = renderBody(a);
    const evs = $("#article-events");
    evs.textContent = "";
    (a.events || []).forEach((e, i) => {
      const li = el("li", { "data-ev": i });
      const loc = e.location ? " in " + e.location.name : "";
      li.innerHTML = `<span class="type"></span> ${esc(who(e.source) || "?")}${e.target && e.target.name ? " → " + esc(who(e.target)) : ""}${esc(loc)}${e.date ? " · " + esc(e.date) : ""}${e.fatalities != null ? " · " + e.fatalities + " killed" : ""}`;
      const b = li.querySelector(".type");
      b.textContent = e.type; b.style.background = color(e.type);
      li.onclick = () => focusEvent(i, true);
      evs.append(li);
    });
    if (!evs.children.length) evs.append(el("li", { class: "empty" }, "none found"));
    const list = (sel, items, fmt) => {
      const ul = $(sel);
      ul.textContent = "";
      for (const x of items) ul.append(el("li", {}, fmt(x)));
      if (!items.length) ul.append(el("li", { class: "empty" }, "none found"));
    };
    list("#article-entities", a.entities || [], (e) => `${e.name} — ${e.type}${e.role ? ", " + e.role : ""}${e.country ? ", " + e.country : ""} (${(e.mentions || []).length}×)`);
    list("#article-places", a.places || [], (p) => `${p.name}${p.country ? ", " + (names[p.country] || p.country) : ""}${p.lat || p.lon ? ` (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})` : ""}`);
    list("#article-dates", a.dates || [], (d) => `${d.text} → ${d.value}`);
    for (const m of document.querySelectorAll("#article-body mark.ev")) m.onclick = () => focusEvent(m.dataset.ev.split(" ")[0], false);
    box.hidden = false;
    box.scrollTop = 0;
    if (state.ev !== "") focusEvent(state.ev, true);
  }
  function closeArticle() { state.article = ""; state.ev = ""; writeHash(); $("#article").hidden = true; }
  $("#close-article").onclick = closeArticle;
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("#article").hidden) closeArticle(); });

  // ---- facets and totals ----
  function fill(sel, counts, label) {
    const s = $(sel), cur = s.value;
    while (s.options.length > 1) s.remove(1);
    for (const k of Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b))) {
      s.append(el("option", { value: k }, `${label(k)} (${counts[k]})`));
    }
    s.value = cur;
  }
  async function loadStats() {
    const st = await get("stats");
    fill("#topic", st.by_topic, (k) => k);
    fill("#type", st.by_event_type, (k) => k);
    const cc = Object.assign({}, st.articles_by_country);
    for (const k in st.by_country) cc[k] = Math.max(cc[k] || 0, st.by_country[k]);
    fill("#country", cc, (k) => names[k] || k);
    for (const k of FILTERS) { const i = $("#" + k); if (i && state[k]) i.value = state[k]; }
    $("#totals").textContent = `${st.articles.toLocaleString("en")} articles · ${st.events.toLocaleString("en")} events`;
  }

  function showError(e) {
    console.error(e);
    $("#totals").textContent = "error: " + e.message;
  }

  // ---- wiring ----
  async function changed() {
    typing.cancel();
    let same = !state.bbox;
    for (const k of FILTERS) {
      const v = $("#" + k).value.trim();
      if (state[k] !== v) same = false;
      state[k] = v;
    }
    if (same) return; // nothing new (Enter after the debounced search ran)
    state.bbox = "";
    writeHash();
    await refresh();
  }
  async function refresh() {
    const g = ++gen;
    fitPending = FILTERS.some((k) => state[k]);
    if (!fitPending) setView(Object.assign({}, home));
    highlightCountry(); drawBBox(); renderChips();
    document.body.dataset.loading = "1";
    try {
      await Promise.all([loadResults(g), loadClusters(g), loadTimeline(g), loadEvents(g)]);
    } catch (e) { showError(e); }
    if (g === gen) document.body.dataset.loading = "";
  }
  $("#search").addEventListener("submit", (e) => { e.preventDefault(); changed(); });
  const typing = debounce(changed, 300);
  $("#q").addEventListener("input", typing);
  $("#actor").addEventListener("input", typing);
  // Enter searches at once (with two text boxes the form has no implicit
  // submission).
  for (const k of ["q", "actor"]) $("#" + k).addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); changed(); } });
  // Entity names as suggestions: choosing one searches for it as a phrase.
  const suggest = debounce(async () => {
    const v = $("#q").value.trim();
    const dl = $("#entity-list");
    if (v.length < 3 || v.includes('"')) { dl.textContent = ""; return; }
    try {
      const data = await get("entities?limit=8&q=" + encodeURIComponent(v));
      dl.textContent = "";
      for (const e of data.items) dl.append(el("option", { value: `"${e.name}"` }, `${e.type.toLowerCase()}, ${e.articles} article${e.articles > 1 ? "s" : ""}`));
    } catch (e) { /* suggestions are optional */ }
  }, 250);
  $("#q").addEventListener("input", suggest);
  for (const k of ["topic", "country", "type", "from", "to"]) $("#" + k).addEventListener("change", changed);
  $("#clear").onclick = () => { for (const k of FILTERS) $("#" + k).value = ""; changed(); };
  $("#home").onclick = (e) => { e.preventDefault(); closeArticle(); $("#clear").onclick(); };
  window.addEventListener("hashchange", () => { readHash(); refresh(); showArticle(); });
  // Add an article: POST the pasted text, then show it.
  $("#add-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("#add-text").value.trim();
    const status = $("#add-status");
    if (!text) return;
    $("#add-submit").disabled = true;
    status.textContent = "analysing…";
    try {
      const res = await post("articles", text, "text/plain; charset=utf-8");
      const r = res.results && res.results[0];
      if (!r || r.status === "failed") throw new Error((r && r.error) || "not stored");
      status.textContent = r.status === "duplicate" ? `already stored: ${r.headline}` : `stored: ${r.headline}`;
      $("#add-text").value = "";
      try { await loadStats(); } catch (err) { /* totals are optional */ }
      await refresh();
      openArticle(r.id);
    } catch (err) {
      status.textContent = "error: " + err.message;
    } finally {
      $("#add-submit").disabled = false;
    }
  });

  (async function start() {
    readHash();
    setView(Object.assign({}, home));
    try { await loadWorld(); } catch (e) { showError(e); }
    try { await loadStats(); } catch (e) { showError(e); }
    await refresh();
    await showArticle();
    document.body.dataset.ready = "1";
  })();
})();
