CREATE TABLE `send_pacing` (
	`key` text PRIMARY KEY NOT NULL,
	`next_at` integer NOT NULL
);
