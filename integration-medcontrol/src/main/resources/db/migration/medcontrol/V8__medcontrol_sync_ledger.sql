-- The MedControl PRO sync ledger (DESIGN section 7), written by integration-medcontrol.
-- Core owns every migration; the integration reads and writes these tables with plain SQL.

-- Outbound: one active row (PENDING or IN_FLIGHT) per deviation; later changes coalesce into it
-- by counting up `changes`. The row says "send this deviation as it is now"; the relay reads the
-- deviation when it sends, so no patient data is copied here. A relay claims due rows with FOR UPDATE SKIP LOCKED, sets a claim
-- token and a lease, calls MedControl PRO outside any transaction, and completes the row with an
-- update conditional on its claim token. SENT and DEAD rows stay as history.
create table medcontrol_outbox (
    id                bigint       generated always as identity primary key,
    -- Deferred: the row is written in the command's transaction, before JPA flushes a new deviation.
    deviation_id      uuid         not null references deviation (id) deferrable initially deferred,
    changes           integer      not null default 1,
    state             varchar(16)  not null check (state in ('PENDING', 'IN_FLIGHT', 'SENT', 'DEAD')),
    attempts          integer      not null default 0,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    next_attempt_at   timestamptz  not null,
    claim_token       uuid,
    lease_until       timestamptz,
    claimed_changes   integer,
    last_http_status  integer,
    last_error        varchar(500),
    completed_at      timestamptz
);
create unique index medcontrol_outbox_one_active on medcontrol_outbox (deviation_id)
    where state in ('PENDING', 'IN_FLIGHT');
create index medcontrol_outbox_due on medcontrol_outbox (next_attempt_at)
    where state in ('PENDING', 'IN_FLIGHT');
create index medcontrol_outbox_dead on medcontrol_outbox (completed_at) where state = 'DEAD';
create index medcontrol_outbox_deviation on medcontrol_outbox (deviation_id, id desc);

-- The link between a deviation and its remote case, and the base of the three-way merge: the
-- values of the shared fields that both sides last agreed on (JSON, no patient data).
create table medcontrol_link (
    deviation_id   uuid         primary key references deviation (id) deferrable initially deferred,
    case_id        varchar(64)  not null,
    remote_version bigint       not null,
    synced_version bigint,
    base           jsonb        not null default '{}'::jsonb,
    last_synced_at timestamptz,
    constraint medcontrol_link_case_unique unique (case_id)
);

-- Inbound: every (case, version) seen once. Our own writes are recorded as OWN_WRITE when the
-- remote answers, so their echoes in the change feed are skipped by the key alone.
create table medcontrol_inbox (
    case_id      varchar(64)  not null,
    version      bigint       not null,
    received_at  timestamptz  not null,
    outcome      varchar(16)  not null check (outcome in
        ('OWN_WRITE', 'CREATED', 'APPLIED', 'UNCHANGED', 'CONFLICT', 'REJECTED', 'IGNORED')),
    deviation_id uuid,
    detail       varchar(500),
    primary key (case_id, version)
);
create index medcontrol_inbox_rejected on medcontrol_inbox (received_at desc) where outcome = 'REJECTED';

-- The change-feed cursor, moved by compare-and-set after the page it ends is committed.
create table medcontrol_cursor (
    name        varchar(32)  primary key,
    cursor      varchar(500),
    updated_at  timestamptz  not null,
    last_poll_at timestamptz
);
insert into medcontrol_cursor (name, cursor, updated_at) values ('changes', null, now());

-- A field changed on both sides since the base: a person chooses, nothing is overwritten.
create table medcontrol_conflict (
    id             bigint        generated always as identity primary key,
    deviation_id   uuid          not null references deviation (id),
    case_id        varchar(64)   not null,
    field          varchar(32)   not null,
    base_value     varchar(8000),
    local_value    varchar(8000),
    remote_value   varchar(8000),
    remote_version bigint        not null,
    state          varchar(16)   not null check (state in ('OPEN', 'RESOLVED')),
    detected_at    timestamptz   not null,
    resolution     varchar(16)   check (resolution in ('LOCAL', 'REMOTE')),
    resolved_by    varchar(64),
    resolved_at    timestamptz
);
create unique index medcontrol_conflict_one_open on medcontrol_conflict (deviation_id, field)
    where state = 'OPEN';

-- Operators can pause the sync on every instance at once.
create table medcontrol_control (
    id         integer      primary key check (id = 1),
    paused     boolean      not null,
    changed_by varchar(64),
    changed_at timestamptz  not null
);
insert into medcontrol_control (id, paused, changed_at) values (1, false, now());
