/* Sortie's map scripts for Leaflet 1.9: the shared namespace and helpers. Loaded first.
 *
 * The map's code is a few plain scripts, each an IIFE that reads and extends window.Sortie,
 * loaded in this order (each folium element of maps/ declares the ones it needs):
 *   core.js           this file: el, svg, load, loadEvents/loadCards (maps/pack.py files), dayText, showError
 *   basemap.js        Sortie.addBasemap: the offline country polygons
 *   names.js          Sortie.addPlaceNames: country and city names placed where they fit (basemap.js's base)
 *   labels.js         Sortie.addLabels: names of seas and straits
 *   zones.js          Sortie.addZones: ADIZ outlines, disputed islands, where routes enter a zone
 *   canvas.js         Sortie.EventCanvas: every event on one canvas, and hit tests
 *   canvas-draw.js    Sortie.draw: the steps of one canvas redraw (frame, links, icons, labels)
 *   canvas-shapes.js  ... and of its routes and areas
 *   canvas-density.js ... and its density view: hexagons of events per cell when icons would pile up
 *   cards.js          Sortie.cardPopup: the event card and tooltip
 *   legend.js         Sortie.legend
 *   timeline.js       Sortie.timeline: slider, window and playback
 *   permalink.js      Sortie.permalink: the page URL and the copy-link button
 *   wheel.js          Sortie.wheelAfterClick: the wheel scrolls the page until the map is clicked
 *   keyboard.js       Sortie.keyboard: events walked with the arrow keys; "open this event" from the page
 *   selection.js      Sortie.selection: the page's filters, applied to the events already loaded
 *   events.js         Sortie.addEvents: builds the event layer and wires the others to it
 * They work loaded one by one from the app's static folder or inlined into one standalone file.
 *
 * Report text is never parsed as HTML here: cards, labels and tooltips are built with textContent.
 */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var DAY_MS = 86400000;
  var SVG_NS = "http://www.w3.org/2000/svg";

  /* An element with a class and text (set as textContent, never parsed). */
  Sortie.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  };

  /* An SVG element with attributes. */
  Sortie.svg = function (tag, attrs) {
    var e = document.createElementNS(SVG_NS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  };

  /* [lat, lon] on the copy of the world nearest the map's view: the canvas draws every copy,
   * so a card, a ring or a fly-to must not land a world away from what the user sees. */
  Sortie.nearLatLng = function (map, lat, lon) {
    return L.latLng(lat, lon + 360 * Math.round((map.getCenter().lng - lon) / 360));
  };

  /* Day numbers (days since 1970-01-01, as in the payload) and ISO dates. */
  Sortie.dayText = function (d) {
    return new Date(d * DAY_MS).toISOString().slice(0, 10);
  };
  Sortie.dayOf = function (iso) {
    return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS);
  };

  /* source: the data object itself, or the URL of a JSON file holding it (gzip'd when it ends
   * in .gz, as maps/payload.py publishes them: unzipped here, not compressed per request). */
  Sortie.load = function (source) {
    if (typeof source !== "string") return Promise.resolve(source);
    if (/\.gz$/.test(source)) {
      return Sortie.loadPacked(source).then(function (b) { return JSON.parse(new TextDecoder().decode(b)); });
    }
    return fetch(source).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  };

  /* The bytes of a maps/pack.py file, gunzipped: embedded ({b64: ...}) or at a URL. */
  Sortie.loadPacked = function (source) {
    var bytes = typeof source === "string"
      ? fetch(source).then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.arrayBuffer();
        })
      : Promise.resolve(Uint8Array.from(atob(source.b64), function (c) { return c.charCodeAt(0); }));
    return bytes.then(function (b) {
      var stream = new Blob([b]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer();
    });
  };

  var TYPED = {u8: Uint8Array, i32: Int32Array, u32: Uint32Array, f32: Float32Array};

  /* maps/pack.py's event columns -> the columns the canvas reads (typed arrays, string arrays,
   * km with null for none, rel per event, geom {index: GeoJSON-like route or area}). */
  Sortie.unpack = function (buf) {
    var magic = new TextDecoder().decode(new Uint8Array(buf, 0, 4));
    if (magic !== "SRT1") throw new Error("not a Sortie events file");
    var hlen = new DataView(buf).getUint32(4, true), text = new TextDecoder();
    var header = JSON.parse(text.decode(new Uint8Array(buf, 8, hlen))), base = 8 + hlen, c = {};
    header.cols.forEach(function (col) {
      var at = base + col.offset;
      if (col.type === "lines") c[col.name] = header.n ? text.decode(new Uint8Array(buf, at, col.length)).split("\n") : [];
      else if (col.type === "json") c[col.name] = JSON.parse(text.decode(new Uint8Array(buf, at, col.length)));
      else { var T = TYPED[col.type]; c[col.name] = new T(buf, at, col.length / T.BYTES_PER_ELEMENT); }
    });
    var n = header.n, km = new Array(n), rel = new Array(n), geom = {}, i;
    for (i = 0; i < n; i++) { km[i] = isNaN(c.km[i]) ? null : c.km[i]; rel[i] = c.rel[i] || null; }
    for (var s = 0; s < c.g_index.length; s++) {
      var parts = [];
      for (var p = c.g_part[s]; p < c.g_part[s + 1]; p++) {
        var ring = [];
        for (var k = c.g_coord[p]; k < c.g_coord[p + 1]; k++) ring.push([c.g_xy[2 * k], c.g_xy[2 * k + 1]]);
        parts.push(ring);
      }
      // an area's rings (of all its polygons) or a route's lines: what EventCanvas draws as parts
      geom[c.g_index[s]] = c.g_area[s] ? {type: "Polygon", coordinates: parts}
        : {type: "MultiLineString", coordinates: parts};
    }
    return {id: c.id, t: c.t, d0: c.d0, d1: c.d1, lat: c.lat, lon: c.lon, gp: c.gp, km: km, tip: c.tip,
            rel: rel, inf: c.inf, geom: geom};
  };

  /* A pack file of events (the drawing columns) or of cards (gzip'd JSON rows). */
  Sortie.loadEvents = function (source) { return Sortie.loadPacked(source).then(Sortie.unpack); };
  Sortie.loadCards = function (source) {
    return Sortie.loadPacked(source).then(function (b) { return JSON.parse(new TextDecoder().decode(b)); });
  };

  /* A message in the map's top right corner, for data that could not be loaded. */
  Sortie.showError = function (map, message) {
    var ctl = L.control({position: "topright"});
    ctl.onAdd = function () { return Sortie.el("div", "sortie-error", message); };
    ctl.addTo(map);
  };
})();
