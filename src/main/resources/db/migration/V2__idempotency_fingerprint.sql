-- What the client asked for, minus the hub's id and time: a repeated Idempotency-Key with a different request is
-- refused, the same request is answered with the original message.
ALTER TABLE messages ADD COLUMN request_fingerprint VARCHAR(64);
