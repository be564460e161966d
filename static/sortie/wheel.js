/* The mouse wheel scrolls the page until the map is clicked: a map that slides under the cursor
 * while the reader scrolls must not zoom out (the dashboard's map sits mid-page). A wheel turn
 * over an idle map shows how to zoom; leaving the map gives the wheel back to the page.
 * Needs core.js. */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var HINT = "Click the map to zoom with the mouse wheel";

  Sortie.wheelAfterClick = function (map) {
    var box = map.getContainer(), hint = Sortie.el("div", "sortie-wheel-hint", HINT), timer = null;
    box.appendChild(hint);
    map.scrollWheelZoom.disable();
    function arm() {
      map.scrollWheelZoom.enable();
      hint.classList.remove("sortie-wheel-hint-on");
    }
    map.on("click mousedown focus", arm);
    box.addEventListener("mouseleave", function () { map.scrollWheelZoom.disable(); });
    box.addEventListener("wheel", function () {
      if (map.scrollWheelZoom.enabled()) return;
      hint.classList.add("sortie-wheel-hint-on");
      clearTimeout(timer);
      timer = setTimeout(function () { hint.classList.remove("sortie-wheel-hint-on"); }, 1200);
    }, {passive: true});
  };
})();
