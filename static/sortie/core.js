/* Sortie's map scripts for Leaflet 1.9: the shared namespace and helpers. Loaded first.
 *
 * The map's code is a few plain scripts, each an IIFE that reads and extends window.Sortie,
 * loaded in this order (each folium element of maps/ declares the ones it needs):
 *   core.js           this file: el, svg, load, dayText, showError
 *   basemap.js        Sortie.addBasemap: the offline country polygons
 *   labels.js         Sortie.addLabels: names of seas and straits
 *   canvas.js         Sortie.EventCanvas: every event on one canvas, and hit tests
 *   canvas-draw.js    Sortie.draw: the steps of one canvas redraw (frame, links, icons, labels)
 *   canvas-shapes.js  ... and of its routes and areas
 *   cards.js          Sortie.cardPopup: the event card and tooltip
 *   legend.js         Sortie.legend
 *   timeline.js       Sortie.timeline: slider, window and playback
 *   permalink.js      Sortie.permalink: the page URL and the copy-link button
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

  /* Day numbers (days since 1970-01-01, as in the payload) and ISO dates. */
  Sortie.dayText = function (d) {
    return new Date(d * DAY_MS).toISOString().slice(0, 10);
  };
  Sortie.dayOf = function (iso) {
    return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS);
  };

  /* source: the data object itself, or the URL of a JSON file holding it. */
  Sortie.load = function (source) {
    return typeof source === "string"
      ? fetch(source).then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
      : Promise.resolve(source);
  };

  /* A message in the map's top right corner, for data that could not be loaded. */
  Sortie.showError = function (map, message) {
    var ctl = L.control({position: "topright"});
    ctl.onAdd = function () { return Sortie.el("div", "sortie-error", message); };
    ctl.addTo(map);
  };
})();
