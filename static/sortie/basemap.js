/* The offline base layer: country polygons drawn on canvas, a radio choice beside the tile layers.
 * Needs core.js. Sortie.basemapData keeps the countries for events.js (approached borders). */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});

  function shift(coords, dx) {
    return typeof coords[0] === "number" ? [coords[0] + dx, coords[1]] : coords.map(function (c) { return shift(c, dx); });
  }

  /* The features again one world west and one world east: Leaflet draws vector layers once,
   * so a view across the antimeridian (the Bering Sea) or the wide view at zoom 0 showed open
   * sea beside the events, which the canvas draws on every copy of the world. */
  Sortie.worldCopies = function (data) {
    var out = [];
    [-360, 0, 360].forEach(function (dx) {
      data.features.forEach(function (f) {
        out.push(dx ? {type: "Feature", properties: f.properties,
                       geometry: {type: f.geometry.type, coordinates: shift(f.geometry.coordinates, dx)}} : f);
      });
    });
    return {type: "FeatureCollection", features: out};
  };

  /* source: the GeoJSON or its URL; style: Leaflet path options; name: the layer control's label. */
  Sortie.addBasemap = function (map, source, style, control, name) {
    var layer = L.geoJSON(null, {style: function () { return style; }, interactive: false,
                                 renderer: L.canvas({padding: 0.3})});
    layer.addTo(map);
    if (control) control.addBaseLayer(layer, name);
    Sortie.basemapReady = Sortie.load(source).then(function (data) {
      Sortie.basemapData = data;
      layer.addData(Sortie.worldCopies(data));
      layer.bringToBack();
    })
      .catch(function (e) { Sortie.showError(map, "Could not load the basemap: " + e.message); });
    return Sortie.basemapReady;
  };
})();
