import GRDB

/// The workspace schema, as named migrations. A migration is never edited once shipped: a
/// change is a new migration appended here.
package enum WorkspaceMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-workspace") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE entity (
                    kind TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, json TEXT NOT NULL,
                    PRIMARY KEY (kind, id));
                CREATE TABLE assessment (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    party TEXT NOT NULL, working_group TEXT NOT NULL, region TEXT NOT NULL,
                    capability TEXT NOT NULL, month INTEGER NOT NULL, value REAL NOT NULL, trend TEXT,
                    scale_version INTEGER NOT NULL, confidence TEXT NOT NULL, evidence TEXT,
                    illustrative INTEGER NOT NULL, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL,
                    supersedes INTEGER REFERENCES assessment(id));
                CREATE INDEX assessment_subject ON assessment (party, working_group, region, capability, month, id);
                CREATE INDEX assessment_supersedes ON assessment (supersedes);
                CREATE TABLE resolution (id INTEGER PRIMARY KEY AUTOINCREMENT, json TEXT NOT NULL);
                CREATE TABLE commitment (id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, json TEXT NOT NULL);
                CREATE TABLE commitment_status (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    commitment_id TEXT NOT NULL REFERENCES commitment(id),
                    month INTEGER NOT NULL, status INTEGER NOT NULL, note TEXT, source TEXT,
                    recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL);
                CREATE TABLE incident (id INTEGER PRIMARY KEY AUTOINCREMENT, json TEXT NOT NULL);
                CREATE TABLE user (
                    name TEXT PRIMARY KEY NOT NULL, party TEXT NOT NULL, role TEXT NOT NULL, working_group TEXT);
                CREATE TABLE evidence_document (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL, sha256 TEXT NOT NULL,
                    ingested_at TEXT NOT NULL, ingested_by TEXT NOT NULL);
                CREATE TABLE evidence_item (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    document_id INTEGER NOT NULL REFERENCES evidence_document(id),
                    kind TEXT NOT NULL, content TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected')),
                    reviewed_by TEXT, reviewed_at TEXT);
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
                    action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, before TEXT, after TEXT);
                CREATE TABLE ledger_entry (
                    seq INTEGER PRIMARY KEY NOT NULL, kind TEXT NOT NULL, prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL, body TEXT NOT NULL);
                """)
        }
        // DESIGN §7: every record of these kinds carries a marking; what existed before is JOINT.
        migrator.registerMigration("v2-markings") { db in
            try db.execute(sql: """
                ALTER TABLE assessment ADD COLUMN marking TEXT NOT NULL DEFAULT 'JOINT';
                ALTER TABLE evidence_document ADD COLUMN marking TEXT NOT NULL DEFAULT 'JOINT';
                ALTER TABLE evidence_item ADD COLUMN marking TEXT NOT NULL DEFAULT 'JOINT';
                ALTER TABLE audit ADD COLUMN marking TEXT NOT NULL DEFAULT 'JOINT';
                ALTER TABLE ledger_entry ADD COLUMN marking TEXT NOT NULL DEFAULT 'JOINT';
                """)
        }
        // Sign-in: bcrypt password hashes, TOTP secrets, server-side sessions, failed attempts.
        migrator.registerMigration("v3-sign-in") { db in
            try db.execute(sql: """
                ALTER TABLE user ADD COLUMN password_hash TEXT;
                ALTER TABLE user ADD COLUMN totp_secret TEXT;
                CREATE TABLE session (
                    id_hash TEXT PRIMARY KEY NOT NULL, user_name TEXT NOT NULL REFERENCES user(name),
                    csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
                CREATE TABLE sign_in_failure (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, user_name TEXT NOT NULL, address TEXT NOT NULL, at REAL NOT NULL);
                CREATE INDEX sign_in_failure_user ON sign_in_failure (user_name, at);
                CREATE INDEX sign_in_failure_address ON sign_in_failure (address, at);
                """)
        }
        // API tokens for scripts: only a hash kept, a scope, an expiry, revocable.
        migrator.registerMigration("v4-api-tokens") { db in
            try db.execute(sql: """
                CREATE TABLE api_token (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, token_hash TEXT NOT NULL UNIQUE,
                    user_name TEXT NOT NULL REFERENCES user(name), label TEXT NOT NULL,
                    scope TEXT NOT NULL CHECK (scope IN ('read', 'read-write')),
                    created_at REAL NOT NULL, expires_at REAL NOT NULL, revoked_at REAL);
                """)
        }
        // DESIGN §7 on the records left unmarked by v2: commitments and each status change,
        // resolutions, the scenario's sites (with their teams and headcounts); what existed
        // before is JOINT. The rest of the structure (the scenario's header, parties, regions,
        // capabilities, scales, phases, policy, capacity, growth) is the frame every party
        // plans in: PUBLIC. Notes on records and saved plans, each with its marking.
        migrator.registerMigration("v6-markings") { db in
            try db.execute(sql: """
                ALTER TABLE entity ADD COLUMN marking TEXT NOT NULL DEFAULT 'JOINT';
                UPDATE entity SET marking = 'PUBLIC' WHERE kind <> 'site';
                ALTER TABLE commitment ADD COLUMN marking TEXT NOT NULL DEFAULT 'JOINT';
                ALTER TABLE commitment_status ADD COLUMN marking TEXT NOT NULL DEFAULT 'JOINT';
                ALTER TABLE resolution ADD COLUMN marking TEXT NOT NULL DEFAULT 'JOINT';
                CREATE TABLE note (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
                    text TEXT NOT NULL, written_at TEXT NOT NULL, written_by TEXT NOT NULL, marking TEXT NOT NULL);
                CREATE INDEX note_entity ON note (entity, entity_id);
                CREATE TABLE saved_plan (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, mode TEXT NOT NULL, plan TEXT NOT NULL,
                    saved_at TEXT NOT NULL, saved_by TEXT NOT NULL, marking TEXT NOT NULL);
                """)
        }
        // Signed heads (ledger receipts) the server has been shown: it refuses to serve a ledger
        // that contradicts one (docs/ledger.md).
        migrator.registerMigration("v7-signed-heads") { db in
            try db.execute(sql: """
                CREATE TABLE signed_head (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    seq INTEGER NOT NULL, head TEXT NOT NULL, at TEXT NOT NULL, party TEXT NOT NULL,
                    public_key TEXT NOT NULL, signature TEXT NOT NULL,
                    received_at TEXT NOT NULL, received_by TEXT NOT NULL,
                    UNIQUE (party, public_key, seq, head, signature));
                """)
        }
        return migrator
    }

    /// Bumped with every migration added; also written to `PRAGMA user_version`.
    package static let schemaVersion = 7
}
