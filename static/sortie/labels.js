/* Names of seas and straits as an overlay of non-interactive labels. Needs core.js. */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});

  /* source: [[name, lat, lon, fontPx], ...] or its URL; name: the layer control's label. */
  Sortie.addLabels = function (map, source, control, name) {
    var group = L.layerGroup();
    if (control) control.addOverlay(group, name);
    return Sortie.load(source).then(function (rows) {
      rows.forEach(function (r) {
        var div = Sortie.el("div", "sortie-sea-label", r[0]);
        div.style.fontSize = r[3] + "px";
        group.addLayer(L.marker([r[1], r[2]], {interactive: false, keyboard: false,
          icon: L.divIcon({html: div, className: "sortie-sea-label-icon", iconSize: [160, 20], iconAnchor: [80, 10]})}));
      });
    });
  };
})();
