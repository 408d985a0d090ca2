package com.civilsafety.ledger.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database on the test MariaDB server (started by {@code deploy/local/mariadb.sh start}) for one test class,
 * wired in as the {@code mysql} profile's datasource. An unreachable server fails the test with a hint; the tests are
 * skipped only when {@code -Dcivil-safety.skip-mariadb=true} is given (CI never gives it).
 */
public final class MariaDbDatabase {
    private static final String HOST = env("CIVIL_SAFETY_MARIADB_HOST", "127.0.0.1");
    private static final String PORT = env("CIVIL_SAFETY_MARIADB_PORT", "3307");
    private static final String USER = env("CIVIL_SAFETY_MARIADB_USER", "civil_safety");
    private static final String PASSWORD = env("CIVIL_SAFETY_MARIADB_PASSWORD", "civil_safety");

    private MariaDbDatabase() {
    }

    /** Drops and recreates {@code civil_safety_test_<name>} and points the datasource at it. */
    public static void register(String name, DynamicPropertyRegistry registry) {
        register(name, registry, PORT);
    }

    /** As above, on a server of the test's own (a test that stops and starts it). */
    public static void register(String name, DynamicPropertyRegistry registry, String port) {
        String url = create(name, port);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    /** Drops and recreates {@code civil_safety_test_<name>} on the test server; answers its JDBC address. */
    public static String create(String name) {
        return create(name, PORT);
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static String create(String name, String port) {
        Assumptions.assumeFalse(Boolean.getBoolean("civil-safety.skip-mariadb"),
                "MariaDB tests skipped on request (-Dcivil-safety.skip-mariadb=true)");
        String database = "civil_safety_test_" + name.toLowerCase();
        String server = "jdbc:mariadb://" + HOST + ":" + port + "/";
        try (Connection c = DriverManager.getConnection(server, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database + " character set utf8mb4 collate utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB test server not reachable at " + server + " as " + USER
                    + " — start it with deploy/local/mariadb.sh start (or skip with -Dcivil-safety.skip-mariadb=true)", e);
        }
        return server + database;
    }

    /** Whether the MariaDB tests are to run (CI always runs them). */
    public static boolean skipped() {
        return Boolean.getBoolean("civil-safety.skip-mariadb");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
