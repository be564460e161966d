/* Country and city names on the offline basemap, placed so that no two overlap. Needs core.js.
 *
 * The names (maps/names.py, best first) are placed greedily each time the map settles: a name
 * whose zoom range holds the current zoom is drawn if its box overlaps no name drawn before it,
 * so the big countries and capitals win at low zooms and smaller places fill in as one zooms
 * in. A city's name goes right of its dot, or left when the right is taken; nor may a name sit
 * on a map control, another overlay's name (seas, zones) or an event icon. Placement runs once
 * per settled view (moveend, not every frame of a pan), tests boxes against a grid of
 * neighbours, measures each text once on a canvas, and keeps at most MAX_NAMES elements at a
 * time. Names are in a pane under every overlay and the event canvas (canvas.js, 450), never
 * over an event; they take no clicks. Text is set with textContent, never parsed as HTML.
 */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var CRS = L.CRS.EPSG3857;
  var PANE = "sortieNames";
  var MAX_NAMES = 160;
  var COUNTRY = 0, CAPITAL = 1;
  var FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var FONTS = ["600 12px " + FAMILY, "600 11px " + FAMILY, "11px " + FAMILY];  // by kind
  var HEIGHT = [15, 14, 14];  // the box height by kind, text and halo
  var DOT = 5;                // a city's dot, px
  var GAP = 3;                // between a dot and its name
  var SLACK = 0.5;            // a name shows from half a zoom level before its min zoom
  var OBSTACLES = ".leaflet-control, .sortie-sea-label, .sortie-zone-label, .sortie-island-label";
  var STYLE = [
    ".sortie-names { position: absolute; left: 0; top: 0; pointer-events: none; }",
    ".sortie-name { position: absolute; white-space: nowrap; pointer-events: none; user-select: none;",
    "  color: var(--sortie-name-city); text-shadow: 0 0 2px var(--sortie-name-halo), 0 0 2px var(--sortie-name-halo),",
    "  0 0 3px var(--sortie-name-halo); }",
    ".sortie-name-country { color: var(--sortie-name-country); text-align: center; }",
    ".sortie-name-dot { position: absolute; width: " + (DOT - 2) + "px; height: " + (DOT - 2) + "px;",
    "  border-radius: 50%; background: var(--sortie-name-city); border: 1px solid var(--sortie-name-halo); }",
  ].join("\n");

  function addStyle() {
    if (document.getElementById("sortie-names-style")) return;
    var s = Sortie.el("style", null, STYLE);
    s.id = "sortie-names-style";
    document.head.appendChild(s);
  }

  /* Do two boxes [x0, y0, x1, y1] overlap? */
  function overlaps(a, b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }

  /* Placed boxes bucketed in screen cells, so a test looks at its neighbours only: the names,
   * the controls and every event icon in view (thousands at a wide view of a big store). */
  var CELL = 64;
  function BoxGrid() { this.cells = new Map(); }
  BoxGrid.prototype.each = function (b, fn) {
    for (var cx = Math.floor(b[0] / CELL); cx <= Math.floor(b[2] / CELL); cx++) {
      for (var cy = Math.floor(b[1] / CELL); cy <= Math.floor(b[3] / CELL); cy++) {
        if (fn(cx * 65536 + cy) === true) return true;
      }
    }
    return false;
  };
  BoxGrid.prototype.add = function (b) {
    var cells = this.cells;
    this.each(b, function (k) { (cells.get(k) || cells.set(k, []).get(k)).push(b); });
  };
  BoxGrid.prototype.hits = function (b) {
    var cells = this.cells;
    return this.each(b, function (k) {
      var list = cells.get(k);
      if (list) for (var j = 0; j < list.length; j++) if (overlaps(b, list[j])) return true;
    });
  };

  Sortie.PlaceNames = L.Layer.extend({
    /* table: maps/names.py's {columns, places}; looks: {light: {country, city, halo}, dark: ...}. */
    initialize: function (table, looks) {
      var rows = table.places, n = rows.length;
      this.rows = rows;
      this.looks = looks;
      this.x0 = new Float64Array(n);  // projected at zoom 0, so a zoom is one multiplication
      this.y0 = new Float64Array(n);
      this.width = new Float32Array(n).fill(-1);  // text width, measured when first needed
      for (var i = 0; i < n; i++) {
        var p = CRS.latLngToPoint(L.latLng(rows[i][1], rows[i][2]), 0);
        this.x0[i] = p.x;
        this.y0[i] = p.y;
      }
      this.ctx = document.createElement("canvas").getContext("2d");
    },

    onAdd: function (map) {
      addStyle();
      this._map = map;
      var pane = map.getPane(PANE) || map.createPane(PANE);
      pane.style.zIndex = 390;  // over the offline base (350), under overlays (400) and events (450)
      pane.style.pointerEvents = "none";
      this.div = L.DomUtil.create("div", "sortie-names leaflet-zoom-hide", pane);
      this.theme({theme: map.sortieTheme === undefined ? "light" : map.sortieTheme});
      map.on("moveend zoomend resize viewreset overlayadd overlayremove", this.schedule, this);
      map.on("sortietheme", this.theme, this);
      map.on("zoomstart", this._hide, this);
      map.on("layeradd", this._eventsAdded, this);
      map.eachLayer(function (l) { this._eventsAdded({layer: l}); }, this);
      // the legend and timeline arrive after the events load, and fold and unfold: place the
      // names again when a corner of controls changes size (not on every change of its text)
      if (window.ResizeObserver && map._controlCorners) {
        this._corners = new ResizeObserver(this.schedule.bind(this));
        for (var k in map._controlCorners) this._corners.observe(map._controlCorners[k]);
      }
      this.schedule();
    },

    onRemove: function (map) {
      L.DomUtil.remove(this.div);
      map.off("moveend zoomend resize viewreset overlayadd overlayremove", this.schedule, this);
      map.off("sortietheme", this.theme, this);
      map.off("zoomstart", this._hide, this);
      map.off("layeradd", this._eventsAdded, this);
      if (this._corners) this._corners.disconnect();
      this._map = null;
    },

    /* From the start of a zoom to the next placement: names of the old zoom would sit off their places. */
    _hide: function () {
      this.div.style.visibility = "hidden";
    },

    /* The event canvas, once it arrives (the events load after the names): names keep off its icons. */
    _eventsAdded: function (e) {
      if (Sortie.EventCanvas && e.layer instanceof Sortie.EventCanvas) {
        this.events = e.layer;
        this.schedule();
      }
    },

    /* Light or dark text for the offline base; none over online tiles, which carry their own names. */
    theme: function (e) {
      var look = this.looks[e.theme];
      this.div.style.display = look ? "" : "none";
      if (!look) return;
      var st = this.div.style;
      st.setProperty("--sortie-name-country", look.country);
      st.setProperty("--sortie-name-city", look.city);
      st.setProperty("--sortie-name-halo", look.halo);
    },

    /* Many triggers (a zoom ends with a move) coalesce into one placement per frame. */
    schedule: function () {
      if (this._frame) return;
      this._frame = L.Util.requestAnimFrame(function () { this._frame = null; this.redraw(); }, this);
    },

    textWidth: function (i) {
      if (this.width[i] < 0) {
        this.ctx.font = FONTS[this.rows[i][5]];
        this.width[i] = Math.ceil(this.ctx.measureText(this.rows[i][0]).width) + 2;  // + the halo
      }
      return this.width[i];
    },

    /* Candidate boxes (layer pixels) of name i with its anchor at x, y, best first: centred for
     * a country, or a line or two above or below (its capital or an event may sit on its label
     * point); right then left of the dot for a city. Each is [x0, y0, x1, y1, text left]. */
    boxes: function (i, x, y) {
      var kind = this.rows[i][5], w = this.textWidth(i), h = HEIGHT[kind];
      if (kind === COUNTRY) {
        return [0, -1, 1, -2, 2].map(function (k) {
          return [x - w / 2, y + (k - 0.5) * h, x + w / 2, y + (k + 0.5) * h, x - w / 2];
        });
      }
      var r = DOT / 2;
      return [[x - r, y - h / 2, x + r + GAP + w, y + h / 2, x + r + GAP],
              [x - r - GAP - w, y - h / 2, x + r, y + h / 2, x - r - GAP - w]];
    },

    /* The greedy placement over the names in view, on each world copy the basemap draws. A name
     * must fit wholly in the view, off the map's controls (legend, timeline, zoom buttons) and
     * off the event icons, so that no name is cut at an edge, hidden under a panel or drawn
     * illegibly beneath an event. Every event counts, even one the timeline hides now, so the
     * names stay put during playback. */
    redraw: function () {
      var map = this._map;
      if (!map) return;
      var t0 = performance.now(), zoom = map.getZoom(), scale = Math.pow(2, zoom), world = 256 * scale;
      var origin = map.getPixelOrigin(), view = map.getPixelBounds(), rows = this.rows, n = rows.length;
      var minX = view.min.x - origin.x, maxX = view.max.x - origin.x;
      var minY = view.min.y - origin.y, maxY = view.max.y - origin.y;
      var grid = new BoxGrid(), count = 0, frag = document.createDocumentFragment();
      this.controls().forEach(function (b) { grid.add(b); });
      this.eventBoxes(scale, world, origin, [minX, minY, maxX, maxY]).forEach(function (b) { grid.add(b); });
      var inView = function (b) { return b[0] >= minX && b[2] <= maxX && b[1] >= minY && b[3] <= maxY; };
      for (var i = 0; i < n && count < MAX_NAMES; i++) {
        var r = rows[i];
        if (zoom + SLACK < r[3] || zoom > r[4]) continue;
        var y = this.y0[i] * scale - origin.y;
        if (y < minY || y > maxY) continue;
        for (var copy = -1; copy <= 1; copy++) {  // the basemap's world copies (basemap.js)
          var x = this.x0[i] * scale + copy * world - origin.x;
          if (x < minX || x > maxX) continue;
          var box = this.boxes(i, x, y).filter(inView).find(function (b) { return !grid.hits(b); });
          if (!box) continue;
          grid.add(box);
          count++;
          frag.appendChild(this.element(i, x, y, box));
        }
      }
      this.div.replaceChildren(frag);
      this.div.style.visibility = "";
      this.count = count;
      this.drawMs = performance.now() - t0;
    },

    /* The boxes of the map's controls and of the other overlays' names (seas: labels.js, zones
     * and islands: zones.js) while shown, in layer pixels: names are placed around them. */
    controls: function () {
      var map = this._map, box = map.getContainer().getBoundingClientRect(), out = [];
      map.getContainer().querySelectorAll(OBSTACLES).forEach(function (c) {
        var r = c.getBoundingClientRect();
        if (!r.width || !r.height || c.style.visibility === "hidden") return;
        var a = map.containerPointToLayerPoint([r.left - box.left, r.top - box.top]);
        var b = map.containerPointToLayerPoint([r.right - box.left, r.bottom - box.top]);
        out.push([a.x, a.y, b.x, b.y]);
      });
      return out;
    },

    /* The boxes of the event icons in view (layer pixels), from the event canvas (canvas.js)
     * once it is on the map: its events projected at zoom 0 (x0, y0) and its icon size. */
    eventBoxes: function (scale, world, origin, view) {
      var out = [], ev = this.events;
      if (!ev || !ev._map) return out;
      var half = ev.opts.iconSize / 2 + 2;  // the glyph and its outline; a precision ring may touch a name
      for (var i = 0; i < ev.n; i++) {
        var y = ev.y0[i] * scale - origin.y;
        if (y < view[1] - half || y > view[3] + half) continue;
        for (var copy = -1; copy <= 1; copy++) {
          var x = ev.x0[i] * scale + copy * world - origin.x;
          if (x >= view[0] - half && x <= view[2] + half) out.push([x - half, y - half, x + half, y + half]);
        }
      }
      return out;
    },

    /* A name's element: its box exactly (so the DOM shows what placement reserved), text as textContent. */
    element: function (i, x, y, box) {
      var r = this.rows[i], kind = r[5];
      var div = Sortie.el("div", "sortie-name sortie-name-" + (kind === COUNTRY ? "country" : kind === CAPITAL ? "capital" : "city"));
      var st = div.style;
      st.left = box[0] + "px";
      st.top = box[1] + "px";
      st.width = (box[2] - box[0]) + "px";
      st.height = (box[3] - box[1]) + "px";
      st.font = FONTS[kind];  // the font the width was measured in; the shorthand resets line-height
      st.lineHeight = (box[3] - box[1]) + "px";
      var text = Sortie.el("span", null, r[0]);
      if (kind !== COUNTRY) {
        var dot = Sortie.el("span", "sortie-name-dot");
        dot.style.left = (x - DOT / 2 - box[0]) + "px";
        dot.style.top = (y - DOT / 2 - box[1]) + "px";
        text.style.position = "absolute";
        text.style.left = (box[4] - box[0]) + "px";
        div.appendChild(dot);
      }
      div.appendChild(text);
      return div;
    },
  });

  /* source: the names table or its URL; looks: colours by basemap theme; name: the layer control's label. */
  Sortie.addPlaceNames = function (map, source, looks, control, name) {
    return Sortie.load(source).then(function (table) {
      var layer = new Sortie.PlaceNames(table, looks);
      layer.addTo(map);
      if (control) control.addOverlay(layer, name);
      Sortie.placeNames = layer;
      return layer;
    })
      .catch(function (e) { Sortie.showError(map, "Could not load the place names: " + e.message); });
  };
})();
