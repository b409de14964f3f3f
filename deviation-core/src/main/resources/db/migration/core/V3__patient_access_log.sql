-- PDL (HSLF-FS 2016:40): every read of a deviation that carries a patient is logged.
-- Append-only: the database itself refuses UPDATE, DELETE and TRUNCATE. Retention (at least five
-- years) is handled by archiving partitions by a DBA procedure, never by the application.

create table patient_access_log (
    id                 bigint       generated always as identity primary key,
    accessed_at        timestamptz  not null,
    actor_hsa_id       varchar(64)  not null,
    actor_name         varchar(200) not null,
    acting_unit_hsa_id varchar(64),
    deviation_id       uuid         not null,
    patient_pseudonym  varchar(64)  not null,
    action             varchar(32)  not null,
    revealed           boolean      not null
);
create index patient_access_log_pseudonym_idx on patient_access_log (patient_pseudonym, accessed_at);
create index patient_access_log_actor_idx     on patient_access_log (actor_hsa_id, accessed_at);

create trigger patient_access_log_append_only
    before update or delete on patient_access_log
    for each row execute function refuse_modification();
create trigger patient_access_log_no_truncate
    before truncate on patient_access_log
    for each statement execute function refuse_modification();

-- Spring Integration's JDBC lock registry: jobs that must run once across instances.
create table int_lock (
    lock_key     char(36)     not null,
    region       varchar(100) not null,
    client_id    char(36),
    created_date timestamp    not null,
    constraint int_lock_pk primary key (lock_key, region)
);
