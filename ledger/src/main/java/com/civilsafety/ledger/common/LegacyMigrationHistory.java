package com.civilsafety.ledger.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Versions 1 to 17 of the schema were written twice until they became one set with placeholders: a database built
 * before then recorded the checksum of its dialect's old file, and Flyway would refuse to start on the new one (same
 * schema, other text). Before migrating, a recorded checksum that is exactly one of those old files' is set to the
 * current file's; any other difference still stops the start, as Flyway means it to.
 */
public final class LegacyMigrationHistory {
    private static final Logger log = LoggerFactory.getLogger(LegacyMigrationHistory.class);

    /** Version → the checksums Flyway recorded for the H2 and the MySQL file of that version before they became one. */
    static final Map<String, Set<Integer>> OLD_CHECKSUMS = Map.ofEntries(
            Map.entry("1", Set.of(-1748805363, -1706369322)),
            Map.entry("2", Set.of(-213627192, 635679169)),
            Map.entry("3", Set.of(-6446751, -1071047968)),
            Map.entry("4", Set.of(1829828411, -1164688495)),
            Map.entry("5", Set.of(1391079474, 794085812)),
            Map.entry("6", Set.of(-478431016, 2074548255)),
            Map.entry("7", Set.of(725109432, -2134993865)),
            Map.entry("8", Set.of(-401241051, -1320798418)),
            Map.entry("9", Set.of(-1039453032, 537707439)),
            Map.entry("10", Set.of(-1598606099, -868071050)),
            Map.entry("11", Set.of(1377312199, -1040784982)),
            Map.entry("12", Set.of(-1846584128, 279926203)),
            Map.entry("13", Set.of(-57923308, 1072131586)),
            Map.entry("14", Set.of(-1138944762, 784382144)),
            Map.entry("15", Set.of(521789522, 1840664530)),
            Map.entry("16", Set.of(-1035253390, -448735109)),
            Map.entry("17", Set.of(1750188420, -1500292843)));

    private LegacyMigrationHistory() {
    }

    /** Realigns the old files' checksums, then migrates. */
    public static void migrate(Flyway flyway) {
        realign(flyway);
        flyway.migrate();
    }

    /** Sets each recorded checksum of an old file to the checksum of the file that replaced it; returns how many. */
    static int realign(Flyway flyway) {
        Map<String, Integer> current = currentChecksums();
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        String table = flyway.getConfiguration().getTable();
        int realigned = 0;
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet tables = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), table, null)) {
                if (!tables.next()) {
                    return 0; // a new database: nothing recorded yet
                }
            }
            String q = c.getMetaData().getIdentifierQuoteString().strip();
            String history = q + table + q;
            Map<String, Integer> recorded = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("select " + q + "version" + q + ", " + q + "checksum" + q
                    + " from " + history + " where " + q + "version" + q + " is not null");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    recorded.put(rs.getString(1), rs.getInt(2));
                }
            }
            for (var entry : recorded.entrySet()) {
                String version = entry.getKey();
                if (OLD_CHECKSUMS.getOrDefault(version, Set.of()).contains(entry.getValue()) && current.containsKey(version)) {
                    try (PreparedStatement update = c.prepareStatement("update " + history + " set " + q + "checksum" + q
                            + " = ? where " + q + "version" + q + " = ? and " + q + "checksum" + q + " = ?")) {
                        update.setInt(1, current.get(version));
                        update.setString(2, version);
                        update.setInt(3, entry.getValue());
                        realigned += update.executeUpdate();
                    }
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the schema history to realign its old checksums", e);
        }
        if (realigned > 0) {
            log.info("Schema history: {} migrations recorded with the checksums of their former per-database files, "
                    + "realigned to the single migration set", realigned);
        }
        return realigned;
    }

    /** The checksum of each migration under db/migration, by version, computed as Flyway does. */
    static Map<String, Integer> currentChecksums() {
        Map<String, Integer> checksums = new HashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql")) {
                String name = r.getFilename();
                String version = name.substring(1, name.indexOf("__")).replace('_', '.');
                try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                    checksums.put(version, checksum(in));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read the migrations", e);
        }
        return checksums;
    }

    /** Flyway's checksum of a script: CRC-32 over its lines without their line breaks (and without a leading BOM). */
    static int checksum(Reader script) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(script);
        boolean first = true;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            first = false;
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
