-- which failover request claimed a leg: a redelivery of that request may send it, another request (a second trigger)
-- may not, so a failover leg is sent once however many triggers race
ALTER TABLE message_legs ADD COLUMN claimed_by VARCHAR(200);
