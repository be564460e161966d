/* The steps of one redraw of the event canvas (canvas.js calls them in order, back to front),
 * but for routes and areas (canvas-shapes.js): the frame, links, approach rings, icons, labels.
 *
 * A step reads the layer (its columns, flags and sprites) and the frame `f` of this redraw: the
 * 2D context, canvas size, projection (scale, origin ox/oy, world width wx), screen positions
 * sx/sy, visibility flags vis, and the events whose icons are on screen (onScreen, dense).
 */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var ICON_LIMIT = 2000;   // more events on screen than this: hexagons (canvas-density.js), as the static pictures
  var CELL = 32;           // px, of the hit-test grid
  var PAD = 0.2;           // canvas margin around the view, as a share of its size
  var EQUATOR_M = 40075016.686;

  /* Place, size and clear the canvas over the view and a margin; project and flag the events. */
  function frame(layer) {
    var map = layer._map, ratio = layer.ratio, canvas = layer.canvas, size = map.getSize();
    var topLeft = map.containerPointToLayerPoint(size.multiplyBy(-PAD)).round();
    var w = Math.round(size.x * (1 + 2 * PAD)), h = Math.round(size.y * (1 + 2 * PAD));
    L.DomUtil.setPosition(canvas, topLeft);
    if (canvas.width !== w * ratio || canvas.height !== h * ratio) {
      canvas.width = w * ratio;
      canvas.height = h * ratio;
      canvas.style.width = w + "px";
      canvas.style.height = h + "px";
    }
    var ctx = layer.ctx;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var scale = Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
    var f = {ctx: ctx, w: w, h: h, topLeft: topLeft, scale: scale, wx: 256 * scale,
             ox: origin.x + topLeft.x, oy: origin.y + topLeft.y};
    positions(layer, f);
    f.vis = visibility(layer);
    return f;
  }

  /* Screen positions on the canvas. Near the antimeridian the view may sit on the next copy of
   * the world: each event is drawn on the copy nearest the middle of the canvas. */
  function positions(layer, f) {
    var n = layer.n, sx = layer.sx = f.sx = new Float32Array(n), sy = layer.sy = f.sy = new Float32Array(n);
    var scale = f.scale, wx = f.wx, mid = f.w / 2;
    for (var i = 0; i < n; i++) {
      var xx = layer.x0[i] * scale - f.ox;
      sx[i] = xx + Math.round((mid - xx) / wx) * wx;
      sy[i] = layer.y0[i] * scale - f.oy;
    }
  }

  /* 1 for an event drawn now: its type switched on and not hidden by the timeline. */
  function visibility(layer) {
    var n = layer.n, vis = new Uint8Array(n), typeOn = layer.typeOn, hidden = layer.hidden, t = layer.d.t;
    for (var i = 0; i < n; i++) vis[i] = !hidden[i] && typeOn[t[i]] ? 1 : 0;
    return vis;
  }

  /* The visible events whose icons are on the canvas (f.onScreen), and a grid of them for hit tests. */
  function iconGrid(layer, f) {
    var half = layer.opts.iconSize + 2, onScreen = f.onScreen = [], i, j;
    for (i = 0; i < layer.n; i++) {
      if (!f.vis[i]) continue;
      var x = f.sx[i], y = f.sy[i];
      if (x < -half || y < -half || x > f.w + half || y > f.h + half) continue;
      onScreen.push(i);
    }
    f.dense = onScreen.length > ICON_LIMIT;
    var grid = layer.grid = new Map();
    if (f.dense) return;  // hexagons: the density view's cells are the hit test (canvas-density.js)
    for (j = 0; j < onScreen.length; j++) {
      i = onScreen[j];
      var key = ((f.sx[i] / CELL) | 0) * 65536 + ((f.sy[i] / CELL) | 0), bucket = grid.get(key);
      if (bucket) bucket.push(i); else grid.set(key, [i]);
    }
  }

  /* Dotted lines between related events that are both drawn. */
  function links(layer, f) {
    var ctx = f.ctx, vis = f.vis, sx = f.sx, sy = f.sy;
    ctx.setLineDash([2, 6]);
    ctx.lineWidth = 1.5;
    // dark grey on the light base, light grey on the dark one (basemap.js sets map.sortieTheme)
    ctx.strokeStyle = layer._map.sortieTheme === "dark" ? "rgba(225, 230, 236, 0.85)" : "rgba(40, 40, 40, 0.8)";
    ctx.beginPath();
    layer.links.forEach(function (lk) {
      if (!vis[lk[0]] || !vis[lk[1]]) return;
      ctx.moveTo(sx[lk[0]], sy[lk[0]]);
      ctx.lineTo(sx[lk[1]], sy[lk[1]]);
    });
    ctx.stroke();
    ctx.setLineDash([]);
  }

  /* Closest-approach rings at their true distance, for events placed precisely enough to measure from. */
  function approachRings(layer, f) {
    var ctx = f.ctx, d = layer.d, mPerPx = EQUATOR_M / (256 * f.scale);
    for (var i = 0; i < layer.n; i++) {
      if (d.km[i] === null || !f.vis[i] || !layer.precise[d.gp[i]]) continue;
      ctx.beginPath();
      ctx.setLineDash([4, 4]);
      ctx.arc(f.sx[i], f.sy[i], d.km[i] * 1000 / mPerPx / Math.cos(d.lat[i] * Math.PI / 180), 0, 2 * Math.PI);
      ctx.strokeStyle = layer.color(d.t[i]);
      ctx.lineWidth = 1.5;
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  /* A yellow disc under the icons of the open card's related events. */
  function highlights(layer, f) {
    var ctx = f.ctx;
    for (var hk in layer.highlight) {
      var i = +hk;
      if (!f.vis[i]) continue;
      ctx.beginPath();
      ctx.arc(f.sx[i], f.sy[i], layer.opts.iconSize * 1.15, 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(255, 214, 0, 0.75)";
      ctx.fill();
    }
  }

  /* Each on-screen event's sprite (type glyph and precision ring), or the density view's
   * hexagons when too many are on screen for glyphs not to overlap. */
  function icons(layer, f) {
    var ctx = f.ctx, d = layer.d, t = d.t, ratio = layer.ratio, on = f.onScreen, i, j;
    layer.bins = null;
    if (f.dense) return Sortie.draw.density(layer, f);
    for (j = 0; j < on.length; j++) {
      i = on[j];
      var spr = layer.sprites[t[i]][d.gp[i]], sw = spr.width / ratio, x = f.sx[i] - sw / 2, y = f.sy[i] - sw / 2;
      // whole pixels and no scaling keep drawImage on its fast path
      if (ratio === 1) ctx.drawImage(spr, x | 0, y | 0);
      else ctx.drawImage(spr, x, y, sw, sw);
    }
  }

  /* A count badge on icons that sit on one spot (two approaches placed at the same country's
   * point): the top icon alone would hide the others. layer.stacks keeps them for tests. */
  function stackBadges(layer, f) {
    layer.stacks = [];
    if (f.dense) return;
    var at = {}, on = f.onScreen, ctx = f.ctx, r = 8, half = layer.opts.iconSize / 2, j, i, k;
    for (j = 0; j < on.length; j++) {
      i = on[j];
      k = Math.round(f.sx[i] / 3) + "," + Math.round(f.sy[i] / 3);  // within ~3 px: one spot
      (at[k] = at[k] || []).push(i);
    }
    ctx.font = "700 11px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (k in at) {
      var group = at[k];
      if (group.length < 2) continue;
      i = group[group.length - 1];
      var x = f.sx[i] + half, y = f.sy[i] - half;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = "#222";
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = "#fff";
      ctx.stroke();
      ctx.fillStyle = "#fff";
      ctx.fillText(String(group.length), x, y + 0.5);
      layer.stacks.push(group.map(function (g) { return layer.d.id[g]; }));
    }
    ctx.textAlign = "start";
    ctx.textBaseline = "alphabetic";
  }

  /* "≤ 20 km" beside events with a closest approach, when few enough icons are on screen to read
   * them, and only where the point is a place it was measured from: beside a country's or an
   * area's middle it would read as 20 km from a spot inland (the card still gives the distance). */
  function approachLabels(layer, f) {
    if (f.onScreen.length >= 2000) return;
    var ctx = f.ctx, d = layer.d, size = layer.opts.iconSize;
    ctx.font = "600 12px system-ui, sans-serif";
    ctx.lineWidth = 3;
    for (var i = 0; i < layer.n; i++) {
      if (d.km[i] === null || !f.vis[i] || !layer.precise[d.gp[i]]) continue;
      var label = "≤ " + d.km[i] + " km", lx = f.sx[i] + size * 0.7, ly = f.sy[i] - size * 0.55;
      ctx.strokeStyle = "#fff";
      ctx.strokeText(label, lx, ly);
      ctx.fillStyle = layer.color(d.t[i]);
      ctx.fillText(label, lx, ly);
    }
  }

  var draw = (Sortie.draw = Sortie.draw || {});
  draw.CELL = CELL;
  draw.ICON_LIMIT = ICON_LIMIT;
  draw.frame = frame;
  draw.iconGrid = iconGrid;
  draw.links = links;
  draw.approachRings = approachRings;
  draw.highlights = highlights;
  draw.icons = icons;
  draw.approachLabels = approachLabels;
  draw.stackBadges = stackBadges;
})();
