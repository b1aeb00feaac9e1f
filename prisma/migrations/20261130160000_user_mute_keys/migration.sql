-- Fan-out's mute check reads arrays on the user row (like excluded_keywords) instead of a
-- sub-select on user_mutes per user: a correlated sub-select's plan depends on statistics, and
-- on stale ones after a bulk insert of mutes it probed (kind, key) per user and stalled.
-- user_mutes stays the record (value as named, created_at, undo by id); a trigger keeps the
-- arrays equal to it in the same transaction, whatever writes it.

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "muted_company_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "muted_keyword_keys" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE FUNCTION jobping_sync_user_mute_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users u SET
    muted_company_keys = ARRAY(SELECT m.key FROM user_mutes m WHERE m.user_id = u.id AND m.kind = 'company' ORDER BY m.key),
    muted_keyword_keys = ARRAY(SELECT m.key FROM user_mutes m WHERE m.user_id = u.id AND m.kind = 'keyword' ORDER BY m.key)
  WHERE u.id IN (SELECT user_id FROM changed_mutes);
  RETURN NULL;
END;
$$;

-- One statement per INSERT/DELETE/UPDATE of user_mutes, over the rows it touched (transition tables).
CREATE TRIGGER user_mutes_sync_insert AFTER INSERT ON "user_mutes"
  REFERENCING NEW TABLE AS changed_mutes FOR EACH STATEMENT EXECUTE FUNCTION jobping_sync_user_mute_keys();
CREATE TRIGGER user_mutes_sync_delete AFTER DELETE ON "user_mutes"
  REFERENCING OLD TABLE AS changed_mutes FOR EACH STATEMENT EXECUTE FUNCTION jobping_sync_user_mute_keys();
CREATE TRIGGER user_mutes_sync_update AFTER UPDATE ON "user_mutes"
  REFERENCING NEW TABLE AS changed_mutes FOR EACH STATEMENT EXECUTE FUNCTION jobping_sync_user_mute_keys();

-- The mutes made before this migration.
UPDATE users u SET
  muted_company_keys = ARRAY(SELECT m.key FROM user_mutes m WHERE m.user_id = u.id AND m.kind = 'company' ORDER BY m.key),
  muted_keyword_keys = ARRAY(SELECT m.key FROM user_mutes m WHERE m.user_id = u.id AND m.kind = 'keyword' ORDER BY m.key)
WHERE EXISTS (SELECT 1 FROM user_mutes m WHERE m.user_id = u.id);
