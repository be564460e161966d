/* The permalink: the map view, timeline position and open event kept in the page's URL (the app's
 * page, around the map's iframe), and a button that copies a link to this view. Needs core.js. */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var el = Sortie.el;
  var LINK_KEYS = ["view", "t", "w", "event"];
  var selectedId = null;

  var chosenView = null;  // [center, zoom] as the user left it: a card's auto-pan does not move the link

  function linkParams(map, tl) {
    var c = chosenView ? chosenView[0] : map.getCenter(), s = tl.state();
    var zoom = chosenView ? chosenView[1] : map.getZoom();
    var lng = ((c.lng + 540) % 360) - 180;  // worldCopyJump lets longitudes run past 180
    return {view: c.lat.toFixed(3) + "," + lng.toFixed(3) + "," + zoom,
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
    var svg = Sortie.svg("svg", {viewBox: "0 0 24 24", width: "16", height: "16"});
    svg.appendChild(Sortie.svg("path", {
      d: "M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1 M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1",
      fill: "none", stroke: "currentColor", "stroke-width": "2.2", "stroke-linecap": "round"}));
    return svg;
  }

  /* The copy-link button (top left); the link is also shown selected, for Ctrl+C without clipboard access. */
  function linkButton(map, tl) {
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
  }

  /* tl: the timeline's handle. Sets Sortie.currentLink. */
  Sortie.permalink = function (map, tl) {
    var pending = null;
    function write() {
      clearTimeout(pending);
      pending = setTimeout(function () {
        try {
          window.parent.history.replaceState(window.parent.history.state, "", pageUrl(linkParams(map, tl)));
        } catch (e) { /* a page that does not let us touch its URL: the copy button still works */ }
      }, 250);
    }
    chosenView = [map.getCenter(), map.getZoom()];  // the view the map opened with
    var autoPanning = false;
    map.on("autopanstart", function () { autoPanning = true; });  // a card making room for itself
    map.on("moveend", function () {
      if (autoPanning) { autoPanning = false; return; }
      chosenView = [map.getCenter(), map.getZoom()];
      write();
    });
    map.on("sortie:time", write);
    map.on("sortie:select", function (e) { selectedId = e.id; write(); });
    var ctl = L.control({position: "topleft"});
    ctl.onAdd = function () { return linkButton(map, tl); };
    ctl.addTo(map);
    Sortie.currentLink = function () { return pageUrl(linkParams(map, tl)); };
  };
})();
