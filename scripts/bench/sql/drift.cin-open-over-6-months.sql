-- drift.cin-open-over-6-months (rules/drift/cin-open-over-6-months.rule.json) in DuckDB SQL, for
-- the bench's comparison: the same exceptions, with the fields comply writes for each. {{data}}
-- is the folder holding the List 6 CSV, {{asOf}} the as-of date (yyyy-mm-dd). Dates in the file
-- are dd/mm/yyyy; a month added to the 31st ends on the last day of a shorter month, as in comply.
WITH cases AS (
  SELECT
    "Child Unique ID" AS subject,
    strptime("CIN Start Date", '%d/%m/%Y')::DATE AS start_date,
    "Case Status" AS case_status,
    "Allocated Team" AS team,
    "Allocated Worker" AS worker
  FROM read_csv('{{data}}/annex-a-list-6.csv', header = true, all_varchar = true)
  WHERE coalesce("CIN Closure Date", '') = ''
),
judged AS (
  SELECT
    *,
    (start_date + INTERVAL 6 MONTH)::DATE AS review_point,
    DATE '{{asOf}}' - start_date AS days_open,
    date_diff('month', start_date, DATE '{{asOf}}') AS months_apart
  FROM cases
),
drifting AS (
  SELECT
    *,
    CASE WHEN (start_date + to_months(months_apart))::DATE <= DATE '{{asOf}}' THEN months_apart ELSE months_apart - 1 END AS months_open
  FROM judged
  WHERE DATE '{{asOf}}' > review_point
)
SELECT
  'drift.cin-open-over-6-months:' || subject || ':' || strftime(review_point, '%Y-%m-%d') AS id,
  'drift.cin-open-over-6-months' AS ruleId,
  'medium' AS severity,
  subject,
  strftime(review_point, '%Y-%m-%d') AS dueDate,
  'Child in need case open ' || months_open || ' months (' || days_open || ' days) since ' || strftime(start_date, '%d/%m/%Y')
    || '; open longer than six months since ' || strftime(review_point, '%d/%m/%Y') AS message,
  team,
  worker,
  case_status AS "Case Status",
  strftime(start_date, '%Y-%m-%d') AS "CIN Start Date",
  days_open AS "Days Open",
  months_open AS "Months Open"
FROM drifting
ORDER BY dueDate, subject
