// Side-by-side reading: the page's text beside the same document in a second language, aligned paragraph
// by paragraph by unit id (the ids are the same in every language). Both texts come from the documents'
// published JSON (/<lang>/<collection>/<id>/index.json), the shape of `compendium export json`.
(function () {
  "use strict";
  var box = document.querySelector("[data-cmp-compare]");
  if (!box) return;
  var select = box.querySelector("select");
  var doc = document.querySelector(".cmp-document");
  var view = null;

  function esc(s) { return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }

  function inline(text) { // the Markdown the content files use inside a unit
    return esc(text || "")
      .replace(/\[\^([^\]]+)\]/g, "<sup>$1</sup>")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/\*([^*]+)\*/g, "<em>$1</em>")
      .replace(/\n\n+/g, "</p><p>").replace(/\n/g, "<br>");
  }

  function flatten(units, out) {
    (units || []).forEach(function (u) { out.push(u); flatten(u.children, out); });
    return out;
  }

  function cell(unit, lang, dir) {
    var td = document.createElement("div");
    td.className = "cmp-col";
    td.lang = lang; td.dir = dir;
    if (!unit) { td.classList.add("cmp-col-missing"); td.textContent = "—"; return td; }
    var number = unit.kind === "paragraph" ? unit.number + ". " :
      (unit.kind === "item" || unit.kind === "subitem") ? "(" + unit.number + ") " :
      unit.kind === "footnote" ? unit.number + " " : "";
    var head = unit.heading ? "<strong>" + inline(unit.heading) + "</strong>" : "";
    var text = unit.text ? "<p>" + (number ? '<span class="cmp-num">' + esc(number) + "</span>" : "") + inline(unit.text) + "</p>" : "";
    td.innerHTML = head + text;
    return td;
  }

  function show(own, other, lang, dir) {
    var mine = flatten(own.documents[0].units, []), theirs = flatten(other.documents[0].units, []);
    var byId = {}, seen = {};
    theirs.forEach(function (u) { byId[u.id] = u; });
    view = document.createElement("div");
    view.className = "cmp-parallel";
    function row(id, a, b) {
      var r = document.createElement("div");
      r.className = "cmp-row"; r.dataset.unit = id;
      r.appendChild(cell(a, document.documentElement.lang, document.documentElement.dir || "ltr"));
      r.appendChild(cell(b, lang, dir));
      view.appendChild(r);
    }
    mine.forEach(function (u) { seen[u.id] = true; row(u.id, u, byId[u.id]); });
    theirs.forEach(function (u) { if (!seen[u.id]) row(u.id, null, u); });
    doc.hidden = true;
    doc.parentNode.insertBefore(view, doc.nextSibling);
    document.body.classList.add("cmp-comparing");
  }

  function clear() {
    if (view) view.remove();
    view = null; doc.hidden = false;
    document.body.classList.remove("cmp-comparing");
  }

  function compare(lang) {
    clear();
    var url = new URL(location.href);
    if (lang) url.searchParams.set("compare", lang); else url.searchParams.delete("compare");
    history.replaceState(null, "", url);
    if (!lang) return;
    var option = select.querySelector('option[value="' + lang + '"]');
    var base = box.dataset.root + lang + "/" + box.dataset.doc;
    Promise.all([fetch("index.json").then(function (r) { return r.json(); }),
                 fetch(base + "index.json").then(function (r) { return r.json(); })])
      .then(function (both) { show(both[0], both[1], lang, option ? option.dataset.dir : "ltr"); });
  }

  select.addEventListener("change", function () { compare(select.value); });
  var asked = new URL(location.href).searchParams.get("compare");
  if (asked && select.querySelector('option[value="' + asked + '"]')) { select.value = asked; compare(asked); }
})();
