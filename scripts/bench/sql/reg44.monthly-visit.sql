-- reg44.monthly-visit (rules/reg44/monthly-visit.rule.json) in DuckDB SQL, for the bench's
-- comparison: each children's home on the register judged for each of the 12 complete calendar
-- months before the as-of date's month, with the fields comply writes for each exception.
-- {{data}} is the folder holding the homes register and the visit log, {{asOf}} the as-of date.
WITH homes AS (
  SELECT
    "URN" AS urn,
    "Setting Name" AS setting_name,
    strptime("Registration Date", '%d/%m/%Y')::DATE AS registered,
    CASE WHEN coalesce("Closed Date", '') = '' THEN NULL ELSE strptime("Closed Date", '%d/%m/%Y')::DATE END AS closed,
    lower(coalesce("Provider Type", '')) AS provider_type
  FROM read_csv('{{data}}/ofsted-children-homes.csv', header = true, all_varchar = true)
),
visits AS (
  SELECT "URN" AS urn, strptime("Visit Date", '%d/%m/%Y')::DATE AS visited
  FROM read_csv('{{data}}/reg44-visits.csv', header = true, all_varchar = true)
),
months AS (
  SELECT
    (date_trunc('month', DATE '{{asOf}}') - to_months(k))::DATE AS month_start,
    (date_trunc('month', DATE '{{asOf}}') - to_months(k - 1) - INTERVAL 1 DAY)::DATE AS month_end
  FROM range(1, 13) AS t(k)
),
judged AS (
  SELECT h.urn, h.setting_name, m.month_start, m.month_end
  FROM homes h CROSS JOIN months m
  WHERE h.registered <= m.month_start
    AND (h.closed IS NULL OR h.closed >= m.month_end)
    AND (h.provider_type = '' OR h.provider_type LIKE '%children''s home%' OR h.provider_type LIKE '%childrens home%')
),
missed AS (
  SELECT
    j.*,
    (SELECT max(v.visited) FROM visits v WHERE v.urn = j.urn AND v.visited < j.month_start) AS last_visit_before
  FROM judged j
  WHERE NOT EXISTS (SELECT 1 FROM visits v WHERE v.urn = j.urn AND v.visited BETWEEN j.month_start AND j.month_end)
)
SELECT
  'reg44.monthly-visit:' || urn || ':' || strftime(month_end, '%Y-%m-%d') AS id,
  'reg44.monthly-visit' AS ruleId,
  'high' AS severity,
  urn AS subject,
  strftime(month_end, '%Y-%m-%d') AS dueDate,
  'No Regulation 44 visit in ' || strftime(month_start, '%B %Y') || '; last visit before it: '
    || coalesce(strftime(last_visit_before, '%d/%m/%Y'), 'none') AS message,
  NULL AS team,
  NULL AS worker,
  'Children''s homes' AS service,
  setting_name AS "Setting Name",
  strftime(month_start, '%Y-%m') AS "Month",
  strftime(last_visit_before, '%Y-%m-%d') AS "Last Visit Before"
FROM missed
ORDER BY dueDate, subject
