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
  var ICONS = {};
  var DAY_MS = 86400000;

  function dayText(d) {
    return new Date(d * DAY_MS).toISOString().slice(0, 10);
  }

  // ---- canvas layer classes that can be hidden without leaving the map ----------------
  function hideable(Base) {
    return Base.extend({
      _updatePath: function () {
        if (!this._hidden) Base.prototype._updatePath.call(this);
      },
      _containsPoint: function (p) {
        return !this._hidden && Base.prototype._containsPoint.call(this, p);
      },
    });
  }
  var Line = hideable(L.Polyline);
  var Area = hideable(L.Polygon);
  var Ring = hideable(L.Circle);

  /* The event's icon: type glyph with a white halo; a dashed ring when the location is only
   * known to an area, dotted when only to a country; an optional label (e.g. "20 km"). */
  var EventIcon = L.CircleMarker.extend({
    _updatePath: function () {
      var r = this._renderer;
      if (this._hidden || !r._drawing || this._empty()) return;
      var ctx = r._ctx, p = this._point, o = this.options, size = o.size, s = size / 24;
      ctx.save();
      ctx.translate(p.x, p.y);
      if (o.highlight) {
        ctx.beginPath();
        ctx.arc(0, 0, size * 1.15, 0, 2 * Math.PI);
        ctx.fillStyle = "rgba(255, 214, 0, 0.75)";
        ctx.fill();
      }
      if (o.ring) {
        ctx.beginPath();
        ctx.setLineDash(o.ring === "country" ? [1.5, 3] : [5, 3]);
        ctx.arc(0, 0, size * 0.95, 0, 2 * Math.PI);
        ctx.lineWidth = 1.6;
        ctx.strokeStyle = o.color;
        ctx.stroke();
        ctx.setLineDash([]);
      }
      if (o.label) {
        ctx.font = "600 12px system-ui, sans-serif";
        ctx.lineWidth = 3;
        ctx.strokeStyle = "#fff";
        ctx.strokeText(o.label, size * 0.7, -size * 0.55);
        ctx.fillStyle = o.color;
        ctx.fillText(o.label, size * 0.7, -size * 0.55);
      }
      ctx.scale(s, s);
      ctx.translate(-12, -12);
      var path = ICONS[o.etype];
      ctx.lineJoin = "round";
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#fff";
      ctx.stroke(path);
      ctx.fillStyle = o.color;
      ctx.fill(path, "evenodd");
      ctx.restore();
    },
    _containsPoint: function (p) {
      return !this._hidden && p.distanceTo(this._point) <= this.options.size * 0.6 + this._clickTolerance();
    },
  });

  /* A filled arrowhead at a route segment's midpoint, turned along the segment on screen. */
  var Arrow = L.CircleMarker.extend({
    _updatePath: function () {
      var r = this._renderer;
      if (this._hidden || !r._drawing || this._empty()) return;
      var m = this._map, o = this.options;
      var a = m.latLngToLayerPoint(o.from), b = m.latLngToLayerPoint(o.to);
      var ctx = r._ctx, p = this._point, s = o.radius;
      ctx.save();
      ctx.translate(p.x, p.y);
      ctx.rotate(Math.atan2(b.y - a.y, b.x - a.x));
      ctx.beginPath();
      ctx.moveTo(s, 0);
      ctx.lineTo(-s, s * 0.8);
      ctx.lineTo(-s * 0.45, 0);
      ctx.lineTo(-s, -s * 0.8);
      ctx.closePath();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = "#fff";
      ctx.stroke();
      ctx.fillStyle = o.color;
      ctx.fill();
      ctx.restore();
    },
    _containsPoint: function () {
      return false;
    },
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

  // ---- building the layers ------------------------------------------------------------
  function toLatLngs(cs) {
    return cs.map(function (c) { return [c[1], c[0]]; });
  }

  function buildEvent(f, opts, renderer) {
    var p = f.properties, g = f.geometry, color = opts.colors[p.t], parts = [];
    if (g.type === "LineString" || g.type === "MultiLineString") {
      (g.type === "LineString" ? [g.coordinates] : g.coordinates).forEach(function (cs) {
        var ll = toLatLngs(cs);
        parts.push(new Line(ll, {renderer: renderer, color: color, weight: 3, opacity: 0.9,
                                 dashArray: p.inf ? "8 7" : null}));
        for (var i = 0; i + 1 < ll.length; i++) {
          var mid = [(ll[i][0] + ll[i + 1][0]) / 2, (ll[i][1] + ll[i + 1][1]) / 2];
          parts.push(new Arrow(mid, {renderer: renderer, radius: 7, color: color, from: ll[i], to: ll[i + 1],
                                     interactive: false}));
        }
      });
    } else if (g.type === "Polygon" || g.type === "MultiPolygon") {
      parts.push(new Area(L.GeoJSON.coordsToLatLngs(g.coordinates, g.type === "Polygon" ? 1 : 2),
                          {renderer: renderer, color: color, weight: 1.5, opacity: 0.8, fillOpacity: 0.14}));
    }
    var ring = p.gp === "area" || p.gp === "country" ? p.gp : null;
    var km = p.km !== null && p.km !== undefined;
    if (km && (p.gp === "exact" || p.gp === "place")) {
      parts.push(new Ring(p.rp, {renderer: renderer, radius: p.km * 1000, color: color, weight: 1.5,
                                 dashArray: "4 4", fill: false, interactive: false}));
    }
    var icon = new EventIcon(p.rp, {renderer: renderer, radius: opts.iconSize, size: opts.iconSize,
                                    etype: p.t, color: color, ring: ring,
                                    label: km ? "≤ " + p.km + " km" : null});
    parts.push(icon);
    // a plain record, not a Leaflet group: 100,000 groups with their own popups cost seconds
    var ev = {feature: f, icon: icon, parts: parts, _hidden: false};
    for (var k = 0; k < parts.length; k++) parts[k]._ev = ev;
    return ev;
  }

  function setHidden(ev, hidden) {
    ev._hidden = hidden;
    for (var i = 0; i < ev.parts.length; i++) ev.parts[i]._hidden = hidden;
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
        var lo = state.t - state.w, n = 0;
        for (var i = 0; i < state.events.length; i++) {
          var ev = state.events[i], p = ev.feature.properties;
          var on = p.d0 <= state.t && p.d1 >= lo;
          if (on) n++;
          if (!ev._hidden === !on) setHidden(ev, !on);
        }
        state.links.forEach(function (lk) { lk._hidden = lk.a._hidden || lk.b._hidden; });
        state.visible = n;
        ui.slider.value = state.t;
        ui.windowSel.value = WINDOWS.findIndex(function (x) { return x[0] === state.w; });
        label();
        state.renderer._redraw();
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
  function build(map, data, opts, control) {
    for (var t in opts.icons) ICONS[t] = new Path2D(opts.icons[t]);
    var renderer = L.canvas({padding: 0.3});
    var groups = {}, byId = {}, events = [], counts = {};
    opts.order.forEach(function (t) { groups[t] = L.featureGroup(); });
    data.features.forEach(function (f) {
      var ev = buildEvent(f, opts, renderer);
      var p = f.properties;
      byId[p.id] = ev;
      events.push(ev);
      counts[p.t] = (counts[p.t] || 0) + 1;
      for (var k = 0; k < ev.parts.length; k++) groups[p.t].addLayer(ev.parts[k]);
    });

    // links between related events, both ways, drawn once per pair
    var links = [], linkGroup = L.featureGroup(), seen = {}, related = {};
    events.forEach(function (ev) {
      var p = ev.feature.properties;
      (p.rel || []).forEach(function (rid) {
        var other = byId[rid];
        if (!other) return;
        var mine = (related[p.id] = related[p.id] || []), theirs = (related[rid] = related[rid] || []);
        if (mine.indexOf(other) < 0) mine.push(other);
        if (theirs.indexOf(ev) < 0) theirs.push(ev);
        var key = p.id < rid ? p.id + "|" + rid : rid + "|" + p.id;
        if (seen[key]) return;
        seen[key] = true;
        var lk = new Line([p.rp, other.feature.properties.rp],
                          {renderer: renderer, color: "#333", weight: 1.5, opacity: 0.8, dashArray: "2 6",
                           interactive: false});
        lk.a = ev;
        lk.b = other;
        links.push(lk);
        linkGroup.addLayer(lk);
      });
    });

    function highlight(ev, on) {
      (related[ev.feature.properties.id] || []).forEach(function (o) {
        o.icon.options.highlight = on;
        o.parts.forEach(function (x) { if (x instanceof Line || x instanceof Area) x.setStyle({weight: on ? 6 : 3}); });
      });
      renderer._redraw();
    }

    // one popup and one tooltip for all events, opened by the type groups' mouse events
    var popup = L.popup({maxWidth: 380}), tip = L.tooltip({direction: "top", offset: [0, -8]}), openEv = null;
    function openCard(ev, latlng) {
      var p = ev.feature.properties;
      map.closeTooltip(tip);
      popup.setLatLng(latlng || p.rp).setContent(card(p, opts, (related[p.id] || []).length)).openOn(map);
      if (openEv) highlight(openEv, false);
      openEv = ev;
      highlight(ev, true);
      map.fire("sortie:select", {id: p.id});
    }
    map.on("popupclose", function (e) {
      if (e.popup !== popup || !openEv) return;
      highlight(openEv, false);
      openEv = null;
      map.fire("sortie:select", {id: null});
    });
    events.forEach(function (ev) { ev.openPopup = function () { openCard(ev); }; });
    opts.order.forEach(function (t) {
      groups[t].on("click", function (e) { if (e.layer._ev) openCard(e.layer._ev, e.latlng); });
      groups[t].on("mouseover", function (e) {
        if (!e.layer._ev || popup.isOpen()) return;
        tip.setLatLng(e.latlng).setContent(document.createTextNode(e.layer._ev.feature.properties.tip));
        map.openTooltip(tip);
      });
      groups[t].on("mouseout", function () { map.closeTooltip(tip); });
    });

    opts.order.forEach(function (t) {
      if (!counts[t]) return;
      groups[t].addTo(map);
      if (control) control.addOverlay(groups[t], opts.labels[t] + " (" + counts[t] + ")");
    });
    if (links.length) {
      linkGroup.addTo(map);
      if (control) control.addOverlay(linkGroup, "Links between related events");
    }
    // the borders of the countries that bomber approaches in view were aimed at
    if (opts.borders && opts.borders.length && Sortie.basemapData) {
      var wanted = {};
      opts.borders.forEach(function (c) { wanted[c] = true; });
      var borders = L.geoJSON({type: "FeatureCollection", features: Sortie.basemapData.features.filter(
        function (f) { return wanted[f.properties.iso_a3]; })},
        {style: function () { return opts.borderStyle; }, interactive: false, renderer: renderer});
      borders.addTo(map);
      borders.bringToBack();
      if (control) control.addOverlay(borders, "Approached countries' borders");
    }
    legend(map, opts, counts);

    var state = {events: events, links: links, renderer: renderer, w: Infinity, visible: events.length,
                 min: opts.start, max: opts.end, t: opts.end, timer: null};
    var tl = timeline(map, state, opts);
    window.sortieLayers = groups;
    window.sortieEvents = byId;
    window.sortieTimeline = tl;
    /* [id, start day, end day] of the events drawn now: type layer on, not hidden by the timeline */
    Sortie.visibleEvents = function () {
      return events.filter(function (ev) { return !ev._hidden && groups[ev.feature.properties.t]._map; })
        .map(function (ev) { var p = ev.feature.properties; return [p.id, p.d0, p.d1]; });
    };
    if (opts.t !== null && opts.t !== undefined) tl.set(opts.t, opts.w === null || opts.w === undefined ? Infinity : opts.w);
    if (opts.selected && byId[opts.selected]) {
      var sel = byId[opts.selected];
      if (!opts.view) map.panTo(sel.feature.properties.rp);
      sel.openPopup();
    }
    if (opts.permalink) permalink(map, tl);
    map.fire("sortie:ready", {count: events.length});
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

  Sortie.addEvents = function (map, source, opts, control) {
    // wait for the basemap so that events are drawn above the countries on the shared canvas
    return Promise.all([load(source), Sortie.basemapReady || Promise.resolve()])
      .then(function (r) { build(map, r[0], opts, control); })
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
