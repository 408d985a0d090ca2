package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.CivilSafetyApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The embedded engine's gRPC gateway has no authentication — whoever reaches it could deploy models and complete jobs
 * with no trace in the ledger — so it listens on the loopback address only: reachable at 127.0.0.1, refused on every
 * other address of the machine. Asking it to listen elsewhere stops the start.
 */
@SpringBootTest
class EmbeddedEngineBindingTest {
    @Value("${camunda.client.grpc-address}")
    String gateway;

    @Test
    void theGatewayIsReachableOnLoopbackOnly() throws IOException {
        int port = URI.create(gateway).getPort();
        assertThat(URI.create(gateway).getHost()).isEqualTo("127.0.0.1");
        assertThat(connects(InetAddress.getLoopbackAddress(), port)).as("the platform's own client").isTrue();

        List<InetAddress> others = new ArrayList<>(List.of(InetAddress.getByAddress(new byte[]{127, 0, 0, 2})));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    others.add(address);
                }
            }
        }
        for (InetAddress address : others) {
            assertThat(connects(address, port)).as("the engine's port on " + address.getHostAddress()).isFalse();
        }
    }

    @Test
    void anotherAddressIsRefusedAtStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CivilSafetyApplication.class).run(
                "--civil-safety.engine.embedded.address=0.0.0.0", "--civil-safety.engine.embedded.port=0", "--server.port=0"))
                .hasStackTraceContaining("只能监听本机回环地址");
    }

    @Test
    void aClusterKeepsItsOwnTime() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CivilSafetyApplication.class).run(
                "--civil-safety.engine.mode=remote", "--civil-safety.clock.start=2030-01-01", "--server.port=0"))
                .hasStackTraceContaining("只能用于嵌入式引擎");
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
