/* The timeline (bottom right): a date slider, a window ("events on the date", "the last 7 days", ...),
 * play/pause and a speed. It hides events by flag on the EventCanvas and redraws it once per step.
 * Needs core.js. */
(function () {
  "use strict";
  var Sortie = (window.Sortie = window.Sortie || {});
  var el = Sortie.el;
  var WINDOWS = [[Infinity, "everything up to the date"], [0, "events on the date"], [6, "the last 7 days"],
                 [29, "the last 30 days"]];
  var SPEEDS = [[1, "1 day / step"], [7, "1 week / step"], [30, "1 month / step"]];

  function select(cls, choices) {
    var s = el("select", cls);
    choices.forEach(function (c, i) { var o = el("option", null, c[1]); o.value = i; s.appendChild(o); });
    return s;
  }

  /* The control's DOM; its widgets go into ui (play, slider, label, windowSel, speedSel). */
  function controls(state, ui, api) {
    var div = L.DomUtil.create("div", "sortie-timeline");
    ui.play = el("button", "sortie-tl-play", "▶");
    ui.play.type = "button";
    ui.play.title = "Play / pause";
    ui.slider = el("input", "sortie-tl-slider");
    ui.slider.type = "range";
    ui.slider.min = state.min;
    ui.slider.max = state.max;
    ui.slider.step = 1;
    ui.slider.value = state.t;
    ui.label = el("span", "sortie-tl-date");
    ui.windowSel = select("sortie-tl-window", WINDOWS);
    ui.speedSel = select("sortie-tl-speed", SPEEDS);
    ui.speedSel.value = state.max - state.min > 400 ? 1 : 0;
    var top = el("div", "sortie-tl-row");
    top.appendChild(ui.play);
    top.appendChild(ui.slider);
    div.appendChild(top);
    var bottom = el("div", "sortie-tl-row sortie-tl-small");
    [ui.label, el("span", null, " show "), ui.windowSel, ui.speedSel].forEach(function (e) { bottom.appendChild(e); });
    div.appendChild(bottom);
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    L.DomEvent.on(ui.slider, "input", function () { api.pause(); api.set(+ui.slider.value); });
    L.DomEvent.on(ui.windowSel, "change", function () { api.set(state.t, WINDOWS[+ui.windowSel.value][0]); });
    L.DomEvent.on(ui.play, "click", function () { state.timer ? api.pause() : api.play(); });
    return div;
  }

  function label(state, ui) {
    var when = (state.w === Infinity ? "up to " : "") + Sortie.dayText(state.t);
    ui.label.textContent = when + " · " + state.visible + " shown";
  }

  /* Shows the events of the window [t - w, t] of state.layer (those its filters keep) and redraws it. */
  function setTime(state, ui, t, w) {
    state.t = Math.max(state.min, Math.min(state.max, t));
    if (w !== undefined) state.w = w;
    var lo = state.t - state.w, n = 0, layer = state.layer, d = layer.d, out = layer.out;
    for (var i = 0; i < layer.n; i++) {
      var on = !out[i] && d.d0[i] <= state.t && d.d1[i] >= lo;  // the page's filters first
      layer.hidden[i] = on ? 0 : 1;
      n += on;
    }
    state.visible = n;
    ui.slider.value = state.t;
    ui.windowSel.value = WINDOWS.findIndex(function (x) { return x[0] === state.w; });
    label(state, ui);
    layer.redraw();
  }

  /* The timeline's handle (window.sortieTimeline): set, range, play, pause, state, dayOf, frameTimes. */
  function timelineApi(map, state, opts, ui) {
    var api = {
      frameTimes: [],
      set: function (t, w) {
        var t0 = performance.now();
        setTime(state, ui, t, w);
        api.frameTimes.push(performance.now() - t0);
        if (api.frameTimes.length > 500) api.frameTimes.shift();
        map.fire("sortie:time", {t: state.t, w: state.w, visible: state.visible});
      },
      /* new first and last days (the page's filters changed): the slider spans them, the date is
       * kept inside them, nothing is redrawn until the next set */
      range: function (min, max) {
        state.min = min;
        state.max = Math.max(min, max);
        ui.slider.min = state.min;
        ui.slider.max = state.max;
        state.t = Math.max(state.min, Math.min(state.max, state.t));
      },
      play: function () {
        if (state.timer) return;
        if (state.t >= state.max) api.set(state.min);
        ui.play.textContent = "❚❚";
        state.timer = setInterval(function () {
          var step = SPEEDS[+ui.speedSel.value][0];
          if (state.t >= state.max) return api.pause();
          api.set(state.t + step);
        }, opts.tickMs);
      },
      pause: function () {
        if (state.timer) clearInterval(state.timer);
        state.timer = null;
        ui.play.textContent = "▶";
      },
      state: function () {
        return {t: state.t, date: Sortie.dayText(state.t), w: state.w, visible: state.visible, playing: !!state.timer,
                min: state.min, max: state.max};
      },
      dayOf: Sortie.dayOf,
    };
    return api;
  }

  /* state: {layer, t, w, min, max, visible, timer}, the day numbers of the payload. */
  Sortie.timeline = function (map, state, opts) {
    var ui = {}, api = timelineApi(map, state, opts, ui), ctl = L.control({position: "bottomright"});
    ctl.onAdd = function () { return controls(state, ui, api); };
    ctl.addTo(map);
    label(state, ui);
    return api;
  };
})();
