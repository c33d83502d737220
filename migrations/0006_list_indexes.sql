-- Indexes that match the keyset orderings of the lists exactly (Swedish name order, then id/code),
-- so a page is an index range scan rather than a sort of the whole table.
DROP INDEX municipalities_sv;
CREATE INDEX municipalities_sv ON municipalities ((sv_key(name)) COLLATE "C", code);
CREATE INDEX persons_sv ON persons ((sv_key(name)) COLLATE "C", id);
CREATE INDEX users_sv ON users ((sv_key(name)) COLLATE "C", id);
