// Side-by-side reading: the text of this page beside the same document in a second language, one row per unit
// (a heading, a paragraph with everything nested in it, the notes), aligned by unit id (the same in every
// language). The page's own units are moved into the rows, so their ids, permalinks and links stay as they
// are; the second column is the engine's own rendering of the other text (<lang>/<collection>/<id>/parallel.html,
// compendium.pages.Site.column): its ids carry its language ("fr:para-3") and its links lead to that language.
// The view is addressable: ?compare=fr#para-3 opens the pair with paragraph 3 in view.
(function () {
  "use strict";
  var box = document.querySelector("[data-cmp-compare]");
  var body = document.querySelector(".cmp-document .cmp-body");
  if (!box || !body) return;
  var select = box.querySelector("select");
  var view = null, moved = [], asked = 0;

  function unitish(el) {
    return el.classList.contains("cmp-unit") || el.classList.contains("cmp-heading") ||
      (el.tagName === "SECTION" && el.hasAttribute("aria-labelledby"));
  }

  // The rows of one text, in reading order: {id, nodes}. `strip` turns an element's id into its unit id.
  function rows(container, strip, out) {
    Array.prototype.forEach.call(container.children, function (el) {
      if (el.tagName === "SECTION" && el.hasAttribute("aria-labelledby")) {
        var kids = Array.prototype.slice.call(el.children), head = [];
        while (kids.length && (!head.length || !unitish(kids[0]))) head.push(kids.shift());
        out.push({ id: strip(el.getAttribute("aria-labelledby")), nodes: head });
        rows({ children: kids }, strip, out);
      } else if (unitish(el) && el.id) {
        out.push({ id: strip(el.id), nodes: [el] });
      } else if (out.length) {
        out[out.length - 1].nodes.push(el);
      } else {
        out.push({ id: "", nodes: [el] });
      }
    });
    return out;
  }

  function textRows(root, strip) { // the units, then the notes
    var out = rows(root.querySelector(".cmp-body"), strip, []);
    var notes = root.querySelector(".cmp-footnotes");
    if (notes) out.push({ id: "notes", nodes: [notes] });
    return out;
  }

  function cell(nodes, lang, dir, name, own) {
    var col = document.createElement("div");
    col.className = "cmp-col " + (own ? "cmp-col-own" : "cmp-col-other");
    col.lang = lang; col.dir = dir; col.dataset.name = name;
    if (!nodes) {
      col.classList.add("cmp-col-missing");
      var dash = document.createElement("span");
      dash.textContent = "—"; dash.title = box.dataset.missing;
      dash.setAttribute("aria-label", box.dataset.missing);
      dash.lang = document.documentElement.lang;
      col.appendChild(dash);
      return col;
    }
    nodes.forEach(function (n) {
      if (own) moved.push([n, n.parentNode, n.nextSibling]);
      col.appendChild(n);
    });
    return col;
  }

  function show(fragment, option) {
    var lang = option.value, dir = option.dataset.dir || "ltr", name = option.textContent;
    var own = { lang: box.dataset.lang, dir: box.dataset.dir, name: box.dataset.name };
    var mine = textRows(document.querySelector(".cmp-document"), function (id) { return id; });
    var prefix = lang + ":";
    var theirs = textRows(fragment, function (id) { return id.indexOf(prefix) === 0 ? id.slice(prefix.length) : id; });
    // Pairs in the page's order; a unit only the other text has comes after the unit it follows there.
    var pairs = mine.map(function (r) { return { id: r.id, a: r, b: null }; });
    var at = {};
    pairs.forEach(function (p, i) { if (p.id && !(p.id in at)) at[p.id] = i; });
    var last = -1;
    theirs.forEach(function (r) {
      var i = r.id in at ? at[r.id] : -1;
      if (i >= 0 && !pairs[i].b) { pairs[i].b = r; last = i; return; }
      pairs.splice(last + 1, 0, { id: r.id, a: null, b: r });
      last += 1;
      Object.keys(at).forEach(function (k) { if (at[k] >= last) at[k] += 1; });
    });
    view = document.createElement("div");
    view.className = "cmp-parallel";
    view.setAttribute("role", "region");
    view.setAttribute("aria-label", box.dataset.label);
    var head = document.createElement("div");
    head.className = "cmp-row cmp-row-head";
    [[own, true], [{ lang: lang, dir: dir, name: name }, false]].forEach(function (x) {
      var label = document.createElement("div");
      label.className = "cmp-col cmp-col-name " + (x[1] ? "cmp-col-own" : "cmp-col-other");
      label.lang = x[0].lang; label.dir = x[0].dir; label.textContent = x[0].name;
      head.appendChild(label);
    });
    view.appendChild(head);
    body.parentNode.insertBefore(view, body);
    pairs.forEach(function (p) {
      var row = document.createElement("div");
      row.className = "cmp-row";
      if (p.id) row.dataset.unit = p.id;
      row.appendChild(cell(p.a && p.a.nodes, own.lang, own.dir, own.name, true));
      row.appendChild(cell(p.b && p.b.nodes, lang, dir, name, false));
      view.appendChild(row);
    });
    body.hidden = true;
    document.body.classList.add("cmp-comparing");
    reveal();
  }

  function reveal() { // the unit the address names, in view
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || !view) return;
    var target = null;
    view.querySelectorAll(".cmp-row[data-unit]").forEach(function (r) { if (!target && r.dataset.unit === id) target = r; });
    var el = document.getElementById(id);
    if (!target && el && view.contains(el)) target = el.closest(".cmp-row");
    if (target) target.scrollIntoView();
  }

  function clear() {
    for (var i = moved.length - 1; i >= 0; i--) moved[i][1].insertBefore(moved[i][0], moved[i][2]);
    moved = [];
    if (view) view.remove();
    view = null; body.hidden = false;
    document.body.classList.remove("cmp-comparing");
  }

  function failed() {
    var note = document.createElement("p");
    note.className = "cmp-parallel cmp-compare-failed";
    note.textContent = box.dataset.failed;
    view = note;
    box.appendChild(note);
  }

  // The column's HTML: fetched; in the offline edition (compendium/offline.py), opened from file:// where a page
  // may not fetch, a classic script at the same place (parallel.js) hands it to window.cmpColumn.
  function column(src) {
    if (location.protocol !== "file:") {
      return fetch(src).then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); });
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      window.cmpColumn = resolve;
      script.src = src;
      script.onerror = reject;
      script.onload = function () { script.remove(); };
      document.head.appendChild(script);
    });
  }

  function compare(lang) {
    var ask = ++asked;
    clear();
    var url = new URL(location.href);
    if (lang) url.searchParams.set("compare", lang); else url.searchParams.delete("compare");
    history.replaceState(history.state, "", url);
    var option = lang && select.querySelector('option[value="' + lang + '"][data-src]');
    if (!option) return;
    column(option.dataset.src)
      .then(function (html) {
        if (ask !== asked) return;
        var t = document.createElement("template");
        t.innerHTML = html;
        show(t.content, option);
      })
      .catch(function () { if (ask === asked) failed(); });
  }

  select.addEventListener("change", function () { compare(select.value); });
  window.addEventListener("hashchange", reveal);
  var wanted = new URL(location.href).searchParams.get("compare");
  if (wanted && select.querySelector('option[value="' + wanted + '"][data-src]')) { select.value = wanted; compare(wanted); }
})();
