-- The route's time budget, %(budget_ms)s milliseconds, as the statement timeout of the rest of the
-- transaction, unless the timeout in force is shorter: every statement of the search after this
-- one is cancelled rather than overrun it (mapping.routing.service.Budget). Returns the timeout
-- in force before (milliseconds; 0: none), which the budget never exceeds.
SELECT setting::int,
       set_config('statement_timeout',
                  (CASE WHEN setting::int = 0 THEN %(budget_ms)s
                        ELSE least(setting::int, %(budget_ms)s) END)::text, true)
FROM pg_settings
WHERE name = 'statement_timeout'
