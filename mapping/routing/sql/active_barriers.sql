-- The barriers in force now whose position lies in the box `box.g` (a CTE of each statement that
-- includes this file), with one set of columns whatever their source:
--
-- * surveyed barriers that a coordinator entered, while valid, and, when linked to an
--   assessment, while that assessment is its place's approved one;
-- * approved public-space assessments (what a volunteer measured: a kerb, steps, a clear width,
--   a slope, the surface), at once on approval and gone when superseded, unless a coordinator's
--   barrier linked to the assessment replaces them;
-- * moderated (published) barrier reports from the public while valid: one with an end date
--   (road works) closes the way, one without is a penalty of 200 m until someone measures it; a
--   coordinator's barrier linked to the report replaces it.
--
-- * moderated reports of a lift out of order while valid (until valid_until, or until resolved):
--   each closes the lift connectors (edges with barrier = 'elevator') within 10 m, and no
--   other way: the statements that include this file join it by barrier_on_edge.sql.
--
-- A surveyed barrier applies to the ways within 10 m of the place, a report to those within 5 m.
SELECT 'barrier' AS source, b.id, b.kind, b.location AS g, b.radius_m, b.blocks,
       b.penalty_m, b.kerb_height_cm, b.width_cm, b.step_count::float8 AS step_count,
       b.incline_pct, b.rough_surface AS rough, b.description AS name
FROM mapping_barrier b
WHERE b.location && (SELECT g FROM box)
  AND (b.valid_from IS NULL OR b.valid_from <= now())
  AND (b.valid_until IS NULL OR b.valid_until > now())
  AND (b.assessment_id IS NULL OR EXISTS (
       SELECT 1 FROM mapping_assessment a WHERE a.id = b.assessment_id AND {a_is_published}))
UNION ALL
SELECT 'assessment', a.id,
       CASE WHEN m.steps > 0 THEN 'steps' WHEN m.kerb > 0 THEN 'kerb'
            WHEN m.width IS NOT NULL THEN 'narrow'
            WHEN m.slope IS NOT NULL THEN 'steep' ELSE 'surface' END,
       pl.location, 10.0, false, 0.0, m.kerb, m.width, m.steps, abs(m.slope), m.rough, pl.name
FROM mapping_assessment a
JOIN mapping_place pl ON pl.id = a.place_id
-- The measurements in the survey's answers; a missing answer, or one that is no number, is NULL.
CROSS JOIN LATERAL (
    SELECT CASE WHEN jsonb_typeof(a.answers -> 'publicSpaceKerbHeight') = 'number'
                THEN (a.answers ->> 'publicSpaceKerbHeight')::float8 END AS kerb,
           CASE WHEN jsonb_typeof(a.answers -> 'publicSpaceClearWidth') = 'number'
                THEN (a.answers ->> 'publicSpaceClearWidth')::float8 END AS width,
           CASE WHEN jsonb_typeof(a.answers -> 'publicSpaceStepsNumberOf') = 'number'
                THEN (a.answers ->> 'publicSpaceStepsNumberOf')::float8 END AS steps,
           CASE WHEN jsonb_typeof(a.answers -> 'publicSpaceLongitudinalSlope') = 'number'
                THEN (a.answers ->> 'publicSpaceLongitudinalSlope')::float8 END AS slope,
           coalesce(a.answers ->> 'publicSpaceSurface' = ANY ({rough_surfaces})
                    OR a.answers ->> 'publicSpaceSmoothness' = ANY ({bad_smoothness}),
                    false) AS rough
) m
WHERE {a_is_published} AND a.survey_kind = 'public_space'
  AND pl.location && (SELECT g FROM box)
  AND (m.kerb IS NOT NULL OR m.width IS NOT NULL OR m.steps > 0
       OR m.slope IS NOT NULL OR m.rough)
  AND NOT EXISTS (SELECT 1 FROM mapping_barrier x WHERE x.assessment_id = a.id)
UNION ALL
SELECT 'report', r.id, CASE WHEN r.kind = 'lift' THEN 'lift' ELSE 'report' END, r.location,
       CASE WHEN r.kind = 'lift' THEN 10.0 ELSE 5.0 END,
       r.valid_until IS NOT NULL OR r.kind = 'lift',
       CASE WHEN r.valid_until IS NULL AND r.kind = 'barrier' THEN 200.0 ELSE 0.0 END,
       NULL, NULL, NULL, NULL, false, ''
FROM mapping_report r
WHERE r.kind IN ('barrier', 'lift') AND r.status = 'published' AND r.location IS NOT NULL
  AND r.location && (SELECT g FROM box)
  AND (r.valid_from IS NULL OR r.valid_from <= current_date)
  AND (r.valid_until IS NULL OR r.valid_until >= current_date)
  AND NOT EXISTS (SELECT 1 FROM mapping_barrier x WHERE x.report_id = r.id)
