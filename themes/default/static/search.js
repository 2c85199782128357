// Starts Pagefind's search UI in the header's search element (templates/partials/search.html).
// The build writes the index and pagefind-ui.js into pagefind/; the element's
// data-search-bundle gives that folder relative to the page, so the site works from any
// sub-path. A large index comes in shards, merged here into one search. The index is
// fetched, and browsers refuse fetches from file:// pages: opened as a file, the page shows a
// short note instead of a search box that cannot work.
(function () {
  "use strict";
  var box = document.querySelector(".site-search[data-search-bundle]");
  if (!box) {
    return;
  }
  var note = box.querySelector(".site-search-note");

  function explain(text) {
    if (!note) {
      return;
    }
    if (text) {
      note.textContent = text;
    }
    note.hidden = false;
  }

  if (location.protocol === "file:") {
    explain();
    return;
  }
  if (typeof window.PagefindUI !== "function") {
    explain("Search could not be loaded.");
    return;
  }

  var bundle = new URL(box.getAttribute("data-search-bundle"), location.href);
  var root = new URL("../", bundle);
  var mount = document.createElement("div");
  mount.className = "site-search-ui";
  box.appendChild(mount);

  // A large site's index comes in shards (pagefind/shards.json says how many): the first is
  // pagefind/ itself, the others pagefind/shard-<n>/, merged into it.
  function start(shards) {
    var merged = [];
    for (var n = 1; n < shards; n++) {
      merged.push({ bundlePath: bundle.pathname + "shard-" + n + "/" });
    }
    new window.PagefindUI({
      element: mount,
      bundlePath: bundle.pathname,
      mergeIndex: merged,
      // Result URLs are stored from the site root ("/sources/x.html"): resolve them against
      // this site's root, wherever it is served.
      baseUrl: root.pathname,
      showImages: false,
      showSubResults: true,
      showEmptyFilters: false,
      resetStyles: true,
      translations: {
        placeholder: "Search the briefing",
      },
    });

    // Pagefind names its box only with a title attribute: give it a real label.
    var input = mount.querySelector(".pagefind-ui__search-input");
    if (input) {
      var label = document.createElement("label");
      label.className = "visually-hidden";
      label.textContent = "Search the briefing";
      input.id = "site-search-input";
      label.htmlFor = input.id;
      mount.insertBefore(label, mount.firstChild);
    }
  }

  fetch(new URL("shards.json", bundle))
    .then(function (response) {
      return response.ok ? response.json() : { shards: 1 };
    })
    .then(
      function (info) {
        start(Math.max(1, Math.floor(Number(info && info.shards) || 1)));
      },
      function () {
        start(1);
      }
    );

  // Escape clears the search and closes the results, keeping focus in the box.
  box.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var input = box.querySelector(".pagefind-ui__search-input");
    var clear = box.querySelector(".pagefind-ui__search-clear");
    if (input && input.value && clear) {
      event.preventDefault();
      clear.click();
      input.focus();
    }
  });
})();
