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
