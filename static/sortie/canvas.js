/* All events on one canvas: the layer, its data prepared for drawing, and hit tests. Needs core.js;
 * the drawing itself is canvas-draw.js and canvas-shapes.js.
 *
 * One layer draws every event from flat arrays: type glyphs from pre-rendered sprites, rings,
 * route lines with arrowheads, shaded areas, closest-approach rings and labels, and dotted
 * links between related events. No Leaflet object per event: 100,000 events cost one pass over
 * arrays per redraw, and a grid of screen cells answers "which event is under the mouse". The
 * timeline hides and shows events by flag and redraws once per frame, so playback costs one
 * redraw, not thousands of DOM changes.
 */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var CRS = L.CRS.EPSG3857;
  var RING_DASH = {dashed: [5, 3], dotted: [1.5, 3]};  // by a precision's ring cue

  /* A type's glyph (Path2D in a 24x24 box) in its colour, with the precision's ring, if any. */
  function sprite(path, color, size, ring, ratio) {
    var pad = 4, side = Math.ceil((size * 2 + pad) * ratio), c = document.createElement("canvas");
    c.width = c.height = side;
    var ctx = c.getContext("2d"), mid = side / 2 / ratio;
    ctx.scale(ratio, ratio);
    if (RING_DASH[ring]) {
      ctx.beginPath();
      ctx.setLineDash(RING_DASH[ring]);
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

  /* One ring or line [[lon, lat], ...] as a flat [x, y, ...] array at zoom 0; grows box. */
  function projectPart(cs, box) {
    var flat = new Float64Array(cs.length * 2), shift = 0, prev = null;
    cs.forEach(function (c, m) {
      // a line across the antimeridian (Anadyr -> Alaska) continues east instead of
      // jumping back across the whole map: keep longitudes continuous
      if (prev !== null && Math.abs(c[0] + shift - prev) > 180) shift += c[0] + shift < prev ? 360 : -360;
      prev = c[0] + shift;
      var q = CRS.latLngToPoint(L.latLng(c[1], c[0] + shift), 0);
      flat[2 * m] = q.x;
      flat[2 * m + 1] = q.y;
      box[0] = Math.min(box[0], q.x); box[1] = Math.min(box[1], q.y);
      box[2] = Math.max(box[2], q.x); box[3] = Math.max(box[3], q.y);
    });
    return flat;
  }

  /* Routes and areas, {event index: GeoJSON geometry}, as parts at zoom 0 with a bounding box to cull. */
  function shapes(geom) {
    var out = [];
    for (var k in geom) {
      var g = geom[k], parts = [];
      var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : null;
      var lines = g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : null;
      (polys || []).forEach(function (poly) { poly.forEach(function (ring) { parts.push(ring); }); });
      (lines || []).forEach(function (line) { parts.push(line); });
      var box = [Infinity, Infinity, -Infinity, -Infinity];
      out.push({i: +k, area: !!polys, box: box, parts: parts.map(function (cs) { return projectPart(cs, box); })});
    }
    return out;
  }

  /* Index by id, each event's related events (both ways), and each related pair once as a link. */
  function relations(data) {
    // no prototype: an id such as "constructor" (from a link or a message) must find nothing
    var n = data.id.length, index = Object.create(null), related = {}, links = [], seen = {}, i;
    for (i = 0; i < n; i++) index[data.id[i]] = i;
    for (i = 0; i < n; i++) {
      (data.rel[i] || []).forEach(function (rid) {
        var j = index[rid];
        if (j === undefined || j === i) return;
        (related[i] = related[i] || []).indexOf(j) < 0 && related[i].push(j);
        (related[j] = related[j] || []).indexOf(i) < 0 && related[j].push(i);
        var key = Math.min(i, j) + "|" + Math.max(i, j);
        if (!seen[key]) { seen[key] = 1; links.push([i, j]); }
      });
    }
    return {index: index, related: related, links: links};
  }

  Sortie.EventCanvas = L.Layer.extend({
    /* data: the payload's columns; opts: the map options (types, precisions, icon size). */
    initialize: function (data, opts) {
      var n = data.id.length;
      this.d = data;
      this.opts = opts;
      this.n = n;
      this.hidden = new Uint8Array(n);     // by the timeline (which also hides what `out` marks)
      this.out = new Uint8Array(n);        // by the page's filters (selection.js)
      this.typeOn = opts.order.map(function () { return true; });
      this.precise = opts.precisions.map(function (p) { return p.precise; });  // by gp code
      this.highlight = {};
      this.x0 = new Float64Array(n);       // projected at zoom 0, so a zoom is one multiplication
      this.y0 = new Float64Array(n);
      for (var i = 0; i < n; i++) {
        var p = CRS.latLngToPoint(L.latLng(data.lat[i], data.lon[i]), 0);
        this.x0[i] = p.x;
        this.y0[i] = p.y;
      }
      this.shapes = shapes(data.geom);
      var rel = relations(data);
      this.index = rel.index;
      this.related = rel.related;
      this.links = rel.links;
    },

    onAdd: function (map) {
      this._map = map;
      var pane = map.getPane("sortieEvents") || map.createPane("sortieEvents");
      pane.style.zIndex = 450;
      this.canvas = L.DomUtil.create("canvas", "sortie-events-canvas leaflet-zoom-hide", pane);
      this.ctx = this.canvas.getContext("2d");
      var ratio = this.ratio = window.devicePixelRatio || 1, opts = this.opts;
      // sprites[type][gp code]
      this.sprites = opts.order.map(function (t) {
        var path = new Path2D(opts.icons[t]);
        return opts.precisions.map(function (gp) {
          return sprite(path, opts.colors[t], opts.iconSize, gp.ring, ratio);
        });
      });
      map.on("moveend zoomend resize viewreset sortietheme", this.scheduleRedraw, this);  // links follow the base
      map.on("click", this._click, this);
      map.on("mousemove", this._move, this);
      this.scheduleRedraw();
    },

    onRemove: function (map) {
      L.DomUtil.remove(this.canvas);
      map.off("moveend zoomend resize viewreset sortietheme", this.scheduleRedraw, this);
      map.off("click", this._click, this);
      map.off("mousemove", this._move, this);
    },

    /* The colour of type code k. */
    color: function (k) {
      return this.opts.colors[this.opts.order[k]];
    },

    visible: function (i) {
      return !this.hidden[i] && this.typeOn[this.d.t[i]];
    },

    /* Many changes (type switches, the map settling) coalesce into one redraw per frame. */
    scheduleRedraw: function () {
      if (this._frame) return;
      this._frame = L.Util.requestAnimFrame(function () { this._frame = null; this.redraw(); }, this);
    },

    /* Back to front: areas and routes, links, approach rings, highlights, icons, labels. */
    redraw: function () {
      if (!this._map) return;
      var t0 = performance.now(), draw = Sortie.draw;
      var f = draw.frame(this);
      draw.iconGrid(this, f);
      if (!f.dense) draw.shapes(this, f, draw.shapePaths(this, f));  // under hexagons, thousands of shapes are noise
      draw.links(this, f);
      draw.approachRings(this, f);
      draw.highlights(this, f);
      draw.icons(this, f);
      draw.approachLabels(this, f);
      draw.stackBadges(this, f);
      this.topLeft = f.topLeft;
      this.drawMs = performance.now() - t0;
    },

    /* The canvas point of a container point. */
    canvasPoint: function (cp) {
      var lp = this._map.containerPointToLayerPoint(cp);
      return [lp.x - this.topLeft.x, lp.y - this.topLeft.y];
    },

    /* The density view's cell under a container point (canvas-density.js), or null. */
    binAt: function (cp) {
      var p = this.canvasPoint(cp);
      return Sortie.draw.binAt(this, p[0], p[1]);
    },

    /* The event whose icon is under a container point, nearest first, or -1 (a lone event's
     * icon in the density view too; a hexagon is not one event). */
    hit: function (cp) {
      if (this.bins) {
        var b = this.binAt(cp);
        return b && b.n === 1 ? b.one : -1;
      }
      if (!this.grid) return -1;
      var lp = this._map.containerPointToLayerPoint(cp), x = lp.x - this.topLeft.x, y = lp.y - this.topLeft.y;
      var cell = Sortie.draw.CELL, cx = (x / cell) | 0, cy = (y / cell) | 0, best = -1;
      var bestD = this.opts.iconSize * 0.7 + 3;
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
      if (i >= 0) return this.fire("eventclick", {index: i, latlng: e.latlng});
      var b = this.binAt(e.containerPoint);
      if (b) this._map.setZoomAround(e.containerPoint, Math.min(this._map.getZoom() + 2, this._map.getMaxZoom()));
    },

    _move: function (e) {
      var i = this.hit(e.containerPoint), b = i < 0 ? this.binAt(e.containerPoint) : null;
      this._map.getContainer().style.cursor = i >= 0 || b ? "pointer" : "";
      this.fire("eventhover", {index: i, latlng: e.latlng, bin: b ? Sortie.draw.binText(this, b) : null});
    },
  });

  /* A layer-control entry that switches one event type on the shared canvas. */
  Sortie.TypeSwitch = L.Layer.extend({
    initialize: function (canvas, k) { this.c = canvas; this.k = k; },
    onAdd: function () { this.c.typeOn[this.k] = true; this.c.scheduleRedraw(); },
    onRemove: function () { this.c.typeOn[this.k] = false; this.c.scheduleRedraw(); },
  });
})();
