-- When the hub learnt from the carrier that a leg reached the recipient, written by the callback before it is
-- answered: the failover decision reads it here, never from the timeline, which a slow consumer may not have filled
-- in yet.
ALTER TABLE message_legs ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
-- How often the leg was sent again after an attempt that stopped between the carrier call and its recorded answer
-- (a crash, or a call whose answer was lost): each one may have reached the carrier twice.
ALTER TABLE message_legs ADD COLUMN in_doubt_resends INTEGER DEFAULT 0 NOT NULL;
-- When the leg was last handed to its carrier: the time of its message.sent event, also when a redelivery publishes
-- that event again after a crash lost it.
ALTER TABLE message_legs ADD COLUMN handed_at TIMESTAMP WITH TIME ZONE;
