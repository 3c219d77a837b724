/**
 * The page's own script, inlined: click a column header to sort (again to reverse), type in a
 * filter box to show only the rows with a cell containing that text (every row, not only those
 * shown), click "Show all" under a long list to see its rest. No library, nothing fetched.
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
// Shows the rows that match the table's filter (all of them), or with no filter the first
// data-limit rows in the current order until "Show all" is clicked.
function refresh(table) {
  var input = document.querySelector('input[data-filter="' + table.id + '"]');
  var wanted = input ? input.value.toLowerCase().replace(/\\s+/g, ' ').trim() : '';
  var limit = table.hasAttribute('data-all') || !table.hasAttribute('data-limit') ? Infinity : Number(table.getAttribute('data-limit'));
  var rows = table.tBodies[0].rows;
  var matched = 0;
  Array.prototype.forEach.call(rows, function (row) {
    var text = Array.prototype.map.call(row.cells, function (c) { return c.textContent; }).join('\\n');
    var hit = wanted === '' || text.toLowerCase().replace(/[ \\t]+/g, ' ').indexOf(wanted) >= 0;
    if (hit) matched++;
    row.hidden = !hit || (wanted === '' && matched > limit);
  });
  var count = document.querySelector('output[data-count="' + table.id + '"]');
  if (count) count.textContent = matched + ' of ' + rows.length + ' rows';
  var more = document.querySelector('[data-more="' + table.id + '"]');
  if (more) more.hidden = wanted !== '' || limit >= rows.length;
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
      refresh(table);
    });
  });
});
document.querySelectorAll('input[data-filter]').forEach(function (input) {
  var table = document.getElementById(input.getAttribute('data-filter'));
  input.addEventListener('input', function () { refresh(table); });
});
document.querySelectorAll('button[data-show-all]').forEach(function (button) {
  var table = document.getElementById(button.getAttribute('data-show-all'));
  button.addEventListener('click', function () {
    table.setAttribute('data-all', '');
    refresh(table);
  });
});
`;
