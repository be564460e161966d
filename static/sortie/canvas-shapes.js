/* Routes and areas on the event canvas: steps of a redraw (see canvas-draw.js for the frame `f`).
 *
 * Shapes of one type (and dash) share one path, so 30,000 of them are a few fills and strokes;
 * arrowheads of one type are one path too. Shapes wholly off the canvas are skipped.
 */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});

  /* The x origin of the copy of the world on which a shape is on the canvas (routes may run
   * past 180°), or null if it is on none. */
  function worldOrigin(sh, f) {
    var copies = [0, f.wx, -f.wx];
    for (var k = 0; k < 3; k++) {
      var o = f.ox - copies[k];
      if (sh.box[2] * f.scale - o >= 0 && sh.box[0] * f.scale - o <= f.w) return o;
    }
    return null;
  }

  /* Arrowheads [x, y, angle, ...] into arrows[key], midway along a route's segments long enough for one. */
  function addArrows(arrows, key, sh, f) {
    var scale = f.scale, sox = sh.sox, oy = f.oy;
    sh.parts.forEach(function (pt) {
      for (var m = 0; m + 3 < pt.length; m += 2) {
        var ax = pt[m] * scale - sox, ay = pt[m + 1] * scale - oy;
        var bx = pt[m + 2] * scale - sox, by = pt[m + 3] * scale - oy;
        if (Math.abs(bx - ax) + Math.abs(by - ay) < 30) continue;
        (arrows[key] = arrows[key] || []).push((ax + bx) / 2, (ay + by) / 2, Math.atan2(by - ay, bx - ax));
      }
    });
  }

  /* The visible shapes as one path per type (areas) or type and dash (routes, "i": inferred),
   * arrowheads per type, and the highlighted shapes; shapes wholly off the canvas are skipped. */
  function shapePaths(layer, f) {
    var d = layer.d, t = d.t, scale = f.scale, oy = f.oy;
    var out = {areas: {}, routes: {}, arrows: {}, wide: []};  // wide: highlighted, drawn on top
    layer.shapes.forEach(function (sh) {
      var i = sh.i;
      if (!f.vis[i] || sh.box[3] * scale - oy < 0 || sh.box[1] * scale - oy > f.h) return;
      var sox = sh.sox = worldOrigin(sh, f);
      if (sox === null) return;
      var key = sh.area ? t[i] : t[i] + (d.inf[i] ? "i" : ""), paths = sh.area ? out.areas : out.routes;
      var path = paths[key] = paths[key] || new Path2D();
      sh.parts.forEach(function (part) {
        path.moveTo(part[0] * scale - sox, part[1] * scale - oy);
        for (var m = 2; m < part.length; m += 2) path.lineTo(part[m] * scale - sox, part[m + 1] * scale - oy);
        if (sh.area) path.closePath();
      });
      if (layer.highlight[i]) out.wide.push(sh);
      if (!sh.area) addArrows(out.arrows, t[i], sh, f);
    });
    return out;
  }

  /* Filled arrowheads [x, y, angle, ...] of one colour, as one path: 60,000 of them stay cheap. */
  function arrowheads(ctx, list, s, fill) {
    ctx.beginPath();
    for (var k = 0; k < list.length; k += 3) {
      var x = list[k], y = list[k + 1], c = Math.cos(list[k + 2]), sn = Math.sin(list[k + 2]);
      ctx.moveTo(x + s * c, y + s * sn);
      ctx.lineTo(x - s * c - 0.8 * s * sn, y - s * sn + 0.8 * s * c);
      ctx.lineTo(x - 0.45 * s * c, y - 0.45 * s * sn);
      ctx.lineTo(x - s * c + 0.8 * s * sn, y - s * sn - 0.8 * s * c);
      ctx.closePath();
    }
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = "#fff";
    ctx.stroke();
    ctx.fillStyle = fill;
    ctx.fill();
  }

  /* Shaded areas, routes (inferred ones dashed), the open card's related shapes wide, arrowheads. */
  function shapes(layer, f, p) {
    var ctx = f.ctx, t = layer.d.t;
    for (var ak in p.areas) {
      ctx.globalAlpha = 0.14;
      ctx.fillStyle = layer.color(ak);
      ctx.fill(p.areas[ak]);
      ctx.globalAlpha = 0.8;
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = layer.color(ak);
      ctx.stroke(p.areas[ak]);
    }
    ctx.globalAlpha = 0.9;
    ctx.lineWidth = 3;
    for (var rk in p.routes) {
      ctx.strokeStyle = layer.color(parseInt(rk, 10));
      ctx.setLineDash(rk.indexOf("i") > 0 ? [8, 7] : []);
      ctx.stroke(p.routes[rk]);
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    p.wide.forEach(function (sh) {
      ctx.beginPath();
      sh.parts.forEach(function (part) {
        ctx.moveTo(part[0] * f.scale - sh.sox, part[1] * f.scale - f.oy);
        for (var m = 2; m < part.length; m += 2) ctx.lineTo(part[m] * f.scale - sh.sox, part[m + 1] * f.scale - f.oy);
      });
      ctx.lineWidth = 6;
      ctx.strokeStyle = layer.color(t[sh.i]);
      ctx.stroke();
    });
    for (var at in p.arrows) arrowheads(ctx, p.arrows[at], 7, layer.color(at));
  }

  var draw = (Sortie.draw = Sortie.draw || {});
  draw.shapePaths = shapePaths;
  draw.shapes = shapes;
})();
