-- Slack users of an Enterprise Grid org are keyed by the org alone ('E1:'), not 'E1:T1': one person is one user
-- across the org's workspaces. Each person's oldest row moves (rows are updated in id order); a second row of the
-- same person, if any, is left as it was rather than merged.
UPDATE OR IGNORE `users` SET `workspace` = substr(`workspace`, 1, instr(`workspace`, ':'))
WHERE `provider` = 'slack' AND instr(`workspace`, ':') > 1 AND substr(`workspace`, instr(`workspace`, ':') + 1) <> '';
