-- SAML AuthnRequests waiting for the IdP's answer (ADR 0011). Keyed by the RelayState the IdP
-- echoes, so the answer can be matched without the session cookie (SameSite=Lax keeps it off the
-- IdP's cross-site POST), on any instance. binding_hash is the SHA-256 of a random value in a
-- short-lived cookie scoped to the ACS path: only the browser that started the login can finish it.
CREATE TABLE saml_authn_request (
    relay_state      VARCHAR(128) PRIMARY KEY,
    binding_hash     VARCHAR(64)  NOT NULL,
    request_id       VARCHAR(256) NOT NULL,
    registration_id  VARCHAR(64)  NOT NULL,
    binding          VARCHAR(16)  NOT NULL,
    saml_request     TEXT         NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX saml_authn_request_expires_at ON saml_authn_request (expires_at);
