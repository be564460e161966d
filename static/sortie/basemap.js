/* The offline base layer: country polygons drawn on canvas, a radio choice beside the tile layers.
 * Needs core.js. Sortie.basemapData keeps the countries for events.js (approached borders). */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});

  /* source: the GeoJSON or its URL; style: Leaflet path options; name: the layer control's label. */
  Sortie.addBasemap = function (map, source, style, control, name) {
    var layer = L.geoJSON(null, {style: function () { return style; }, interactive: false,
                                 renderer: L.canvas({padding: 0.3})});
    layer.addTo(map);
    if (control) control.addBaseLayer(layer, name);
    Sortie.basemapReady = Sortie.load(source).then(function (data) {
      Sortie.basemapData = data;
      layer.addData(data);
      layer.bringToBack();
    })
      .catch(function (e) { Sortie.showError(map, "Could not load the basemap: " + e.message); });
    return Sortie.basemapReady;
  };
})();
