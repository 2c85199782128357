// Starts Pagefind's search UI in the header's search element (templates/partials/search.html).
// The build writes the index and pagefind-ui.js into pagefind/; the element's
// data-search-bundle gives that folder relative to the page, so the site works from any
// sub-path. The index is fetched, and browsers refuse fetches from file:// pages: opened as a
// file, the page shows a short note instead of a search box that cannot work.
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

  new window.PagefindUI({
    element: mount,
    bundlePath: bundle.pathname,
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
