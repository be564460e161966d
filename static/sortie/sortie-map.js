/* Sortie's event layers for Leaflet 1.9 (canvas renderer).
 *
 * One canvas draws every event: type icons (SVG path data drawn as Path2D, no icon fonts),
 * routes with direction arrows, shaded areas, closest-approach rings and labels, and dotted
 * links between related events. The timeline hides and shows events by flag and redraws the
 * canvas once per frame, so playback costs one redraw, not thousands of DOM changes.
 *
 * Report text is never parsed as HTML here: cards and tooltips are built with textContent.
 * Loaded from /app/static/sortie/sortie-map.js, or inlined into standalone exports.
 */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var DAY_MS = 86400000;

  function dayText(d) {
    return new Date(d * DAY_MS).toISOString().slice(0, 10);
  }

  // ---- all events on one canvas ----------------------------------------------------------
  /* One layer draws every event from flat arrays: type glyphs from pre-rendered sprites, rings,
   * route lines with arrowheads, shaded areas, approach rings and labels, links. No Leaflet
   * object per event: 100,000 events cost one pass over arrays per redraw, and a grid of
   * screen cells answers "which event is under the mouse". */
  var GP = ["exact", "place", "area", "country", "unknown"];
  var ICON_LIMIT = 15000;

  function sprite(path, color, size, ring, ratio) {
    var pad = 4, side = Math.ceil((size * 2 + pad) * ratio), c = document.createElement("canvas");
    c.width = c.height = side;
    var ctx = c.getContext("2d"), mid = side / 2;
    ctx.scale(ratio, ratio);
    mid = mid / ratio;
    if (ring) {
      ctx.beginPath();
      ctx.setLineDash(ring === "country" ? [1.5, 3] : [5, 3]);
      ctx.arc(mid, mid, size * 0.95, 0, 2 * Math.PI);
      ctx.lineWidth = 1.6;
      ctx.strokeStyle = color;
      ctx.stroke();
      ctx.setLineDash([]);
    }
    var s = size / 24;
    ctx.translate(mid - 12 * s, mid - 12 * s);
    ctx.scale(s, s);
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#fff";
    ctx.stroke(path);
    ctx.fillStyle = color;
    ctx.fill(path, "evenodd");
    return c;
  }

  /* Filled arrowheads [x, y, angle, ...] of one colour, as one path: 60,000 of them stay cheap. */
  function arrowheads(ctx, list, s, color) {
    ctx.beginPath();
    for (var k = 0; k < list.length; k += 3) {
      var x = list[k], y = list[k + 1], c = Math.cos(list[k + 2]), sn = Math.sin(list[k + 2]);
      ctx.moveTo(x + s * c, y + s * sn);
      ctx.lineTo(x - s * c - 0.8 * s * sn, y - s * sn + 0.8 * s * c);
      ctx.lineTo(x - 0.45 * s * c, y - 0.45 * s * sn);
      ctx.lineTo(x - s * c + 0.8 * s * sn, y - s * sn - 0.8 * s * c);
      ctx.closePath();
    }
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = "#fff";
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.fill();
  }

  var EventCanvas = L.Layer.extend({
    initialize: function (data, opts) {
      var n = data.id.length, crs = L.CRS.EPSG3857;
      this.d = data;
      this.opts = opts;
      this.n = n;
      this.hidden = new Uint8Array(n);     // by the timeline
      this.typeOn = opts.order.map(function () { return true; });
      this.highlight = {};
      this.x0 = new Float64Array(n);       // projected at zoom 0, so a zoom is one multiplication
      this.y0 = new Float64Array(n);
      for (var i = 0; i < n; i++) {
        var p = crs.latLngToPoint(L.latLng(data.lat[i], data.lon[i]), 0);
        this.x0[i] = p.x;
        this.y0[i] = p.y;
      }
      // routes and areas: rings/lines as flat [x, y, ...] arrays at zoom 0, with a bounding box to cull
      this.shapes = [];
      for (var k in data.geom) {
        var g = data.geom[k], parts = [];
        var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : null;
        var lines = g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : null;
        (polys || []).forEach(function (poly) { poly.forEach(function (ring) { parts.push(ring); }); });
        (lines || []).forEach(function (line) { parts.push(line); });
        var box = [Infinity, Infinity, -Infinity, -Infinity];
        this.shapes.push({i: +k, area: !!polys, box: box, parts: parts.map(function (cs) {
          var flat = new Float64Array(cs.length * 2), shift = 0, prev = null;
          cs.forEach(function (c, m) {
            // a line across the antimeridian (Anadyr -> Alaska) continues east instead of
            // jumping back across the whole map: keep longitudes continuous
            if (prev !== null && Math.abs(c[0] + shift - prev) > 180) shift += c[0] + shift < prev ? 360 : -360;
            prev = c[0] + shift;
            var q = crs.latLngToPoint(L.latLng(c[1], c[0] + shift), 0);
            flat[2 * m] = q.x;
            flat[2 * m + 1] = q.y;
            box[0] = Math.min(box[0], q.x); box[1] = Math.min(box[1], q.y);
            box[2] = Math.max(box[2], q.x); box[3] = Math.max(box[3], q.y);
          });
          return flat;
        })});
      }
      this.links = [];
      var index = {};
      for (i = 0; i < n; i++) index[data.id[i]] = i;
      this.index = index;
      var seen = {}, related = {};
      for (i = 0; i < n; i++) {
        (data.rel[i] || []).forEach(function (rid) {
          var j = index[rid];
          if (j === undefined || j === i) return;
          (related[i] = related[i] || []).indexOf(j) < 0 && related[i].push(j);
          (related[j] = related[j] || []).indexOf(i) < 0 && related[j].push(i);
          var key = Math.min(i, j) + "|" + Math.max(i, j);
          if (!seen[key]) { seen[key] = 1; this.links.push([i, j]); }
        }, this);
      }
      this.related = related;
    },

    onAdd: function (map) {
      this._map = map;
      var pane = map.getPane("sortieEvents") || map.createPane("sortieEvents");
      pane.style.zIndex = 450;
      this.canvas = L.DomUtil.create("canvas", "sortie-events-canvas leaflet-zoom-hide", pane);
      this.ctx = this.canvas.getContext("2d");
      var ratio = this.ratio = window.devicePixelRatio || 1, opts = this.opts;
      this.sprites = opts.order.map(function (t) {
        var path = new Path2D(opts.icons[t]);
        return GP.map(function (gp) {
          return sprite(path, opts.colors[t], opts.iconSize, gp === "area" || gp === "country" ? gp : null, ratio);
        });
      });
      map.on("moveend zoomend resize viewreset", this.scheduleRedraw, this);
      map.on("click", this._click, this);
      map.on("mousemove", this._move, this);
      this.scheduleRedraw();
    },

    onRemove: function (map) {
      L.DomUtil.remove(this.canvas);
      map.off("moveend zoomend resize viewreset", this.scheduleRedraw, this);
      map.off("click", this._click, this);
      map.off("mousemove", this._move, this);
    },

    visible: function (i) {
      return !this.hidden[i] && this.typeOn[this.d.t[i]];
    },

    /* Many changes (type switches, the map settling) coalesce into one redraw per frame. */
    scheduleRedraw: function () {
      if (this._frame) return;
      this._frame = L.Util.requestAnimFrame(function () { this._frame = null; this.redraw(); }, this);
    },

    redraw: function () {
      var map = this._map;
      if (!map) return;
      var t0 = performance.now();
      var size = map.getSize(), pad = 0.2, ratio = this.ratio;
      var topLeft = map.containerPointToLayerPoint(size.multiplyBy(-pad)).round();
      var w = Math.round(size.x * (1 + 2 * pad)), h = Math.round(size.y * (1 + 2 * pad));
      L.DomUtil.setPosition(this.canvas, topLeft);
      if (this.canvas.width !== w * ratio || this.canvas.height !== h * ratio) {
        this.canvas.width = w * ratio;
        this.canvas.height = h * ratio;
        this.canvas.style.width = w + "px";
        this.canvas.style.height = h + "px";
      }
      var ctx = this.ctx, d = this.d, opts = this.opts, n = this.n;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, w, h);
      var scale = Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
      var ox = origin.x + topLeft.x, oy = origin.y + topLeft.y;
      var sx = this.sx = new Float32Array(n), sy = this.sy = new Float32Array(n);
      // near the antimeridian the view may sit on the next copy of the world: draw each event
      // on the copy nearest the middle of the canvas
      var wx = 256 * scale, mid = w / 2;
      for (var i = 0; i < n; i++) {
        var xx = this.x0[i] * scale - ox;
        sx[i] = xx + Math.round((mid - xx) / wx) * wx;
        sy[i] = this.y0[i] * scale - oy;
      }
      var vis = new Uint8Array(n), typeOn = this.typeOn, hidden = this.hidden, t = d.t;
      for (i = 0; i < n; i++) vis[i] = !hidden[i] && typeOn[t[i]] ? 1 : 0;
      // icons, from sprites; a screen grid of them for hit tests. Past ICON_LIMIT events on screen
      // (a continent of 100,000) glyphs would only overlap: each is a dot in its type's colour.
      var grid = this.grid = new Map(), cell = 32, half = opts.iconSize + 2, onScreen = [];
      for (i = 0; i < n; i++) {
        if (!vis[i]) continue;
        var x = sx[i], y = sy[i];
        if (x < -half || y < -half || x > w + half || y > h + half) continue;
        onScreen.push(i);
        var key = ((x / cell) | 0) * 65536 + ((y / cell) | 0), bucket = grid.get(key);
        if (bucket) bucket.push(i); else grid.set(key, [i]);
      }
      var dense = onScreen.length > ICON_LIMIT;
      // areas, then routes with arrowheads; shapes wholly off the canvas are skipped. Shapes of
      // one type (and dash) share one path, so 30,000 of them are a few fills and strokes.
      var arrows = {}, areas = {}, routes = {}, wide = [];  // wide: highlighted, drawn on top
      for (var k = 0; k < this.shapes.length; k++) {
        var sh = this.shapes[k];
        i = sh.i;
        if (!vis[i] || sh.box[3] * scale - oy < 0 || sh.box[1] * scale - oy > h) continue;
        // the copy of the world on which this shape is on the canvas (routes may run past 180°)
        var sox = null;
        for (var kk = 0; kk < 3 && sox === null; kk++) {
          var o = ox - [0, wx, -wx][kk];
          if (sh.box[2] * scale - o >= 0 && sh.box[0] * scale - o <= w) sox = o;
        }
        if (sox === null) continue;
        sh.sox = sox;
        var key2 = sh.area ? t[i] : t[i] + (d.inf[i] ? "i" : "");
        var path = sh.area ? (areas[key2] = areas[key2] || new Path2D()) : (routes[key2] = routes[key2] || new Path2D());
        var pi, m;
        for (pi = 0; pi < sh.parts.length; pi++) {
          var part = sh.parts[pi];
          path.moveTo(part[0] * scale - sox, part[1] * scale - oy);
          for (m = 2; m < part.length; m += 2) path.lineTo(part[m] * scale - sox, part[m + 1] * scale - oy);
          if (sh.area) path.closePath();
        }
        if (this.highlight[i]) wide.push(sh);
        if (sh.area || dense) continue;  // arrows in a crowd would be noise
        for (pi = 0; pi < sh.parts.length; pi++) {
          var pt = sh.parts[pi];
          for (m = 0; m + 3 < pt.length; m += 2) {
            var ax = pt[m] * scale - sox, ay = pt[m + 1] * scale - oy;
            var bx = pt[m + 2] * scale - sox, by = pt[m + 3] * scale - oy;
            if (Math.abs(bx - ax) + Math.abs(by - ay) < 30) continue;  // too short to carry an arrow
            (arrows[t[i]] = arrows[t[i]] || []).push((ax + bx) / 2, (ay + by) / 2, Math.atan2(by - ay, bx - ax));
          }
        }
      }
      var color;
      for (var ak in areas) {
        color = opts.colors[opts.order[ak]];
        ctx.globalAlpha = 0.14;
        ctx.fillStyle = color;
        ctx.fill(areas[ak]);
        ctx.globalAlpha = 0.8;
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = color;
        ctx.stroke(areas[ak]);
      }
      ctx.globalAlpha = 0.9;
      ctx.lineWidth = 3;
      for (var rk in routes) {
        ctx.strokeStyle = opts.colors[opts.order[parseInt(rk, 10)]];
        ctx.setLineDash(rk.indexOf("i") > 0 ? [8, 7] : []);
        ctx.stroke(routes[rk]);
      }
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
      wide.forEach(function (sh) {  // the related events of the open card stand out
        ctx.beginPath();
        sh.parts.forEach(function (part) {
          ctx.moveTo(part[0] * scale - sh.sox, part[1] * scale - oy);
          for (var m2 = 2; m2 < part.length; m2 += 2) ctx.lineTo(part[m2] * scale - sh.sox, part[m2 + 1] * scale - oy);
        });
        ctx.lineWidth = 6;
        ctx.strokeStyle = opts.colors[opts.order[t[sh.i]]];
        ctx.stroke();
      });
      for (var at in arrows) arrowheads(ctx, arrows[at], 7, opts.colors[opts.order[at]]);
      // links between related events
      ctx.setLineDash([2, 6]);
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = "rgba(40, 40, 40, 0.8)";
      ctx.beginPath();
      this.links.forEach(function (lk) {
        if (!vis[lk[0]] || !vis[lk[1]]) return;
        ctx.moveTo(sx[lk[0]], sy[lk[0]]);
        ctx.lineTo(sx[lk[1]], sy[lk[1]]);
      });
      ctx.stroke();
      ctx.setLineDash([]);
      // closest-approach rings (true distance) for precisely placed approaches
      var mPerPx = 40075016.686 / (256 * scale);
      for (i = 0; i < n; i++) {
        if (d.km[i] === null || !vis[i] || d.gp[i] > 1) continue;
        ctx.beginPath();
        ctx.setLineDash([4, 4]);
        ctx.arc(sx[i], sy[i], d.km[i] * 1000 / mPerPx / Math.cos(d.lat[i] * Math.PI / 180), 0, 2 * Math.PI);
        ctx.strokeStyle = opts.colors[opts.order[d.t[i]]];
        ctx.lineWidth = 1.5;
        ctx.stroke();
        ctx.setLineDash([]);
      }
      var drawn = onScreen.length, j;
      for (var hk in this.highlight) {
        i = +hk;
        if (!vis[i]) continue;
        ctx.beginPath();
        ctx.arc(sx[i], sy[i], opts.iconSize * 1.15, 0, 2 * Math.PI);
        ctx.fillStyle = "rgba(255, 214, 0, 0.75)";
        ctx.fill();
      }
      if (dense) {
        var byType = opts.order.map(function () { return new Path2D(); });
        for (j = 0; j < drawn; j++) {
          i = onScreen[j];
          byType[t[i]].rect((sx[i] - 2) | 0, (sy[i] - 2) | 0, 4, 4);
        }
        byType.forEach(function (path, k) { ctx.fillStyle = opts.colors[opts.order[k]]; ctx.fill(path); });
      } else {
        for (j = 0; j < drawn; j++) {
          i = onScreen[j];
          var spr = this.sprites[t[i]][d.gp[i]], sw = spr.width / ratio;
          // whole pixels and no scaling keep drawImage on its fast path
          if (ratio === 1) ctx.drawImage(spr, (sx[i] - sw / 2) | 0, (sy[i] - sw / 2) | 0);
          else ctx.drawImage(spr, sx[i] - sw / 2, sy[i] - sw / 2, sw, sw);
        }
      }
      // closest-approach labels, when few enough to read
      if (drawn < 2000) {
        ctx.font = "600 12px system-ui, sans-serif";
        ctx.lineWidth = 3;
        for (i = 0; i < n; i++) {
          if (d.km[i] === null || !vis[i]) continue;
          var label = "≤ " + d.km[i] + " km", lx = sx[i] + opts.iconSize * 0.7, ly = sy[i] - opts.iconSize * 0.55;
          ctx.strokeStyle = "#fff";
          ctx.strokeText(label, lx, ly);
          ctx.fillStyle = opts.colors[opts.order[d.t[i]]];
          ctx.fillText(label, lx, ly);
        }
      }
      this.topLeft = topLeft;
      this.drawMs = performance.now() - t0;
    },

    /* The event whose icon is under a container point, nearest first, or -1. */
    hit: function (cp) {
      if (!this.grid) return -1;
      var lp = this._map.containerPointToLayerPoint(cp), x = lp.x - this.topLeft.x, y = lp.y - this.topLeft.y;
      var cell = 32, cx = (x / cell) | 0, cy = (y / cell) | 0, best = -1, bestD = this.opts.iconSize * 0.7 + 3;
      for (var gx = cx - 1; gx <= cx + 1; gx++) {
        for (var gy = cy - 1; gy <= cy + 1; gy++) {
          (this.grid.get(gx * 65536 + gy) || []).forEach(function (i) {
            var dd = Math.hypot(this.sx[i] - x, this.sy[i] - y);
            if (dd <= bestD) { bestD = dd; best = i; }
          }, this);
        }
      }
      return best;
    },

    containerPoint: function (i) {
      return this._map.latLngToContainerPoint([this.d.lat[i], this.d.lon[i]]);
    },

    _click: function (e) {
      var i = this.hit(e.containerPoint);
      if (i >= 0) this.fire("eventclick", {index: i, latlng: e.latlng});
    },

    _move: function (e) {
      var i = this.hit(e.containerPoint);
      this._map.getContainer().style.cursor = i >= 0 ? "pointer" : "";
      this.fire("eventhover", {index: i, latlng: e.latlng});
    },
  });

  /* A layer-control entry that switches one event type on the shared canvas. */
  var TypeSwitch = L.Layer.extend({
    initialize: function (canvas, k) { this.c = canvas; this.k = k; },
    onAdd: function () { this.c.typeOn[this.k] = true; this.c.scheduleRedraw(); },
    onRemove: function () { this.c.typeOn[this.k] = false; this.c.scheduleRedraw(); },
  });

  // ---- event cards: DOM built with textContent only -----------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function names(codes, opts) {
    return (codes || []).map(function (c) { return opts.names[c] || c; }).join(", ");
  }

  function card(p, opts, nRelated) {
    var d = el("div", "sortie-card");
    var head = el("div", "sortie-card-type", opts.labels[p.t] + (p.st === "draft" ? " (draft)" : ""));
    head.style.color = opts.colors[p.t];
    d.appendChild(head);
    var tb = el("table");
    function row(k, v) {
      if (v === undefined || v === null || v === "") return;
      var tr = el("tr");
      tr.appendChild(el("th", null, k));
      tr.appendChild(el("td", null, v));
      tb.appendChild(tr);
    }
    row("When", p.dt);
    row("Who", names(p.a, opts) || "—");
    row("Towards", names(p.o, opts) || "—");
    row("Where", (p.p || []).join(" → ") || "—");
    row("Assets", (p.as || []).join("; "));
    if (p.km !== null && p.km !== undefined) row("Closest approach", p.km + " km");
    row("Location", p.gp + " precision" + (p.inf ? " (route between named places inferred)" : ""));
    d.appendChild(tb);
    if (p.ev) d.appendChild(el("blockquote", null, p.ev));
    var src = el("div", "sortie-card-source");
    if (p.su && /^https?:\/\//i.test(p.su)) {
      var a = el("a", null, p.sn || "source");
      a.href = p.su;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      src.appendChild(a);
    } else {
      src.appendChild(document.createTextNode(p.sn || "no source given"));
    }
    if (p.pub) src.appendChild(document.createTextNode(", " + p.pub));
    d.appendChild(src);
    if (nRelated) d.appendChild(el("div", "sortie-card-related", nRelated + " related event(s) highlighted"));
    return d;
  }

  function legend(map, opts, counts) {
    var ctl = L.control({position: "bottomleft"});
    ctl.onAdd = function () {
      var div = L.DomUtil.create("div", "sortie-legend");
      div.appendChild(el("div", "sortie-legend-title", "Events"));
      opts.order.forEach(function (t) {
        if (!counts[t]) return;
        var row = el("div", "sortie-legend-row");
        var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
        svg.setAttribute("viewBox", "0 0 24 24");
        svg.setAttribute("class", "sortie-legend-icon");
        var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
        path.setAttribute("d", opts.icons[t]);
        path.setAttribute("fill", opts.colors[t]);
        path.setAttribute("fill-rule", "evenodd");
        path.setAttribute("stroke", "#fff");
        path.setAttribute("stroke-width", "1.5");
        svg.appendChild(path);
        row.appendChild(svg);
        row.appendChild(el("span", null, opts.labels[t] + " "));
        row.appendChild(el("b", null, String(counts[t])));
        div.appendChild(row);
      });
      var cues = el("div", "sortie-legend-cues");
      [["sortie-cue-area", "area-level location"], ["sortie-cue-country", "country-level location"],
       ["sortie-cue-inferred", "route inferred between named places"], ["sortie-cue-link", "related events"],
       ["sortie-cue-border", "approached country's border"]].forEach(function (c) {
        var r = el("div");
        r.appendChild(el("span", "sortie-cue " + c[0]));
        r.appendChild(document.createTextNode(c[1]));
        cues.appendChild(r);
      });
      div.appendChild(cues);
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    ctl.addTo(map);
  }

  // ---- the timeline -------------------------------------------------------------------
  var WINDOWS = [[Infinity, "everything up to the date"], [0, "events on the date"], [6, "the last 7 days"],
                 [29, "the last 30 days"]];
  var SPEEDS = [[1, "1 day / step"], [7, "1 week / step"], [30, "1 month / step"]];

  function timeline(map, state, opts) {
    var ctl = L.control({position: "bottomright"});
    var ui = {};
    ctl.onAdd = function () {
      var div = L.DomUtil.create("div", "sortie-timeline");
      ui.play = el("button", "sortie-tl-play", "▶");
      ui.play.type = "button";
      ui.play.title = "Play / pause";
      ui.slider = el("input", "sortie-tl-slider");
      ui.slider.type = "range";
      ui.slider.min = state.min;
      ui.slider.max = state.max;
      ui.slider.step = 1;
      ui.slider.value = state.t;
      ui.label = el("span", "sortie-tl-date");
      ui.windowSel = el("select", "sortie-tl-window");
      WINDOWS.forEach(function (w, i) { var o = el("option", null, w[1]); o.value = i; ui.windowSel.appendChild(o); });
      ui.speedSel = el("select", "sortie-tl-speed");
      SPEEDS.forEach(function (s, i) { var o = el("option", null, s[1]); o.value = i; ui.speedSel.appendChild(o); });
      ui.speedSel.value = state.max - state.min > 400 ? 1 : 0;
      var top = el("div", "sortie-tl-row");
      top.appendChild(ui.play);
      top.appendChild(ui.slider);
      div.appendChild(top);
      var bottom = el("div", "sortie-tl-row sortie-tl-small");
      bottom.appendChild(ui.label);
      bottom.appendChild(el("span", null, " show "));
      bottom.appendChild(ui.windowSel);
      bottom.appendChild(ui.speedSel);
      div.appendChild(bottom);
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      L.DomEvent.on(ui.slider, "input", function () { api.pause(); api.set(+ui.slider.value); });
      L.DomEvent.on(ui.windowSel, "change", function () { api.set(state.t, WINDOWS[+ui.windowSel.value][0]); });
      L.DomEvent.on(ui.play, "click", function () { state.timer ? api.pause() : api.play(); });
      return div;
    };
    ctl.addTo(map);

    function label() {
      var shown = state.visible;
      ui.label.textContent = (state.w === Infinity ? "up to " : "") + dayText(state.t) + " · " + shown + " shown";
    }

    var api = {
      frameTimes: [],
      set: function (t, w) {
        var t0 = performance.now();
        state.t = Math.max(state.min, Math.min(state.max, t));
        if (w !== undefined) state.w = w;
        var lo = state.t - state.w, n = 0, layer = state.layer, d = layer.d;
        for (var i = 0; i < layer.n; i++) {
          var on = d.d0[i] <= state.t && d.d1[i] >= lo;
          layer.hidden[i] = on ? 0 : 1;
          n += on;
        }
        state.visible = n;
        ui.slider.value = state.t;
        ui.windowSel.value = WINDOWS.findIndex(function (x) { return x[0] === state.w; });
        label();
        layer.redraw();
        api.frameTimes.push(performance.now() - t0);
        if (api.frameTimes.length > 500) api.frameTimes.shift();
        map.fire("sortie:time", {t: state.t, w: state.w, visible: n});
      },
      play: function () {
        if (state.timer) return;
        if (state.t >= state.max) api.set(state.min);
        ui.play.textContent = "❚❚";
        state.timer = setInterval(function () {
          var step = SPEEDS[+ui.speedSel.value][0];
          if (state.t >= state.max) return api.pause();
          api.set(state.t + step);
        }, opts.tickMs);
      },
      pause: function () {
        if (state.timer) clearInterval(state.timer);
        state.timer = null;
        ui.play.textContent = "▶";
      },
      state: function () {
        return {t: state.t, date: dayText(state.t), w: state.w, visible: state.visible, playing: !!state.timer,
                min: state.min, max: state.max};
      },
      dayOf: function (iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS); },
    };
    label();
    return api;
  }

  // ---- permalink: map view, timeline position and open event in the page's URL ----------
  var LINK_KEYS = ["view", "t", "w", "event"];
  var selectedId = null;

  function linkParams(map, tl) {
    var c = map.getCenter(), s = tl.state();
    var lng = ((c.lng + 540) % 360) - 180;  // worldCopyJump lets longitudes run past 180
    return {view: c.lat.toFixed(3) + "," + lng.toFixed(3) + "," + map.getZoom(),
            t: s.t === s.max && s.w === Infinity ? null : s.date,
            w: s.w === Infinity ? null : String(s.w), event: selectedId};
  }

  function pageUrl(params) {
    var u = new URL(window.parent.location.href);
    LINK_KEYS.forEach(function (k) {
      u.searchParams.delete(k);
      if (params[k] !== null && params[k] !== undefined) u.searchParams.set(k, params[k]);
    });
    return u.toString();
  }

  function linkIcon() {  // a chain link, as SVG: headless and locked-down machines may lack emoji fonts
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", "M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1 M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1");
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", "currentColor");
    path.setAttribute("stroke-width", "2.2");
    path.setAttribute("stroke-linecap", "round");
    svg.appendChild(path);
    return svg;
  }

  function permalink(map, tl) {
    var pending = null;
    function write() {
      clearTimeout(pending);
      pending = setTimeout(function () {
        try {
          window.parent.history.replaceState(window.parent.history.state, "", pageUrl(linkParams(map, tl)));
        } catch (e) { /* a page that does not let us touch its URL: the copy button still works */ }
      }, 250);
    }
    map.on("moveend", write);
    map.on("sortie:time", write);
    map.on("sortie:select", function (e) { selectedId = e.id; write(); });

    var ctl = L.control({position: "topleft"});
    ctl.onAdd = function () {
      var div = L.DomUtil.create("div", "leaflet-bar sortie-link");
      var btn = el("a", "sortie-link-btn");
      btn.appendChild(linkIcon());
      btn.href = "#";
      btn.title = "Copy a link to this view (filters, map extent, date and open event)";
      btn.setAttribute("role", "button");
      var out = el("input", "sortie-link-text");
      out.readOnly = true;
      out.style.display = "none";
      div.appendChild(btn);
      div.appendChild(out);
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.on(btn, "click", function (ev) {
        L.DomEvent.preventDefault(ev);
        var url = pageUrl(linkParams(map, tl));
        out.value = url;
        out.style.display = "block";
        out.select();
        var done = function () {
          btn.classList.add("sortie-link-done");
          setTimeout(function () { btn.classList.remove("sortie-link-done"); }, 1500);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url).then(done, function () { /* selected: Ctrl+C copies */ });
        }
      });
      return div;
    };
    ctl.addTo(map);
    Sortie.currentLink = function () { return pageUrl(linkParams(map, tl)); };
  }

  // ---- entry point --------------------------------------------------------------------
  function build(map, data, opts, control, cards) {
    var layer = new EventCanvas(data, opts), d = data, n = layer.n, counts = {};
    for (var i = 0; i < n; i++) counts[opts.order[d.t[i]]] = (counts[opts.order[d.t[i]]] || 0) + 1;
    layer.addTo(map);
    var switches = {};
    opts.order.forEach(function (t, k) {
      switches[t] = new TypeSwitch(layer, k);
      switches[t].addTo(map);
      if (counts[t] && control) control.addOverlay(switches[t], opts.labels[t] + " (" + counts[t] + ")");
    });

    // one popup and one tooltip for all events; card details load on the first click
    var popup = L.popup({maxWidth: 380}), tip = L.tooltip({direction: "top", offset: [0, -10]}), open = -1;
    var details = null;
    function withCards(fn) {
      if (details) return fn(details);
      load(cards).then(function (c) { details = c; fn(c); })
        .catch(function (e) { popup.setContent(el("div", "sortie-error", "Could not load the card: " + e.message)); });
    }
    function props(i, c) {
      var r = c[i];
      return {t: opts.order[d.t[i]], dt: r[0], a: r[1], o: r[2], p: r[3], as: r[4], ev: r[5], sn: r[6], su: r[7],
              pub: r[8], st: r[9], km: d.km[i], gp: GP[d.gp[i]], inf: d.inf[i]};
    }
    function setHighlight(i, on) {
      (layer.related[i] || []).forEach(function (j) { if (on) layer.highlight[j] = 1; else delete layer.highlight[j]; });
      layer.redraw();
    }
    function openCard(i, latlng) {
      map.closeTooltip(tip);
      if (open >= 0) setHighlight(open, false);
      open = i;
      popup.setLatLng(latlng || [d.lat[i], d.lon[i]]).setContent(el("div", null, "…")).openOn(map);
      withCards(function (c) {
        if (open === i) popup.setContent(card(props(i, c), opts, (layer.related[i] || []).length));
      });
      setHighlight(i, true);
      map.fire("sortie:select", {id: d.id[i]});
    }
    map.on("popupclose", function (e) {
      if (e.popup !== popup || open < 0) return;
      setHighlight(open, false);
      open = -1;
      map.fire("sortie:select", {id: null});
    });
    layer.on("eventclick", function (e) { openCard(e.index, e.latlng); });
    layer.on("eventhover", function (e) {
      if (e.index < 0 || popup.isOpen()) return map.closeTooltip(tip);
      tip.setLatLng([d.lat[e.index], d.lon[e.index]]).setContent(document.createTextNode(d.tip[e.index]));
      map.openTooltip(tip);
    });

    // the borders of the countries that bomber approaches in view were aimed at
    if (opts.borders && opts.borders.length && Sortie.basemapData) {
      var wanted = {};
      opts.borders.forEach(function (c) { wanted[c] = true; });
      var borders = L.geoJSON({type: "FeatureCollection", features: Sortie.basemapData.features.filter(
        function (f) { return wanted[f.properties.iso_a3]; })},
        {style: function () { return opts.borderStyle; }, interactive: false});
      borders.addTo(map);
      if (control) control.addOverlay(borders, "Approached countries' borders");
    }
    legend(map, opts, counts);

    var state = {layer: layer, w: Infinity, visible: n, min: opts.start, max: opts.end, t: opts.end, timer: null};
    var tl = timeline(map, state, opts);
    // handles for tests, the link button and anyone scripting the map
    window.sortieLayers = switches;
    window.sortieTimeline = tl;
    window.sortieEvents = {};
    d.id.forEach(function (id, k) {
      window.sortieEvents[id] = {index: k, openPopup: function () { openCard(k); },
                                 get highlighted() { return !!layer.highlight[k]; }};
    });
    /* [id, start day, end day] of the events drawn now: type switched on, not hidden by the timeline */
    Sortie.visibleEvents = function () {
      var out = [];
      for (var k = 0; k < n; k++) if (layer.visible(k)) out.push([d.id[k], d.d0[k], d.d1[k]]);
      return out;
    };
    Sortie.containerPoint = function (id) { var p = layer.containerPoint(layer.index[id]); return [p.x, p.y]; };
    Sortie.latLng = function (k) { return L.latLng(d.lat[k], d.lon[k]); };
    Sortie.drawMs = function () { return layer.drawMs; };
    Sortie.map = map;
    if (opts.t !== null && opts.t !== undefined) tl.set(opts.t, opts.w === null || opts.w === undefined ? Infinity : opts.w);
    if (opts.selected && layer.index[opts.selected] !== undefined) {
      var sel = layer.index[opts.selected];
      if (!opts.view) map.panTo([d.lat[sel], d.lon[sel]]);
      openCard(sel);
    }
    if (opts.permalink) permalink(map, tl);
    map.fire("sortie:ready", {count: n});
  }

  function showError(map, message) {
    var ctl = L.control({position: "topright"});
    ctl.onAdd = function () { return el("div", "sortie-error", message); };
    ctl.addTo(map);
  }

  /* source: the data object itself, or the URL of a JSON file holding it. */
  function load(source) {
    return typeof source === "string"
      ? fetch(source).then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
      : Promise.resolve(source);
  }

  /* source: the events' columns (or their URL); cards: the card details, row by row (or their URL,
   * fetched on the first click, since they are most of the bytes). */
  Sortie.addEvents = function (map, source, cards, opts, control) {
    // wait for the basemap: its data also draws the approached countries' borders
    return Promise.all([load(source), Sortie.basemapReady || Promise.resolve()])
      .then(function (r) { build(map, r[0], opts, control, cards); })
      .catch(function (e) { showError(map, "Could not load events: " + e.message); throw e; });
  };

  /* Country polygons drawn on canvas as the offline base layer (a radio choice beside tiles). */
  Sortie.addBasemap = function (map, source, style, control, name) {
    var layer = L.geoJSON(null, {style: function () { return style; }, interactive: false,
                                 renderer: L.canvas({padding: 0.3})});
    layer.addTo(map);
    if (control) control.addBaseLayer(layer, name);
    Sortie.basemapReady = load(source).then(function (data) {
      Sortie.basemapData = data;
      layer.addData(data);
      layer.bringToBack();
    })
      .catch(function (e) { showError(map, "Could not load the basemap: " + e.message); });
    return Sortie.basemapReady;
  };

  /* Names of seas and straits, [[name, lat, lon, fontPx], ...], as non-interactive labels. */
  Sortie.addLabels = function (map, source, control, name) {
    var group = L.layerGroup();
    if (control) control.addOverlay(group, name);
    return load(source).then(function (rows) {
      rows.forEach(function (r) {
        var div = el("div", "sortie-sea-label", r[0]);
        div.style.fontSize = r[3] + "px";
        group.addLayer(L.marker([r[1], r[2]], {interactive: false, keyboard: false,
          icon: L.divIcon({html: div, className: "sortie-sea-label-icon", iconSize: [160, 20], iconAnchor: [80, 10]})}));
      });
    });
  };
})();
