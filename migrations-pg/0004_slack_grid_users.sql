-- Slack users of an Enterprise Grid org are keyed by the org alone ('E1:'), not 'E1:T1': one person is one user
-- across the org's workspaces. Each person's oldest row moves; a second row of the same person, if any, is left as
-- it was rather than merged.
UPDATE "users" AS u SET "workspace" = split_part(u."workspace", ':', 1) || ':'
WHERE u."provider" = 'slack' AND split_part(u."workspace", ':', 1) <> '' AND split_part(u."workspace", ':', 2) <> ''
  AND u."id" = (
    SELECT min(w."id") FROM "users" AS w
    WHERE w."provider" = u."provider" AND w."external_id" = u."external_id"
      AND split_part(w."workspace", ':', 1) = split_part(u."workspace", ':', 1)
  )
  AND NOT EXISTS (
    SELECT 1 FROM "users" AS v
    WHERE v."provider" = u."provider" AND v."external_id" = u."external_id"
      AND v."workspace" = split_part(u."workspace", ':', 1) || ':'
  );
