/* The page's filters, applied where the data is. Needs core.js.
 *
 * The app's map holds every event of one store revision, fetched once. What the sidebar's
 * filters keep reaches it as a selection (maps/selection.py): {sortie: "select", key, n, keep,
 * start, end, borders, bounds}, where keep is one bit per event (gzip'd, base64), start/end the
 * timeline's days, borders the approached countries' day ranges and bounds the kept events'
 * extent. The page (ui/map_view.py) posts it to the map's frame from this origin and also leaves
 * it on its own window (window.sortieSelection), for a map that loads after it was sent. A filter
 * change then hides and shows events the way the timeline does: nothing is rebuilt or re-fetched.
 * A selection for another map or another revision (key) is ignored.
 */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});

  /* The selection's keep bits as one byte per event (1 = kept). */
  function unpackBits(sel) {
    return Sortie.loadPacked({b64: sel.keep}).then(function (buf) {
      var bytes = new Uint8Array(buf), keep = new Uint8Array(sel.n);
      for (var i = 0; i < sel.n; i++) keep[i] = (bytes[i >> 3] >> (i & 7)) & 1;
      return keep;
    });
  }

  function fits(sel, key) {
    return !!sel && sel.sortie === "select" && sel.key === key && typeof sel.keep === "string";
  }

  /* The selection the page left for this map before it loaded, decoded, or null. */
  function waiting(key) {
    var sel = null;
    try { sel = window.parent !== window ? window.parent.sortieSelection : null; } catch (e) { /* another origin */ }
    return fits(sel, key) ? unpackBits(sel).then(function (keep) { return {sel: sel, keep: keep}; })
      : Promise.resolve(null);
  }

  /* Sortie.selection(opts.selection): {first: Promise of the waiting selection (or null), listen(apply)}:
   * apply(sel, keep) runs for every later selection, the last sent winning. The caller checks sel.n. */
  Sortie.selection = function (key) {
    return {
      first: key ? waiting(key) : Promise.resolve(null),
      listen: function (apply) {
        if (!key || window.location.origin === "null") return;  // a standalone file: no page to listen to
        var latest = 0;
        window.addEventListener("message", function (e) {
          if (e.origin !== window.location.origin || !fits(e.data, key)) return;
          var seq = ++latest, sel = e.data;
          unpackBits(sel).then(function (keep) { if (seq === latest) apply(sel, keep); });
        });
      }
    };
  };
})();
