// Compendium pages: language switching that keeps the paragraph, and search over the Pagefind index.
(function () {
  "use strict";

  // Keep the paragraph anchor when switching language: #rule-43 is the same paragraph in every language.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.cmp-lang-link");
    if (!link) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    location.href = link.href.split("#")[0] + location.hash;
  }, true);

  // ---- Cite: the document's and every paragraph's citation (data-cite, written by compendium/cite.py) -----
  (function () {
    var box = document.querySelector(".cmp-cite-box[data-cite]");
    if (!box) return;
    // The permanent link: absolute when the build knew the site's address, else resolved from this page.
    var page = new URL(box.getAttribute("data-cite-url"), location.href).href.split("#")[0];
    var status = document.createElement("span");
    status.className = "cmp-cite-status";
    status.setAttribute("role", "status");

    function button(text, url, after, compact) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = compact ? "cmp-cite-btn cmp-cite-unit" : "cmp-cite-btn";
      // A paragraph's button is a quotation mark in the margin, under its ¶; its name says what it copies.
      b.textContent = compact ? "\u201C" : box.dataset.label;
      if (compact) b.title = box.dataset.label;
      b.setAttribute("aria-label", box.dataset.label + ": " + text);
      b.dataset.citation = text + " — " + url;
      after.insertAdjacentElement("afterend", b);
    }

    function done(b) {
      status.textContent = box.dataset.copied + ": " + b.dataset.citation;
      b.insertAdjacentElement("afterend", status);
    }

    button(box.dataset.cite, page, box.lastElementChild || box);
    document.querySelectorAll("a.cmp-anchor[data-cite]").forEach(function (a) {
      var id = a.getAttribute("href").split("#")[1];
      button(a.getAttribute("data-cite"), id ? page + "#" + id : page, a, true);
    });
    document.addEventListener("click", function (event) {
      var b = event.target.closest && event.target.closest("button.cmp-cite-btn");
      if (!b) return;
      var copy = navigator.clipboard && navigator.clipboard.writeText(b.dataset.citation);
      // Shown either way: where the clipboard is refused, the reader can still select the text.
      if (copy) copy.then(function () { done(b); }, function () { done(b); }); else done(b);
    });
  })();

  // ---- search: this language's Pagefind index (<lang>/pagefind/), loaded on first use ---------------
  var box = document.querySelector("[data-cmp-search]");
  if (!box) return;
  var input = box.querySelector("input[name=query]");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var filterBox = box.querySelector(".cmp-search-filters");
  var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-filter]"));
  var toggle = document.getElementById("__search");
  var loading = null, latest = 0, timer = null;
  var SHOWN = 20, FIRST = 1, HITS_PER_PAGE = 3, BEFORE = 8, LENGTH = 26;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function fillFilters(filters) {
    var any = false;
    selects.forEach(function (select) {
      var values = Object.keys(filters[select.dataset.filter] || {});
      values.sort(function (a, b) { return select.dataset.filter === "year" ? b - a : a.localeCompare(b); });
      select.appendChild(el("option", null, box.dataset.any)).value = "";
      values.forEach(function (value) { select.appendChild(el("option", null, value)).value = value; });
      select.parentNode.hidden = !values.length;
      any = any || values.length > 0;
    });
    filterBox.hidden = !any;
  }

  // ---- the offline edition (compendium/offline.py), opened from file://: Pagefind cannot load there, so the
  // search reads search-offline.js, a classic script with every paragraph's text, and matches as a reader
  // expects: case and diacritics folded, Arabic without its vowel signs and with one alef, Chinese by substring.
  function fold(s) {
    return s.normalize("NFD").replace(/[\p{M}\u0640]/gu, "").replace(/\u0671/g, "\u0627")
      .replace(/\u0649/g, "\u064A").toLowerCase();
  }

  function foldMap(s) { // the folded text, and where each of its characters comes from in s
    var text = "", map = [];
    for (var i = 0; i < s.length;) {
      var n = s.codePointAt(i) > 0xFFFF ? 2 : 1, f = fold(s.substr(i, n));
      for (var k = 0; k < f.length; k++) map.push(i);
      text += f; i += n;
    }
    map.push(s.length);
    return { text: text, map: map };
  }

  function offlineHit(unit, terms) { // an excerpt around the first hit, every hit in it marked
    var s = unit[2], f = foldMap(s), ranges = [];
    terms.forEach(function (t) {
      for (var at = f.text.indexOf(t); at >= 0; at = f.text.indexOf(t, at + t.length)) ranges.push([f.map[at], f.map[at + t.length]]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var first = ranges.length ? ranges[0][0] : 0;
    var from = Math.max(0, first - 60), to = Math.min(s.length, first + 160);
    if (from > 0) { var space = s.indexOf(" ", from); from = space >= 0 && space < first ? space + 1 : from; }
    var words = [], marked = [], at = from;
    ranges.forEach(function (r) {
      if (r[0] < at || r[1] > to) return;
      if (r[0] > at) words.push(s.slice(at, r[0]));
      marked.push(words.length); words.push(s.slice(r[0], r[1])); at = r[1];
    });
    if (at < to) words.push(s.slice(at, to));
    if (from > 0) words.unshift("… ");
    if (to < s.length) words.push(" …");
    marked = marked.map(function (i) { return from > 0 ? i + 1 : i; });
    return { id: unit[1], label: "", words: words, start: 0, end: words.length, marked: marked, joiner: "" };
  }

  function offlineSearch(index) {
    var root = new URL(box.dataset.root, location.href);
    index.units.forEach(function (u) { u[3] = fold(u[2]); });
    return {
      search: function (query) {
        var terms = fold(query).split(/\s+/).filter(Boolean), byPage = {}, order = [];
        index.units.forEach(function (u) {
          for (var t = 0; t < terms.length; t++) if (u[3].indexOf(terms[t]) < 0) return;
          if (!byPage[u[0]]) { byPage[u[0]] = []; order.push(u[0]); }
          byPage[u[0]].push(u);
        });
        order.sort(function (a, b) { return byPage[b].length - byPage[a].length || a - b; });
        return { results: order.map(function (p) {
          var page = { url: new URL(index.pages[p][1], root).href, meta: { title: index.pages[p][0] },
                       hits: byPage[p].slice(0, HITS_PER_PAGE).map(function (u) { return offlineHit(u, terms); }) };
          return { data: function () { return Promise.resolve(page); } };
        }) };
      }
    };
  }

  function loadOffline() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(box.dataset.offline, location.href).href;
      script.onload = function () { resolve(window.cmpOfflineSearch); };
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function (index) { meta.textContent = ""; return offlineSearch(index); });
  }

  function load() {
    if (!loading && location.protocol === "file:") {
      meta.textContent = box.dataset.loading;
      loading = loadOffline();
    }
    if (!loading) {
      meta.textContent = box.dataset.loading;
      var root = new URL(box.dataset.root, location.href).pathname;
      loading = import(new URL(box.dataset.pagefind, location.href).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: root }).then(function () { return pagefind.filters(); })
          .then(function (filters) { fillFilters(filters); meta.textContent = ""; return pagefind; });
      });
    }
    return loading;
  }

  // Where the query's words stand in a page: grouped by the element with an id they follow (a paragraph,
  // an item, a heading), so that a result lands on the paragraph; the paragraphs with most words first.
  function paragraphs(data) {
    // The text as Pagefind counts its words (raw_content: Chinese keeps the indexer's cuts, as zero-width spaces).
    var text = (data.raw_content || data.content).replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    var zws = text.indexOf("\u200B") >= 0;
    var words = zws ? text.split("\u200B") : text.split(/[\r\n\s]+/g);
    var anchors = data.anchors.slice().sort(function (a, b) { return a.location - b.location; });
    var groups = [], byId = {};
    (data.locations || []).forEach(function (at) {
      var k = -1;
      while (k + 1 < anchors.length && anchors[k + 1].location <= at) k++;
      var key = k < 0 ? "" : anchors[k].id;
      if (!byId[key]) {
        byId[key] = { anchor: k < 0 ? null : anchors[k], end: k + 1 < anchors.length ? anchors[k + 1].location : words.length, at: [] };
        groups.push(byId[key]);
      }
      byId[key].at.push(at);
    });
    groups.sort(function (a, b) { return b.at.length - a.at.length; });
    return groups.slice(0, HITS_PER_PAGE).map(function (group) {
      var start = Math.min(Math.max(group.anchor ? group.anchor.location : 0, group.at[0] - BEFORE), words.length);
      var end = Math.min(group.end, start + LENGTH, words.length);
      var id = group.anchor && group.anchor.id !== "title" ? group.anchor.id : "";
      var label = group.anchor ? (group.anchor.text || "").replace(/¶/g, "").trim() : "";
      return { id: id, label: label, words: words, start: start, end: end, marked: group.at, joiner: zws ? "" : " " };
    });
  }

  function excerpt(hit) {
    var p = el("p", "cmp-search-excerpt");
    if (hit.label) p.appendChild(el("b", null, hit.label + " "));
    if (hit.start > 0) p.appendChild(document.createTextNode("… "));
    for (var i = hit.start; i < hit.end; i++) {
      var word = hit.words[i] + (i + 1 < hit.end ? hit.joiner : "");
      p.appendChild(hit.marked.indexOf(i) >= 0 ? el("mark", null, word) : document.createTextNode(word));
    }
    if (hit.end < hit.words.length) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  function link(href, article) {
    var a = el("a", "md-search-result__link");
    a.href = href;
    a.appendChild(article);
    return a;
  }

  function render(pages, total, keepFocus) {
    var focused = keepFocus ? links().indexOf(document.activeElement) : -1;
    list.textContent = "";
    meta.textContent = total ? box.dataset.count.replace("{n}", total) : box.dataset.none;
    pages.forEach(function (data) {
      var hits = data.hits || paragraphs(data);
      var item = el("li", "md-search-result__item");
      var head = el("article", "md-search-result__article md-typeset");
      var title = el("h1", null, data.meta.title || data.url);
      if (data.meta.language) { // a text shown on this site in its own language, which is not the site's
        var tag = el("span", "cmp-search-lang", data.meta.language);
        if (data.meta.text_lang) tag.lang = data.meta.text_lang;
        title.appendChild(document.createTextNode(" "));
        title.appendChild(tag);
      }
      head.appendChild(title);
      var first = hits[0];
      if (first) head.appendChild(excerpt(first));
      item.appendChild(link(data.url + (first && first.id ? "#" + first.id : ""), head));
      hits.slice(1).forEach(function (hit) {
        var more = el("article", "md-search-result__article md-typeset cmp-search-more");
        more.appendChild(excerpt(hit));
        item.appendChild(link(data.url + (hit.id ? "#" + hit.id : ""), more));
      });
      if (data.meta.text_lang) item.querySelectorAll(".cmp-search-excerpt").forEach(function (p) {
        p.lang = data.meta.text_lang; p.dir = "auto";
      });
      list.appendChild(item);
    });
    input.setAttribute("aria-expanded", pages.length ? "true" : "false");
    if (focused >= 0 && links()[focused]) links()[focused].focus();
  }

  function run() {
    var query = input.value.trim(), ticket = ++latest;
    if (!query) { list.textContent = ""; meta.textContent = ""; input.setAttribute("aria-expanded", "false"); return; }
    load().then(function (pagefind) {
      var filters = {};
      selects.forEach(function (select) { if (select.value) filters[select.dataset.filter] = select.value; });
      return pagefind.search(query, { filters: filters });
    }).then(function (search) {
      if (ticket !== latest || !search) return null;
      // The first result as soon as its page's record is here, the others after it: each record is fetched
      // only when shown. The list is marked busy until all of them are on it.
      var results = search.results.slice(0, SHOWN);
      list.setAttribute("aria-busy", "true");
      return Promise.all(results.slice(0, FIRST).map(function (r) { return r.data(); })).then(function (pages) {
        if (ticket !== latest) return null;
        render(pages, search.results.length);
        return Promise.all(results.slice(FIRST).map(function (r) { return r.data(); })).then(function (more) {
          if (ticket !== latest) return;
          if (more.length) render(pages.concat(more), search.results.length, true);
          list.setAttribute("aria-busy", "false");
        });
      });
    });
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
    load();
  }

  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link")); }

  input.addEventListener("focus", open);
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 100); });
  selects.forEach(function (select) { select.addEventListener("change", run); });
  // A tap on the search button of a phone: the field takes the focus, and the keyboard opens.
  if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) { input.focus(); load(); } });
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) { close(); location.href = first.href; }
  });
  // Keyboard: arrows from the field into the results and between them, Escape closes the search.
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); close(); return; }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (event.target.tagName === "SELECT") return;
    var all = links();
    if (!all.length) return;
    var at = all.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? at + 1 : (at < 0 ? all.length - 1 : at - 1);
    event.preventDefault();
    if (next < 0 || next >= all.length) input.focus(); else all[next].focus();
  });
  list.addEventListener("click", function (event) { if (event.target.closest("a")) close(); });
})();
