-- The events feed (API.md "Events"): an outbox appended in the same transaction as each
-- write (events/EventOutbox). position is the commit order: it is assigned just before the
-- commit, under the row lock of change_event_position, which the transaction holds until
-- it has committed. So a transaction that commits later always gets a higher position, and
-- a reader paging by position never skips an event that a slower transaction commits
-- after the reader's page (ids and created_at are taken at the write, not at commit).
-- data is the object as the management API returns it, as compact JSON text.
CREATE TABLE change_event (
    position        BIGINT          NOT NULL PRIMARY KEY,
    id              VARCHAR(40)     NOT NULL,
    event           VARCHAR(64)     NOT NULL,
    organization_id VARCHAR(40),
    data            VARCHAR(1000000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX change_event_id_key ON change_event (id);
CREATE INDEX change_event_created_at_idx ON change_event (created_at);
CREATE INDEX change_event_organization_idx ON change_event (organization_id, position);

CREATE TABLE change_event_position (
    id            INTEGER NOT NULL PRIMARY KEY,
    last_position BIGINT  NOT NULL
);
INSERT INTO change_event_position (id, last_position) VALUES (1, 0);

-- Webhook endpoints (API.md "Webhooks"). events is the subscribed names as
-- ',name,name,' so that matching is a portable LIKE. The secret signs deliveries; it is
-- shown in full only in the create answer.
CREATE TABLE webhook_endpoint (
    id           VARCHAR(40)   NOT NULL PRIMARY KEY,
    endpoint_url VARCHAR(2048) NOT NULL,
    secret       VARCHAR(80)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    events       VARCHAR(2048) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per event and endpoint it matched, written with the event (in the write's
-- transaction), so the delivery state survives restarts. state: pending, delivered,
-- failed. A deliverer takes the oldest pending row of an endpoint with FOR UPDATE SKIP
-- LOCKED and holds the lock while it delivers, so no two instances deliver it at once and
-- a killed deliverer leaves it pending for the next.
CREATE TABLE webhook_delivery (
    endpoint_id     VARCHAR(40)  NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_position  BIGINT       NOT NULL,
    event_id        VARCHAR(40)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(512),
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (endpoint_id, event_position)
);
CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (state, next_attempt_at);
