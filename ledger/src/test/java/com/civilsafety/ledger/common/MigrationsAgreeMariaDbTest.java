package com.civilsafety.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.testsupport.MariaDbDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.io.IOException;
import org.flywaydb.core.Flyway;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.junit.jupiter.api.Test;

/**
 * One migration set (db/migration) builds the schema on H2 and on MySQL 8 / MariaDB, with the placeholders each
 * dialect's settings give it (civil-safety-ledger.yml: the default document for H2, the mysql profile's for MySQL);
 * this test keeps the two results one schema. Both are run from scratch — H2 in memory, MariaDB on the test server —
 * and compared as the database reports them: tables, columns with their kind, length and nullability, primary keys,
 * unique constraints and foreign keys.
 */
class MigrationsAgreeMariaDbTest {

    @Test
    void theMigrationsBuildTheSameSchemaOnH2AndMySql() throws SQLException, IOException {
        String h2 = "jdbc:h2:mem:migrations_agree;DB_CLOSE_DELAY=-1";
        migrate(h2, "sa", "", placeholders(0));
        String mariaDb = MariaDbDatabase.create("migrations_agree");
        migrate(mariaDb, MariaDbDatabase.user(), MariaDbDatabase.password(), placeholders(1));

        Schema onH2;
        try (Connection c = DriverManager.getConnection(h2, "sa", "")) {
            onH2 = Schema.read(c, null, "PUBLIC");
        }
        Schema onMariaDb;
        try (Connection c = MariaDbDatabase.connect(mariaDb)) {
            onMariaDb = Schema.read(c, c.getCatalog(), null);
        }

        assertThat(onH2.tables.keySet()).as("tables").hasSizeGreaterThan(25).isEqualTo(onMariaDb.tables.keySet());
        onH2.tables.forEach((table, columns) ->
                assertThat(columns).as("columns of " + table).isEqualTo(onMariaDb.tables.get(table)));
        assertThat(onH2.primaryKeys).as("primary keys").isEqualTo(onMariaDb.primaryKeys);
        assertThat(onH2.uniques).as("unique constraints").isEqualTo(onMariaDb.uniques);
        assertThat(onH2.foreignKeys).as("foreign keys").isEqualTo(onMariaDb.foreignKeys);
    }

    /**
     * A database built by the former per-dialect files recorded their checksums: the start realigns those (and only
     * those) and Flyway then validates and migrates it. On MariaDB with the former mysql/ files' checksums, on H2
     * with the former h2/ files'.
     */
    @Test
    void aDatabaseBuiltByTheFormerFilesStarts() throws SQLException, IOException {
        String mariaDb = MariaDbDatabase.create("migrations_legacy");
        Map<String, Integer> mysql = new TreeMap<>();
        H2_CHECKSUMS.keySet().forEach(v -> mysql.put(v, mysqlChecksum(v)));
        startsAfterRealigning(flyway(mariaDb, MariaDbDatabase.user(), MariaDbDatabase.password(), placeholders(1)),
                () -> MariaDbDatabase.connect(mariaDb), mysql);
        String h2 = "jdbc:h2:mem:migrations_legacy;DB_CLOSE_DELAY=-1";
        startsAfterRealigning(flyway(h2, "sa", "", placeholders(0)), () -> DriverManager.getConnection(h2, "sa", ""),
                H2_CHECKSUMS);
    }

    interface Connect {
        Connection open() throws SQLException;
    }

    private static void startsAfterRealigning(Flyway flyway, Connect connect, Map<String, Integer> former) throws SQLException {
        flyway.migrate();
        try (Connection c = connect.open(); Statement st = c.createStatement()) {
            String q = c.getMetaData().getIdentifierQuoteString().strip();
            String update = "update " + q + "flyway_schema_history" + q + " set " + q + "checksum" + q + " = %d where "
                    + q + "version" + q + " = '%s'";
            for (var entry : former.entrySet()) {
                st.executeUpdate(update.formatted(entry.getValue(), entry.getKey()));
            }
            // and one checksum no former file had: it must still stop the start
            st.executeUpdate(update.formatted(12345, "16"));
        }

        assertThat(flyway.validateWithResult().validationSuccessful).as("Flyway refuses the former checksums").isFalse();
        LegacyMigrationHistory.realign(flyway);
        assertThat(flyway.validateWithResult().invalidMigrations).extracting(m -> m.version).containsExactly("16");
    }

    private static int mysqlChecksum(String version) {
        // OLD_CHECKSUMS holds {h2, mysql}; the MySQL one is whichever the H2 file did not record
        return LegacyMigrationHistory.OLD_CHECKSUMS.get(version).stream().filter(c -> !c.equals(H2_CHECKSUMS.get(version)))
                .findFirst().orElseThrow();
    }

    /** What the former h2/ files recorded, as Flyway wrote them into a database built with them on 2026-11-29. */
    private static final Map<String, Integer> H2_CHECKSUMS = Map.ofEntries(
            Map.entry("1", -1748805363), Map.entry("2", -213627192), Map.entry("3", -6446751),
            Map.entry("4", 1829828411), Map.entry("5", 1391079474), Map.entry("6", -478431016),
            Map.entry("7", 725109432), Map.entry("8", -401241051), Map.entry("9", -1039453032),
            Map.entry("10", -1598606099), Map.entry("11", 1377312199), Map.entry("12", -1846584128),
            Map.entry("13", -57923308), Map.entry("14", -1138944762), Map.entry("15", 521789522),
            Map.entry("16", -1035253390), Map.entry("17", 1750188420));

    /** Flyway's own checksums of today's files are the ones the realignment computes. */
    @Test
    void theRealignmentComputesChecksumsAsFlywayDoes() throws SQLException, IOException {
        String h2 = "jdbc:h2:mem:migrations_checksums;DB_CLOSE_DELAY=-1";
        migrate(h2, "sa", "", placeholders(0));
        Map<String, Integer> recorded = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(h2, "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "select \"version\", \"checksum\" from \"flyway_schema_history\" where \"version\" is not null")) {
            while (rs.next()) {
                recorded.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(recorded).hasSizeGreaterThan(17).isEqualTo(new TreeMap<>(LegacyMigrationHistory.currentChecksums()));
        assertThat(H2_CHECKSUMS.keySet()).isEqualTo(LegacyMigrationHistory.OLD_CHECKSUMS.keySet());
        H2_CHECKSUMS.forEach((version, h2Checksum) ->
                assertThat(LegacyMigrationHistory.OLD_CHECKSUMS.get(version)).as("version " + version).contains(h2Checksum));
    }

    private static void migrate(String url, String user, String password, Map<String, String> placeholders) {
        flyway(url, user, password, placeholders).migrate();
    }

    private static Flyway flyway(String url, String user, String password, Map<String, String> placeholders) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .placeholders(placeholders).load();
    }

    /** The placeholders of one document of civil-safety-ledger.yml: 0 is the default (H2), 1 the mysql profile's. */
    private static Map<String, String> placeholders(int document) throws IOException {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                .load("ledger", new ClassPathResource("civil-safety-ledger.yml"));
        Map<String, String> placeholders = new TreeMap<>();
        var source = (EnumerablePropertySource<?>) documents.get(document);
        String prefix = "spring.flyway.placeholders.";
        for (String name : source.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                placeholders.put(name.substring(prefix.length()), String.valueOf(source.getProperty(name)));
            }
        }
        assertThat(placeholders).as("placeholders of document " + document).containsKeys("id", "timestamp", "json");
        return placeholders;
    }

    /** A schema as both databases can describe it, in lower case, without Flyway's own table. */
    private record Schema(Map<String, List<String>> tables, Map<String, String> primaryKeys, Set<String> uniques,
                          Set<String> foreignKeys) {

        static Schema read(Connection c, String catalog, String schema) throws SQLException {
            DatabaseMetaData meta = c.getMetaData();
            Schema result = new Schema(new TreeMap<>(), new TreeMap<>(), new TreeSet<>(), new TreeSet<>());
            List<String> names = new ArrayList<>();
            try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!name.equalsIgnoreCase("flyway_schema_history")) {
                        names.add(name);
                    }
                }
            }
            for (String table : names) {
                String key = table.toLowerCase(Locale.ROOT);
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                                + kind(rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"))
                                + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : ""));
                    }
                }
                result.tables.put(key, columns);
                TreeMap<Short, String> pk = new TreeMap<>();
                try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
                    while (rs.next()) {
                        pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                result.primaryKeys.put(key, String.join(",", pk.values()));
                Map<String, TreeMap<Short, String>> unique = new TreeMap<>();
                try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, true, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        if (index != null && rs.getString("COLUMN_NAME") != null) {
                            unique.computeIfAbsent(index.toLowerCase(Locale.ROOT), i -> new TreeMap<>())
                                    .put(rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
                // compared by their columns: the databases name primary-key indexes differently
                unique.values().stream().map(cols -> String.join(",", cols.values()))
                        .filter(cols -> !cols.equals(result.primaryKeys.get(key)))
                        .forEach(cols -> result.uniques.add(key + "(" + cols + ")"));
                try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
                    while (rs.next()) {
                        result.foreignKeys.add(key + "." + rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                                + rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                                + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            return result;
        }

        /** The kind of a column in terms both dialects share (the dialects' spellings of one kind made equal). */
        static String kind(String typeName, int size, int digits) {
            String type = typeName.toLowerCase(Locale.ROOT);
            return switch (type) {
                case "bigint" -> "bigint";
                case "int", "integer" -> "int";
                case "boolean", "bit", "tinyint" -> "boolean"; // MariaDB's boolean is tinyint(1)
                case "character varying", "varchar" -> "varchar(" + size + ")";
                case "timestamp", "datetime" -> "timestamp(" + size + ")"; // display size: 26 with microseconds
                case "date" -> "date";
                case "decimal", "numeric" -> "decimal(" + size + "," + digits + ")";
                // JSON documents: clob on H2, json on MySQL (longtext on MariaDB); both read as text (common.Json)
                case "character large object", "clob", "longtext", "json" -> "text";
                default -> type + "(" + size + ")";
            };
        }
    }
}
