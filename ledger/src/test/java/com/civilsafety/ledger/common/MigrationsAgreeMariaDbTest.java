package com.civilsafety.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.testsupport.MariaDbDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The two migration sets (db/migration/h2 for the default database, db/migration/mysql for MySQL 8 and MariaDB) are
 * written twice because their dialects differ (identity columns, datetime, json, table options); this test keeps them
 * one schema. Both are run from scratch — H2 in memory, MariaDB on the test server — and compared as the database
 * reports them: tables, columns with their kind, length and nullability, primary keys, unique constraints and
 * foreign keys.
 */
class MigrationsAgreeMariaDbTest {

    @Test
    void theH2AndMySqlMigrationsBuildTheSameSchema() throws SQLException {
        String h2 = "jdbc:h2:mem:migrations_agree;DB_CLOSE_DELAY=-1";
        migrate(h2, "sa", "", "classpath:db/migration/h2");
        String mariaDb = MariaDbDatabase.create("migrations_agree");
        migrate(mariaDb, MariaDbDatabase.user(), MariaDbDatabase.password(), "classpath:db/migration/mysql");

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

    private static void migrate(String url, String user, String password, String dialect) {
        Flyway.configure().dataSource(url, user, password)
                .locations(dialect, "classpath:db/migration/common")
                .load().migrate();
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
