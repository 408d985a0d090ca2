package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.CivilSafetyApplication;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The app deploys its models at start-up. A second app in remote mode, pointed at this app's engine as if it were a
 * cluster, as an API instance (profile {@code api}), starts no engine and no workers of its own, and its start-up
 * deployment of the unchanged models creates no new version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessDeploymentTest {
    @Autowired
    CamundaClient client;
    @Autowired
    ZeebeTestEngine engine;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aRestartDeployingUnchangedModelsKeepsTheirVersion() throws IOException {
        assertThat(deployAsTheAppDoes().getVersion()).as("deployed once, at start-up").isEqualTo(1);

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CivilSafetyApplication.class).run(
                "--civil-safety.engine.mode=remote",
                "--camunda.client.mode=self-managed",
                "--camunda.client.grpc-address=http://" + engine.getGatewayAddress().replace("0.0.0.0", "127.0.0.1"),
                "--camunda.client.rest-address=http://127.0.0.1:9",
                "--camunda.client.prefer-rest-over-grpc=false",
                "--camunda.client.auth.method=none",
                "--spring.profiles.active=api",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:remote-mode-test;DB_CLOSE_DELAY=-1")) {
            assertThat(second.containsBean("embeddedEngine")).as("remote mode starts no engine").isFalse();
            assertThat(second.getEnvironment().getProperty("camunda.client.worker.defaults.enabled"))
                    .as("an API instance leaves the jobs to the worker instances").isEqualTo("false");
            assertThat(second.getBean(CamundaClient.class).newTopologyRequest().useGrpc().send().join().getBrokers()).hasSize(1);
        }

        Process after = deployAsTheAppDoes();
        assertThat(after.getVersion()).isEqualTo(1);
    }

    @Test
    void aRemoteDeploymentDoesNotStartWithTheLocalLogin() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CivilSafetyApplication.class).profiles("remote").run(
                "--camunda.client.grpc-address=http://127.0.0.1:9", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:remote-local-login;DB_CLOSE_DELAY=-1").close())
                .rootCause().hasMessageContaining("本地登录不能用于生产环境");
    }

    @Test
    void healthIsUpWithTheEngine() {
        String health = rest.getForObject("/actuator/health", String.class);
        assertThat(health).contains("\"status\":\"UP\"");
    }

    /** Under the resource name the start-up deployment uses (the file name). */
    private Process deployAsTheAppDoes() throws IOException {
        byte[] model = new ClassPathResource("processes/hazard-rectification.bpmn").getContentAsByteArray();
        return client.newDeployResourceCommand().addResourceBytes(model, "hazard-rectification.bpmn").send().join()
                .getProcesses().get(0);
    }
}
