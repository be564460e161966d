/* Events without a mouse, and from outside the map. Needs core.js.
 *
 * The canvas draws events as pixels, which a keyboard cannot reach: one focusable control (a Tab
 * stop under the link button) walks the events in view in date order with the arrow keys, rings
 * the current one on the map and names it, and opens its card with Enter. The same opening is
 * offered to the page around the map: a message {sortie: "open", id} from this page's origin
 * (the events table under the map sends one when a row is selected) flies to the event and
 * opens its card, without rebuilding the map.
 */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var el = Sortie.el;
  var MAX_IN_VIEW = 2000;  // the walk's length; a wider view is narrowed by zooming in
  var HINT = "←/→ previous or next event in view, Enter opens its card, Esc closes it";

  /* Indices of the visible events inside the view, by start day then position west to east. */
  function inView(map, layer) {
    var d = layer.d, size = map.getSize(), out = [];
    for (var i = 0; i < layer.n && out.length < MAX_IN_VIEW; i++) {
      if (!layer.visible(i)) continue;
      var p = map.latLngToContainerPoint(Sortie.nearLatLng(map, d.lat[i], d.lon[i]));
      if (p.x >= 0 && p.y >= 0 && p.x <= size.x && p.y <= size.y) out.push([d.d0[i], p.x, i]);
    }
    out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return out.map(function (r) { return r[2]; });
  }

  /* openCard: cards.js's opener (index, latlng); fly: (index) -> the latlng it flew to. */
  function walker(map, layer, openCard, fly) {
    var d = layer.d, order = [], at = -1;
    var pane = map.getPane("sortieFocus") || map.createPane("sortieFocus");
    pane.style.zIndex = 460;  // above the events' canvas (450)
    var ring = L.circleMarker([0, 0], {radius: 17, color: "#111", weight: 3, fill: false, interactive: false,
                                        className: "sortie-focus-ring", pane: "sortieFocus",
                                        renderer: L.svg({pane: "sortieFocus"})});
    var div = L.DomUtil.create("div", "leaflet-bar sortie-keys");
    div.tabIndex = 0;
    div.setAttribute("role", "application");
    div.setAttribute("aria-label", "Events on the map. " + HINT);
    div.title = "Events by keyboard: Tab here, then " + HINT;
    var icon = el("span", "sortie-keys-icon", "⌨");
    icon.setAttribute("aria-hidden", "true");
    var say = el("div", "sortie-keys-say");
    say.setAttribute("aria-live", "polite");
    div.appendChild(icon);
    div.appendChild(say);
    L.DomEvent.disableClickPropagation(div);

    function latlng(i) { return Sortie.nearLatLng(map, d.lat[i], d.lon[i]); }
    function show() {
      if (at < 0 || at >= order.length) {
        map.removeLayer(ring);
        say.textContent = order.length ? order.length + " events in view. " + HINT
          : "No events in view: zoom out or widen the timeline's window.";
        return;
      }
      var i = order[at];
      ring.setLatLng(latlng(i));
      if (!map.hasLayer(ring)) ring.addTo(map);
      var of = order.length < MAX_IN_VIEW ? String(order.length) : "the first " + MAX_IN_VIEW + " in view (zoom in for the rest)";
      say.textContent = (at + 1) + " of " + of + ": " + d.tip[i];
    }
    function refresh() {
      if (document.activeElement !== div) return;  // walked only while it has focus: a timeline tick stays cheap
      var current = at >= 0 ? order[at] : -1;
      order = inView(map, layer);
      at = order.indexOf(current);
      show();
    }
    L.DomEvent.on(div, "focus", function () { div.classList.add("sortie-keys-on"); refresh(); });
    L.DomEvent.on(div, "blur", function () { div.classList.remove("sortie-keys-on"); map.removeLayer(ring); });
    L.DomEvent.on(div, "keydown", function (e) {
      var k = e.key, n = order.length;
      if (k === "ArrowRight" || k === "ArrowDown") at = n ? (at + 1) % n : -1;
      else if (k === "ArrowLeft" || k === "ArrowUp") at = n ? (at - 1 + n) % n : -1;
      else if (k === "Home") at = n ? 0 : -1;
      else if (k === "End") at = n - 1;
      else if ((k === "Enter" || k === " ") && at >= 0) openCard(order[at], latlng(order[at]));
      else if (k === "Escape") map.closePopup();
      else return;  // Tab and everything else keep their meaning
      L.DomEvent.preventDefault(e);
      L.DomEvent.stopPropagation(e);  // arrows walk events here, they do not pan the map
      show();
    });
    map.on("moveend sortie:time overlayadd overlayremove", refresh);
    var ctl = L.control({position: "topleft"});
    ctl.onAdd = function () { return div; };
    ctl.addTo(map);
    return {fly: fly};
  }

  /* Sortie.keyboard(map, layer, openCard): the keyboard walk, and the page's "open this event". */
  Sortie.keyboard = function (map, layer, openCard) {
    function fly(i) {
      var to = Sortie.nearLatLng(map, layer.d.lat[i], layer.d.lon[i]);
      map.setView(to, Math.max(map.getZoom(), 5), {animate: false});
      return to;
    }
    walker(map, layer, openCard, fly);
    if (window.location.origin === "null") return;  // a standalone file: no page around it to listen to
    window.addEventListener("message", function (e) {
      var m = e.data;
      if (e.origin !== window.location.origin || !m || m.sortie !== "open" || typeof m.id !== "string") return;
      var i = layer.index[m.id];
      if (i === undefined) return;
      if (layer.hidden[i]) window.sortieTimeline && window.sortieTimeline.set(layer.d.d1[i], Infinity);
      openCard(i, fly(i));
    });
  };
})();
