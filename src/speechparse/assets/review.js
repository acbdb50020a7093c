/* Behaviour of the speechparse review page (speechparse.to_html / `speechparse review`).
   Written for this project; inlined into every page and allowed to run by the page's
   Content-Security-Policy hash, so it loads nothing and nothing else runs. Every value it
   shows goes through textContent, never through HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("speechparse-data").textContent);
  var report = data.report;
  var parts = data.parts; /* [json path, kind, start, end] */
  var order = data.order; /* part indexes in reading order */
  var labels = data.labels;
  var text = document.getElementById("text");
  var out = {
    hint: document.getElementById("detail-hint"),
    kind: document.getElementById("detail-kind"),
    path: document.getElementById("detail-path"),
    json: document.getElementById("detail-json"),
    chain: document.getElementById("detail-chain")
  };
  var rank = new Array(parts.length);
  order.forEach(function (part, position) { rank[part] = position; });
  var selected = -1;

  function fragments(i) { return text.querySelectorAll('[data-i="' + i + '"]'); }
  function first(i) { return text.querySelector('[data-i="' + i + '"]'); }

  function resolve(path) {
    var value = report;
    var step = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g;
    var m;
    while ((m = step.exec(path)) !== null) {
      if (value === null || typeof value !== "object") { return undefined; }
      value = m[1] !== undefined ? value[m[1]] : value[Number(m[2])];
    }
    return value;
  }

  function shown(i) { return !document.body.classList.contains("hide-" + parts[i][1]); }

  function select(i, focus) {
    if (selected >= 0) {
      fragments(selected).forEach(function (e) { e.classList.remove("sel"); });
    }
    selected = i;
    out.chain.replaceChildren();
    if (i < 0) {
      out.hint.hidden = false;
      out.kind.textContent = ""; out.path.textContent = ""; out.json.textContent = "";
      return;
    }
    var part = parts[i];
    fragments(i).forEach(function (e) { e.classList.add("sel"); });
    var value = resolve(part[0]);
    if (value === null || typeof value !== "object") {
      value = { value: value === undefined ? null : value, start: part[2], end: part[3] };
    }
    out.hint.hidden = true;
    out.kind.textContent = labels[part[1]] || part[1];
    out.path.textContent = part[0];
    out.json.textContent = JSON.stringify(value, null, 2);
    var element = first(i);
    var outer = element.parentElement ? element.parentElement.closest("[data-i]") : null;
    while (outer) {
      var j = Number(outer.dataset.i);
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = "in " + (labels[parts[j][1]] || parts[j][1]) + ": " + parts[j][0];
      button.dataset.go = String(j);
      out.chain.appendChild(button);
      outer = outer.parentElement ? outer.parentElement.closest("[data-i]") : null;
    }
    if (focus) { element.focus({ preventScroll: true }); }
    element.scrollIntoView({ block: "nearest" });
  }

  function step(direction) {
    var position = selected >= 0 ? rank[selected] : (direction > 0 ? -1 : order.length);
    for (var k = position + direction; k >= 0 && k < order.length; k += direction) {
      if (shown(order[k])) { select(order[k], true); return; }
    }
  }

  text.addEventListener("click", function (event) {
    var element = event.target.closest("[data-i]");
    if (element && text.contains(element)) { select(Number(element.dataset.i), false); }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-go]");
    if (button) { select(Number(button.dataset.go), true); }
  });
  document.getElementById("next").addEventListener("click", function () { step(1); });
  document.getElementById("prev").addEventListener("click", function () { step(-1); });
  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
    document.body.classList.toggle("hide-" + box.dataset.kind, !box.checked);
  });
  document.addEventListener("keydown", function (event) {
    var tag = event.target.tagName;
    if (event.altKey || event.ctrlKey || event.metaKey || tag === "INPUT" || tag === "TEXTAREA") {
      return;
    }
    if (event.key === "n" || event.key === "j" || event.key === "]") {
      step(1); event.preventDefault();
    } else if (event.key === "p" || event.key === "k" || event.key === "[") {
      step(-1); event.preventDefault();
    } else if (event.key === "Escape") {
      select(-1, false); text.focus();
    }
  });
}());
