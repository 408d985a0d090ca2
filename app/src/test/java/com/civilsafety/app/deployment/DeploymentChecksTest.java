package com.civilsafety.app.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.CivilSafetyApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** A deployment with a gap does not start: no database password, the demo county or H2 in production. */
class DeploymentChecksTest {

    @Test
    void theMysqlProfileNeedsAPasswordOfItsOwn() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CivilSafetyApplication.class).profiles("mysql").run(
                "--spring.datasource.url=jdbc:mariadb://127.0.0.1:1/none", "--spring.datasource.password=", "--server.port=0",
                "--civil-safety.engine.embedded.port=0"))
                .hasStackTraceContaining("需要数据库密码").hasStackTraceContaining("CIVIL_SAFETY_DB_PASSWORD");
    }

    @Test
    void productionHasNoEmbeddedEngineNoDemoCountyAndNoH2() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CivilSafetyApplication.class).profiles("production").run(
                "--server.port=0", "--civil-safety.engine.embedded.port=0"))
                .hasStackTraceContaining("须使用 Camunda 8 集群");
        assertThatThrownBy(() -> new SpringApplicationBuilder(CivilSafetyApplication.class).profiles("production", "remote").run(
                "--civil-safety.demo-data.enabled=true", "--server.port=0", "--camunda.client.grpc-address=http://127.0.0.1:9"))
                .hasStackTraceContaining("不能载入演示数据");
        assertThatThrownBy(() -> new SpringApplicationBuilder(CivilSafetyApplication.class).profiles("production", "remote").run(
                "--server.port=0", "--camunda.client.grpc-address=http://127.0.0.1:9"))
                .hasStackTraceContaining("不能使用 H2 文件数据库");
        assertThatThrownBy(() -> new SpringApplicationBuilder(CivilSafetyApplication.class).profiles("production", "remote", "mysql").run(
                "--server.port=0", "--camunda.client.grpc-address=http://127.0.0.1:9", "--spring.datasource.url=jdbc:mariadb://127.0.0.1:1/none",
                "--spring.datasource.password=change-me-ledger"))
                .hasStackTraceContaining("仍是示例值");
    }

    @Test
    void theH2FilesAreTheOwnersOnly(@TempDir Path dir) throws IOException {
        // a directory made for the database: owner-only
        Path fresh = dir.resolve("data");
        check("jdbc:h2:file:" + fresh.resolve("civil-safety") + ";LOCK_TIMEOUT=10000");
        assertThat(permissions(fresh)).isEqualTo("rwx------");

        // one that was there (a home directory, say): left as it is, the database's own files tightened, no others
        Path shared = Files.createDirectories(dir.resolve("home"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path database = Files.createFile(shared.resolve("civil-safety.mv.db"));
        Path other = Files.createFile(shared.resolve("notes.txt"));
        for (Path file : new Path[]{database, other}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        check("jdbc:h2:file:" + shared.resolve("civil-safety"));
        assertThat(permissions(shared)).isEqualTo("rwxr-xr-x");
        assertThat(permissions(database)).isEqualTo("rw-------");
        assertThat(permissions(other)).isEqualTo("rw-r--r--");
    }

    private static void check(String url) {
        DeploymentChecks checks = new DeploymentChecks();
        checks.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", url));
        checks.postProcessBeanFactory(new DefaultListableBeanFactory());
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
