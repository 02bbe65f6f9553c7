-- One message's whole path for operators (GET /actuator/messages/{id}).
-- The trace its spans belong to (W3C trace id, 32 hex digits), from the span that accepted it; null when it was
-- accepted outside a trace.
ALTER TABLE messages ADD COLUMN trace_id VARCHAR(32);

-- Each call to a carrier about a leg: when, how long, what came of it. Written in batches off the hot path, an
-- operator's record rather than a promise (a full queue drops rows), and deleted after switchboard.path.retention.
-- No foreign key: the record never holds up, nor waits for, the message's own writes.
CREATE TABLE carrier_calls (
    message_id  VARCHAR(40)   NOT NULL,
    leg_number  INTEGER       NOT NULL,
    carrier_id  VARCHAR(64)   NOT NULL,
    called_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms INTEGER       NOT NULL,
    -- accepted, retry, refused (the carrier's answer as the hub read it) or unreachable (no answer)
    outcome     VARCHAR(16)   NOT NULL,
    http_status INTEGER,
    cause       VARCHAR(1000)
);
CREATE INDEX ix_carrier_calls_message ON carrier_calls (message_id, called_at);
CREATE INDEX ix_carrier_calls_time ON carrier_calls (called_at);

-- Each post of an event to a webhook subscription (or to a message's own status callback, target callback:<dialect>:
-- <tenant>), as carrier_calls: batched, droppable, deleted after the same retention.
CREATE TABLE webhook_attempts (
    message_id   VARCHAR(40)   NOT NULL,
    event_id     VARCHAR(40)   NOT NULL,
    target       VARCHAR(200)  NOT NULL,
    attempt      INTEGER       NOT NULL,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms  INTEGER       NOT NULL,
    -- delivered (a 2xx) or failed
    outcome      VARCHAR(16)   NOT NULL,
    http_status  INTEGER,
    cause        VARCHAR(1000)
);
CREATE INDEX ix_webhook_attempts_message ON webhook_attempts (message_id, attempted_at);
CREATE INDEX ix_webhook_attempts_time ON webhook_attempts (attempted_at);
