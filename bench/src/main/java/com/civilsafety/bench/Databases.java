package com.civilsafety.bench;

import com.civilsafety.CivilSafetyApplication;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** The databases a benchmark row can run on, each fresh for the row. */
enum Databases {
    H2("H2 file") {
        @Override
        List<String> freshArguments(Path root) {
            Path data = root.resolve("bench/target/bench-data");
            FileSystemUtils.deleteRecursively(data.toFile());
            return List.of("--spring.datasource.url=jdbc:h2:file:" + data.resolve("civil-safety") + ";LOCK_TIMEOUT=10000");
        }
    },
    MARIADB("MariaDB") {
        @Override
        List<String> freshArguments(Path root) {
            String server = "jdbc:mariadb://" + env("CIVIL_SAFETY_MARIADB_HOST", "127.0.0.1") + ":"
                    + env("CIVIL_SAFETY_MARIADB_PORT", "3307") + "/";
            String user = env("CIVIL_SAFETY_MARIADB_USER", "civil_safety");
            String password = env("CIVIL_SAFETY_MARIADB_PASSWORD", "civil_safety");
            try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
                s.execute("drop database if exists civil_safety_bench");
                s.execute("create database civil_safety_bench character set utf8mb4 collate utf8mb4_unicode_ci");
            } catch (SQLException e) {
                throw new IllegalStateException("MariaDB not reachable at " + server
                        + " — start it with deploy/local/mariadb.sh start, or run with -Dbench.databases=h2", e);
            }
            return List.of("--spring.profiles.active=mysql", "--civil-safety.demo-data.enabled=true",
                    "--spring.datasource.url=" + server + "civil_safety_bench", "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password);
        }
    };

    private final String label;

    Databases(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Empties the database and returns the application arguments that point at it. */
    abstract List<String> freshArguments(Path root);

    /** The app on a fresh database of this kind, on free ports, logging warnings only; more arguments after. */
    ConfigurableApplicationContext startApp(Path root, String... more) {
        return new SpringApplicationBuilder(CivilSafetyApplication.class).run(appArguments(root, more));
    }

    /**
     * What {@link #startApp} starts the app with (the database emptied now), for a benchmark that starts it more than
     * once on the same database.
     */
    String[] appArguments(Path root, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--civil-safety.engine.embedded.port=0", "--server.port=0",
                "--logging.level.root=WARN"));
        arguments.addAll(freshArguments(root));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
