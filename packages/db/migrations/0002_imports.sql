CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"rows" integer NOT NULL,
	"imported" integer NOT NULL,
	"rejected" integer NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"rolled_back_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "permits" ALTER COLUMN "sex" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "permits" ALTER COLUMN "district_code" DROP NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "import_batches_committed_file_idx" ON "import_batches" USING btree ("kind","file_sha256") WHERE status = 'committed';--> statement-breakpoint
CREATE INDEX "import_batches_created_idx" ON "import_batches" USING btree ("created_at");