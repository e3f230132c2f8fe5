// Compendium pages: language switching that keeps the paragraph, and search over the compact index.
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
    var box = document.querySelector(".cmp-cite[data-cite]");
    if (!box) return;
    // The permanent link: absolute when the build knew the site's address, else resolved from this page.
    var page = new URL(box.getAttribute("data-cite-url"), location.href).href.split("#")[0];
    var status = document.createElement("span");
    status.className = "cmp-cite-status";
    status.setAttribute("role", "status");

    function button(text, url, after) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "cmp-cite-btn";
      b.textContent = box.dataset.label;
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
      button(a.getAttribute("data-cite"), id ? page + "#" + id : page, a);
    });
    document.addEventListener("click", function (event) {
      var b = event.target.closest && event.target.closest("button.cmp-cite-btn");
      if (!b) return;
      var copy = navigator.clipboard && navigator.clipboard.writeText(b.dataset.citation);
      // Shown either way: where the clipboard is refused, the reader can still select the text.
      if (copy) copy.then(function () { done(b); }, function () { done(b); }); else done(b);
    });
  })();

  // ---- search ------------------------------------------------------------------------------------
  var box = document.querySelector("[data-cmp-search]");
  if (!box) return;
  var input = box.querySelector("input[name=query]");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var index = null, loading = null;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var ARABIC = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ـ": "" };

  function fold(word) { // as compendium.search.fold
    word = word.toLowerCase().replace(/[أإآٱـ]/g, function (c) { return ARABIC[c]; });
    return word.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
  }

  function load() {
    if (!loading) {
      meta.textContent = box.dataset.loading;
      loading = fetch(box.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
        index = data; meta.textContent = ""; return data;
      });
    }
    return loading;
  }

  function lowerBound(terms, key) {
    var lo = 0, hi = terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < key) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function unitsOf(stem) {
    var out = [], n = 0, parts = index.postings[stem].split(",");
    for (var i = 0; i < parts.length; i++) { n += parseInt(parts[i], 10); out.push(n); }
    return out;
  }

  // Chinese is written without spaces: cut the query by the longest words the index knows.
  function cutHan(text) {
    var out = [], i = 0;
    while (i < text.length) {
      var best = 1;
      for (var len = Math.min(6, text.length - i); len > 1; len--) {
        var key = text.substr(i, len), at = lowerBound(index.terms, key);
        if (index.terms[at] === key) { best = len; break; }
      }
      out.push(text.substr(i, best)); i += best;
    }
    return out;
  }

  function queryWords(query) {
    var words = [];
    (query.match(/[\p{L}\p{N}\p{M}]+/gu) || []).forEach(function (token) {
      if (HAN.test(token)) words = words.concat(cutHan(token)); else words.push(token);
    });
    return words.map(fold);
  }

  function lookup(key) {
    var matched = new Set(), i = lowerBound(index.terms, key);
    if (index.terms[i] === key) unitsOf(index.stems[i]).forEach(function (u) { matched.add(u); });
    if (key.length >= 3 || HAN.test(key)) {
      for (; i < index.terms.length && index.terms[i].indexOf(key) === 0; i++) {
        unitsOf(index.stems[i]).forEach(function (u) { matched.add(u); });
      }
    }
    return matched;
  }

  function find(query) {
    var result = null;
    queryWords(query).forEach(function (key) {
      var matched = lookup(key);
      // Another inflection than any in the texts (заключенный, заключенных): try the word without its ending.
      for (var cut = 1; !matched.size && cut <= 2 && key.length - cut >= 4 && !HAN.test(key); cut++) {
        matched = lookup(key.slice(0, key.length - cut));
      }
      result = result === null ? matched : new Set(Array.from(result).filter(function (u) { return matched.has(u); }));
    });
    return result === null ? [] : Array.from(result).sort(function (a, b) { return a - b; });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function render(query) {
    list.textContent = "";
    if (!query.trim()) { meta.textContent = ""; return; }
    var hits = find(query);
    meta.textContent = hits.length ? box.dataset.count.replace("{n}", hits.length) : box.dataset.none;
    hits.slice(0, 100).forEach(function (u) {
      var unit = index.units[u], doc = index.docs[unit[0]];
      var item = el("li", "md-search-result__item");
      var link = el("a", "md-search-result__link");
      link.href = box.dataset.root + doc[0] + (unit[1] ? "#" + unit[1] : "");
      var article = el("article", "md-search-result__article md-typeset");
      article.appendChild(el("h1", null, doc[1] + (unit[2] ? " — " + unit[2] : "")));
      if (unit[3]) article.appendChild(el("p", null, unit[3]));
      link.appendChild(article); item.appendChild(link); list.appendChild(item);
    });
  }

  var timer = null;
  input.addEventListener("focus", function () { if (toggle) toggle.checked = true; load(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { load().then(function () { render(input.value); }); }, 120);
  });
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  list.addEventListener("click", function () { if (toggle) toggle.checked = false; });
})();
