-- What the routing rules decided for the message when its first leg was claimed (rule, carrier, failover mode, time
-- limit, chain), as JSON: the failover and the time limit follow it, so a routing change after the send cannot change a
-- decision already taken. Null for legs claimed before the hub kept it.
ALTER TABLE message_legs ADD COLUMN route VARCHAR(4000);
