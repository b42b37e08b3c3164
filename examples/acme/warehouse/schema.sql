-- Acme demo warehouse: schema, comments and a few rows, in one idempotent script.
-- Run with: psql "$WAREHOUSE_URL" -v ON_ERROR_STOP=1 -f examples/acme/warehouse/schema.sql
-- (or as one JDBC statement). Re-running drops and recreates everything below.

CREATE SCHEMA IF NOT EXISTS public;

DROP VIEW IF EXISTS public.active_accounts;
DROP TABLE IF EXISTS public.mart_account_segments;
DROP TABLE IF EXISTS public.events;
DROP TABLE IF EXISTS public.subscriptions;
DROP TABLE IF EXISTS public.accounts;
DROP TABLE IF EXISTS public.plans;

CREATE TABLE public.plans (
    plan_id       text PRIMARY KEY,
    name          text NOT NULL,
    monthly_price numeric(10,2) NOT NULL
);
COMMENT ON TABLE public.plans IS 'Price plans that accounts subscribe to';
COMMENT ON COLUMN public.plans.monthly_price IS 'List price per month in USD';

CREATE TABLE public.accounts (
    account_id   bigint PRIMARY KEY,
    name         text NOT NULL,
    plan         text NOT NULL REFERENCES public.plans (plan_id),
    country      char(2),
    created_at   timestamp with time zone NOT NULL,
    activated_at timestamp with time zone
);
COMMENT ON TABLE public.accounts IS 'Customer accounts, one row per signed-up company';
COMMENT ON COLUMN public.accounts.plan IS 'Current plan of the account';
COMMENT ON COLUMN public.accounts.activated_at IS 'When the account first completed onboarding; null while not activated';

CREATE TABLE public.subscriptions (
    subscription_id bigint PRIMARY KEY,
    account_id      bigint NOT NULL REFERENCES public.accounts (account_id),
    plan_id         text NOT NULL REFERENCES public.plans (plan_id),
    status          text NOT NULL CHECK (status IN ('active', 'cancelled', 'trialing')),
    mrr             numeric(12,2) NOT NULL,
    started_at      timestamp with time zone NOT NULL,
    ended_at        timestamp with time zone
);
COMMENT ON TABLE public.subscriptions IS 'Subscription periods of accounts';
COMMENT ON COLUMN public.subscriptions.mrr IS 'Monthly recurring revenue in USD';

CREATE TABLE public.events (
    event_id    bigint PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES public.accounts (account_id),
    event_type  text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    properties  jsonb
);
COMMENT ON TABLE public.events IS 'Product usage events';

CREATE TABLE public.mart_account_segments (
    account_id   bigint PRIMARY KEY REFERENCES public.accounts (account_id),
    segment      text NOT NULL,
    mrr          numeric(12,2) NOT NULL,
    is_activated boolean NOT NULL,
    computed_at  date NOT NULL
);
COMMENT ON TABLE public.mart_account_segments IS 'Account segmentation by revenue, rebuilt daily';
COMMENT ON COLUMN public.mart_account_segments.segment IS 'smb, mid_market or enterprise';

CREATE VIEW public.active_accounts AS
    SELECT a.account_id, a.name, a.plan, a.activated_at
    FROM public.accounts a
    WHERE a.activated_at IS NOT NULL;
COMMENT ON VIEW public.active_accounts IS 'Accounts that completed onboarding';

INSERT INTO public.plans (plan_id, name, monthly_price) VALUES
    ('starter', 'Starter', 49.00),
    ('growth', 'Growth', 199.00),
    ('enterprise', 'Enterprise', 999.00);

INSERT INTO public.accounts (account_id, name, plan, country, created_at, activated_at) VALUES
    (1, 'Globex', 'enterprise', 'US', '2025-09-01 10:00:00+00', '2025-09-03 08:30:00+00'),
    (2, 'Initech', 'growth', 'US', '2025-11-15 14:20:00+00', '2025-11-20 09:00:00+00'),
    (3, 'Umbrella', 'starter', 'GB', '2026-01-05 11:00:00+00', NULL),
    (4, 'Hooli', 'growth', 'DE', '2026-01-20 16:45:00+00', '2026-02-02 12:00:00+00');

INSERT INTO public.subscriptions (subscription_id, account_id, plan_id, status, mrr, started_at, ended_at) VALUES
    (10, 1, 'enterprise', 'active', 999.00, '2025-09-03 00:00:00+00', NULL),
    (11, 2, 'starter', 'cancelled', 49.00, '2025-11-20 00:00:00+00', '2026-01-01 00:00:00+00'),
    (12, 2, 'growth', 'active', 199.00, '2026-01-01 00:00:00+00', NULL),
    (13, 3, 'starter', 'trialing', 0.00, '2026-01-05 00:00:00+00', NULL),
    (14, 4, 'growth', 'active', 199.00, '2026-02-02 00:00:00+00', NULL);

INSERT INTO public.events (event_id, account_id, event_type, occurred_at, properties) VALUES
    (100, 1, 'login', '2026-02-10 09:00:00+00', '{"device": "web"}'),
    (101, 1, 'report_created', '2026-02-10 09:05:00+00', '{"report": "revenue"}'),
    (102, 2, 'login', '2026-02-11 13:30:00+00', '{"device": "mobile"}'),
    (103, 3, 'signup_step_completed', '2026-01-05 11:10:00+00', '{"step": 1}'),
    (104, 4, 'login', '2026-02-12 08:15:00+00', NULL);

INSERT INTO public.mart_account_segments (account_id, segment, mrr, is_activated, computed_at) VALUES
    (1, 'enterprise', 999.00, true, '2026-02-15'),
    (2, 'mid_market', 199.00, true, '2026-02-15'),
    (3, 'smb', 0.00, false, '2026-02-15'),
    (4, 'mid_market', 199.00, true, '2026-02-15');
