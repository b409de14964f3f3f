-- The deviation aggregate, its timeline, and the case-number counter.

create table case_number_counter (
    prefix     varchar(16) not null,
    year       integer     not null,
    last_value integer     not null,
    primary key (prefix, year)
);

create table deviation (
    id                            uuid          primary key,
    case_number                   varchar(32)   not null,
    version                       bigint        not null,
    status                        varchar(32)   not null check (status in
        ('SUBMITTED', 'ASSIGNED', 'INFORMATION_REQUESTED', 'ANSWERED', 'CLOSED', 'RETURNED', 'WITHDRAWN')),
    occurred_at                   timestamptz   not null,
    discovered_at                 timestamptz,
    submitted_at                  timestamptz   not null,
    reporter_hsa_id               varchar(64)   not null,
    reporter_name                 varchar(200)  not null,
    reporting_unit_hsa_id         varchar(64)   not null references unit (hsa_id),
    reporting_organisation_hsa_id varchar(64)   not null references organisation (hsa_id),
    receiving_unit_hsa_id         varchar(64)   not null references unit (hsa_id),
    receiving_organisation_hsa_id varchar(64)   not null references organisation (hsa_id),
    category_code                 varchar(64)   not null references category (code),
    description                   varchar(8000) not null,
    immediate_actions             varchar(4000),
    consequence                   varchar(16)   not null check (consequence in
        ('NONE', 'MINOR', 'MODERATE', 'SIGNIFICANT', 'CATASTROPHIC')),
    probability                   varchar(16)   not null check (probability in ('VERY_LOW', 'LOW', 'HIGH', 'VERY_HIGH')),
    agreement_reference           varchar(500),
    possible_lex_maria            boolean       not null default false,
    possible_lex_sarah            boolean       not null default false,
    patient_ciphertext            bytea,
    patient_pseudonym             varchar(64),
    handler_hsa_id                varchar(64),
    handler_name                  varchar(200),
    answer_investigation          varchar(8000),
    answer_causes                 varchar(8000),
    answer_measures               varchar(8000),
    answered_at                   timestamptz,
    answered_by_hsa_id            varchar(64),
    answered_by_name              varchar(200),
    acknowledgement_due_at        timestamptz   not null,
    answer_due_at                 timestamptz   not null,
    paused_at                     timestamptz,
    closed_at                     timestamptz,
    medcontrol_case_id            varchar(64),
    last_changed_at               timestamptz   not null,
    event_count                   integer       not null,
    constraint deviation_case_number_unique unique (case_number),
    constraint deviation_patient_complete check ((patient_ciphertext is null) = (patient_pseudonym is null))
);

-- The list queries: "reported by me", "inbox for my units", "my organisation in both directions",
-- all newest first; plus the auto-close job and repeat-patient counting.
create index deviation_reporter_idx           on deviation (reporter_hsa_id, submitted_at desc);
create index deviation_receiving_unit_idx     on deviation (receiving_unit_hsa_id, status, submitted_at desc);
create index deviation_reporting_org_idx      on deviation (reporting_organisation_hsa_id, submitted_at desc);
create index deviation_receiving_org_idx      on deviation (receiving_organisation_hsa_id, submitted_at desc);
create index deviation_answered_idx           on deviation (answered_at) where status = 'ANSWERED';
create index deviation_patient_pseudonym_idx  on deviation (patient_pseudonym) where patient_pseudonym is not null;

create sequence deviation_event_seq increment by 50;

create table deviation_event (
    id            bigint       primary key,
    deviation_id  uuid         not null references deviation (id),
    sequence_no   integer      not null,
    type          varchar(40)  not null,
    occurred_at   timestamptz  not null,
    actor_hsa_id  varchar(64)  not null,
    actor_name    varchar(200) not null,
    visibility    varchar(16)  not null default 'SHARED' check (visibility in ('SHARED', 'INTERNAL')),
    details       jsonb        not null default '{}'::jsonb,
    constraint deviation_event_sequence_unique unique (deviation_id, sequence_no)
);

-- Timeline entries are immutable: the timeline is the audit trail and the source of lead-time statistics.
create function refuse_modification() returns trigger language plpgsql as $$
begin
    raise exception 'table % is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger deviation_event_append_only
    before update or delete on deviation_event
    for each row execute function refuse_modification();
create trigger deviation_event_no_truncate
    before truncate on deviation_event
    for each statement execute function refuse_modification();
