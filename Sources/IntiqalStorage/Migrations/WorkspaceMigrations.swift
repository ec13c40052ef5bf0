import Foundation
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
        // Incidents as records (DESIGN §4, §7): region, day, kind and precision as columns, a
        // marking (what existed is JOINT), and their sources with provenance and merge reasons.
        migrator.registerMigration("v5-incidents") { db in
            try db.execute(sql: """
                ALTER TABLE incident ADD COLUMN region TEXT NOT NULL DEFAULT '';
                ALTER TABLE incident ADD COLUMN kind TEXT NOT NULL DEFAULT 'attack';
                ALTER TABLE incident ADD COLUMN day INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE incident ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'day';
                ALTER TABLE incident ADD COLUMN place TEXT;
                ALTER TABLE incident ADD COLUMN place_precision TEXT;
                ALTER TABLE incident ADD COLUMN marking TEXT NOT NULL DEFAULT 'JOINT';
                ALTER TABLE incident ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
                ALTER TABLE incident ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
                CREATE TABLE incident_source (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    incident_id INTEGER NOT NULL REFERENCES incident(id),
                    kind TEXT NOT NULL CHECK (kind IN ('evidence', 'dataset', 'scenario')),
                    evidence_item_id INTEGER REFERENCES evidence_item(id),
                    dataset TEXT, row_key TEXT UNIQUE, file TEXT, line INTEGER, reference TEXT,
                    provenance TEXT NOT NULL, merge_reason TEXT, marking TEXT NOT NULL DEFAULT 'JOINT',
                    added_at TEXT NOT NULL, added_by TEXT NOT NULL);
                CREATE UNIQUE INDEX incident_source_item ON incident_source (evidence_item_id) WHERE evidence_item_id IS NOT NULL;
                CREATE INDEX incident_source_incident ON incident_source (incident_id);
                CREATE INDEX incident_slot ON incident (region, kind, day);
                """)
            // Existing incidents (from scenario files): their columns from their JSON, and their source.
            for row in try Row.fetchAll(db, sql: "SELECT id, json FROM incident") {
                let id: Int64 = row["id"], json: String = row["json"]
                let fields = IncidentColumns(json: json)
                try db.execute(sql: "UPDATE incident SET region = ?, kind = ?, day = ? WHERE id = ?",
                               arguments: [fields.region, fields.kind, fields.day, id])
                try db.execute(sql: """
                    INSERT INTO incident_source (incident_id, kind, reference, provenance, added_at, added_by)
                    VALUES (?, 'scenario', ?, ?, '', 'v5-incidents')
                    """, arguments: [id, fields.source, json])
            }
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

/// The columns `v5-incidents` derives from an incident's stored JSON (kept here, with the
/// migration, so the migration never changes with the code around it).
private struct IncidentColumns: Decodable {
    var date: String
    var region: String
    var kind: String
    var source: String?

    init(json: String) {
        self = (try? JSONDecoder().decode(IncidentColumns.self, from: Data(json.utf8)))
            ?? IncidentColumns(date: "", region: "", kind: "attack", source: nil)
    }

    init(date: String, region: String, kind: String, source: String?) {
        self.date = date
        self.region = region
        self.kind = kind
        self.source = source
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (0 when it is not one).
    var day: Int {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
