-- Webhook deliveries are leased instead of row-locked for the length of the HTTP call
-- (events/DeliveryLeases): a deliverer claims the oldest pending delivery of an endpoint
-- in a short transaction by setting leased_until (now + timeout + margin) and a token of
-- its own in lease_owner, commits, POSTs outside any transaction, and records the attempt
-- only where lease_owner is still its token. No connection is held while a receiver is
-- slow; a delivery whose lease has run out (its deliverer died) is due again, so delivery
-- stays at least once. Both are null while nobody delivers the row.
ALTER TABLE webhook_delivery ADD COLUMN leased_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_delivery ADD COLUMN lease_owner VARCHAR(40);
