/* The legend (bottom left): each event type on the map with its glyph and count, then the cues:
 * the ring of each coarse geo precision, inferred routes, links, approached borders. Needs core.js. */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var el = Sortie.el;
  var LINE_CUES = [["sortie-cue-inferred", "route inferred between named places"], ["sortie-cue-link", "related events"],
                   ["sortie-cue-border", "approached country's border"]];

  function typeRow(t, opts, count) {
    var row = el("div", "sortie-legend-row");
    var svg = Sortie.svg("svg", {viewBox: "0 0 24 24", "class": "sortie-legend-icon"});
    svg.appendChild(Sortie.svg("path", {d: opts.icons[t], fill: opts.colors[t], "fill-rule": "evenodd",
                                        stroke: "#fff", "stroke-width": "1.5"}));
    row.appendChild(svg);
    row.appendChild(el("span", null, opts.labels[t] + " "));
    row.appendChild(el("b", null, String(count)));
    return row;
  }

  /* [css class, text] of each cue; a precision's ring cue is styled by its ring (sortie-cue-ring-dashed...). */
  function cues(opts) {
    var rings = opts.precisions.filter(function (p) { return p.ring; })
      .map(function (p) { return ["sortie-cue-ring-" + p.ring, p.label]; });
    return rings.concat(LINE_CUES);
  }

  /* counts: events per type name; types with none are left out. */
  Sortie.legend = function (map, opts, counts) {
    var ctl = L.control({position: "bottomleft"});
    ctl.onAdd = function () {
      var div = L.DomUtil.create("div", "sortie-legend");
      div.appendChild(el("div", "sortie-legend-title", "Events"));
      opts.order.forEach(function (t) { if (counts[t]) div.appendChild(typeRow(t, opts, counts[t])); });
      var box = el("div", "sortie-legend-cues");
      cues(opts).forEach(function (c) {
        var r = el("div");
        r.appendChild(el("span", "sortie-cue " + c[0]));
        r.appendChild(document.createTextNode(c[1]));
        box.appendChild(r);
      });
      div.appendChild(box);
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    ctl.addTo(map);
  };
})();
