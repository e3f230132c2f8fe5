// Keep the paragraph anchor when switching language: #rule-43 is the same paragraph in every language.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.cmp-lang-link");
  if (link && location.hash) {
    link.href = link.href.split("#")[0] + location.hash;
  }
}, true);
