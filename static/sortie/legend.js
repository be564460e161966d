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
    var n = el("b", "sortie-legend-count", String(count));
    n.dataset.type = t;
    row.appendChild(n);
    return row;
  }

  /* [css class, text] of each cue; a precision's ring cue is styled by its ring (sortie-cue-ring-dashed...). */
  function cues(opts, total) {
    var rings = opts.precisions.filter(function (p) { return p.ring; })
      .map(function (p) { return ["sortie-cue-ring-" + p.ring, p.label]; });
    var hex = total > Sortie.draw.ICON_LIMIT  // the density view can show (canvas-density.js)
      ? [["sortie-cue-hex", "many events: a hexagon per cell in its most frequent type's colour, darker for "
                            + "more (2–9, 10–99, 100–999, 1,000+); click to zoom in"]] : [];
    return hex.concat(rings, LINE_CUES);
  }

  var COLLAPSED = "sortie-legend-collapsed";

  function remembered(map) {
    try {
      var v = window.sessionStorage.getItem(COLLAPSED);
      if (v !== null) return v === "1";
    } catch (e) { /* storage blocked: decide by size */ }
    return map.getSize().y < 450;  // a small map (the Ingest page's) starts with its legend folded
  }

  /* counts: events per type name (types with none are left out); layer: for the counts in the
   * timeline's window. The title folds the legend away (remembered for the session), so it
   * never has to cover a card or a route's end. Returns {update(counts), reset(counts), card(open), clear(points)}. */
  Sortie.legend = function (map, opts, counts) {
    var ctl = L.control({position: "bottomleft"}), div, body, box, fold, heldOpen = false;
    ctl.onAdd = function () {
      div = L.DomUtil.create("div", "sortie-legend");
      var title = el("button", "sortie-legend-title", "Events");
      title.type = "button";
      title.title = "Show or hide the legend";
      div.appendChild(title);
      body = el("div", "sortie-legend-body");
      opts.order.forEach(function (t) { if (counts[t]) body.appendChild(typeRow(t, opts, counts[t])); });
      box = el("div", "sortie-legend-cues");
      var total = Object.keys(counts).reduce(function (a, k) { return a + counts[k]; }, 0);
      cues(opts, total).forEach(function (c) {
        var r = el("div");
        r.appendChild(el("span", "sortie-cue " + c[0]));
        r.appendChild(document.createTextNode(c[1]));
        box.appendChild(r);
      });
      body.appendChild(box);
      div.appendChild(body);
      fold = function (on) {
        div.classList.toggle(COLLAPSED, on);
        title.setAttribute("aria-expanded", on ? "false" : "true");
      };
      fold(remembered(map));
      L.DomEvent.on(title, "click", function () {
        var on = !div.classList.contains(COLLAPSED);
        heldOpen = false;
        fold(on);
        try { window.sessionStorage.setItem(COLLAPSED, on ? "1" : "0"); } catch (e) { /* not kept */ }
      });
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    ctl.addTo(map);
    return {
      /* a card is open (true) or closed: the legend folds out of its way while it is, and comes
       * back if it was open before */
      card: function (open) {
        if (open && !div.classList.contains(COLLAPSED)) { heldOpen = true; fold(true); }
        else if (!open && heldOpen) { heldOpen = false; fold(false); }
      },
      /* fold away if it covers any of these container points (the fitted view's events) */
      clear: function (points) {
        if (div.classList.contains(COLLAPSED)) return;
        var box = div.getBoundingClientRect(), top = map.getContainer().getBoundingClientRect();
        var hit = points.some(function (p) {
          var x = p[0] + top.left, y = p[1] + top.top;
          return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
        });
        if (hit) fold(true);
      },
      /* the page's filters changed: a row per type they keep, counted anew */
      reset: function (kept) {
        counts = kept;
        body.querySelectorAll(".sortie-legend-row").forEach(function (r) { r.remove(); });
        opts.order.forEach(function (t) { if (counts[t]) body.insertBefore(typeRow(t, opts, counts[t]), box); });
      },
      /* the counts of the events the timeline shows now: "3 of 5" while part is hidden */
      update: function (now) {
        div.querySelectorAll(".sortie-legend-count").forEach(function (b) {
          var t = b.dataset.type, all = counts[t], n = now[t] || 0;
          b.textContent = n === all ? String(all) : n + " of " + all;
        });
      }
    };
  };
})();
