/* Sortie.addEvents: the event layer, and the controls wired to it (layer switches, cards, legend,
 * timeline, permalink, wheel, keyboard). Needs core, canvas, canvas-draw, canvas-shapes, cards, legend,
 * timeline, permalink, wheel, keyboard. */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});

  /* Events per type name. */
  function typeCounts(d, opts) {
    var counts = {};
    for (var i = 0; i < d.t.length; i++) counts[opts.order[d.t[i]]] = (counts[opts.order[d.t[i]]] || 0) + 1;
    return counts;
  }

  /* Events per type name that the timeline's window shows now. */
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
    if (!Object.keys(spans).length || !Sortie.basemapData) return function () {};
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
      Object.keys(spans).forEach(function (c) {
        var on = spans[c].some(function (s) { return s[0] <= t && s[1] >= lo; });  // timeline.js's rule
        if (!!active[c] !== on) { active[c] = on; changed = true; }
      });
      if (changed) borders.setStyle(borders.options.style);
    };
    update(opts.end, Infinity);  // the timeline opens on everything up to the last day
    Sortie.activeBorders = function () { return Object.keys(active).filter(function (c) { return active[c]; }); };
    return update;
  }

  /* Handles for tests, the link button and anyone scripting the map. */
  function handles(map, layer, switches, tl, openCard) {
    var d = layer.d, n = layer.n;
    window.sortieLayers = switches;
    window.sortieTimeline = tl;
    window.sortieEvents = Object.create(null);  // no prototype: an id like "toString" finds nothing
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

  function build(map, data, opts, control, cards) {
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
      bordersAt(s.t, s.w);
    });
    map.on("sortie:select", function (e) { legend.card(!!e.id); });  // a card needs the room
    handles(map, layer, switches, tl, openCard);
    // the permalink first: it must hear the card a shared link opens, or its next link drops it
    if (opts.permalink) Sortie.permalink(map, tl);
    if (opts.inPage) Sortie.wheelAfterClick(map);
    Sortie.keyboard(map, layer, openCard);
    restore(map, layer, tl, opts, openCard);
    legend.clear(drawnPoints(map, layer));
    map.fire("sortie:ready", {count: layer.n});
  }

  /* source: the events' columns, cards: the card details row by row, each a maps/pack.py file
   * embedded ({b64}) or its URL (cards are read on the first click: they are most of the bytes);
   * opts: maps/build.py map_options. */
  Sortie.addEvents = function (map, source, cards, opts, control) {
    // wait for the basemap: its data also draws the approached countries' borders
    return Promise.all([Sortie.loadEvents(source), Sortie.basemapReady || Promise.resolve()])
      .then(function (r) { build(map, r[0], opts, control, cards); })
      .catch(function (e) { Sortie.showError(map, "Could not load events: " + e.message); throw e; });
  };
})();
