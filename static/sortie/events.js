/* Sortie.addEvents: the event layer, and the controls wired to it (layer switches, cards, legend,
 * timeline, permalink, wheel, keyboard, the page's filters). Needs core, canvas, canvas-draw, canvas-shapes,
 * cards, legend, timeline, permalink, wheel, keyboard, selection. */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});

  /* Events per type name. */
  function typeCounts(d, opts) {
    var counts = {};
    for (var i = 0; i < d.t.length; i++) counts[opts.order[d.t[i]]] = (counts[opts.order[d.t[i]]] || 0) + 1;
    return counts;
  }

  /* Events per type name that the timeline's window (and the page's filters) show now. */
  function windowCounts(layer, opts) {
    var counts = {}, t = layer.d.t, hidden = layer.hidden;
    for (var i = 0; i < t.length; i++) if (!hidden[i]) counts[opts.order[t[i]]] = (counts[opts.order[t[i]]] || 0) + 1;
    return counts;
  }

  /* One layer-control entry per event type on the map, "Label (count)"; {type name: switch}. */
  function typeSwitches(map, layer, opts, counts, control) {
    var switches = {};
    opts.order.forEach(function (t, k) {
      switches[t] = new Sortie.TypeSwitch(layer, k);
      switches[t].addTo(map);
      if (counts[t] && control) control.addOverlay(switches[t], opts.labels[t] + " (" + counts[t] + ")");
    });
    return switches;
  }

  var SEAM = 179.999;

  /* A country's outline as lines, without the cut Natural Earth makes along the antimeridian
   * (Russia's Chukotka is two polygons that meet at 180°): that edge is no border. */
  function outline(f) {
    var g = f.geometry, polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates, lines = [];
    polys.forEach(function (poly) {
      poly.forEach(function (ring) {
        var run = [];
        for (var k = 0; k < ring.length; k++) {
          var a = ring[k], b = ring[k + 1];
          run.push(a);
          if (b && Math.abs(a[0]) >= SEAM && Math.abs(b[0]) >= SEAM) {  // a segment on the seam: break here
            if (run.length > 1) lines.push(run);
            run = [];
          }
        }
        if (run.length > 1) lines.push(run);
      });
    });
    return {type: "Feature", properties: f.properties, geometry: {type: "MultiLineString", coordinates: lines}};
  }

  /* The borders of the countries that bomber approaches in view were aimed at, from the basemap's
   * data (opts.borders: {country: [[first day, last day], ...]}). Returns update(t, w): a border
   * shows while the timeline's window [t - w, t] holds an approach to it. */
  function approachedBorders(map, opts, control) {
    var spans = opts.borders || {}, active = {};
    if (!Object.keys(spans).length || !Sortie.basemapData) return {update: function () {}, spans: function () {}};
    var approached = Sortie.basemapData.features.filter(function (f) { return spans[f.properties.iso_a3]; })
      .map(outline);
    var hidden = {opacity: 0};
    var borders = L.geoJSON(Sortie.worldCopies({type: "FeatureCollection", features: approached}),
                            {style: function (f) { return active[f.properties.iso_a3] ? opts.borderStyle : hidden; },
                             interactive: false});
    borders.addTo(map);
    if (control) control.addOverlay(borders, "Approached countries' borders");
    var update = function (t, w) {
      var lo = w === Infinity ? -Infinity : t - w, changed = false;
      Object.keys(spans).concat(Object.keys(active)).forEach(function (c) {  // active: what the filters dropped
        var on = (spans[c] || []).some(function (s) { return s[0] <= t && s[1] >= lo; });  // timeline.js's rule
        if (!!active[c] !== on) { active[c] = on; changed = true; }
      });
      if (changed) borders.setStyle(borders.options.style);
    };
    update(opts.end, Infinity);  // the timeline opens on everything up to the last day
    Sortie.activeBorders = function () { return Object.keys(active).filter(function (c) { return active[c]; }); };
    /* spans(s): the approaches the page's filters keep (a subset of the countries drawn here) */
    return {update: update, spans: function (s) { spans = s; }, layer: borders};
  }

  /* The layer control's type entries counted again, in order, before the borders' entry. */
  function relabel(control, switches, opts, counts, borders) {
    if (!control) return;
    opts.order.forEach(function (t) { control.removeLayer(switches[t]); });
    if (borders.layer) control.removeLayer(borders.layer);
    opts.order.forEach(function (t) {
      if (counts[t]) control.addOverlay(switches[t], opts.labels[t] + " (" + counts[t] + ")");
    });
    if (borders.layer) control.addOverlay(borders.layer, "Approached countries' borders");
  }

  /* The page's filters (selection.js) as they change: the events they leave out are hidden as the
   * timeline hides events; the layer switches, legend, borders and timeline range count only what
   * they keep; an open card of an event left out closes; fit: the view fits what they keep. */
  function selector(map, layer, opts, control, parts) {
    var open = null;
    map.on("sortie:select", function (e) { open = e.id || null; });
    return function (sel, keep, fit) {
      if (sel.n !== layer.n) return;  // made for another revision's events
      for (var i = 0; i < layer.n; i++) layer.out[i] = keep[i] ? 0 : 1;
      var counts = {};
      for (i = 0; i < layer.n; i++) if (keep[i]) counts[opts.order[layer.d.t[i]]] = (counts[opts.order[layer.d.t[i]]] || 0) + 1;
      relabel(control, parts.switches, opts, counts, parts.borders);
      parts.legend.reset(counts);
      parts.borders.spans(sel.borders || {});
      if (open !== null && layer.out[layer.index[open]]) map.closePopup();
      parts.tl.range(sel.start, sel.end);
      parts.tl.set(sel.end);  // as a newly opened map: on the last day, the window kept
      if (fit && sel.bounds) {
        map.fitBounds(sel.bounds, {maxZoom: 6, paddingTopLeft: [10, 10], paddingBottomRight: [10, 110], animate: false});
      }
    };
  }

  /* Handles for tests, the link button and anyone scripting the map. */
  function handles(map, layer, switches, tl, openCard) {
    var d = layer.d, n = layer.n;
    window.sortieLayers = switches;
    window.sortieTimeline = tl;
    /* {id: handle}, made when asked for: an object per event cost 100,000 closures and a
     * garbage collection before the first frame at that size. layer.index has no prototype, so
     * an id like "toString" finds nothing. */
    function handle(id) {
      var k = typeof id === "string" ? layer.index[id] : undefined;
      return k === undefined ? undefined : {index: k, openPopup: function () { openCard(k); },
                                            get highlighted() { return !!layer.highlight[k]; }};
    }
    window.sortieEvents = new Proxy(Object.create(null), {
      get: function (_, id) { return handle(id); },
      has: function (_, id) { return handle(id) !== undefined; },
      ownKeys: function () { return d.id.slice(); },
      getOwnPropertyDescriptor: function (_, id) {
        var h = handle(id);
        return h && {value: h, enumerable: true, configurable: true, writable: false};
      }
    });
    /* [id, start day, end day] of the events drawn now: type switched on, not hidden by the timeline */
    Sortie.visibleEvents = function () {
      var out = [];
      for (var k = 0; k < n; k++) if (layer.visible(k)) out.push([d.id[k], d.d0[k], d.d1[k]]);
      return out;
    };
    Sortie.isVisible = function (id) { var k = layer.index[id]; return k !== undefined && layer.visible(k); };
    Sortie.containerPoint = function (id) { var p = layer.containerPoint(layer.index[id]); return [p.x, p.y]; };
    Sortie.latLng = function (k) { return L.latLng(d.lat[k], d.lon[k]); };
    Sortie.drawMs = function () { return layer.drawMs; };
    Sortie.stacks = function () { return layer.stacks || []; };  // [[id, ...], ...] of the last redraw
    /* the density view's cells of the last redraw, [[events, top type], ...], or null (icons) */
    Sortie.bins = function () {
      return layer.bins ? Object.keys(layer.bins).map(function (k) {
        return [layer.bins[k].n, layer.opts.order[layer.bins[k].top]]; }) : null;
    };
    Sortie.map = map;
  }

  /* Container points of what the fitted view draws: each event's icon and its route's vertices
   * (on the world copy nearest the view), so the legend can fold if it covers one. Skipped for
   * big collections, where a legend over some of thousands of dots hides nothing in particular. */
  function drawnPoints(map, layer) {
    var d = layer.d, out = [];
    if (layer.n > 1000) return out;
    function add(lat, lon) {
      var p = map.latLngToContainerPoint(Sortie.nearLatLng(map, lat, lon));
      out.push([p.x, p.y]);
    }
    for (var i = 0; i < layer.n; i++) if (layer.visible(i)) add(d.lat[i], d.lon[i]);
    Object.keys(d.geom).forEach(function (k) {
      var g = d.geom[k];
      if (!layer.visible(+k)) return;
      var lines = g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : [];
      lines.forEach(function (line) { line.forEach(function (xy) { add(xy[1], xy[0]); }); });
    });
    return out;
  }

  /* A shared link's date, window and open event (opts.t, opts.w, opts.selected). */
  function restore(map, layer, tl, opts, openCard) {
    if (opts.t !== null && opts.t !== undefined) tl.set(opts.t, opts.w === null || opts.w === undefined ? Infinity : opts.w);
    if (opts.selected && layer.index[opts.selected] !== undefined) {
      var sel = layer.index[opts.selected];
      if (!opts.view) map.panTo([layer.d.lat[sel], layer.d.lon[sel]]);
      openCard(sel);
    }
  }

  /* first: the page's selection waiting when the map loaded ({sel, keep}) or null; selection:
   * selection.js's handle for the later ones. */
  function build(map, data, opts, control, cards, first, selection) {
    var layer = new Sortie.EventCanvas(data, opts), counts = typeCounts(data, opts);
    layer.addTo(map);
    var switches = typeSwitches(map, layer, opts, counts, control);
    var openCard = Sortie.cardPopup(map, layer, opts, cards);
    var bordersAt = approachedBorders(map, opts, control);
    var legend = Sortie.legend(map, opts, counts);
    var state = {layer: layer, w: Infinity, visible: layer.n, min: opts.start, max: opts.end, t: opts.end, timer: null};
    var tl = Sortie.timeline(map, state, opts);
    map.on("sortie:time", function () {
      var s = tl.state();
      legend.update(windowCounts(layer, opts));
      bordersAt.update(s.t, s.w);
    });
    map.on("sortie:select", function (e) { legend.card(!!e.id); });  // a card needs the room
    handles(map, layer, switches, tl, openCard);
    // the permalink first: it must hear the card a shared link opens, or its next link drops it
    if (opts.permalink) Sortie.permalink(map, tl);
    if (opts.inPage) Sortie.wheelAfterClick(map);
    Sortie.keyboard(map, layer, openCard);
    var select = selector(map, layer, opts, control, {switches: switches, legend: legend, borders: bordersAt, tl: tl});
    if (first) select(first.sel, first.keep, !opts.view);  // a shared link's extent wins over the filters'
    restore(map, layer, tl, opts, openCard);
    selection.listen(function (sel, keep) { select(sel, keep, true); });
    legend.clear(drawnPoints(map, layer));
    map.fire("sortie:ready", {count: layer.n});
  }

  /* source: the events' columns, cards: the card details row by row, each a maps/pack.py file
   * embedded ({b64}) or its URL (cards are read on the first click: they are most of the bytes);
   * opts: maps/build.py map_options. */
  Sortie.addEvents = function (map, source, cards, opts, control) {
    var selection = Sortie.selection(opts.selection);  // the page's filters, when opts.selection names them
    // wait for the basemap: its data also draws the approached countries' borders
    return Promise.all([Sortie.loadEvents(source), Sortie.basemapReady || Promise.resolve(), selection.first])
      .then(function (r) { build(map, r[0], opts, control, cards, r[2], selection); })
      .catch(function (e) { Sortie.showError(map, "Could not load events: " + e.message); throw e; });
  };
})();
