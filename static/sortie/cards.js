/* The event card: one popup and one tooltip shared by all events. Needs core.js.
 * Card details load on the first click (they are most of the bytes); the DOM is built with
 * textContent only. */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var el = Sortie.el;

  function names(codes, opts) {
    return (codes || []).map(function (c) { return opts.names[c] || c; }).join(", ");
  }

  /* Event i's fields for its card: drawing columns d and card row r. */
  function props(i, d, r, opts) {
    return {t: opts.order[d.t[i]], dt: r[0], a: r[1], o: r[2], p: r[3], as: r[4], ev: r[5], sn: r[6], su: r[7],
            pub: r[8], st: r[9], mo: r[10], km: d.km[i], gp: opts.precisions[d.gp[i]], inf: d.inf[i]};
  }

  /* The report's source: a link if it has a web address, then its date. */
  function source(p) {
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
    return src;
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
    row("Reported as", p.mo);  // only for activity the report gave as planned, hypothetical or denied
    row("Who", names(p.a, opts) || "—");
    row("Towards", names(p.o, opts) || "—");
    row("Where", (p.p || []).join(" → ") || "—");
    row("Assets", (p.as || []).join("; "));
    if (p.km !== null && p.km !== undefined) row("Closest approach", p.km + " km");
    var how = p.inf === 1 ? " (route between named places inferred)"
      : p.inf === 2 ? " (no place named: drawn on the approached border, nearest the acting country)" : "";
    if (p.gp) row("Location", p.gp.name + " precision" + how);
    d.appendChild(tb);
    if (p.ev) d.appendChild(el("blockquote", null, p.ev));
    d.appendChild(source(p));
    if (nRelated) d.appendChild(el("div", "sortie-card-related", nRelated + " related event(s) highlighted"));
    return d;
  }

  /* Cards and tooltips for the events of an EventCanvas; cards: their pack file (embedded or a URL).
   * Returns openCard(index, latlng?), which also highlights the event's related events. */
  Sortie.cardPopup = function (map, layer, opts, cards) {
    var d = layer.d, popup = L.popup({
      maxWidth: 380, maxHeight: Math.max(220, map.getSize().y - 170),  // scrolls rather than run under the timeline
      autoPanPaddingTopLeft: [56, 10], autoPanPaddingBottomRight: [60, 100]}), tip = L.tooltip({direction: "top", offset: [0, -10]});
    var open = -1, details = null;
    function withCards(fn) {
      if (details) return fn(details);
      Sortie.loadCards(cards).then(function (c) { details = c; fn(c); })
        .catch(function (e) { popup.setContent(el("div", "sortie-error", "Could not load the card: " + e.message)); });
    }
    function setHighlight(i, on) {
      (layer.related[i] || []).forEach(function (j) { if (on) layer.highlight[j] = 1; else delete layer.highlight[j]; });
      layer.redraw();
    }
    function openCard(i, latlng) {
      map.closeTooltip(tip);
      if (open >= 0) setHighlight(open, false);
      open = i;
      popup.setLatLng(latlng || Sortie.nearLatLng(map, d.lat[i], d.lon[i])).setContent(el("div", null, "…")).openOn(map);
      withCards(function (c) {
        if (open === i) popup.setContent(card(props(i, d, c[i], opts), opts, (layer.related[i] || []).length));
      });
      setHighlight(i, true);
      map.fire("sortie:select", {id: d.id[i]});
    }
    map.on("popupclose", function (e) {
      if (e.popup !== popup || open < 0) return;
      setHighlight(open, false);
      open = -1;
      map.fire("sortie:select", {id: null});
    });
    layer.on("eventclick", function (e) { openCard(e.index, e.latlng); });
    layer.on("eventhover", function (e) {
      if (popup.isOpen() || (e.index < 0 && !e.bin)) return map.closeTooltip(tip);
      if (e.index < 0) tip.setLatLng(e.latlng).setContent(document.createTextNode(e.bin));  // a density cell
      else tip.setLatLng([d.lat[e.index], d.lon[e.index]]).setContent(document.createTextNode(d.tip[e.index]));
      map.openTooltip(tip);
    });
    return openCard;
  };
})();
