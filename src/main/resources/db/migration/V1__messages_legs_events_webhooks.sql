-- Portable between H2 (embedded default) and PostgreSQL (production).

CREATE TABLE messages (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(64)   NOT NULL,
    source_dialect  VARCHAR(16)   NOT NULL,
    idempotency_key VARCHAR(255),
    channel         VARCHAR(8)    NOT NULL,
    sender          VARCHAR(128)  NOT NULL,
    recipient       VARCHAR(32)   NOT NULL,
    status          VARCHAR(32)   NOT NULL,
    status_rank     INTEGER       NOT NULL,
    body            TEXT          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a repeated Idempotency-Key can never create a second message, even when two requests race
    CONSTRAINT uq_messages_tenant_idempotency_key UNIQUE (tenant_id, idempotency_key)
);

-- one row per carrier send: leg 1 is the first channel, higher numbers are failover legs
CREATE TABLE message_legs (
    leg_id             VARCHAR(48)  NOT NULL PRIMARY KEY,
    message_id         VARCHAR(40)  NOT NULL REFERENCES messages (id),
    leg_number         INTEGER      NOT NULL,
    channel            VARCHAR(8)   NOT NULL,
    carrier_id         VARCHAR(64)  NOT NULL,
    carrier_message_id VARCHAR(128),
    status             VARCHAR(32)  NOT NULL,
    reason             VARCHAR(1000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_message_legs_number UNIQUE (message_id, leg_number),
    CONSTRAINT uq_message_legs_carrier_id UNIQUE (carrier_id, carrier_message_id)
);

-- the timeline; dedupe_key keeps a repeated carrier callback out of it
CREATE TABLE message_events (
    event_id           VARCHAR(40)   NOT NULL PRIMARY KEY,
    message_id         VARCHAR(40)   NOT NULL REFERENCES messages (id),
    dedupe_key         VARCHAR(240)  NOT NULL,
    type               VARCHAR(32)   NOT NULL,
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    carrier_id         VARCHAR(64),
    carrier_message_id VARCHAR(128),
    channel            VARCHAR(8),
    reason             VARCHAR(1000),
    CONSTRAINT uq_message_events_dedupe_key UNIQUE (dedupe_key)
);

CREATE INDEX ix_message_events_message ON message_events (message_id, occurred_at);

CREATE TABLE webhook_subscriptions (
    id         VARCHAR(40)   NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(64)   NOT NULL,
    url        VARCHAR(2048) NOT NULL,
    events     VARCHAR(2000) NOT NULL,
    secret     VARCHAR(200)  NOT NULL,
    dialect    VARCHAR(16)   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_webhook_subscriptions_tenant ON webhook_subscriptions (tenant_id);
