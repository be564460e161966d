/* Air defence identification zones, disputed islands and where routes enter a zone, as one
 * overlay that is off by default. Needs core.js and basemap.js (Sortie.worldCopies).
 *
 * Zones are dashed outlines under the events (their own canvas pane) with their names; a
 * disputed island is a hollow diamond with both names; an entry is a small ring on the boundary
 * ("enters KADIZ") that opens the event's card when clicked, shown only while that event is
 * drawn (type switched on, in the timeline's window). Colours follow the offline base's light
 * or dark theme. Every name is set with textContent.
 */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var COPIES = [-360, 0, 360];  // Leaflet draws vectors and markers once: one copy per world
  var FONT = "600 11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

  function pane(map, name, z) {
    var p = map.getPane(name) || map.createPane(name);
    p.style.zIndex = z;
    return p;
  }

  function halo(color) { return "0 0 3px " + color + ", 0 0 3px " + color + ", 0 0 2px " + color; }

  /* A name: non-interactive text centred on its point, or starting ``east`` px east of it. */
  function textIcon(text, cls, east) {
    var div = Sortie.el("div", cls, text), s = div.style;
    s.font = FONT; s.whiteSpace = "nowrap"; s.pointerEvents = "none";
    s.transform = east ? "translate(" + east + "px, -50%)" : "translate(-50%, -50%)";
    return {icon: L.divIcon({html: div, className: "sortie-zone-label-icon", iconSize: [0, 0], iconAnchor: [0, 0]}),
            text: div};
  }

  /* A disputed island's symbol: a hollow diamond with a dot, unlike any event glyph. */
  function islandIcon() {
    var svg = Sortie.svg("svg", {width: 14, height: 14, viewBox: "0 0 14 14", "class": "sortie-island"});
    svg.appendChild(Sortie.svg("path", {d: "M7 1 L13 7 L7 13 L1 7 Z", "stroke-width": 2}));
    svg.appendChild(Sortie.svg("circle", {cx: 7, cy: 7, r: 1.6}));
    return L.divIcon({html: svg, className: "sortie-island-icon", iconSize: [14, 14], iconAnchor: [7, 7]});
  }

  /* Hide the names that would overlap a name placed before them (islands first, then zones);
   * symbols, outlines and tooltips stay. Names are few (tens), so a pairwise test is enough. */
  function declutter(map, labels) {
    var placed = [], size = map.getSize();
    labels.forEach(function (l) {
      var p = map.latLngToContainerPoint(l.marker.getLatLng()), w = l.text.textContent.length * 6.4, h = 14;
      var box = l.east ? [p.x + l.east, p.y - h / 2, p.x + l.east + w, p.y + h / 2]
        : [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
      var onScreen = box[2] > -200 && box[0] < size.x + 200 && box[3] > -50 && box[1] < size.y + 50;
      var clash = onScreen && placed.some(function (b) {
        return box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1];
      });
      l.text.style.visibility = clash ? "hidden" : "";
      if (onScreen && !clash) placed.push(box);
    });
  }

  /* The entries' markers: built once, added and removed as their events are shown and hidden. */
  function entryLayer(map, entries, zones) {
    var group = L.layerGroup(), renderer = L.canvas({pane: "sortieZoneMarks", padding: 0.2});
    var markers = entries.map(function (e) {
      var zone = zones[e[2]] ? zones[e[2]].properties.name : "a zone";
      return COPIES.map(function (dx) {
        var m = L.circleMarker([e[0], e[1] + dx], {renderer: renderer, radius: 4.5, weight: 2, fillOpacity: 1,
                                                   opacity: 1});
        m.bindTooltip(function () { return Sortie.el("span", "sortie-zone-entry", "enters " + zone); },
                      {direction: "top", offset: [0, -4]});
        m.on("click", function () {
          var ev = window.sortieEvents && window.sortieEvents[e[3]];
          if (ev) ev.openPopup();
        });
        return m;
      });
    });
    var shown = entries.map(function () { return false; }), frame = null;
    function sync() {
      frame = null;
      if (!map.hasLayer(group)) return;
      entries.forEach(function (e, i) {
        var want = !Sortie.isVisible || Sortie.isVisible(e[3]);  // per entry: a tick must not list 100k events
        if (want === shown[i]) return;
        shown[i] = want;
        markers[i].forEach(function (m) { if (want) group.addLayer(m); else group.removeLayer(m); });
      });
    }
    group.sync = function () { if (!frame) frame = L.Util.requestAnimFrame(sync); };
    group.restyle = function (look) {
      markers.forEach(function (ms) { ms.forEach(function (m) { m.setStyle({color: look.line.color, fillColor: look.fill}); }); });
    };
    group.on("add", function () {
      shown = entries.map(function () { return false; });
      group.clearLayers();
      group.sync();
    });
    map.on("sortie:ready sortie:time overlayadd overlayremove", group.sync);
    return group;
  }

  /* source: {zones: FeatureCollection, labels: [[name, lat, lon]], islands: [[label, lat, lon, tooltip]]}
   * or its URL; entries: [[lat, lon, zone index, event id]] or its URL; looks: {light, dark}, each
   * {line: Leaflet path options, text, halo, fill}; name: the layer control's label. */
  Sortie.addZones = function (map, source, entries, looks, control, name) {
    var group = L.layerGroup();
    if (control) control.addOverlay(group, name);
    pane(map, "sortieZones", 420);       // above the offline base and the overlay pane, under the events (450)
    pane(map, "sortieZoneLabels", 430);  // names over the outlines, under the events: a name never hides a glyph
    pane(map, "sortieZoneMarks", 460);   // entries above the events' routes, under markers and tooltips
    return Promise.all([Sortie.load(source), Sortie.load(entries)]).then(function (r) {
      var data = r[0], rows = r[1], zones = data.zones.features, labels = [], islands = [];
      var look = function () { return looks[map.sortieTheme] || looks.light; };
      var outlines = L.geoJSON(Sortie.worldCopies(data.zones), {
        renderer: L.canvas({pane: "sortieZones", padding: 0.3}), interactive: false,
        style: function (f) {
          var line = look().line;
          return f.properties.partial ? L.extend({}, line, {dashArray: "2 5", fill: false}) : line;
        },
      });
      group.addLayer(outlines);
      var named = function (row, cls, east) {
        COPIES.forEach(function (dx) {
          var ic = textIcon(row[0], cls, east);
          var m = L.marker([row[1], row[2] + dx], {icon: ic.icon, interactive: false, keyboard: false,
                                                   pane: "sortieZoneLabels"});
          group.addLayer(m);
          labels.push({marker: m, text: ic.text, east: east});
        });
      };
      data.islands.forEach(function (row) {
        COPIES.forEach(function (dx) {
          var m = L.marker([row[1], row[2] + dx], {icon: islandIcon(), keyboard: false});
          m.bindTooltip(function () { return Sortie.el("div", "sortie-island-tip", row[0] + " · " + row[3]); },
                        {direction: "top", offset: [0, -8]});
          group.addLayer(m);
          islands.push(m);
        });
        named(row, "sortie-island-label", 10);
      });
      data.labels.forEach(function (row, k) {
        named(row, "sortie-zone-label", zones[k] && zones[k].properties.partial ? 6 : 0);
      });
      var marks = entryLayer(map, rows, zones);
      group.addLayer(marks);

      /* Colours of the current theme on everything the layer drew (markers build their icons on add). */
      function restyle() {
        var lk = look();
        outlines.setStyle(function (f) {
          return f.properties.partial ? L.extend({}, lk.line, {dashArray: "2 5", fill: false}) : lk.line;
        });
        labels.forEach(function (l) { l.text.style.color = lk.text; l.text.style.textShadow = halo(lk.halo); });
        islands.forEach(function (m) {
          var el = m.getElement();
          if (!el) return;
          el.querySelector("path").setAttribute("fill", lk.fill);
          el.querySelector("path").setAttribute("stroke", lk.line.color);
          el.querySelector("circle").setAttribute("fill", lk.line.color);
        });
        marks.restyle(lk);
      }
      var tidy = function () { if (map.hasLayer(group)) declutter(map, labels); };
      map.on("zoomend moveend", tidy);
      map.on("sortietheme", function () { if (map.hasLayer(group)) restyle(); });
      group.on("add", function () { restyle(); L.Util.requestAnimFrame(tidy); });
      restyle();
      if (map.hasLayer(group)) { tidy(); marks.sync(); }
      Sortie.zones = {group: group, outlines: outlines, entries: marks, labels: labels, islands: islands,
                      data: data, rows: rows};
    }).catch(function (e) { Sortie.showError(map, "Could not load the zones: " + e.message); });
  };
})();
