-- Secret rotation: the secret a rotation replaced still signs every delivery, beside the new one, until it expires.
ALTER TABLE webhook_subscriptions ADD COLUMN previous_secret VARCHAR(200);
ALTER TABLE webhook_subscriptions ADD COLUMN previous_secret_expires_at TIMESTAMP WITH TIME ZONE;
-- How deliveries are going: failing since the first failed attempt after the last success (null while they succeed),
-- the latest failure, and, once disabled (by a 410, by failing too long, or by the client), when and why.
ALTER TABLE webhook_subscriptions ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_subscriptions ADD COLUMN last_failure_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_subscriptions ADD COLUMN last_failure_status INTEGER;
ALTER TABLE webhook_subscriptions ADD COLUMN last_failure_reason VARCHAR(200);
ALTER TABLE webhook_subscriptions ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_subscriptions ADD COLUMN disabled_reason VARCHAR(16);
