-- Each event's place in its message's timeline (from 1, message.queued), which webhooks carry so a receiver can put a
-- message's events back in order; events recorded before are numbered in the order they happened.
ALTER TABLE message_events ADD COLUMN sequence INTEGER;
UPDATE message_events e SET sequence = (
    SELECT COUNT(*) FROM message_events o
    WHERE o.message_id = e.message_id
      AND (o.occurred_at < e.occurred_at OR (o.occurred_at = e.occurred_at AND o.event_id <= e.event_id)));

-- The status callback URL a client gave with the message (v5's callbackURL), so each event can be posted to it
-- without reading the message's body back.
ALTER TABLE messages ADD COLUMN callback_url VARCHAR(2048);
