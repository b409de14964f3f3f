-- A case registered in MedControl PRO may come without a risk: the reporter's estimate becomes
-- optional for imported deviations (both values or neither), and the receiving side's own
-- assessment is kept beside the reporter's estimate, with when and by whom it was made.
alter table deviation alter column consequence drop not null;
alter table deviation alter column probability drop not null;

alter table deviation
    add constraint deviation_reporter_estimate_complete
        check ((consequence is null) = (probability is null)),
    add constraint deviation_reporter_estimate_required_here
        check (consequence is not null or origin = 'MEDCONTROL');

alter table deviation
    add column assessed_consequence    varchar(16) check (assessed_consequence in
        ('NONE', 'MINOR', 'MODERATE', 'SIGNIFICANT', 'CATASTROPHIC')),
    add column assessed_probability    varchar(16) check (assessed_probability in
        ('VERY_LOW', 'LOW', 'HIGH', 'VERY_HIGH')),
    add column risk_assessed_at        timestamptz,
    add column risk_assessed_by_hsa_id varchar(64),
    add column risk_assessed_by_name   varchar(200),
    add constraint deviation_risk_assessment_complete check (
        (assessed_consequence is null) = (assessed_probability is null)
        and (assessed_consequence is null) = (risk_assessed_at is null)
        and (assessed_consequence is null) = (risk_assessed_by_hsa_id is null)
        and (assessed_consequence is null) = (risk_assessed_by_name is null));
