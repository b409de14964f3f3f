-- The physical work of one registration (DeviationWorkflow.register), without the application:
--   1. the case-number counter bumped in a transaction of its own (CaseNumberGenerator runs it
--      REQUIRES_NEW, so it commits apart from the registration);
--   2. one transaction inserting the deviation row and its first timeline row (SUBMITTED).
-- The service also reads (two units, a category, the units and organisations for the view, a
-- deviation_event_seq value per 50 events): this script leaves those out, as the lower bound.
--
-- One pgbench "transaction" is one run of this script, that is one registration.
-- Needs the TestCare master data (organisations, units; PgbenchReference installs it) and
-- `-M prepared` or `-M extended`: :id is bound as a parameter, not pasted into the text.
--
--   pgbench -n -M prepared -f ops/benchmark/register-deviation.sql -c 4 -j 2 -T 30 \
--     -h localhost -p <port printed by the harness> -U postgres postgres

\set reporter random(1, 5000)
\set category random(1, 11)
\set consequence random(1, 5)
\set probability random(1, 4)
\set lex random(1, 50)

insert into case_number_counter (prefix, year, last_value) values ('SAMLA', 2026, 1)
on conflict (prefix, year) do update set last_value = case_number_counter.last_value + 1
returning last_value \gset

begin;

insert into deviation (
    id, case_number, version, status, occurred_at, discovered_at, submitted_at,
    reporter_hsa_id, reporter_name,
    reporting_unit_hsa_id, reporting_organisation_hsa_id,
    receiving_unit_hsa_id, receiving_organisation_hsa_id,
    category_code, description, immediate_actions, consequence, probability,
    agreement_reference, possible_lex_maria, possible_lex_sarah,
    acknowledgement_due_at, answer_due_at, last_changed_at, event_count)
values (
    gen_random_uuid(), 'SAMLA-2026-' || lpad(:last_value::text, 6, '0'), 0, 'SUBMITTED',
    now() - interval '3 hours', now() - interval '90 minutes', now(),
    'SE9999999001-R' || lpad(:reporter::text, 12, '0'), 'Sara Sjuksköterska',
    'SE9999999001-U01', 'SE9999999001-ORG',
    'SE9999999002-U01', 'SE9999999002-ORG',
    (array['INFORMATION_TRANSFER', 'ADMISSION_DISCHARGE', 'SIP', 'MEDICATION',
           'ASSISTIVE_DEVICES', 'REFERRAL_CONTACT', 'PHYSICIAN_PARTICIPATION', 'SAMPLING',
           'NURSING', 'TRANSPORT', 'OTHER'])[:category],
    'Patienten skrevs ut utan aktuell läkemedelslista till hemsjukvården.',
    'Ringde avdelningen och fick listan per fax.',
    (array['NONE', 'MINOR', 'MODERATE', 'SIGNIFICANT', 'CATASTROPHIC'])[:consequence],
    (array['VERY_LOW', 'LOW', 'HIGH', 'VERY_HIGH'])[:probability],
    'Överenskommelse om samverkan vid in- och utskrivning', :lex = 1, false,
    now() + interval '7 days', now() + interval '60 days', now(), 1)
returning id \gset

insert into deviation_event (
    id, deviation_id, sequence_no, type, occurred_at, actor_hsa_id, actor_name, visibility, details)
values (
    nextval('deviation_event_seq'), :id, 1, 'SUBMITTED', now(),
    'SE9999999001-R' || lpad(:reporter::text, 12, '0'), 'Sara Sjuksköterska', 'SHARED',
    '{"receivingUnit": "SE9999999002-U01"}');

commit;
