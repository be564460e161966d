/* The density view of the event canvas: when more events are on screen than icons can show
 * apart (a continent of 100,000 at low zoom), hexagons of events per cell instead, each in the
 * colour of its most frequent type and darker the more it holds (the count classes of the
 * static pictures, maps/snapshot/density.py); an event alone in its cell keeps its icon.
 * Clicking a hexagon zooms in on it. Needs core.js and canvas-draw.js.
 *
 * The binning is d3-hexbin's (github.com/d3/d3-hexbin: point to the nearest of the two
 * candidate rows' centres), written over typed arrays: the library builds an array per cell
 * and a string key per point, 20-40 ms for 100,000 points, over a 16 ms timeline frame.
 */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var RADIUS = 13;  // px, centre to corner
  var DX = RADIUS * Math.sqrt(3), DY = RADIUS * 1.5, COLS = 1 << 14;
  // [fewest events, fill opacity]: 2-9, 10-99, 100-999, 1,000+
  var CLASSES = [[2, 0.38], [10, 0.58], [100, 0.78], [1000, 0.95]];
  var HEX = (function () {
    var p = new Path2D();
    for (var k = 0; k < 6; k++) {
      var a = Math.PI / 3 * k;  // pointy top, as d3-hexbin's
      var x = Math.sin(a) * RADIUS, y = -Math.cos(a) * RADIUS;
      if (k) p.lineTo(x, y); else p.moveTo(x, y);
    }
    p.closePath();
    return p;
  })();

  /* The cell of canvas point (x, y): [column, row], as d3-hexbin finds it. */
  function cell(x, y) {
    var py = y / DY, pj = Math.round(py), px = x / DX - (pj & 1) / 2, pi = Math.round(px), py1 = py - pj;
    if (Math.abs(py1) * 3 > 1) {
      var px1 = px - pi, pi2 = pi + (px < pi ? -1 : 1) / 2, pj2 = pj + (py < pj ? -1 : 1);
      var px2 = px - pi2, py2 = py - pj2;
      if (px1 * px1 + py1 * py1 > px2 * px2 + py2 * py2) { pi = pi2 + (pj & 1 ? 1 : -1) / 2; pj = pj2; }
    }
    return [pi, pj];
  }

  function classOf(n) {
    var k = 0;
    while (k + 1 < CLASSES.length && n >= CLASSES[k + 1][0]) k++;
    return CLASSES[k][1];
  }

  /* Bin the on-screen events (f.onScreen) and draw the cells; layer.bins keeps them for hover,
   * click and tests: {key: {x, y, n, top: type code, one: an event index}}. */
  function density(layer, f) {
    var on = f.onScreen, t = layer.d.t, nTypes = layer.opts.order.length, ctx = f.ctx;
    var slot = new Map(), counts = [], members = [], n = 0, j, i, c, key, s;
    for (j = 0; j < on.length; j++) {
      i = on[j];
      c = cell(f.sx[i], f.sy[i]);
      key = (c[1] + COLS / 2) * COLS + (c[0] + COLS / 2);
      s = slot.get(key);
      if (s === undefined) {
        s = n++;
        slot.set(key, s);
        counts.push(new Int32Array(nTypes + 1));
        members.push(i);
      }
      counts[s][t[i]]++;
      counts[s][nTypes]++;
    }
    var bins = {};
    slot.forEach(function (s, k) {
      var cnt = counts[s], total = cnt[nTypes], top = 0;
      for (var q = 1; q < nTypes; q++) if (cnt[q] > cnt[top]) top = q;
      var row = Math.floor(k / COLS) - COLS / 2, col = k % COLS - COLS / 2;
      bins[k] = {x: (col + (row & 1) / 2) * DX, y: row * DY, n: total, top: top, one: members[s], counts: cnt};
    });
    layer.bins = bins;
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = "rgba(255, 255, 255, 0.9)";
    for (key in bins) {
      var b = bins[key];
      if (b.n === 1) continue;  // drawn as its icon below
      ctx.save();
      ctx.translate(b.x, b.y);
      ctx.globalAlpha = classOf(b.n);
      ctx.fillStyle = layer.color(b.top);
      ctx.fill(HEX);
      ctx.globalAlpha = 1;
      ctx.stroke(HEX);
      ctx.restore();
    }
    var d = layer.d, ratio = layer.ratio;
    for (key in bins) {
      if (bins[key].n !== 1) continue;
      i = bins[key].one;
      var spr = layer.sprites[t[i]][d.gp[i]], sw = spr.width / ratio;
      ctx.drawImage(spr, f.sx[i] - sw / 2, f.sy[i] - sw / 2, sw, sw);
    }
  }

  /* The cell under a canvas point, or null. */
  function binAt(layer, x, y) {
    if (!layer.bins) return null;
    var c = cell(x, y);
    return layer.bins[(c[1] + COLS / 2) * COLS + (c[0] + COLS / 2)] || null;
  }

  /* "412 events here: Exercise 180, Scramble 90, …; click to zoom in" */
  function binText(layer, b) {
    var opts = layer.opts, parts = [];
    opts.order.forEach(function (name, k) { if (b.counts[k]) parts.push([b.counts[k], opts.labels[name]]); });
    parts.sort(function (a, z) { return z[0] - a[0]; });
    return b.n.toLocaleString("en") + " events here: " +
      parts.slice(0, 3).map(function (p) { return p[1] + " " + p[0].toLocaleString("en"); }).join(", ") +
      (parts.length > 3 ? ", …" : "") + "; click to zoom in";
  }

  var draw = (Sortie.draw = Sortie.draw || {});
  draw.density = density;
  draw.binAt = binAt;
  draw.binText = binText;
  draw.DENSITY_CLASSES = CLASSES;
})();
