// Filtering and sorting for entities/index.html. The table works without this script; with
// it, a reader can find an entity by name or alias, narrow by kind and sort by any column.
(function () {
  "use strict";
  var table = document.querySelector(".entity-table");
  var form = document.querySelector(".entity-filter");
  if (!table || !form) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = form.querySelector("#entity-filter-text");
  var kind = form.querySelector("#entity-filter-kind");
  var count = form.querySelector(".entity-filter-count");
  var kinds = Array.prototype.map.call(kind.options, function (o) { return o.value; });
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function filter() {
    var needle = text.value.trim().toLowerCase();
    var wanted = kind.value;
    var shown = 0;
    rows.forEach(function (row) {
      var match = (!wanted || row.dataset.kind === wanted) &&
        (!needle || row.dataset.search.toLowerCase().indexOf(needle) !== -1);
      row.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    count.textContent = shown + " of " + rows.length;
  }

  function key(row, column) {
    if (column === "mentions" || column === "sources") {
      return Number(row.dataset[column]);
    }
    if (column === "kind") {
      return kinds.indexOf(row.dataset.kind);
    }
    return row.dataset.name.toLowerCase();
  }

  function sortBy(header) {
    var column = header.dataset.sort;
    var numeric = column === "mentions" || column === "sources";
    var ascending = header.getAttribute("aria-sort") === "ascending" ? false :
      header.getAttribute("aria-sort") === "descending" ? true : !numeric;
    rows.sort(function (a, b) {
      var x = key(a, column);
      var y = key(b, column);
      var order = x < y ? -1 : x > y ? 1 : 0;
      if (order === 0) {
        order = a.dataset.name.localeCompare(b.dataset.name);
        return order;
      }
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  headers.forEach(function (header) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.textContent = header.textContent;
    header.textContent = "";
    header.appendChild(button);
    button.addEventListener("click", function () { sortBy(header); });
  });
  text.addEventListener("input", filter);
  kind.addEventListener("change", filter);
  filter();
}());
