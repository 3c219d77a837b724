/**
 * The page's own script, inlined: click a column header to sort (again to reverse), type in a
 * filter box to show only the rows with a cell containing that text. No library, nothing fetched.
 */
export const PAGE_SCRIPT = `
'use strict';
function sortKey(cell, kind) {
  if (!cell) return '';
  var v = cell.getAttribute('data-v');
  if (v === null) return cell.textContent.toLowerCase();
  return kind === 'number' ? Number(v) : v;
}
function compare(a, b) {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return a < b ? -1 : 1;
}
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, index) {
    th.querySelector('button').addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var kind = th.getAttribute('data-kind');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (r1, r2) {
        var c = compare(sortKey(r1.cells[index], kind), sortKey(r2.cells[index], kind));
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
document.querySelectorAll('input[data-filter]').forEach(function (input) {
  var id = input.getAttribute('data-filter');
  var table = document.getElementById(id);
  var count = document.querySelector('output[data-count="' + id + '"]');
  input.addEventListener('input', function () {
    var wanted = input.value.toLowerCase().replace(/\\s+/g, ' ').trim();
    var rows = table.tBodies[0].rows;
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var cells = Array.prototype.map.call(row.cells, function (c) { return c.textContent; }).join('\\n');
      var hit = cells.toLowerCase().replace(/[ \\t]+/g, ' ').indexOf(wanted) >= 0;
      row.hidden = !hit;
      if (hit) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' rows';
  });
});
`;
