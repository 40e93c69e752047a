-- A turn's place in its call is unique, so a write replayed after a lost acknowledgement cannot
-- duplicate it. Older rows written concurrently may share a seq: renumber them in their order first.
WITH ranked AS (
  SELECT id, (row_number() OVER (PARTITION BY call_id ORDER BY seq, at, id) - 1)::int AS n FROM call_turns
)
UPDATE call_turns t SET seq = ranked.n FROM ranked WHERE t.id = ranked.id AND t.seq <> ranked.n;--> statement-breakpoint
DROP INDEX "call_turns_call_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "call_turns_call_seq_uq" ON "call_turns" USING btree ("call_id","seq");
