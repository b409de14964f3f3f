-- Master data: organisations (vårdgivare/huvudmän), units, appointments and categories.

create table organisation (
    hsa_id varchar(64)  primary key,
    name   varchar(200) not null,
    kind   varchar(16)  not null check (kind in ('REGION', 'MUNICIPALITY', 'PRIVATE'))
);

create table unit (
    hsa_id              varchar(64)  primary key,
    name                varchar(200) not null,
    organisation_hsa_id varchar(64)  not null references organisation (hsa_id),
    parent_hsa_id       varchar(64)  references unit (hsa_id),
    active              boolean      not null default true
);
create index unit_organisation_idx on unit (organisation_hsa_id);

create table handler_appointment (
    id            uuid         primary key,
    unit_hsa_id   varchar(64)  not null references unit (hsa_id),
    person_hsa_id varchar(64)  not null,
    name          varchar(200) not null,
    email         varchar(320),
    constraint handler_appointment_unique unique (unit_hsa_id, person_hsa_id)
);
create index handler_appointment_person_idx on handler_appointment (person_hsa_id);

create table coordinator_appointment (
    id                  uuid         primary key,
    organisation_hsa_id varchar(64)  not null references organisation (hsa_id),
    person_hsa_id       varchar(64)  not null,
    name                varchar(200) not null,
    email               varchar(320),
    constraint coordinator_appointment_unique unique (organisation_hsa_id, person_hsa_id)
);
create index coordinator_appointment_person_idx on coordinator_appointment (person_hsa_id);

create table category (
    code            varchar(64)  primary key,
    label_sv        varchar(200) not null,
    label_en        varchar(200) not null,
    medcontrol_code varchar(32)  not null,
    sort_order      integer      not null,
    list_version    integer      not null,
    active          boolean      not null default true
);

insert into category (code, label_sv, label_en, medcontrol_code, sort_order, list_version) values
    ('INFORMATION_TRANSFER',    'Informationsöverföring',                           'Information transfer',                                   'SAM-01', 1, 1),
    ('ADMISSION_DISCHARGE',     'In- och utskrivning och samordnad vårdplanering',  'Admission, discharge and coordinated care planning',     'SAM-02', 2, 1),
    ('SIP',                     'SIP (samordnad individuell plan)',                 'Coordinated individual plan (SIP)',                      'SAM-03', 3, 1),
    ('MEDICATION',              'Läkemedel',                                        'Medication',                                             'SAM-04', 4, 1),
    ('ASSISTIVE_DEVICES',       'Hjälpmedel och medicinteknik',                     'Assistive devices and medical technology',               'SAM-05', 5, 1),
    ('REFERRAL_CONTACT',        'Remiss, kontakt och tillgänglighet',               'Referral, contact and accessibility',                    'SAM-06', 6, 1),
    ('PHYSICIAN_PARTICIPATION', 'Läkarmedverkan och hemsjukvårdsansvar',            'Physician participation and home health care responsibility', 'SAM-07', 7, 1),
    ('SAMPLING',                'Provtagning och provsvar',                         'Sampling and test results',                              'SAM-08', 8, 1),
    ('NURSING',                 'Omvårdnad',                                        'Nursing care',                                           'SAM-09', 9, 1),
    ('TRANSPORT',               'Transport',                                        'Transport',                                              'SAM-10', 10, 1),
    ('OTHER',                   'Övrigt',                                           'Other',                                                  'SAM-99', 11, 1);
