package com.civilsafety.app.deployment;

import com.civilsafety.ledger.common.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Settings that must hold before anything connects or loads, checked once the configuration is complete and before
 * any bean exists — so that a deployment with a gap does not start rather than start wrongly:
 * <ul>
 *   <li>{@code mysql}: the database password is given ({@code CIVIL_SAFETY_DB_PASSWORD}); there is no default one;</li>
 *   <li>{@code production}: no demo county, not the H2 file database (MySQL 8 / MariaDB through {@code mysql}), and no
 *       database password that is an example's placeholder;</li>
 *   <li>an H2 file database: a directory made for it is owner-only (rwx------), and its files are (rw-------), since
 *       H2 creates them as the umask allows.</li>
 * </ul>
 */
@Component
class DeploymentChecks implements BeanFactoryPostProcessor, EnvironmentAware {
    private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:(?:file:)?([./~][^;]*)");
    /** How the county's own secrets must not look: the placeholders of deploy/env.example. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)change-?me.*|changeit|password|secret|civil_safety");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (environment.acceptsProfiles(Profiles.of("mysql")) && environment.getProperty("spring.datasource.password", "").isBlank()) {
            throw new IllegalStateException("mysql 配置需要数据库密码：请设置 CIVIL_SAFETY_DB_PASSWORD（没有默认密码）");
        }
        if (environment.acceptsProfiles(Profiles.of("production"))) {
            if (environment.getProperty("civil-safety.demo-data.enabled", Boolean.class, false)) {
                throw new IllegalStateException("生产环境（production 配置）不能载入演示数据：请去掉 civil-safety.demo-data.enabled=true");
            }
            if (url.startsWith("jdbc:h2:")) {
                throw new IllegalStateException("生产环境（production 配置）不能使用 H2 文件数据库：请同时启用 mysql 配置（docs/operations.md）");
            }
            if (PLACEHOLDER.matcher(environment.getProperty("spring.datasource.password", "")).matches()) {
                throw new IllegalStateException("生产环境的数据库密码仍是示例值：请在 deploy/.env 中设置 CIVIL_SAFETY_DB_PASSWORD");
            }
        }
        Matcher h2 = H2_FILE.matcher(url);
        if (h2.find()) {
            restrict(Path.of(h2.group(1).replaceFirst("^~", System.getProperty("user.home"))).toAbsolutePath());
        }
    }

    /**
     * A directory made for the database (the default ./data on first start) becomes owner-only; one that was there
     * already is left as it is (it may be a home directory), but the database's own files in it are made owner-only.
     */
    private static void restrict(Path database) {
        Path dir = database.getParent();
        String name = database.getFileName().toString() + ".";
        try {
            if (!Files.exists(dir)) {
                PrivateFiles.directory(dir);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().startsWith(name)).toList()) {
                    PrivateFiles.file(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the database files in " + dir + " owner-only", e);
        }
    }
}
