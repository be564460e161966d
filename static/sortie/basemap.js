/* The offline base layers: country polygons drawn on canvas, light and dark, radio choices
 * beside the tile layers. Needs core.js. Sortie.basemapData keeps the countries for events.js (approached borders). */
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

  /* The pane of the offline base: above tile layers (one or the other is on), below the names
   * (names.js) and every overlay, so that shapes, markers and events are drawn over both. */
  Sortie.BASE_PANE = "sortieBasemap";

  /* source: the GeoJSON or its URL; themes: [{theme, name, style, sea}], one base layer each
   * (the first is shown), with Leaflet path options and the sea colour behind it. The map's
   * sortieTheme ("light", "dark", or null under an online tile layer) follows the layer
   * control, and a "sortietheme" event tells the names to change colour. */
  Sortie.addBasemap = function (map, source, themes, control) {
    var pane = map.getPane(Sortie.BASE_PANE) || map.createPane(Sortie.BASE_PANE);
    pane.style.zIndex = 350;
    var renderer = L.canvas({padding: 0.3, pane: Sortie.BASE_PANE});
    var layers = themes.map(function (t) {
      var layer = L.geoJSON(null, {style: function () { return t.style; }, interactive: false,
                                   pane: Sortie.BASE_PANE, renderer: renderer});
      layer.sortieTheme = t.theme;
      layer.sortieSea = t.sea;
      return layer;
    });
    function setTheme(layer) {
      map.sortieTheme = layer && layer.sortieTheme || null;
      // the sea is the container's background: the stylesheet's light one unless a theme says otherwise
      map.getContainer().style.background = layer && layer.sortieSea && layer !== layers[0] ? layer.sortieSea : "";
      map.fire("sortietheme", {theme: map.sortieTheme});
    }
    map.on("baselayerchange", function (e) { setTheme(e.layer); });
    layers[0].addTo(map);
    setTheme(layers[0]);
    if (control) layers.forEach(function (layer, k) { control.addBaseLayer(layer, themes[k].name); });
    Sortie.basemapLayers = layers;
    Sortie.basemapReady = Sortie.load(source).then(function (data) {
      Sortie.basemapData = data;
      var copies = Sortie.worldCopies(data);
      layers.forEach(function (layer) { layer.addData(copies); });
    })
      .catch(function (e) { Sortie.showError(map, "Could not load the basemap: " + e.message); });
    return Sortie.basemapReady;
  };
})();
