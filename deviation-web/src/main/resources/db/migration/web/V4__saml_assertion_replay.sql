-- SAML assertion ids already used for a login (DESIGN section 6): the primary key makes a second
-- use of the same assertion fail on every instance that shares this database. Rows are deleted
-- once the assertion could no longer be accepted anyway (expires_at = its NotOnOrAfter + skew).
CREATE TABLE saml_assertion_replay (
    assertion_id VARCHAR(256) PRIMARY KEY,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX saml_assertion_replay_expires_at ON saml_assertion_replay (expires_at);
