-- Where a deviation was first registered: here (SAMVERKAN) or in MedControl PRO and imported.
alter table deviation
    add column origin varchar(16) not null default 'SAMVERKAN'
        constraint deviation_origin_check check (origin in ('SAMVERKAN', 'MEDCONTROL'));

-- One deviation per MedControl PRO case: the last guard against a doubled import or link.
create unique index deviation_medcontrol_case_unique
    on deviation (medcontrol_case_id) where medcontrol_case_id is not null;
