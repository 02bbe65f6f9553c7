-- A conversation: a user's messages to a business sender (an RCS agent or a number) open it for 24 hours from the last
-- one, within which the sender may write to them freely (v1's CONVERSATION messages); it ends when that time lapses.
-- open_key is the tenant, sender and user while it is open and null once ended, so each pair has one open at most;
-- opened_by names the user's message that opened it, so that message, when its carrier sends it again, is known as
-- the opener and its events are published again (the broker drops the copies).
CREATE TABLE conversations (
    id          VARCHAR(40)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    agent       VARCHAR(128) NOT NULL,
    user_number VARCHAR(32)  NOT NULL,
    message_id  VARCHAR(40)  NOT NULL REFERENCES messages (id),
    open_key    VARCHAR(240),
    opened_by   VARCHAR(128) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_conversations_open UNIQUE (open_key)
);
CREATE INDEX ix_conversations_expiry ON conversations (ended_at, expires_at);

-- a user's reply is matched to the last message sent to them
CREATE INDEX ix_messages_recipient ON messages (recipient, created_at);
